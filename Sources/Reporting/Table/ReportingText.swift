import Microdata

/// The fixed texts of tables and charts in Swedish and English: labels and the standard
/// explanations of table symbols (after SCB's and Brå's "Teckenförklaring").
public enum ReportingText {
  /// The symbol of a suppressed cell.
  public static let suppressedSymbol = ".."
  /// The symbol of a cell that cannot occur.
  public static let cannotOccurSymbol = "-"

  /// "Källa: " / "Source: ".
  public static func sourcePrefix(_ language: Language) -> String {
    language == .sv ? "Källa: " : "Source: "
  }

  /// "Enhet: " / "Unit: ".
  public static func unitPrefix(_ language: Language) -> String {
    language == .sv ? "Enhet: " : "Unit: "
  }

  /// The standard legend for `..`.
  public static func suppressedLegend(_ language: Language) -> String {
    language == .sv
      ? "Uppgiften redovisas inte: för få observationer eller för osäker för att anges."
      : "Not shown: too few observations, or too uncertain to be published."
  }

  /// The standard legend for `-`.
  public static func cannotOccurLegend(_ language: Language) -> String {
    language == .sv ? "Uppgiften kan inte förekomma." : "Cannot occur."
  }

  /// The standard legend for a non-zero value that rounds to zero (`0,0`), set against the
  /// true zero `0`.
  public static func roundedZeroLegend(_ language: Language, decimals: Int) -> String {
    let separator = NumberFormat(language: language).decimalSeparator
    let half = "0" + separator + String(repeating: "0", count: max(0, decimals)) + "5"
    return language == .sv
      ? "Mindre än \(half) men större än noll; 0 betyder exakt noll."
      : "Less than \(half) but more than zero; 0 means exactly zero."
  }

  /// The standard legend of a flag's marker.
  public static func flagLegend(_ flag: CellFlags, _ language: Language) -> String {
    switch (flag, language) {
    case (.uncertain, .sv): "Osäker skattning (få observationer): tolka med försiktighet."
    case (.uncertain, .en): "Uncertain estimate (few observations): interpret with caution."
    case (.provisional, .sv): "Preliminär uppgift."
    case (.provisional, .en): "Provisional figure."
    case (.revised, .sv): "Reviderad sedan föregående publicering."
    case (.revised, .en): "Revised since the previous publication."
    default: ""
    }
  }
}
