import Analysis
import Foundation
import Microdata
import Reporting

/// Number and time formats of a report page and the progress lines, and catalog lookups
/// (``Message``) shared by several of its parts.
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

  /// A share as a percentage for progress lines: `41.2 %`.
  package static func percent(_ share: Double) -> String {
    NumberFormat(language: .en, style: .plain).string(100 * share, decimals: 1) + " %"
  }

  /// Seconds in the page's language.
  package static func seconds(_ value: Double, _ language: Language) -> String {
    let decimals = value < 1 ? 2 : (value < 10 ? 1 : 0)
    return NumberFormat(language: language).string(value, decimals: decimals) + "\u{00A0}s"
  }

  /// The name of an analysis kind for headings.
  package static func kind(_ kind: AnalysisKind, _ language: Language) -> String {
    let message: Message =
      switch kind {
      case .tabulate: .analysisTabulate
      case .rates: .analysisRates
      case .repeat: .analysisRepeat
      case .recidivism: .analysisRecidivism
      case .logit: .analysisLogit
      case .maihda: .analysisMAIHDA
      case .share: .analysisShare
      }
    return language.text(message)
  }

  /// The suppression rule as a sentence.
  package static func suppressionRule(_ threshold: Int, _ language: Language) -> String {
    language.text(threshold <= 0 ? .noSuppression : .suppressionRule(threshold: threshold))
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
