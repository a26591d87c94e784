import Foundation
import Microdata
import Reporting

extension FigureCheck {
  /// The status as a short text.
  func statusText(_ language: Language) -> String {
    let t = { (sv: String, en: String) in ReportText.text(language, sv, en) }
    switch status {
    case .reproduced: return t("stämmer", "reproduced")
    case .mismatch: return t("AVVIKER", "MISMATCH")
    case .knownMismatch(let reason): return t("känd avvikelse: ", "known mismatch: ") + reason
    case .unexpectedMatch(let reason):
      return t("stämmer, men är markerad som känd avvikelse: ", "reproduced, but marked as a known mismatch: ") + reason
    case .suppressed: return t("UNDERTRYCKT i resultatet", "SUPPRESSED in the output")
    case .notFound(let why): return t("SAKNAS: ", "NOT FOUND: ") + why
    case .analysisFailed(let why): return t("ANALYSEN MISSLYCKADES: ", "ANALYSIS FAILED: ") + why
    }
  }

  /// The diff table of checks: cell, measure, published value, computed value unrounded,
  /// rounded by the rule, rule and status.
  static func table(_ checks: [FigureCheck], language: Language) throws(ReportingError) -> ReportTable {
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
          .text(check.figure.measure), .text(check.figure.published), computed,
          check.rounded.map { .text($0) } ?? .missing,
          .text("\(check.figure.rounding.rawValue), \(check.figure.decimals) dec."),
          .text(check.statusText(language)),
        ])
    }
    return table
  }

  /// "43 of 45 figures reproduce; 2 known mismatches; no failures."
  static func summary(_ checks: [FigureCheck], language: Language) -> String {
    let reproduced = checks.filter {
      if case .reproduced = $0.status { true } else if case .unexpectedMatch = $0.status { true } else { false }
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

extension FigureCheck {
  /// The checks as JSON for scripts:
  ///
  /// ```json
  /// {"checks": [{"analysis": 1, "title": "…", "cell": {"grupp": "Kvinnor", "ar": "2004"},
  ///   "measure": "percent", "published": "25", "decimals": 0, "rounding": "double",
  ///   "computed": 24.476, "rounded": "25", "status": "reproduced", "reason": null,
  ///   "failure": false}],
  ///  "summary": {"figures": 45, "reproduced": 43, "known_mismatches": 2, "failures": 0}}
  /// ```
  static func json(_ checks: [FigureCheck]) throws -> Data {
    var items: [JSONValue] = []
    for check in checks {
      var object = JSONObject()
      var cell = JSONObject()
      for coordinate in check.figure.cell { cell[coordinate.variable] = .string(coordinate.code) }
      object["analysis"] = .number(Double(check.analysis))
      object["title"] = .string(check.analysisTitle)
      object["cell"] = .object(cell)
      object["measure"] = .string(check.figure.measure)
      object["published"] = .string(check.figure.published)
      object["decimals"] = .number(Double(check.figure.decimals))
      object["rounding"] = .string(check.figure.rounding.rawValue)
      object["computed"] = check.computed.map(JSONValue.number) ?? .null
      object["rounded"] = check.rounded.map(JSONValue.string) ?? .null
      let (status, reason): (String, String?) =
        switch check.status {
        case .reproduced: ("reproduced", nil)
        case .mismatch: ("mismatch", nil)
        case .knownMismatch(let why): ("known_mismatch", why)
        case .unexpectedMatch(let why): ("unexpected_match", why)
        case .suppressed: ("suppressed", nil)
        case .notFound(let why): ("not_found", why)
        case .analysisFailed(let why): ("analysis_failed", why)
        }
      object["status"] = .string(status)
      object["reason"] = reason.map(JSONValue.string) ?? .null
      object["failure"] = .bool(check.isFailure)
      items.append(.object(object))
    }
    var summary = JSONObject()
    summary["figures"] = .number(Double(checks.count))
    summary["reproduced"] = .number(Double(checks.filter { $0.status == .reproduced }.count))
    summary["known_mismatches"] = .number(
      Double(checks.filter { if case .knownMismatch = $0.status { true } else { false } }.count))
    summary["failures"] = .number(Double(checks.filter(\.isFailure).count))
    var root = JSONObject()
    root["checks"] = .array(items)
    root["summary"] = .object(summary)
    return try JSONValue.object(root).encoded()
  }
}
