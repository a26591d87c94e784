import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports

/// The output formats of the contract.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case md, csv, json, html, tex, xlsx
}

extension Language: ExpressibleByArgument {}

/// `--format`, `--output`, `--lang`: shared by every subcommand that prints results.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: md, csv, json, html, tex or xlsx.")
  var format: OutputFormat = .md

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @Option(help: "Language of labels and number formatting: sv or en.")
  var lang: Language = .sv

  func validate() throws {
    if format == .xlsx && output == nil {
      throw ValidationError("--format xlsx writes a workbook: give --output FILE.xlsx.")
    }
  }

  /// Writes text to the output file (replacing it whole: a reader never sees a part) or
  /// standard output.
  func write(_ text: String) throws {
    if let output {
      try writeReplacingFile(Data(text.utf8), to: URL(fileURLWithPath: output))
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}
