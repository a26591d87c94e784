// Texts of MAIHDA (intersectional multilevel analysis) tables and the caterpillar plot.

extension Message {
  // MARK: Summary table

  /// "Modell 1: nollmodell" / "Model 1: null".
  public static let maihdaNullModel = Message(
    "maihda.null_model", sv: "Modell 1: nollmodell", en: "Model 1: null")
  /// "Modell 2: huvudeffekter" / "Model 2: main effects".
  public static let maihdaMainEffectsModel = Message(
    "maihda.main_effects_model", sv: "Modell 2: huvudeffekter", en: "Model 2: main effects")
  /// "Variansen mellan strata, σ²" / "Between-stratum variance, σ²".
  public static let betweenStratumVariance = Message(
    "maihda.between_stratum_variance", sv: "Variansen mellan strata, σ²",
    en: "Between-stratum variance, σ²")
  /// "Medianoddskvot (MOR)" / "Median odds ratio (MOR)".
  public static let medianOddsRatio = Message(
    "maihda.median_odds_ratio", sv: "Medianoddskvot (MOR)", en: "Median odds ratio (MOR)")
  /// "AUC, enbart huvudeffekter" / "AUC, main effects only".
  public static let aucMainEffectsOnly = Message(
    "maihda.auc_main_effects_only", sv: "AUC, enbart huvudeffekter", en: "AUC, main effects only")
  /// "112 strata, 10 234 personer, 60 fall."; the numbers formatted.
  public static func maihdaCounts(strata: String, persons: String, cases: String) -> Message {
    Message(
      "maihda.note.counts", sv: "\(strata) strata, \(persons) personer, \(cases) fall.",
      en: "\(strata) strata, \(persons) persons, \(cases) cases.")
  }
  /// "Laplaceapproximation" / "Laplace approximation".
  public static let laplaceApproximation = Message(
    "maihda.method.laplace", sv: "Laplaceapproximation", en: "Laplace approximation")
  /// "adaptiv Gauss–Hermite-kvadratur med 7 noder".
  public static func adaptiveQuadrature(nodes: Int) -> Message {
    Message(
      "maihda.method.agq", sv: "adaptiv Gauss–Hermite-kvadratur med \(nodes) noder",
      en: "adaptive Gauss–Hermite quadrature with \(nodes) nodes")
  }
  /// The note on the models and their measures; `interval` e.g. "95 % KI". Without model 2
  /// (`bothModels` false) the note speaks of one model and leaves out the PCV; without the
  /// AUC it leaves out its interval.
  public static func maihdaSummaryNote(
    method: String, interval: String, bothModels: Bool = true, auc: Bool = true
  ) -> Message {
    let pcv = bothModels ? pcvDefinition : (sv: "", en: "")
    let end = auc ? aucInterval : (sv: ".", en: ".")
    return Message(
      "maihda.note.summary",
      sv: (bothModels ? "Logistiska modeller" : "Logistisk modell")
        + " med slumpmässigt intercept per stratum (\(method)). VPC = σ²/(σ² + π²/3)\(pcv.sv). "
        + "\(interval): profillikelihood för σ², VPC och MOR\(end.sv)",
      en: (bothModels ? "Logistic models" : "A logistic model")
        + " with a random intercept per stratum (\(method)). VPC = σ²/(σ² + π²/3)\(pcv.en). "
        + "\(interval): profile likelihood for σ², VPC and MOR\(end.en)")
  }

  /// The PCV's definition as the last clause of a summary note's definitions.
  static let pcvDefinition = (
    sv: "; PCV = andelen av nollmodellens varians mellan strata som huvudeffekterna förklarar",
    en: "; PCV = the share of the null model's between-stratum variance that the main effects "
      + "explain"
  )
  /// The AUC's interval as the end of a summary note.
  static let aucInterval = (sv: ", DeLong för AUC.", en: ", DeLong for the AUC.")

  // MARK: Main effects

  /// The note under model 2's odds ratios.
  public static let maihdaMainEffectsNote = Message(
    "maihda.note.main_effects",
    sv: "Modell 2: huvudeffekternas oddskvoter, betingade på stratumeffekten (Wald-intervall).",
    en:
      "Model 2: odds ratios of the main effects, conditional on the stratum effect (Wald intervals)."
  )

  // MARK: Strata

  /// "Rang" / "Rank".
  public static let rank = Message("maihda.strata.rank", sv: "Rang", en: "Rank")
  /// "Observerad" / "Observed".
  public static let observed = Message("maihda.strata.observed", sv: "Observerad", en: "Observed")
  /// "Predicerad" / "Predicted".
  public static let predicted = Message(
    "maihda.strata.predicted", sv: "Predicerad", en: "Predicted")
  /// "Huvudeffekter" / "Main effects".
  public static let mainEffects = Message(
    "maihda.strata.main_effects", sv: "Huvudeffekter", en: "Main effects")
  /// "Samspel, logit (modell 2)" / "Interaction, log-odds (model 2)".
  public static let interactionLogOdds = Message(
    "maihda.strata.interaction", sv: "Samspel, logit (modell 2)",
    en: "Interaction, log-odds (model 2)")
  /// The note explaining the strata table; `interval` e.g. "95 % KI".
  public static func maihdaStrataNote(interval: String) -> Message {
    Message(
      "maihda.note.strata",
      sv:
        "Strata rangordnade efter modell 1:s predicerade andel (krympt mot medelvärdet), med \(interval).",
      en:
        "Strata ranked by model 1's predicted share (shrunk towards the mean), with \(interval)."
    )
  }
  /// The note explaining the strata table's model-2 columns (left out with them when model 2 is
  /// withheld).
  public static let maihdaStrataModel2Note = Message(
    "maihda.note.strata_model2",
    sv:
      "Huvudeffekter: modell 2:s prediktion utan stratumeffekten; û: stratumeffekten i modell 2, den intersektionella interaktionen utöver huvudeffekterna.",
    en:
      "Main effects: model 2's prediction without the stratum effect; û: model 2's stratum effect, the intersectional interaction beyond the main effects."
  )
  /// The note on small counts left out of the strata table.
  public static func maihdaSuppressedNote(maximum: Int) -> Message {
    Message(
      "maihda.note.suppressed",
      sv:
        "Antal från 1 till \(maximum) redovisas inte, inte heller den observerade andelen i sådana strata.",
      en: "Counts from 1 to \(maximum) are not shown, nor the observed share of such strata.")
  }

  /// The note on a withheld main-effects model (its fixed effects would reproduce a level's
  /// count below the threshold).
  public static func maihdaMainEffectsWithheld(maximum: Int) -> Message {
    Message(
      "maihda.note.main_effects_withheld",
      sv:
        "Modell 2 redovisas inte: dess huvudeffekter skulle avslöja ett antal fall från 1 till \(maximum) i en kategori.",
      en:
        "Model 2 is not shown: its main effects would reveal a number of cases from 1 to \(maximum) in a category."
    )
  }
  /// The note on measures withheld because strata are suppressed (they are exact functions of
  /// every stratum's cases).
  public static let maihdaMeasuresWithheld = Message(
    "maihda.note.measures_withheld",
    sv:
      "När strata med få fall inte redovisas, visas inte heller AUC eller totala antalet fall, eftersom de skulle avslöja dem.",
    en:
      "While strata with few cases are not shown, neither are the AUC and the total number of cases, which would reveal them."
  )
  /// "112 strata." (the totals of persons and cases withheld).
  public static func maihdaStrataCount(strata: String) -> Message {
    Message("maihda.note.strata_count", sv: "\(strata) strata.", en: "\(strata) strata.")
  }
  /// "112 strata, 10 234 personer." (the cases withheld).
  public static func maihdaCountsWithoutCases(strata: String, persons: String) -> Message {
    Message(
      "maihda.note.counts_without_cases", sv: "\(strata) strata, \(persons) personer.",
      en: "\(strata) strata, \(persons) persons.")
  }

  // MARK: Caterpillar plot

  /// "Predicerat antal per 100 000" / "Predicted per 100,000".
  public static let predictedPer100000 = Message(
    "maihda.chart.axis_rate", sv: "Predicerat antal per 100 000", en: "Predicted per 100,000")
  /// "Predicerad andel, %" / "Predicted share, %".
  public static let predictedSharePercent = Message(
    "maihda.chart.axis_share", sv: "Predicerad andel, %", en: "Predicted share, %")
  /// "Samtliga" / "All", the label of the reference line.
  public static let all = Message("maihda.chart.all", sv: "Samtliga", en: "All")
}
