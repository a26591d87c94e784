import Microdata

/// The fixed texts of tables and charts: the symbols and the standard explanations of table
/// symbols (after SCB's and Brå's "Teckenförklaring"), looked up in the message catalog
/// (`Message` in Localization).
public enum ReportingText {
  /// The symbol of a suppressed cell.
  public static let suppressedSymbol = ".."
  /// The symbol of a cell that cannot occur.
  public static let cannotOccurSymbol = "-"

  /// "Källa: " / "Source: ".
  public static func sourcePrefix(_ language: Language) -> String {
    language.text(.sourcePrefix)
  }

  /// "Enhet: " / "Unit: ".
  public static func unitPrefix(_ language: Language) -> String {
    language.text(.unitPrefix)
  }

  /// The standard legend for `..`.
  public static func suppressedLegend(_ language: Language) -> String {
    language.text(.suppressedLegend)
  }

  /// The standard legend for `-`.
  public static func cannotOccurLegend(_ language: Language) -> String {
    language.text(.cannotOccurLegend)
  }

  /// The standard legend for a non-zero value that rounds to zero (`0,0`), set against the
  /// true zero `0`.
  public static func roundedZeroLegend(_ language: Language, decimals: Int) -> String {
    let separator = NumberFormat(language: language).decimalSeparator
    let half = "0" + separator + String(repeating: "0", count: max(0, decimals)) + "5"
    return language.text(.roundedZeroLegend(half: half))
  }

  /// The standard legend of a flag's marker.
  public static func flagLegend(_ flag: CellFlags, _ language: Language) -> String {
    switch flag {
    case .uncertain: language.text(.uncertainLegend)
    case .provisional: language.text(.provisionalLegend)
    case .revised: language.text(.revisedLegend)
    default: ""
    }
  }
}
