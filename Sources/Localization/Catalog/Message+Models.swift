// Texts of regression tables: coefficients, fit statistics, marginal effects, model comparison.

extension Message {
  // MARK: Coefficients

  /// "Konstant" / "Intercept", the label of `(Intercept)`.
  public static let intercept = Message("model.intercept", sv: "Konstant", en: "Intercept")
  /// The note on an aliased (not estimated) coefficient.
  public static let aliasedNote = Message(
    "model.note.aliased", sv: "Ej skattad: termen är linjärt beroende av andra termer i modellen.",
    en: "Not estimated: the term is linearly dependent on other terms of the model.")
  /// "profillikelihood" / "profile likelihood", a method of intervals.
  public static let profileLikelihood = Message(
    "model.interval.profile", sv: "profillikelihood", en: "profile likelihood")
  /// "Konfidensintervall (95 % KI): Wald."
  public static func confidenceIntervalsNote(interval: String, method: String) -> Message {
    Message(
      "model.note.intervals", sv: "Konfidensintervall (\(interval)): \(method).",
      en: "Confidence intervals (\(interval)): \(method).")
  }
  /// "Robusta standardfel (HC1)."; `kind` e.g. `HC1`.
  public static func robustStandardErrors(kind: String) -> Message {
    Message(
      "model.note.robust", sv: "Robusta standardfel (\(kind)).",
      en: "Robust standard errors (\(kind)).")
  }
  /// "Klusterrobusta standardfel." / "Cluster-robust standard errors."
  public static let clusterRobustStandardErrors = Message(
    "model.note.cluster_robust", sv: "Klusterrobusta standardfel.",
    en: "Cluster-robust standard errors.")

  // MARK: Fit statistics

  /// The fit statistics under a coefficient table; numbers formatted, `p` as `p = 0,12` or
  /// `p < 0,001`.
  public static func fitStatistics(
    n: String, deviance: String, aic: String, bic: String, degreesOfFreedom: Int,
    statistic: String, p: String
  ) -> Message {
    Message(
      "model.note.fit_statistics",
      sv:
        "n = \(n); devians \(deviance); AIC \(aic); BIC \(bic); LR-test mot nollmodellen: χ²(\(degreesOfFreedom)) = \(statistic), \(p).",
      en:
        "n = \(n); deviance \(deviance); AIC \(aic); BIC \(bic); LR test against the null model: χ²(\(degreesOfFreedom)) = \(statistic), \(p)."
    )
  }

  // MARK: Marginal effects

  /// "Kontrast" / "Contrast".
  public static let contrast = Message("model.ame.contrast", sv: "Kontrast", en: "Contrast")
  /// "AME, procentenheter" / "AME, percentage points".
  public static let ameColumn = Message(
    "model.ame.column", sv: "AME, procentenheter", en: "AME, percentage points")
  /// The note on average marginal effects; `interval` e.g. "95 % KI".
  public static func ameNote(interval: String) -> Message {
    Message(
      "model.ame.note",
      sv:
        "Genomsnittliga marginaleffekter på sannolikheten i procentenheter; en faktornivå jämförs med referensnivån. Deltametodens medelfel; Wald-intervall (\(interval)).",
      en:
        "Average marginal effects on the probability in percentage points; a factor level is compared with the reference level. Delta-method standard errors; Wald intervals (\(interval))."
    )
  }

  // MARK: Model comparison

  /// "Koefficienter" / "Coefficients".
  /// The footnote of a withheld model; `cells` names the columns, e.g. "kon: Kvinna".
  public static func modelWithheld(maximum: Int, cells: String) -> Message {
    Message(
      "model.withheld",
      sv:
        "Modellen redovisas inte: dess skattningar skulle avslöja antal från 1 till \(maximum) i \(cells).",
      en:
        "The model is not shown: its estimates would reveal counts from 1 to \(maximum) in \(cells)."
    )
  }
  /// "utanför kon: Kvinna" / "outside kon: Female" (the complement of a column).
  public static func outsideCells(_ cells: String) -> Message {
    Message("model.withheld.outside", sv: "utanför \(cells)", en: "outside \(cells)")
  }
  /// "alla" / "all persons" (the intercept's count, the total).
  public static let allCells = Message("model.withheld.all", sv: "totalen", en: "the total")
  public static let coefficients = Message(
    "model.comparison.coefficients", sv: "Koefficienter", en: "Coefficients")
  /// "Devians" / "Deviance".
  public static let deviance = Message("model.comparison.deviance", sv: "Devians", en: "Deviance")
  /// "Frihetsgrader" / "df", a column header.
  public static let degreesOfFreedomShort = Message(
    "model.comparison.df", sv: "Frihetsgrader", en: "df")
  /// "Modell" / "Model".
  public static let model = Message("model.comparison.model", sv: "Modell", en: "Model")
  /// "Formel" / "Formula".
  public static let formula = Message("model.comparison.formula", sv: "Formel", en: "Formula")
  /// The note on likelihood-ratio tests between nested models.
  public static let modelComparisonNote = Message(
    "model.comparison.note",
    sv:
      "Likelihoodkvottest (devianstest) av varje modell mot modellen på raden ovanför, på samma observationer.",
    en:
      "Likelihood-ratio (deviance) test of each model against the model in the row above, on the same observations."
  )
}
