/// A fitted random-intercept logistic model on grouped data (one row per stratum):
///
/// ```
/// logit P(yᵢ = 1) = xⱼβ + uⱼ,   uⱼ ~ N(0, σ²_u),   person i in stratum j
/// ```
/// estimated by maximum marginal likelihood (Laplace or adaptive Gauss–Hermite quadrature; see
/// `MixedModelOptions.nAGQ`). Every value is computed once by `RandomInterceptLogit.fit`.
///
/// The log-likelihood is that of the grouped binomial data, including log C(nⱼ, yⱼ): it equals
/// lme4's `logLik()` for `glmer(cbind(cases, n - cases) ~ …, nAGQ = 1)`. (lme4's value for
/// `nAGQ > 1` on `cbind` data is on another scale, lme4 issue #161; on 0/1 rows, this
/// log-likelihood minus Σ log C(nⱼ, yⱼ) is lme4's for every `nAGQ`.)
public struct RandomInterceptFit: Sendable, Equatable, Codable {
  /// The response distribution (binomial: logit link; poisson: log link with log exposure as
  /// offset; gaussian: identity, fitted by `RandomInterceptLinear`).
  public var family: MixedFamily = .binomial
  /// Gaussian only: whether σ² were estimated by REML (else ML).
  public var restricted = false
  /// Laplace or adaptive Gauss–Hermite quadrature.
  public let method: MixedModelMethod
  /// Quadrature nodes per stratum (1 = Laplace).
  public let nAGQ: Int

  /// The fixed effects as typed values (for MAIHDA's main-effects model, each factor level with
  /// the reference level it is contrasted with).
  public let modelTerms: [ModelTerm]
  /// Fixed effects β̂ (log-odds scale).
  public let coefficients: [Double]
  /// Standard errors of β̂: square roots of the diagonal of `covariance`.
  public let standardErrors: [Double]
  /// Covariance of β̂ (rows of a symmetric matrix): the β block of the inverse of the negative
  /// Hessian of ℓ in (β, σ_u), so it allows for the estimation of σ_u (lme4's default
  /// `vcov(glmer)`, `use.hessian = TRUE`). At a boundary fit the β block of the Hessian alone.
  public let covariance: [[Double]]

  /// The random-intercept variance and its derived measures (VPC, MOR) with profile intervals.
  public let randomIntercept: RandomInterceptVariance

  /// The maximised (approximate) marginal log-likelihood ℓ.
  public let logLikelihood: Double
  /// −2ℓ (lme4's `deviance` column of the summary's fit table).
  public let deviance: Double
  /// −2ℓ + 2k, k = p fixed effects and the variance parameters (1, or 2 for Gaussian).
  public let aic: Double
  /// −2ℓ + k log N, N = `observationCount` (on the scale of `logLikelihoodScale`).
  public var bic: Double = .nan
  /// Whether ℓ is that of the grouped rows (cells with their counts, including log C(n, y)) or
  /// of the individual persons.
  public var logLikelihoodScale: LogLikelihoodScale = .grouped
  /// The N of the BIC: grouped rows (cells) or persons.
  public var observationCount = 0
  /// Newton iterations of the final maximisation.
  public let iterations: Int
  /// Whether the Newton decrement fell below `MixedModelOptions.tolerance`.
  public let converged: Bool
  /// Whether σ_u is at (or within `singularTolerance` of) its boundary 0: lme4's singular fit.
  public let boundary: Bool

  /// The input rows (strata) used, those with at least one person, in input order; every
  /// per-stratum array below follows them.
  public let rows: [Int]
  /// Number of strata used.
  public let strataCount: Int
  /// Persons Σ nⱼ.
  public let personCount: Int
  /// Cases Σ yⱼ.
  public let caseCount: Int

  /// Conditional modes ûⱼ of the random intercepts (lme4's `ranef`).
  public let conditionalModes: [Double]
  /// Conditional variances of uⱼ at the mode, σ²_u / (1 + σ²_u wⱼ) with wⱼ = nⱼμⱼ(1 − μⱼ)
  /// (lme4's `attr(ranef(fit, condVar = TRUE)[[1]], "postVar")`).
  public let conditionalVariances: [Double]
  /// Linear predictors xⱼβ̂ + ûⱼ.
  public let linearPredictors: [Double]
  /// Prediction-error variances of the linear predictors, Var(xⱼβ̂ + ûⱼ − xⱼβ − uⱼ), from the
  /// joint (β, u) curvature at the mode (Henderson); see `RandomInterceptLogit`.
  public let linearPredictorVariances: [Double]
  /// Fitted probabilities logit⁻¹(xⱼβ̂ + ûⱼ) (lme4's `fitted`).
  public let fittedProbabilities: [Double]
  /// Per cell (input row used, in stratum order): xᵢβ̂ + û_{j(i)} without offsets.
  public var cellLinearPredictors: [Double] = []
  /// Warnings for the analyst (boundary fit, non-convergence, quasi-separation).
  public let warnings: [String]

  /// Fixed-effect names, e.g. `(Intercept)`, `kon: 2` (``ModelTerm/name`` of `modelTerms`).
  public var coefficientNames: [String] { modelTerms.map(\.name) }

  enum CodingKeys: String, CodingKey {
    case family, restricted
    case method
    case nAGQ = "n_agq"
    case coefficientNames = "coefficient_names"
    case coefficients
    case standardErrors = "std_errors"
    case covariance
    case randomIntercept = "random_intercept"
    case logLikelihood = "log_likelihood"
    case deviance, aic, bic, iterations, converged, boundary, rows
    case logLikelihoodScale = "loglik_scale"
    case observationCount = "observation_count"
    case cellLinearPredictors = "cell_linear_predictors"
    case strataCount = "strata_count"
    case personCount = "person_count"
    case caseCount = "case_count"
    case conditionalModes = "conditional_modes"
    case conditionalVariances = "conditional_variances"
    case linearPredictors = "linear_predictors"
    case linearPredictorVariances = "linear_predictor_variances"
    case fittedProbabilities = "fitted_probabilities"
    case warnings
  }
}

/// The variance of the random intercept and the measures derived from it, with profile-likelihood
/// intervals.
///
/// ```
/// σ²_u                               between-stratum variance (latent logit scale)
/// VPC = σ²_u / (σ²_u + π²/3)         variance partition coefficient (latent-response scale)
/// MOR = exp(√(2σ²_u) Φ⁻¹(0.75))      median odds ratio
/// ```
/// All three are increasing functions of σ_u, so their intervals are the images of the
/// profile-likelihood interval for σ_u: { σ : 2(ℓ̂ − max_β ℓ(β, σ)) ≤ χ²₁(level) }, preferred
/// to a Wald interval because the likelihood of a variance is skewed and bounded at 0 (the
/// lower bound is 0 when σ_u = 0 is inside the region).
///
/// Maximum-likelihood estimates of σ²_u are biased downwards when the fixed effects are many
/// relative to the strata (no REML exists for GLMMs): simulating 112 strata with 12 fixed effects
/// and σ_u = 0.3 gives a mean σ̂_u of 0.273 (lme4::glmer: 0.277) and 86 % coverage of the 95 %
/// interval, against 0.293 and 93 % with the intercept alone (`MAIHDACoverageTests`).
///
/// Goldstein, H., Browne, W. & Rasbash, J. (2002). Partitioning variation in multilevel models.
/// *Understanding Statistics* 1, 223–231. https://doi.org/10.1207/S15328031US0104_02 ·
/// Merlo, J. et al. (2006). A brief conceptual tutorial of multilevel analysis in social
/// epidemiology: using measures of clustering. *JECH* 60, 290–297.
/// https://doi.org/10.1136/jech.2004.029454
public struct RandomInterceptVariance: Sendable, Equatable, Codable {
  /// σ̂_u ≥ 0 (lme4's θ for a single random intercept).
  public let sigma: Double
  /// σ̂²_u.
  public let variance: Double
  /// VPC on the latent scale.
  public let vpc: Double
  /// Median odds ratio (binomial) or median rate ratio (Poisson); nil for a Gaussian fit.
  public let medianOddsRatio: Double?
  /// Gaussian: the residual (within-stratum) variance σ²_e; nil otherwise.
  public var residualVariance: Double?
  /// The level of the intervals, or nil without intervals.
  public let level: Double?
  /// Profile-likelihood interval for σ_u (lower bound 0 when the profile at 0 is within the
  /// critical value).
  public let sigmaInterval: ClosedRange<Double>?
  /// The interval for σ²_u.
  public let varianceInterval: ClosedRange<Double>?
  /// The interval for the VPC.
  public let vpcInterval: ClosedRange<Double>?
  /// The interval for the MOR.
  public let medianOddsRatioInterval: ClosedRange<Double>?

  enum CodingKeys: String, CodingKey {
    case sigma
    case variance = "sigma2"
    case vpc
    case medianOddsRatio = "mor"
    case residualVariance = "sigma2_e"
    case level
    case sigmaInterval = "sigma_ci"
    case varianceInterval = "sigma2_ci"
    case vpcInterval = "vpc_ci"
    case medianOddsRatioInterval = "mor_ci"
  }
}

/// The scale of a log-likelihood: `grouped` (binomial or Poisson counts per cell, with their
/// combinatorial constants: lme4's on `cbind(y, n − y)` rows) or `individual` (persons).
public enum LogLikelihoodScale: String, Sendable, Codable {
  case grouped
  case individual
}
