import Foundation
import Reporting

/// Writes the result of a model job the way every model subcommand does: warnings to standard
/// error, then the contract JSON (`--format json`) or the tables rendered in the chosen format
/// to `--output` or standard output, and the job's chart as SVG to `chartPath` when given.
func writeModelResult(_ result: JobResult, to output: OutputOptions, chartPath: String?) throws {
  printWarnings(result.warnings)
  let data: Data
  if output.format == .json {
    data = result.json
  } else {
    guard let format = TableFormat(rawValue: output.format.rawValue) else {
      throw JobError.invalidOption("unknown format \(output.format.rawValue)")
    }
    data = try format.renderer().data(for: result.tables)
  }
  if let path = output.output {
    try data.write(to: URL(fileURLWithPath: path))
  } else {
    FileHandle.standardOutput.write(data)
  }
  if let chartPath {
    guard let chart = result.charts.first else {
      progress("no chart to write: the result has none")
      return
    }
    try Data(chart.svg.utf8).write(to: URL(fileURLWithPath: chartPath))
  }
}
