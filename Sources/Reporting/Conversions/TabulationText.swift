import Microdata
import Tabulation

/// The fixed Swedish and English texts of tabulation tables: column headers, totals and the
/// standard notes.
enum TabulationText {
  static func total(_ l: Language) -> String { l == .sv ? "Totalt" : "Total" }
  static func count(_ l: Language) -> String { l == .sv ? "Antal" : "Count" }
  static func population(_ l: Language) -> String { l == .sv ? "Befolkning" : "Population" }
  static func lower(_ l: Language) -> String { l == .sv ? "KI nedre" : "CI lower" }
  static func upper(_ l: Language) -> String { l == .sv ? "KI övre" : "CI upper" }
  static func percentSign(_ l: Language) -> String { l == .sv ? "Procent" : "Per cent" }

  /// "Per 100 000".
  static func per(_ per: Double, _ l: Language) -> String {
    "Per " + NumberFormat(language: l, style: .typographic).string(per, decimals: 0)
  }

  /// The header of a percentage column.
  static func percent(_ base: PercentBase, _ l: Language) -> String {
    switch (base, l) {
    case (.row, .sv): "Radprocent"
    case (.row, .en): "Row %"
    case (.column, .sv): "Kolumnprocent"
    case (.column, .en): "Column %"
    case (.total, .sv): "Procent av totalen"
    case (.total, .en): "% of total"
    }
  }

  /// The note on percentages.
  static func percentNote(_ base: PercentBase, _ l: Language) -> String {
    switch (base, l) {
    case (.row, .sv): "Radprocent: andel av radens summa."
    case (.row, .en): "Row %: share of the row's total."
    case (.column, .sv): "Kolumnprocent: andel av kolumnens summa."
    case (.column, .en): "Column %: share of the column's total."
    case (.total, .sv): "Procent av totalen: andel av tabellens summa."
    case (.total, .en): "% of total: share of the table's total."
    }
  }

  /// The note on rates and their intervals.
  static func rateNote(_ per: Double, level: Double, _ l: Language) -> String {
    let perText = NumberFormat(language: l, style: .typographic).string(per, decimals: 0)
    let levelText = NumberFormat(language: l, style: .typographic).string(
      100 * level, decimals: level * 100 == (level * 100).rounded() ? 0 : 1)
    return l == .sv
      ? "Per \(perText): antal per \(perText) i befolkningen i samma grupp. KI: exakt \(levelText) "
        + "% konfidensintervall (Poisson, Garwood)."
      : "Per \(perText): count per \(perText) of the population of the same group. CI: exact \(levelText) "
        + "% confidence interval (Poisson, Garwood)."
  }

  /// The note on disclosure control.
  static func suppressionNote(threshold: Double, _ l: Language) -> String {
    let text = NumberFormat(language: l, style: .typographic).string(threshold, decimals: 0)
    return l == .sv
      ? "Antal under \(text) redovisas inte (..), inte heller uppgifter som skulle göra det möjligt "
        + "att räkna fram dem."
      : "Counts below \(text) are not shown (..), nor figures from which they could be worked out."
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
        return l == .sv ? "Färre än \(t) rader" : "Fewer than \(t) rows"
      }
      let text = NumberFormat(language: l, style: .typographic).string(Double(n), decimals: 0)
      return l == .sv ? "\(text) \(n == 1 ? "rad" : "rader")" : "\(text) \(n == 1 ? "row" : "rows")"
    }
    var notes: [String] = []
    for (variable, n) in missing.sorted(by: { $0.key < $1.key }) where n > 0 {
      notes.append(
        l == .sv
          ? "\(amount(n)) ingår inte: uppgift saknas om \(lowercasedStart(label(variable)))."
          : "\(amount(n)) not included: \(lowercasedStart(label(variable))) is missing.")
    }
    for (variable, n) in outside.sorted(by: { $0.key < $1.key }) where n > 0 {
      notes.append(
        l == .sv
          ? "\(amount(n)) ingår inte: \(lowercasedStart(label(variable))) utanför alla grupper."
          : "\(amount(n)) not included: \(lowercasedStart(label(variable))) outside every group.")
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
