import Analysis
import Microdata
import Reporting

extension FigureCheck {
  /// The status as a short text.
  package func statusText(_ language: Language) -> String {
    let t = { (sv: String, en: String) in ReportText.text(language, sv, en) }
    switch status {
    case .reproduced: return t("stämmer", "reproduced")
    case .mismatch: return t("AVVIKER", "MISMATCH")
    case .knownMismatch(let reason): return t("känd avvikelse: ", "known mismatch: ") + reason
    case .unexpectedMatch(let reason):
      return t(
        "stämmer, men är markerad som känd avvikelse: ",
        "reproduced, but marked as a known mismatch: ") + reason
    case .suppressed: return t("UNDERTRYCKT i resultatet", "SUPPRESSED in the output")
    case .notFound(let why): return t("SAKNAS: ", "NOT FOUND: ") + why
    case .analysisFailed(let why): return t("ANALYSEN MISSLYCKADES: ", "ANALYSIS FAILED: ") + why
    }
  }

  /// The diff table of checks: cell, measure, published value, computed value unrounded,
  /// rounded by the rule, rule and status.
  package static func table(_ checks: [FigureCheck], language: Language) throws(ReportingError)
    -> ReportTable
  {
    let t = { (sv: String, en: String) in ReportText.text(language, sv, en) }
    var table = ReportTable(
      title: t("Kontroll mot publicerade uppgifter", "Check against published figures"),
      subtitle: summary(checks, language: language),
      language: language,
      stubHeaders: [t("Analys", "Analysis"), "Cell"],
      columns: [
        ReportColumn(t("Mått", "Measure"), role: .label),
        ReportColumn(t("Publicerat", "Published"), role: .label),
        ReportColumn(t("Beräknat", "Computed"), role: .estimate),
        ReportColumn(t("Avrundat", "Rounded"), role: .label),
        ReportColumn(t("Avrundning", "Rounding"), role: .label),
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
    if language == .sv {
      return "\(reproduced) av \(checks.count) uppgifter stämmer; \(known) kända avvikelser; "
        + (failures == 0 ? "inga fel." : "\(failures) fel.")
    }
    return "\(reproduced) of \(checks.count) figures reproduce; \(known) known mismatches; "
      + (failures == 0 ? "no failures." : "\(failures) failures.")
  }
}
