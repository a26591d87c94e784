import Analysis
import Microdata
import Reporting

extension FigureCheck {
  /// The status as a short text.
  package func statusText(_ language: Language) -> String {
    let message: Message =
      switch status {
      case .reproduced: .checkReproduced
      case .mismatch: .checkMismatch
      case .knownMismatch(let reason): .checkKnownMismatch(reason: reason)
      case .unexpectedMatch(let reason): .checkUnexpectedMatch(reason: reason)
      case .suppressed: .checkSuppressed
      case .notFound(let why): .checkNotFound(reason: why)
      case .analysisFailed(let why): .checkAnalysisFailed(reason: why)
      }
    return language.text(message)
  }

  /// The diff table of checks: cell, measure, published value, computed value unrounded,
  /// rounded by the rule, rule and status.
  package static func table(_ checks: [FigureCheck], language: Language) throws(ReportingError)
    -> ReportTable
  {
    var table = ReportTable(
      title: language.text(.checkAgainstPublished),
      subtitle: summary(checks, language: language),
      language: language,
      stubHeaders: [language.text(.checkAnalysis), "Cell"],
      columns: [
        ReportColumn(language.text(.measure), role: .label),
        ReportColumn(language.text(.published), role: .label),
        ReportColumn(language.text(.computed), role: .estimate),
        ReportColumn(language.text(.rounded), role: .label),
        ReportColumn(language.text(.rounding), role: .label),
        ReportColumn("Status", role: .label),
      ])
    for check in checks {
      let computed: ReportCell =
        check.computed.map { value in
          // Whole numbers (counts) as such; anything else with four more decimals than printed.
          .estimate(value, decimals: check.figure.decimals + (value == value.rounded() ? 0 : 4))
        } ?? .missing
      try table.appendRow(
        [String(check.analysis), check.figure.cellText],
        [
          .text(check.figure.measure.rawValue), .text(check.figure.published), computed,
          check.rounded.map { .text($0) } ?? .missing,
          .text("\(check.figure.rounding.rawValue), \(check.figure.decimals) dec."),
          .text(check.statusText(language)),
        ])
    }
    return table
  }

  /// "43 of 45 figures reproduce; 2 known mismatches; no failures."
  package static func summary(_ checks: [FigureCheck], language: Language) -> String {
    let reproduced = checks.filter {
      if case .reproduced = $0.status {
        true
      } else if case .unexpectedMatch = $0.status {
        true
      } else {
        false
      }
    }.count
    let known = checks.filter { if case .knownMismatch = $0.status { true } else { false } }.count
    let failures = checks.filter(\.isFailure).count
    return language.text(
      .checkSummary(
        reproduced: reproduced, total: checks.count, known: known, failures: failures))
  }
}
