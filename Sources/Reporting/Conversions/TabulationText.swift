import Microdata
import Tabulation

/// The fixed texts of tabulation tables (column headers, totals and the standard notes),
/// looked up in the message catalog with their numbers formatted in the table's language.
enum TabulationText {
  static func total(_ l: Language) -> String { l.text(.total) }
  static func count(_ l: Language) -> String { l.text(.count) }
  static func population(_ l: Language) -> String { l.text(.population) }
  static func lower(_ l: Language) -> String { l.text(.ciLower) }
  static func upper(_ l: Language) -> String { l.text(.ciUpper) }
  static func percentSign(_ l: Language) -> String { l.text(.perCent) }

  /// "Per 100 000".
  static func per(_ per: Double, _ l: Language) -> String {
    l.text(.perUnit(NumberFormat(language: l, style: .typographic).string(per, decimals: 0)))
  }

  /// The header of a percentage column.
  static func percent(_ base: PercentBase, _ l: Language) -> String {
    switch base {
    case .row: l.text(.rowPercent)
    case .column: l.text(.columnPercent)
    case .total: l.text(.totalPercent)
    }
  }

  /// The note on percentages.
  static func percentNote(_ base: PercentBase, _ l: Language) -> String {
    switch base {
    case .row: l.text(.rowPercentNote)
    case .column: l.text(.columnPercentNote)
    case .total: l.text(.totalPercentNote)
    }
  }

  /// The note on rates and their intervals.
  static func rateNote(_ per: Double, level: Double, _ l: Language) -> String {
    let perText = NumberFormat(language: l, style: .typographic).string(per, decimals: 0)
    let levelText = NumberFormat(language: l, style: .typographic).string(
      100 * level, decimals: level * 100 == (level * 100).rounded() ? 0 : 1)
    return l.text(.rateNote(per: perText, level: levelText))
  }

  /// The note on disclosure control.
  static func suppressionNote(threshold: Double, _ l: Language) -> String {
    let text = NumberFormat(language: l, style: .typographic).string(threshold, decimals: 0)
    return l.text(.suppressionNote(threshold: text))
  }

  /// "3 rader ingår inte: uppgift saknas om utbildning." A count below `threshold` is written
  /// as "färre än 5" so that notes publish no small count either.
  static func exclusionNotes(
    missing: [String: Int], outside: [String: Int], threshold: Double,
    label: (String) -> String, _ l: Language
  ) -> [String] {
    func amount(_ n: Int) -> String {
      if threshold > 0 && Double(n) < threshold {
        let t = NumberFormat(language: l, style: .typographic).string(threshold, decimals: 0)
        return l.text(.fewerThanRows(threshold: t))
      }
      let text = NumberFormat(language: l, style: .typographic).string(Double(n), decimals: 0)
      return l.text(.rowCount(text, count: n))
    }
    var notes: [String] = []
    for (variable, n) in missing.sorted(by: { $0.key < $1.key }) where n > 0 {
      notes.append(
        l.text(.excludedMissing(amount: amount(n), variable: lowercasedStart(label(variable)))))
    }
    for (variable, n) in outside.sorted(by: { $0.key < $1.key }) where n > 0 {
      notes.append(
        l.text(.excludedOutside(amount: amount(n), variable: lowercasedStart(label(variable)))))
    }
    return notes
  }

  /// A label lower-cased at its start for use inside a sentence ("Kön" → "kön"), unless it
  /// starts with an abbreviation ("SUN-nivå", "EU").
  static func lowercasedStart(_ label: String) -> String {
    guard let first = label.first, let second = label.dropFirst().first, !second.isUppercase
    else { return label }
    return first.lowercased() + label.dropFirst()
  }
}
