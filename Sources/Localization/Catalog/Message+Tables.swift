// Texts every table shares: prefixes, the standard symbol legends, common column headers.

extension Message {
  // MARK: Prefixes and symbols

  /// "Källa: " / "Source: ".
  public static let sourcePrefix = Message("table.source_prefix", sv: "Källa: ", en: "Source: ")
  /// "Enhet: " / "Unit: ".
  public static let unitPrefix = Message("table.unit_prefix", sv: "Enhet: ", en: "Unit: ")
  /// The legend of `..`, a suppressed cell.
  public static let suppressedLegend = Message(
    "table.legend.suppressed",
    sv: "Uppgiften redovisas inte: för få observationer eller för osäker för att anges.",
    en: "Not shown: too few observations, or too uncertain to be published.")
  /// The legend of `-`, a cell that cannot occur.
  public static let cannotOccurLegend = Message(
    "table.legend.cannot_occur", sv: "Uppgiften kan inte förekomma.", en: "Cannot occur.")
  /// The legend of a non-zero value that rounds to zero; `half` is e.g. `0,05`.
  public static func roundedZeroLegend(half: String) -> Message {
    Message(
      "table.legend.rounded_zero",
      sv: "Mindre än \(half) men större än noll; 0 betyder exakt noll.",
      en: "Less than \(half) but more than zero; 0 means exactly zero.")
  }
  /// The legend of the marker of an uncertain estimate.
  public static let uncertainLegend = Message(
    "table.legend.uncertain",
    sv: "Osäker skattning (få observationer): tolka med försiktighet.",
    en: "Uncertain estimate (few observations): interpret with caution.")
  /// The legend of the marker of a provisional figure.
  public static let provisionalLegend = Message(
    "table.legend.provisional", sv: "Preliminär uppgift.", en: "Provisional figure.")
  /// The legend of the marker of a revised figure.
  public static let revisedLegend = Message(
    "table.legend.revised", sv: "Reviderad sedan föregående publicering.",
    en: "Revised since the previous publication.")

  // MARK: Formats

  /// The default name of the sheet of table `index` in a workbook.
  public static func sheetName(index: Int) -> Message {
    Message("workbook.sheet_name", sv: "Tabell \(index)", en: "Table \(index)")
  }
  /// The LaTeX babel language of a standalone document.
  public static let babelLanguage = Message(
    "latex.babel_language", sv: "swedish", en: "english")
  /// The decimal separator of numbers.
  public static let decimalSeparator = Message("number.decimal_separator", sv: ",", en: ".")
  /// The thousands separator of numbers for reading: no-break space / comma.
  public static let groupingSeparator = Message(
    "number.grouping_separator", sv: "\u{00A0}", en: ",")
  /// The thousands separator of numbers in LaTeX source: thin space / comma.
  public static let latexGroupingSeparator = Message(
    "number.grouping_separator_latex", sv: "\\,", en: ",")
  /// The word joining the last two items of a list: " och " / " and ".
  public static let listAnd = Message("list.and", sv: " och ", en: " and ")

  // MARK: Intervals

  /// "95 % KI" / "95% CI"; `percent` is the formatted level.
  public static func confidenceLabel(percent: String) -> Message {
    Message("interval.confidence_label", sv: "\(percent) % KI", en: "\(percent)% CI")
  }
  /// "Nedre" / "Lower": the lower bound of an interval (under an interval header).
  public static let lower = Message("column.lower", sv: "Nedre", en: "Lower")
  /// "Övre" / "Upper".
  public static let upper = Message("column.upper", sv: "Övre", en: "Upper")
  /// "KI nedre" / "CI lower".
  public static let ciLower = Message("column.ci_lower", sv: "KI nedre", en: "CI lower")
  /// "KI övre" / "CI upper".
  public static let ciUpper = Message("column.ci_upper", sv: "KI övre", en: "CI upper")

  // MARK: Common column and row headers

  /// "Totalt" / "Total", the total row or column.
  public static let total = Message("label.total", sv: "Totalt", en: "Total")
  /// "Grupp" / "Group", the stub header of a table without group variables.
  public static let group = Message("column.group", sv: "Grupp", en: "Group")
  /// "Antal" / "Count".
  public static let count = Message("column.count", sv: "Antal", en: "Count")
  /// "Befolkning" / "Population".
  public static let population = Message("column.population", sv: "Befolkning", en: "Population")
  /// "Procent" / "Per cent".
  public static let perCent = Message("column.per_cent", sv: "Procent", en: "Per cent")
  /// "Andel, %" / "Share, %".
  public static let sharePercent = Message("column.share_percent", sv: "Andel, %", en: "Share, %")
  /// "Per 100 000": a rate's unit; `per` is the formatted multiplier.
  public static func perUnit(_ per: String) -> Message {
    Message("column.per_unit", sv: "Per \(per)", en: "Per \(per)")
  }
  /// "Per 100 000" / "Per 100,000", the unit of rates per 100 000.
  public static let per100000 = Message(
    "column.per_100000", sv: "Per 100 000", en: "Per 100,000")
  /// "Personer" / "Persons".
  public static let persons = Message("column.persons", sv: "Personer", en: "Persons")
  /// "Fall" / "Cases".
  public static let cases = Message("column.cases", sv: "Fall", en: "Cases")
  /// "Skattning" / "Estimate".
  public static let estimate = Message("column.estimate", sv: "Skattning", en: "Estimate")
  /// "Medelfel" / "Std. error".
  public static let standardError = Message(
    "column.standard_error", sv: "Medelfel", en: "Std. error")
  /// "Oddskvot" / "Odds ratio".
  public static let oddsRatio = Message("column.odds_ratio", sv: "Oddskvot", en: "Odds ratio")
  /// "Term", the stub header of coefficient tables.
  public static let term = Message("column.term", sv: "Term", en: "Term")
  /// "Mått" / "Statistic", the stub header of a table of test statistics.
  public static let statistic = Message("column.statistic", sv: "Mått", en: "Statistic")
  /// "Mått" / "Measure", the stub header of a table of measures.
  public static let measure = Message("column.measure", sv: "Mått", en: "Measure")
  /// "Värde" / "Value".
  public static let value = Message("column.value", sv: "Värde", en: "Value")
  /// "Variabel" / "Variable".
  public static let variable = Message("column.variable", sv: "Variabel", en: "Variable")
}
