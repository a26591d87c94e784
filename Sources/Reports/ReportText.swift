import Analysis
import Foundation
import Microdata
import Reporting

/// The fixed texts of a report page and the progress lines, in Swedish and English.
public enum ReportText {
  /// An integer with thin-space thousands for stderr (`12 345`).
  package static func integer(_ value: Int) -> String {
    NumberFormat(language: .sv, style: .typographic).string(Double(value), decimals: 0)
      .replacingOccurrences(of: "\u{00A0}", with: " ")
  }

  /// Seconds for progress lines: `0.12 s`, `3.4 s`, `72 s`.
  package static func seconds(_ value: Double) -> String {
    let decimals = value < 1 ? 2 : (value < 10 ? 1 : 0)
    return NumberFormat(language: .en, style: .plain).string(value, decimals: decimals) + " s"
  }

  /// Seconds in the page's language.
  package static func seconds(_ value: Double, _ language: Language) -> String {
    let decimals = value < 1 ? 2 : (value < 10 ? 1 : 0)
    return NumberFormat(language: language).string(value, decimals: decimals) + "\u{00A0}s"
  }

  package static func text(_ language: Language, _ sv: String, _ en: String) -> String {
    language == .sv ? sv : en
  }

  /// The name of an analysis kind for headings.
  package static func kind(_ kind: AnalysisKind, _ language: Language) -> String {
    switch (kind, language) {
    case (.tabulate, .sv): "Tabell"
    case (.tabulate, .en): "Table"
    case (.rates, .sv): "Andelar och antal per 100 000"
    case (.rates, .en): "Shares and rates per 100,000"
    case (.repeat, .sv): "Upprepad brottslighet"
    case (.repeat, .en): "Repeat offending"
    case (.recidivism, .sv): "Återfall"
    case (.recidivism, .en): "Recidivism"
    case (.logit, .sv): "Logistisk regression"
    case (.logit, .en): "Logistic regression"
    case (.maihda, .sv): "MAIHDA (intersektionell flernivåanalys)"
    case (.maihda, .en): "MAIHDA (intersectional multilevel analysis)"
    case (.share, .sv): "Andel av aggregerade antal"
    case (.share, .en): "Shares of aggregated counts"
    }
  }

  /// The suppression rule as a sentence.
  package static func suppressionRule(_ threshold: Int, _ language: Language) -> String {
    if threshold <= 0 {
      return text(language, "Inga uppgifter har undertryckts.", "No figures have been suppressed.")
    }
    return text(
      language,
      "Antal under \(threshold) redovisas inte (..), och inte heller andelar, kvoter och antal per 100 000 som bygger på dem; där en undertryckt uppgift annars kunde räknas fram ur summor har även andra celler undertryckts.",
      "Counts below \(threshold) are not shown (..), nor are the shares, ratios and rates based on them; where a suppressed figure could be derived from totals, further cells are suppressed too."
    )
  }

  /// A date and time as `2024-05-01 14:03`.
  package static func timestamp(_ date: Date, timeZone: TimeZone = .current) -> String {
    let calendar = Calendar(identifier: .gregorian)
    let parts = calendar.dateComponents(in: timeZone, from: date)
    func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
    return
      "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
  }
}
