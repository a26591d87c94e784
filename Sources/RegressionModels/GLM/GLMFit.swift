import LinearAlgebra

/// A fitted generalised linear model. Every statistic is computed once, in `fit`.
///
/// ```swift
/// let fit = try GLM.fit(formula: Formula("y ~ kon * fodelse + aldersgrupp"), data: data)
/// fit.coefficients        // [Double?], nil for an aliased column
/// fit.coefficientTable()  // estimates, SEs, z, p, odds ratios, intervals
/// ```
///
/// For a fit on covariate patterns (automatic collapsing of 0/1 rows) every reported statistic
/// — `deviance`, `logLikelihood`, `aic`, `bic`, `observationCount`, `dfResidual` — is that of the
/// individual-level fit; the pattern-level (grouped) deviance is in `grouped`.
public struct GLMFit: Sendable {
  /// The formula, when fitted from one.
  public let formula: Formula?
  public let family: Family
  public let link: Link
  /// IRLS or Firth.
  public let method: GLMOptions.Method
  /// The negative binomial's θ (variance μ + μ²/θ); `nil` for the other families.
  public let theta: Double?
  /// The standard error of θ̂ from its observed information at μ̂ (`glm.nb`'s `SE.theta`);
  /// `nil` for the other families.
  public let thetaStandardError: Double?
  /// The coefficients (columns of the model matrix) as typed values: variables, level codes and
  /// the reference level each factor level is contrasted with. A fit from a matrix has
  /// `.numeric(name)` columns (and `.intercept` for a column of ones named `(Intercept)`).
  public let modelTerms: [ModelTerm]
  /// For each coefficient, 0 for the intercept or the 1-based index of its formula term.
  public let assign: [Int]
  /// Estimates; `nil` for aliased (linearly dependent) columns, as R's `NA`.
  public let coefficients: [Double?]
  /// Standard errors from `covariance`.
  public let standardErrors: [Double?]
  /// The covariance of the estimates of the kind `covarianceType` (NaN rows/columns for aliased).
  public let covariance: Matrix
  /// Which covariance `covariance` and `standardErrors` are.
  public let covarianceType: CovarianceType
  /// The model-based covariance `(XᵀWX)⁻¹` (R's `vcov`).
  public let modelCovariance: Matrix
  /// Residual deviance (for 0/1 rows and their patterns: −2 × log-likelihood).
  public let deviance: Double
  /// Deviance of the intercept-only model (or of η = 0 without an intercept).
  public let nullDeviance: Double
  /// Log-likelihood of the observations as Bernoulli trials, without binomial coefficients:
  /// ```
  /// ℓ = Σ m [y log μ + (1 − y) log(1 − μ)]
  /// ```
  /// For 0/1 rows this is R's `logLik`; for grouped rows R adds Σ log C(m, s) (see `grouped`).
  public let logLikelihood: Double
  /// `−2ℓ + 2k`, k the number of estimated coefficients.
  public let aic: Double
  /// `−2ℓ + k log N`, with N the number of trials (Σ trials for grouped rows, the number of rows
  /// for 0/1 data, as R).
  public let bic: Double
  /// IRLS (or Firth) iterations.
  public let iterations: Int
  public let converged: Bool
  /// Observations: rows of 0/1 data (individuals, also when collapsed), or grouped rows.
  public let observationCount: Int
  /// Bernoulli trials (Σ trials for grouped rows).
  public let trialCount: Double
  /// `observationCount − rank` (R's `df.residual`).
  public let dfResidual: Int
  /// `observationCount − intercept` (R's `df.null`).
  public let dfNull: Int
  /// The number of estimated (non-aliased) coefficients.
  public let rank: Int
  /// Pattern-level statistics when the fit ran on grouped rows or collapsed patterns.
  public let grouped: GroupedStatistics?
  /// Aliased terms, separation, fitted probabilities at 0 or 1, factorisation used, warnings.
  public let diagnostics: GLMDiagnostics
  /// Rows of the data left out, when fitted from a formula.
  public let exclusions: ModelFrame.Exclusions?
  /// The confidence level of the default table.
  public let level: Double

  /// The data of the fit, kept for intervals, predictions and marginal effects.
  let data: GLMData
  /// The fitted means (one per row of `data`).
  let fitted: [Double]
  /// The layout and factor levels for predictions, when fitted from a formula.
  let design: DesignContext?
  let options: GLMOptions

  /// Stata's α = 1/θ of a negative binomial fit (`nbreg`), with se(α) = se(θ)/θ². α is 0
  /// (with no standard error) when θ has no finite estimate (``thetaIsUnbounded``).
  public var alpha: (estimate: Double, standardError: Double?)? {
    guard let theta else { return nil }
    if thetaIsUnbounded { return (0, nil) }
    return (1 / theta, thetaStandardError.map { $0 / (theta * theta) })
  }

  /// Whether the negative binomial's likelihood rose without bound in θ (no overdispersion):
  /// the fit is then the Poisson fit, computed at θ = 10⁸, and θ is reported as infinite.
  public var thetaIsUnbounded: Bool {
    (theta ?? 0) >= NegativeBinomial.largestTheta
  }

  /// Whether the fit has an offset (a known term of the linear predictor, e.g. log exposure).
  public var hasOffset: Bool { data.offset != nil || data.offsetCollapsed }

  /// Warnings for the analyst (rows excluded, aliased columns, separation, non-convergence).
  public var warnings: [String] { diagnostics.warnings }

  /// Coefficient names: `(Intercept)`, `kon: 2`, `alder`, `kon: 2 & fodelse: utrikes`, made from
  /// ``modelTerms`` by ``ModelTerm/name``.
  public var coefficientNames: [String] { modelTerms.map(\.name) }

  /// The reference level code of each factor of the fit (the codebook's or
  /// `GLMOptions.reference`'s choice, otherwise the first level used): the level its
  /// treatment-coded columns are contrasted with. Empty for a fit from a matrix.
  public var referenceLevels: [String: String] {
    design?.factors.mapValues { $0.levels[$0.reference].code } ?? [:]
  }
}

/// Statistics of a fit on grouped rows (given as successes/trials, or collapsed from 0/1 rows).
public struct GroupedStatistics: Sendable, Equatable, Codable {
  /// The number of rows (covariate patterns) fitted.
  public let patterns: Int
  /// The grouped deviance `2 Σ [s log(s/(mμ)) + (m − s) log((m − s)/(m(1 − μ)))]`: a goodness-of-fit
  /// statistic when the trials per pattern are large.
  public let deviance: Double
  /// `patterns − rank`.
  public let dfResidual: Int
  /// Pearson's χ² `Σ (s − mμ)² / (mμ(1 − μ))`.
  public let pearsonChiSquared: Double
  /// The log-likelihood with binomial coefficients, `Σ [log C(m, s) + s log μ + (m − s) log(1 − μ)]`
  /// (R's `logLik` of a `cbind(successes, failures)` fit).
  public let logLikelihood: Double
  /// `−2 × logLikelihood + 2k` (R's `AIC` of such a fit).
  public let aic: Double
  /// `−2 × logLikelihood + k log N` with N the patterns with at least one trial (R's `BIC` of
  /// such a fit, whose `nobs` counts the rows with a nonzero prior weight).
  public let bic: Double

  enum CodingKeys: String, CodingKey {
    case patterns, deviance
    case dfResidual = "df_residual"
    case pearsonChiSquared = "pearson_chi2"
    case logLikelihood = "log_likelihood"
    case aic, bic
  }
}

/// The formula-side information a fit keeps to build rows for predictions and marginal effects.
struct DesignContext: Sendable {
  let layout: ColumnLayout
  /// Factor levels and reference by variable.
  let factors: [String: ModelFrame.FrameFactor]
  /// Numeric variables with their mean in the data used.
  let numericMeans: [String: Double]
  /// Per fit row, the factor codes and numeric values of its predictors.
  let rowCodes: [String: [Int32]]
  let rowNumbers: [String: [Double]]
}
