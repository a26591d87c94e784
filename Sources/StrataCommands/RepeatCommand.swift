import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports

/// `strata repeat`: the share of suspects suspected on several occasions, by group.
struct RepeatCommand: AnalysisCommand {
  static let configuration = CommandConfiguration(
    commandName: "repeat",
    abstract: "Repeat offending: the share of suspects with at least two suspicions, by group.",
    discussion: """
      Each row of FILE is a suspect (a person and offence type, as in suspects.csv) with its \
      number of suspicions in the period (antal_misstankar). A repeat suspect has at least \
      --threshold of them (Brå's upprepad brottslighet: two or more). Shares have Wilson \
      intervals; rows whose group or count is missing are left out and counted.

      Disclosure control works on the table group × repeat suspect: a group with fewer than \
      --suppress repeat suspects, other suspects or suspects in all, or one that would reveal \
      such a group, has no figures ("suppressed": true).

      Examples:
        strata repeat suspects.csv --by kon,aldersgrupp \\
          --filter 'brottstyp == "vnr_partner"'
        strata repeat suspects.csv --by brottstyp,kon --format json

      Exit status: 0 success; 1 data error (the message names the file, line and value); \
      2 usage error.
      """)

  @Argument(help: "The suspects file (one row per person and offence type).")
  var file: String

  @Option(help: "Group variables, comma-separated (none: everyone).", transform: commaSeparated)
  var by: [String] = []

  @Option(parsing: .unconditional, help: "A repeat suspect has at least this many suspicions.")
  var threshold = 2

  @Option(
    name: .customLong("count-variable"),
    help: "The column holding each suspect's number of suspicions.")
  var countVariable = "antal_misstankar"

  @Option(parsing: .unconditional, help: "Suppress groups with counts below this; 0 turns it off.")
  var suppress = 5

  @Option(parsing: .unconditional, help: "Confidence level of the Wilson intervals.")
  var level = 0.95

  @Option(help: "Title of the table and chart.")
  var title: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var personLevel: PersonLevelOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var rendering: AnalysisOutputOptions

  var request: RepeatOffendingRequest {
    RepeatOffendingRequest(
      data: personLevel.apply(to: input.input(file)), filter: input.filter, by: by,
      countVariable: countVariable,
      threshold: threshold, suppress: suppress, level: level, title: title, language: output.lang)
  }
}
