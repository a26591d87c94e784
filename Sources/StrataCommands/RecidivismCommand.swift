import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports
import Tabulation

extension IndexRule: ExpressibleByArgument {}

/// `strata recidivism`: a new suspicion within a follow-up window, by group.
struct RecidivismCommand: AnalysisCommand {
  static let configuration = CommandConfiguration(
    commandName: "recidivism",
    abstract: "Recidivism: the share with a new suspicion within a window, and Kaplan–Meier.",
    discussion: """
      SUSPICIONS has one row per suspicion (lopnr, datum). The index suspicion is each person's \
      first in the index period (--index first) or every suspicion date in it (--index each); \
      recidivism is a later suspicion within --window days. The share is among those followed \
      for the whole window (the data must reach index + window; the others are censored and \
      counted), with a Wilson interval; the Kaplan–Meier cumulative incidence at the window \
      uses everyone, with Greenwood's log interval.

      With --persons the suspicions are joined by lopnr to the person file for the --by \
      variables (kon, aldersgrupp, fodelse, ...); suspicions of persons missing there are left \
      out and counted. Only the rows of persons the suspicions name are read in full; the \
      others are checked for their number of fields and skipped. --filter selects suspicions \
      after the join. Suspicions dated before \
      --start, after --end (default: the last date) or before the person's birth are left out \
      and counted under "excluded_events", never silently.

      Examples:
        strata recidivism suspicions.csv --persons persons.csv --window 365 \\
          --by kon
        strata recidivism suspicions.csv --window 1095 --start 2016-01-01 \\
          --index-end 2016-12-31 --end 2019-12-31 \\
          --filter 'brottstyp == "vnr_partner"' --format json

      Exit status: 0 success; 1 data error (the message names the file, line and value); \
      2 usage error.
      """)

  @Argument(help: "The suspicions file (one row per suspicion: lopnr, datum, ...).")
  var file: String

  @Option(help: "Person file joined by lopnr for the group variables.")
  var persons: String?

  @Option(
    parsing: .unconditional, help: "Follow-up window in days, e.g. 365 or 1095.",
    transform: windowDays)
  var window: Int

  @Option(help: "Group variables, comma-separated.", transform: commaSeparated)
  var by: [String] = []

  @Option(help: "Index suspicions: first (each person's first in the period) or each.")
  var index: IndexRule = .first

  @Option(help: "First day of the index period (YYYY-MM-DD); earlier suspicions are left out.")
  var start: String?

  @Option(name: .customLong("index-end"), help: "Last day of the index period (YYYY-MM-DD).")
  var indexEnd: String?

  @Option(help: "Last day covered by the data (YYYY-MM-DD; default: the last suspicion date).")
  var end: String?

  @Option(parsing: .unconditional, help: "Suppress groups with counts below this; 0 turns it off.")
  var suppress = 5

  @Option(parsing: .unconditional, help: "Confidence level of the intervals.")
  var level = 0.95

  @Option(help: "Title of the table and chart.")
  var title: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var rendering: AnalysisOutputOptions

  var request: RecidivismRequest {
    RecidivismRequest(
      suspicions: input.input(file), persons: persons.map { input.input($0) },
      filter: input.filter, windowDays: window, by: by, index: index, start: start,
      indexEnd: indexEnd, end: end, suppress: suppress, level: level, title: title,
      language: output.lang)
  }
}
