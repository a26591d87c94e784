import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports

/// `strata describe`: every variable of a file through the codebook.
struct DescribeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe",
    abstract: "Summarise a data file through the codebook: codes, labels, missing, ranges.",
    discussion: """
      Each variable is read through the codebook: counts per code with labels, missing values, \
      values out of range or unknown (counted, not fatal: describe reads with --on-error \
      mark-missing unless told otherwise), min/max/mean of numbers, and the groupings. Columns \
      the codebook does not declare are listed with their inferred type.

      Example:
        strata describe datasets/sample/suspects.csv --format json
      """)

  @Argument(help: "The data file (.csv, .tsv, .txt, optionally .gz).")
  var file: String

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if ![.md, .json].contains(output.format) {
      throw ValidationError("describe writes md (text) or json.")
    }
  }

  func run() throws {
    let loaded = try input.input(file, defaultPolicy: .markMissing).load(filter: input.filter)
    let description = loaded.dataset.describe()
    printWarnings(loaded.warnings)
    switch output.format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var data = try encoder.encode(description)
      // A description counts every code, however rare: it is for the analyst, never published.
      if case .object(var root) = try JSONValue.parse(data) {
        var status = JSONObject()
        status["protected"] = .bool(false)
        root["disclosure"] = .object(status)
        data = try JSONValue.object(root).encoded()
      } else {
        data.append(contentsOf: Array("\n".utf8))
      }
      try output.write(String(decoding: data, as: UTF8.self))
    default:
      try output.write(
        description.plainText(language: output.lang) + "\n"
          + output.lang.text(.notDisclosureProtected) + "\n")
    }
  }
}
