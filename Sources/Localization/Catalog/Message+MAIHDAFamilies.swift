// Texts of MAIHDA tables for Poisson (rates) and Gaussian (means) outcomes.

extension Message {
  // MARK: Summary table

  /// "Residualvarians inom strata, σ²_e" / "Within-stratum residual variance, σ²_e".
  public static let withinStratumVariance = Message(
    "maihda.family.within_stratum_variance", sv: "Residualvarians inom strata, σ²_e",
    en: "Within-stratum residual variance, σ²_e")
  /// "Medianincidenskvot (MRR)" / "Median rate ratio (MRR)".
  public static let medianRateRatio = Message(
    "maihda.family.median_rate_ratio", sv: "Medianincidenskvot (MRR)",
    en: "Median rate ratio (MRR)")
  /// "restringerad ML-skattning (REML)" / "restricted maximum likelihood (REML)".
  public static let remlEstimation = Message(
    "maihda.method.reml", sv: "restringerad ML-skattning (REML)",
    en: "restricted maximum likelihood (REML)")
  /// "ML-skattning" / "maximum likelihood (ML)".
  public static let mlEstimation = Message(
    "maihda.method.ml", sv: "ML-skattning", en: "maximum likelihood (ML)")
  /// "112 strata, 33 000 personer."-style counts plus the covariates adjusted for.
  public static func maihdaCovariatesNote(_ covariates: String) -> Message {
    Message(
      "maihda.note.covariates",
      sv:
        "Båda modellerna justerar för \(covariates); strata predikteras vid personernas genomsnittliga värden.",
      en:
        "Both models adjust for \(covariates); strata are predicted at the persons' average values."
    )
  }
  /// The note on the Poisson models; `interval` e.g. "95 % KI". Without model 2 (`bothModels`
  /// false) it speaks of one model and leaves out the PCV; without the AUC, its interval.
  public static func maihdaPoissonSummaryNote(
    method: String, interval: String, bothModels: Bool = true, auc: Bool = true
  ) -> Message {
    let pcv = bothModels ? pcvDefinition : (sv: "", en: "")
    let end = auc ? aucInterval : (sv: ".", en: ".")
    return Message(
      "maihda.note.summary_poisson",
      sv: (bothModels ? "Poissonmodeller" : "Poissonmodell")
        + " för antalet fall med befolkningen som exponering (log-offset) och slumpmässigt "
        + "intercept per stratum (\(method)). VPC på logskalan = σ²/(σ² + ln(1 + 1/λ)), λ = "
        + "genomsnittlig incidens (Nakagawa m.fl. 2017); MRR = medianincidenskvoten\(pcv.sv). "
        + "\(interval): profillikelihood för σ², VPC och MRR\(end.sv)",
      en: (bothModels ? "Poisson models" : "A Poisson model")
        + " of the number of cases with the population as exposure (log offset) and a random "
        + "intercept per stratum (\(method)). VPC on the log scale = σ²/(σ² + ln(1 + 1/λ)), λ = "
        + "the mean rate (Nakagawa et al. 2017); MRR = the median rate ratio\(pcv.en). "
        + "\(interval): profile likelihood for σ², VPC and MRR\(end.en)")
  }
  /// The note on the linear models (Gaussian outcome); without model 2 (`bothModels` false)
  /// of the one model, without the PCV.
  public static func maihdaGaussianSummaryNote(method: String, bothModels: Bool = true)
    -> Message
  {
    let pcv = bothModels ? pcvDefinition : (sv: "", en: "")
    return Message(
      "maihda.note.summary_gaussian",
      sv: (bothModels ? "Linjära modeller" : "Linjär modell")
        + " med slumpmässigt intercept per stratum (\(method)). VPC = σ²/(σ² + σ²_e), andelen "
        + "av utfallets varians som ligger mellan strata\(pcv.sv).",
      en: (bothModels ? "Linear models" : "A linear model")
        + " with a random intercept per stratum (\(method)). VPC = σ²/(σ² + σ²_e), the share "
        + "of the outcome's variance that lies between strata\(pcv.en).")
  }

  /// What the VPC of a linear model (Gaussian outcome) is and the conventional reading of its
  /// size.
  public static let maihdaReadingVPCGaussian = Message(
    "reading.maihda.vpc_gaussian",
    sv:
      "VPC (variansandelen mellan strata) är den del av utfallets totala varians som ligger mellan de intersektionella strata i stället för mellan personer i samma stratum. En VPC under 1 % brukar läsas som obefintlig, 1–5 % som liten, 5–10 % som måttlig, 10–20 % som stor och över 20 % som mycket stor.",
    en:
      "The VPC (variance partition coefficient) is the part of the outcome's total variance that lies between the intersectional strata rather than between persons of the same stratum. A VPC below 1% is conventionally read as negligible, 1–5% as small, 5–10% as moderate, 10–20% as large and above 20% as very large."
  )

  // MARK: Main effects

  /// "Skillnad" / "Difference", the column of a linear model's coefficient.
  public static let difference = Message(
    "maihda.family.difference", sv: "Skillnad", en: "Difference")
  /// The note under model 2's rate ratios.
  public static let maihdaPoissonMainEffectsNote = Message(
    "maihda.note.main_effects_poisson",
    sv:
      "Modell 2: huvudeffekternas incidenskvoter, betingade på stratumeffekten (Wald-intervall).",
    en:
      "Model 2: incidence rate ratios of the main effects, conditional on the stratum effect (Wald intervals)."
  )
  /// The note under model 2's differences in means.
  public static let maihdaGaussianMainEffectsNote = Message(
    "maihda.note.main_effects_gaussian",
    sv:
      "Modell 2: huvudeffekternas skillnader i medelvärde, betingade på stratumeffekten (Wald-intervall).",
    en:
      "Model 2: differences in the mean of the main effects, conditional on the stratum effect (Wald intervals)."
  )

  // MARK: Strata

  /// "Medelvärde" / "Mean", the unit of a Gaussian outcome's stratum table.
  public static let stratumMean = Message("maihda.strata.mean", sv: "Medelvärde", en: "Mean")
  /// "Samspel, log-incidens (modell 2)" / "Interaction, log rate (model 2)".
  public static let interactionLogRate = Message(
    "maihda.strata.interaction_log_rate", sv: "Samspel, log-incidens (modell 2)",
    en: "Interaction, log rate (model 2)")
  /// "Samspel, utfallets skala (modell 2)" / "Interaction, outcome scale (model 2)".
  public static let interactionOutcomeScale = Message(
    "maihda.strata.interaction_outcome_scale", sv: "Samspel, utfallets skala (modell 2)",
    en: "Interaction, outcome scale (model 2)")
  /// The note explaining a Gaussian strata table.
  public static func maihdaGaussianStrataNote(interval: String) -> Message {
    Message(
      "maihda.note.strata_gaussian",
      sv:
        "Strata rangordnade efter modell 1:s predicerade medelvärde (krympt mot totalmedelvärdet), med \(interval).",
      en:
        "Strata ranked by model 1's predicted mean (shrunk towards the overall mean), with \(interval)."
    )
  }
  /// The note explaining a Poisson strata table.
  public static func maihdaPoissonStrataNote(interval: String) -> Message {
    Message(
      "maihda.note.strata_poisson",
      sv:
        "Strata rangordnade efter modell 1:s predicerade incidens (krympt mot medelvärdet), med \(interval).",
      en:
        "Strata ranked by model 1's predicted rate (shrunk towards the mean), with \(interval)."
    )
  }
  /// "Strata efter predicerat medelvärde: Kön × Ålder".
  public static func maihdaStrataTitleMean(variables: String) -> Message {
    Message(
      "analysis.maihda.strata_title_mean", sv: "Strata efter predicerat medelvärde: \(variables)",
      en: "Strata by predicted mean: \(variables)")
  }
  /// "Strata efter predicerad incidens: Kön × Ålder".
  public static func maihdaStrataTitleRate(variables: String) -> Message {
    Message(
      "analysis.maihda.strata_title_rate", sv: "Strata efter predicerad incidens: \(variables)",
      en: "Strata by predicted rate: \(variables)")
  }
  /// "Predicerat medelvärde" / "Predicted mean", the caterpillar plot's axis.
  public static let predictedMean = Message(
    "maihda.chart.axis_mean", sv: "Predicerat medelvärde", en: "Predicted mean")
}
