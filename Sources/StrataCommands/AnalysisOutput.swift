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
  /// Semicolon-separated, decimal comma, BOM, title and notes: for Excel with Swedish settings.
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
        + "for Swedish Excel)."))
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
    try write(
      CSVRenderer(style: rendering.csvStyle.style).data(for: result.tables), to: output.output)
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
    try Data(chart.svg.utf8).write(to: URL(fileURLWithPath: path))
  }
}

private func write(_ data: Data, to path: String?) throws {
  if let path {
    try data.write(to: URL(fileURLWithPath: path))
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
