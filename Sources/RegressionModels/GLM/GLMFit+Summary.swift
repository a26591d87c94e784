/// The JSON view of a logistic fit for `strata logit` (shape fixed in the CLI contract):
/// ```json
/// {"n": 5324, "df_residual": 5311, "converged": true, "iterations": 6, "method": "irls",
///  "separation": false, "deviance": 123.4, "null_deviance": 456.7, "log_likelihood": -61.7,
///  "aic": 149.4, "bic": 201.0,
///  "coefficients": [{"term": "kon: 1", "estimate": 1.55, "std_error": 0.04, "z": 38.7,
///    "p_value": 0.0, "odds_ratio": 4.71, "ci": [4.35, 5.10]}], "warnings": []}
/// ```
/// `ci` is the interval of the odds ratio for the logit link (of the coefficient otherwise);
/// `estimate_ci` is always on the coefficient scale. Aliased coefficients have `null` values.
/// Fields beyond the contract: family, link, formula, level, covariance, interval method,
/// trials, df_null, aliased, separation detail, grouped statistics, excluded rows, and
/// optionally average marginal effects and the likelihood-ratio test against the null model.
public struct GLMSummary: Sendable, Equatable, Encodable {
  public struct Coefficient: Sendable, Equatable, Encodable {
    public let term: String
    public let estimate: Double?
    public let standardError: Double?
    public let z: Double?
    public let pValue: Double?
    public let oddsRatio: Double?
    /// exp(β̂) of a log-linear (Poisson, negative binomial) model, written in place of
    /// `odds_ratio`.
    public let rateRatio: Double?
    public let ci: [Double?]?
    public let estimateCI: [Double?]?
    /// Whether the estimate is the trace of a separated or boundary fit (``BoundaryEstimate``,
    /// ``GLMFit/separatedTerms``): the number is kept, but a publication shows "–".
    public let separation: Bool

    enum CodingKeys: String, CodingKey {
      case term, estimate, z, ci, separation
      case standardError = "std_error"
      case pValue = "p_value"
      case oddsRatio = "odds_ratio"
      case rateRatio = "rate_ratio"
      case estimateCI = "estimate_ci"
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(term, forKey: .term)
      try c.encode(jsonNumber(estimate), forKey: .estimate)
      try c.encode(jsonNumber(standardError), forKey: .standardError)
      try c.encode(jsonNumber(z), forKey: .z)
      try c.encode(jsonNumber(pValue), forKey: .pValue)
      if rateRatio != nil {
        try c.encode(jsonNumber(rateRatio), forKey: .rateRatio)
      } else {
        try c.encode(jsonNumber(oddsRatio), forKey: .oddsRatio)
      }
      try c.encode(ci.map { $0.map(jsonNumber) }, forKey: .ci)
      try c.encode(estimateCI.map { $0.map(jsonNumber) }, forKey: .estimateCI)
      try c.encode(separation, forKey: .separation)
    }
  }

  public let n: Int
  public let dfResidual: Int
  public let dfNull: Int
  public let converged: Bool
  public let iterations: Int
  public let method: GLMOptions.Method
  public let separation: Bool
  public let deviance: Double
  public let nullDeviance: Double
  public let logLikelihood: Double
  public let aic: Double
  public let bic: Double
  public let coefficients: [Coefficient]
  public let warnings: [String]
  public let family: Family
  public let link: Link
  public let formula: String?
  public let level: Double
  public let covariance: CovarianceType
  public let intervals: CoefficientTable.IntervalMethod
  public let trials: Double
  public let aliased: [String]
  public let separationDetail: SeparationReport?
  public let grouped: GroupedStatistics?
  public let excluded: ModelFrame.Exclusions?
  public let marginalEffects: [MarginalEffect]?
  public let likelihoodRatioTest: LikelihoodRatioTest
  /// The negative binomial's θ and its standard error; Stata's α = 1/θ and its
  /// standard error se(θ)/θ². `nil` for the other families.
  public let theta: Double?
  public let thetaStandardError: Double?
  public let alpha: Double?
  public let alphaStandardError: Double?

  enum CodingKeys: String, CodingKey {
    case n, converged, iterations, method, separation, deviance, aic, bic, coefficients, warnings
    case family, link, formula, level, covariance, intervals, trials, aliased, grouped, excluded
    case dfResidual = "df_residual"
    case dfNull = "df_null"
    case nullDeviance = "null_deviance"
    case logLikelihood = "log_likelihood"
    case separationDetail = "separation_detail"
    case marginalEffects = "marginal_effects"
    case likelihoodRatioTest = "lr_test"
    case theta
    case thetaStandardError = "theta_std_error"
    case alpha
    case alphaStandardError = "alpha_std_error"
  }
}

/// JSON has no NaN or infinity: such values become `null`.
///
/// Not named `finite`: in a file that imports Foundation, `finite(x)` with a non-optional `x`
/// resolves to the C library's `finite(Double) -> Int32` (1 for every finite number).
func jsonNumber(_ x: Double?) -> Double? {
  guard let x, x.isFinite else { return nil }
  return x
}

extension GLMFit {
  /// The JSON view for the CLI (see ``GLMSummary``).
  /// - Parameters:
  ///   - level: confidence level (default: the fit's).
  ///   - covariance: covariance for standard errors (default: the fit's).
  ///   - intervals: `.wald` or `.profile` (default: profile for a Firth fit, Wald otherwise).
  ///   - marginalEffects: include average marginal effects.
  public func summary(
    level: Double? = nil, covariance: CovarianceType? = nil,
    intervals: CoefficientTable.IntervalMethod? = nil, marginalEffects: Bool = false
  ) throws(ModelError) -> GLMSummary {
    let method = intervals ?? (self.method == .firth ? .profile : .wald)
    let table = try coefficientTable(level: level, covariance: covariance, intervals: method)
    let separated = separatedTerms
    let coefficients = table.rows.map { row -> GLMSummary.Coefficient in
      let interval: [Double?]? = row.lower.map { [$0, row.upper] }
      let oddsInterval = row.oddsRatioInterval.map { [$0.lower, $0.upper] as [Double?] }
      let logLinear = link == .log
      return GLMSummary.Coefficient(
        term: row.term, estimate: row.estimate, standardError: row.standardError, z: row.statistic,
        pValue: row.pValue, oddsRatio: logLinear ? nil : row.oddsRatio,
        rateRatio: logLinear ? row.oddsRatio : nil, ci: oddsInterval ?? interval,
        estimateCI: interval, separation: separated.contains(row.modelTerm))
    }
    return GLMSummary(
      n: observationCount, dfResidual: dfResidual, dfNull: dfNull, converged: converged,
      iterations: iterations, method: self.method,
      separation: diagnostics.separation?.isSeparated ?? false, deviance: deviance,
      nullDeviance: nullDeviance, logLikelihood: logLikelihood, aic: aic, bic: bic,
      coefficients: coefficients, warnings: warnings, family: family, link: link,
      formula: formula?.description, level: table.level, covariance: table.covariance,
      intervals: table.intervals, trials: trialCount, aliased: diagnostics.aliased,
      separationDetail: diagnostics.separation, grouped: grouped, excluded: exclusions,
      marginalEffects: marginalEffects
        ? try averageMarginalEffects(level: level, covariance: covariance) : nil,
      likelihoodRatioTest: likelihoodRatioTestAgainstNull,
      theta: thetaIsUnbounded ? .infinity : theta,
      thetaStandardError: thetaStandardError, alpha: alpha?.estimate,
      alphaStandardError: alpha?.standardError ?? nil)
  }
}
