// Texts of the analyses' publications (titles of their tables, subtitles, notes; used by
// `Reporting/Analyses`) and the report's kinds of analysis and suppression rule (`Reports`).

extension Message {
  // MARK: Kinds of analysis

  /// "Tabell" / "Table", the heading of a tabulation.
  public static let analysisTabulate = Message("analysis.kind.tabulate", sv: "Tabell", en: "Table")
  /// "Andelar och antal per 100 000" / "Shares and rates per 100,000".
  public static let analysisRates = Message(
    "analysis.kind.rates", sv: "Andelar och antal per 100 000", en: "Shares and rates per 100,000")
  /// "Upprepad brottslighet" / "Repeat offending".
  public static let analysisRepeat = Message(
    "analysis.kind.repeat", sv: "Upprepad brottslighet", en: "Repeat offending")
  /// "Återfall" / "Recidivism".
  public static let analysisRecidivism = Message(
    "analysis.kind.recidivism", sv: "Återfall", en: "Recidivism")
  /// "Logistisk regression" / "Logistic regression".
  public static let analysisLogit = Message(
    "analysis.kind.logit", sv: "Logistisk regression", en: "Logistic regression")
  /// "MAIHDA (intersektionell flernivåanalys)".
  public static let analysisMAIHDA = Message(
    "analysis.kind.maihda", sv: "MAIHDA (intersektionell flernivåanalys)",
    en: "MAIHDA (intersectional multilevel analysis)")
  /// "Andel av aggregerade antal" / "Shares of aggregated counts".
  public static let analysisShare = Message(
    "analysis.kind.share", sv: "Andel av aggregerade antal", en: "Shares of aggregated counts")

  // MARK: Titles, subtitles and notes

  /// "Urval: kon == 1" / "Selection: …", the subtitle of a table with a selection.
  public static func selectionSubtitle(_ selection: String) -> Message {
    Message("analysis.subtitle.selection", sv: "Urval: \(selection)", en: "Selection: \(selection)")
  }
  /// "Logistisk regression: misstankt ~ kon".
  public static func logitTitle(formula: String) -> Message {
    Message(
      "analysis.logit.title", sv: "Logistisk regression: \(formula)",
      en: "Logistic regression: \(formula)")
  }
  /// "Genomsnittliga marginaleffekter: misstankt ~ kon".
  public static func marginalEffectsTitle(formula: String) -> Message {
    Message(
      "analysis.logit.ame_title", sv: "Genomsnittliga marginaleffekter: \(formula)",
      en: "Average marginal effects: \(formula)")
  }
  /// "Jämförelse av modeller" / "Model comparison".
  public static let modelComparisonTitle = Message(
    "analysis.logit.comparison_title", sv: "Jämförelse av modeller", en: "Model comparison")
  /// "Strata efter predicerad andel: Kön × Ålder".
  public static func maihdaStrataTitle(variables: String) -> Message {
    Message(
      "analysis.maihda.strata_title", sv: "Strata efter predicerad andel: \(variables)",
      en: "Strata by predicted share: \(variables)")
  }
  /// "Huvudeffekter (modell 2): Kön × Ålder".
  public static func maihdaMainEffectsTitle(variables: String) -> Message {
    Message(
      "analysis.maihda.main_effects_title", sv: "Huvudeffekter (modell 2): \(variables)",
      en: "Main effects (model 2): \(variables)")
  }
  /// "Andel av befolkning"; `denominator` is the lower-cased label.
  public static func shareTitle(denominator: String) -> Message {
    Message(
      "analysis.share.title", sv: "Andel av \(denominator)", en: "Share of \(denominator)")
  }
  /// "Antal" / "Number", the count column of a share table.
  public static let shareNumber = Message("analysis.share.number", sv: "Antal", en: "Number")
  /// The note on how a share table's per cent is computed; `level` e.g. "95 %".
  public static func shareFormulaNote(denominator: String, level: String) -> Message {
    Message(
      "analysis.share.note",
      sv:
        "Procent = 100 · antal / \(denominator). Konfidensintervall (Wilson, \(level)) finns i JSON-filen.",
      en:
        "Per cent = 100 · number / \(denominator). Confidence intervals (Wilson, \(level)) are in the JSON file."
    )
  }
  /// The note on a test summed over further variables; labels in a sentence.
  public static func testSummedOverNote(rows: String, cols: String, summed: String) -> Message {
    Message(
      "analysis.tabulate.test_summed_over",
      sv: "Testet avser \(rows) mot \(cols), summerat över \(summed).",
      en: "The test is of \(rows) against \(cols), summed over \(summed).")
  }

  // MARK: Suppression rule

  /// "Inga uppgifter har undertryckts." / "No figures have been suppressed."
  public static let noSuppression = Message(
    "report.suppression.none", sv: "Inga uppgifter har undertryckts.",
    en: "No figures have been suppressed.")
  /// The suppression rule of a report as a sentence.
  public static func suppressionRule(threshold: Int) -> Message {
    Message(
      "report.suppression.rule",
      sv:
        "Antal under \(threshold) redovisas inte (..), och inte heller andelar, kvoter och antal per 100 000 som bygger på dem; där en undertryckt uppgift annars kunde räknas fram ur summor har även andra celler undertryckts.",
      en:
        "Counts below \(threshold) are not shown (..), nor are the shares, ratios and rates based on them; where a suppressed figure could be derived from totals, further cells are suppressed too."
    )
  }
}
