// Texts of the count models (`strata poisson`, `strata nbreg`): titles, the rate-ratio column,
// marginal effects on rates, and the note on the negative binomial's θ and overdispersion.

extension Message {
  /// "Poissonregression" / "Poisson regression", the kind of analysis.
  public static let analysisPoisson = Message(
    "analysis.kind.poisson", sv: "Poissonregression", en: "Poisson regression")
  /// "Negativ binomialregression" / "Negative binomial regression".
  public static let analysisNegativeBinomial = Message(
    "analysis.kind.nbreg", sv: "Negativ binomialregression", en: "Negative binomial regression")
  /// "Poissonregression: misstankt ~ kon".
  public static func poissonTitle(formula: String) -> Message {
    Message(
      "analysis.poisson.title", sv: "Poissonregression: \(formula)",
      en: "Poisson regression: \(formula)")
  }
  /// "Negativ binomialregression: misstankt ~ kon".
  public static func negativeBinomialTitle(formula: String) -> Message {
    Message(
      "analysis.nbreg.title", sv: "Negativ binomialregression: \(formula)",
      en: "Negative binomial regression: \(formula)")
  }
  /// "Kvot (IRR)" / "Rate ratio (IRR)", the column of exp(β̂) of a log-linear model.
  public static let rateRatio = Message(
    "model.rate_ratio", sv: "Incidenskvot (IRR)", en: "Incidence rate ratio (IRR)")
  /// The marginal-effect column of a rate model, per `per` persons (e.g. "100 000").
  public static func ameRateColumn(per: String) -> Message {
    Message("model.ame.rate_column", sv: "AME per \(per)", en: "AME per \(per)")
  }
  /// The marginal-effect column of a count model without exposure.
  public static let ameCountColumn = Message(
    "model.ame.count_column", sv: "AME, antal", en: "AME, count")
  /// The note on average marginal effects on a rate.
  public static func ameRateNote(per: String, interval: String) -> Message {
    Message(
      "model.ame.rate_note",
      sv:
        "Genomsnittliga marginaleffekter på kvoten per \(per), medelvärde över exponeringen (befolkningen); en faktornivå jämförs med referensnivån. Deltametodens medelfel; Wald-intervall (\(interval)).",
      en:
        "Average marginal effects on the rate per \(per), averaged over the exposure (the population); a factor level is compared with the reference level. Delta-method standard errors; Wald intervals (\(interval))."
    )
  }
  /// The note on average marginal effects on an expected count.
  public static func ameCountNote(interval: String) -> Message {
    Message(
      "model.ame.count_note",
      sv:
        "Genomsnittliga marginaleffekter på det förväntade antalet; en faktornivå jämförs med referensnivån. Deltametodens medelfel; Wald-intervall (\(interval)).",
      en:
        "Average marginal effects on the expected count; a factor level is compared with the reference level. Delta-method standard errors; Wald intervals (\(interval))."
    )
  }
  /// The note on θ of a negative binomial fit and the test of overdispersion.
  public static func negativeBinomialNote(
    theta: String, thetaError: String, alpha: String, statistic: String, p: String
  ) -> Message {
    Message(
      "model.nbreg.note",
      sv:
        "Negativ binomial med varians μ + μ²/θ: θ = \(theta) (medelfel \(thetaError)), α = 1/θ = \(alpha). LR-test av α = 0 (ingen överspridning, Poisson): χ̄²(01) = \(statistic), \(p).",
      en:
        "Negative binomial with variance μ + μ²/θ: θ = \(theta) (standard error \(thetaError)), α = 1/θ = \(alpha). LR test of α = 0 (no overdispersion, Poisson): χ̄²(01) = \(statistic), \(p)."
    )
  }
  /// The note on overdispersion under a Poisson fit (Pearson χ² / df).
  public static func poissonDispersionNote(ratio: String, statistic: String, p: String) -> Message {
    Message(
      "model.poisson.dispersion_note",
      sv:
        "Överspridning: Pearsons χ²/fg = \(ratio); LR-test av α = 0 mot negativ binomial: χ̄²(01) = \(statistic), \(p). Vid överspridning är Poissonmodellens medelfel för små; använd strata nbreg eller --robust.",
      en:
        "Overdispersion: Pearson χ²/df = \(ratio); LR test of α = 0 against the negative binomial: χ̄²(01) = \(statistic), \(p). Under overdispersion the Poisson standard errors are too small; use strata nbreg or --robust."
    )
  }
}
