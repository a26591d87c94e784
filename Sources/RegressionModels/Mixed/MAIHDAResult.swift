/// The result of an intersectional MAIHDA: the null and main-effects random-intercept models,
/// the measures that compare them, and the stratum table. Every value is computed by
/// `MAIHDA.fit`.
public struct MAIHDAResult: Sendable, Equatable {
  /// The stratifying variables' names, in order (the keys of each stratum's codes).
  public let variables: [String]
  /// Model 1: `logit P(y = 1) = β₀ + uⱼ`.
  public let nullModel: RandomInterceptFit
  /// Model 2: the stratifying variables as fixed effects plus `uⱼ`, which now captures
  /// intersectional interaction effects beyond the additive main effects.
  public let mainEffectsModel: RandomInterceptFit
  /// VPC, MOR and AUC of model 1.
  public let nullSummary: MAIHDAModelSummary
  /// VPC, MOR and AUC of model 2.
  public let mainEffectsSummary: MAIHDAModelSummary
  /// The proportional change in the between-stratum variance from model 1 to model 2, the share
  /// of it the additive main effects explain; nil when σ²_null = 0.
  ///
  /// ```
  /// PCV = (σ²_null − σ²_main) / σ²_null
  /// ```
  public let pcv: Double?
  /// AUC of model 2's fixed part alone (xⱼβ̂, no stratum effects): the discrimination the
  /// additive main effects achieve without intersectional interactions; nil without a 0/1
  /// outcome per person (Gaussian, Poisson counts above the persons).
  public let mainEffectsFixedPartAUC: GroupedAUC?
  /// The strata with persons, ranked by model 1's predicted probability (highest first).
  public let strata: [MAIHDAStratum]
  /// Strata left out because they have no persons.
  public let droppedStrata: Int
  /// Laplace or adaptive Gauss–Hermite quadrature.
  public let method: MixedModelMethod
  /// Quadrature nodes per stratum.
  public let nAGQ: Int
  /// Warnings for the analyst from both fits and the data (each prefixed by its model).
  public let warnings: [String]
  /// The response distribution of both models.
  public var family: MixedFamily = .binomial
  /// Covariates outside the strata in both models (`period: 2`), empty without.
  public var covariates: [String] = []

  /// Whether the Gaussian variances are REML estimates (false for ML and the other families).
  public var restricted: Bool { family == .gaussian && nullModel.restricted }
  /// The scale of the log-likelihoods: grouped counts (binomial, Poisson) or persons
  /// (Gaussian, whose cell summaries are sufficient).
  public var logLikelihoodScale: LogLikelihoodScale { nullModel.logLikelihoodScale }
}

/// The measures reported for one MAIHDA model.
public struct MAIHDAModelSummary: Sendable, Equatable {
  /// The intercept β̂₀ (log-odds of the reference stratum's fixed part).
  public let intercept: Double
  /// σ²_u, VPC and MOR with their profile-likelihood intervals.
  public let randomIntercept: RandomInterceptVariance
  /// The AUC of the stratum predictions including the stratum effects, logit⁻¹(xⱼβ̂ + ûⱼ),
  /// with DeLong's interval; nil without a 0/1 outcome per person.
  public let auc: GroupedAUC?
  /// The fixed-effects table (estimates, standard errors, z, p, odds ratios with intervals).
  public let coefficients: [RandomInterceptCoefficient]
}

/// One row of the stratum table.
public struct MAIHDAStratum: Sendable, Equatable {
  /// The stratum's index in `StratumData.strata`.
  public let index: Int
  /// Its level codes, one per variable of `MAIHDAResult.variables`.
  public let codes: [String]
  /// Persons.
  public let persons: Int
  /// Cases.
  public let cases: Int
  /// Observed proportion yⱼ / nⱼ.
  public let observed: Double
  /// Model 1's predicted probability logit⁻¹(β̂₀ + ûⱼ): the observed log-odds shrunken towards
  /// the overall mean, the more so the smaller the stratum.
  public let predicted: Double
  /// Its interval: logit⁻¹(β̂₀ + ûⱼ ± z √PEVⱼ), PEVⱼ the Henderson prediction-error variance
  /// (`RandomInterceptFit.linearPredictorVariances`).
  public let predictedInterval: ClosedRange<Double>
  /// 1 for the stratum with the highest predicted probability.
  public let rank: Int
  /// Model 2's fixed-part probability logit⁻¹(xⱼβ̂): what the additive main effects predict.
  public let mainEffectsPredicted: Double
  /// Model 2's stratum effect ûⱼ (log-odds): the intersectional interaction, the departure of the
  /// stratum from what its main effects predict.
  public let interaction: Double
  /// Its interval ûⱼ ± z √(conditional variance) (lme4's `condVar`).
  public let interactionInterval: ClosedRange<Double>
}
