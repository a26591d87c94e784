import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports

/// The CSV dialects of `--csv-style`.
enum CSVStyleArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// Comma-separated, decimal point, no BOM: for R, Python and other programs.
  case rfc4180
  /// Semicolon-separated, decimal comma, BOM: for Excel with Swedish settings.
  case excelSv = "excel-sv"

  var style: CSVRenderer.Style { self == .rfc4180 ? .rfc4180 : .excelSwedish }
}

/// `--csv-style` and `--chart`: how the analysis subcommands (`tabulate`, `repeat`,
/// `recidivism`, `logit`, `maihda`) write their tables and chart besides `--format` and
/// `--output`.
struct AnalysisOutputOptions: ParsableArguments {
  @Option(
    name: .customLong("csv-style"),
    help: ArgumentHelp(
      "CSV dialect: rfc4180 (comma, decimal point) or excel-sv (semicolon, decimal comma, BOM, "
        + "for Swedish Excel). --format csv writes one tidy table (one row per cell, codes and "
        + "labels); with --output FILE.csv, titles and notes go to FILE.meta.json and further "
        + "tables to FILE-2.csv, ..."))
  var csvStyle: CSVStyleArgument = .rfc4180

  @Option(help: "Also write the chart as SVG to this file.")
  var chart: String?
}

/// Writes a job's result: warnings to standard error, then the contract JSON (`--format json`)
/// or the tables in the chosen format to `--output` or standard output (a workbook for xlsx),
/// and the first chart to `--chart`.
func writeAnalysisResult(
  _ result: AnalysisPublication, output: OutputOptions, rendering: AnalysisOutputOptions
) throws {
  printWarnings(result.warnings)
  if !result.isDisclosureProtected {
    printWarnings([output.lang.text(.notDisclosureProtected)])
  }
  switch output.format {
  case .json:
    try write(result.json, to: output.output)
  case .csv:
    try writeTidyCSV(result.tables, style: rendering.csvStyle.style, to: output.output)
  case .xlsx:
    guard let path = output.output else {
      throw ValidationError("--format xlsx writes a workbook: give --output FILE.xlsx.")
    }
    try XLSXRenderer().write(result.tables, to: URL(fileURLWithPath: path))
  case .md, .html, .tex:
    let format = TableFormat(rawValue: output.format.rawValue)!
    try write(format.renderer().data(for: result.tables), to: output.output)
  }
  if let path = rendering.chart {
    guard let chart = result.charts.first else {
      progress("no chart written to \(path): the result has none (e.g. every group is suppressed)")
      return
    }
    try writeReplacingFile(Data(chart.svg.utf8), to: URL(fileURLWithPath: path))
  }
}

/// The tables as tidy CSV (`TidyCSVRenderer`, column categories moved into rows): the first
/// to `path` or standard output; with a path, the others to `STEM-2.csv`, … and the titles,
/// columns and notes of all to `STEM.meta.json`.
func writeTidyCSV(_ tables: [ReportTable], style: CSVRenderer.Style, to path: String?) throws {
  let renderer = TidyCSVRenderer(style: style)
  let long = tables.map { $0.longLayout() }
  guard let path else {
    if let first = long.first { try write(renderer.data(for: [first]), to: nil) }
    if long.count > 1 {
      progress(
        "CSV on standard output holds the first of \(long.count) tables; "
          + "give --output FILE.csv for all of them (and their titles and notes in FILE.meta.json)")
    }
    return
  }
  let url = URL(fileURLWithPath: path)
  let stem = url.pathExtension.lowercased() == "csv" ? url.deletingPathExtension() : url
  var files: [(file: String, table: ReportTable)] = []
  for (index, table) in long.enumerated() {
    let file =
      index == 0
      ? url
      : stem.deletingLastPathComponent().appendingPathComponent(
        "\(stem.lastPathComponent)-\(index + 1).csv")
    try write(renderer.data(for: [table]), to: file.path)
    files.append((file.lastPathComponent, table))
  }
  let sidecar = stem.deletingLastPathComponent().appendingPathComponent(
    "\(stem.lastPathComponent).meta.json")
  try write(renderer.metadata(files), to: sidecar.path)
}

private func write(_ data: Data, to path: String?) throws {
  if let path {
    try writeReplacingFile(data, to: URL(fileURLWithPath: path))
  } else {
    FileHandle.standardOutput.write(data)
  }
}

/// `kon,fodelse` → `["kon", "fodelse"]` (spaces around names are ignored).
func commaSeparated(_ text: String) throws -> [String] {
  let names = text.split(separator: ",", omittingEmptySubsequences: false).map {
    $0.trimmingCharacters(in: .whitespaces)
  }
  guard !names.contains(where: \.isEmpty) else {
    throw ValidationError(
      "`\(text)` has an empty name; separate variables with commas, e.g. kon,fodelse.")
  }
  return names
}
