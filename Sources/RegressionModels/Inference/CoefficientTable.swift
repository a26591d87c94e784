import Distributions
import Foundation
import LinearAlgebra

/// The coefficient table of a fit as data (the report layer renders it): estimates, standard
/// errors, Wald z statistics, two-sided normal p-values, odds ratios and confidence intervals.
///
/// ```
/// z = β̂ / se,   p = 2 Φ(−|z|),   Wald interval β̂ ± Φ⁻¹((1 + level)/2) · se,   OR = exp(β̂)
/// ```
/// Profile-likelihood intervals come from ``GLMFit/profileConfidenceIntervals(level:)``. Aliased
/// coefficients have `nil` in every numeric field.
public struct CoefficientTable: Sendable, Equatable, Codable {
  /// One coefficient.
  public struct Row: Sendable, Equatable, Codable {
    /// The coefficient as a typed value (variables, level codes, reference levels).
    public let modelTerm: ModelTerm
    public let estimate: Double?
    public let standardError: Double?
    /// The Wald z statistic.
    public let statistic: Double?
    /// Two-sided p-value from the standard normal distribution.
    public let pValue: Double?
    /// `exp(estimate)`: the odds ratio for the logit link, the rate ratio for the log link;
    /// `nil` for other links.
    public let oddsRatio: Double?
    /// The interval for the coefficient.
    public let lower: Double?
    public let upper: Double?

    /// `(Intercept)`, `kon: 2`, `alder`, `kon: 2 & fodelse: utrikes` (``ModelTerm/name``).
    public var term: String { modelTerm.name }

    /// The interval for the odds ratio or rate ratio (`exp` of the coefficient's), logit and
    /// log links only.
    public var oddsRatioInterval: (lower: Double, upper: Double)? {
      guard oddsRatio != nil, let lower, let upper else { return nil }
      return (Foundation.exp(lower), Foundation.exp(upper))
    }

    /// `term` is written (as the name) for readers of the JSON; `model_term` is what is read.
    enum CodingKeys: String, CodingKey {
      case term, estimate
      case modelTerm = "model_term"
      case standardError = "std_error"
      case statistic = "z"
      case pValue = "p_value"
      case oddsRatio = "odds_ratio"
      case lower, upper
    }

    init(
      modelTerm: ModelTerm, estimate: Double?, standardError: Double?, statistic: Double?,
      pValue: Double?, oddsRatio: Double?, lower: Double?, upper: Double?
    ) {
      self.modelTerm = modelTerm
      self.estimate = estimate
      self.standardError = standardError
      self.statistic = statistic
      self.pValue = pValue
      self.oddsRatio = oddsRatio
      self.lower = lower
      self.upper = upper
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      self.init(
        modelTerm: try c.decode(ModelTerm.self, forKey: .modelTerm),
        estimate: try c.decodeIfPresent(Double.self, forKey: .estimate),
        standardError: try c.decodeIfPresent(Double.self, forKey: .standardError),
        statistic: try c.decodeIfPresent(Double.self, forKey: .statistic),
        pValue: try c.decodeIfPresent(Double.self, forKey: .pValue),
        oddsRatio: try c.decodeIfPresent(Double.self, forKey: .oddsRatio),
        lower: try c.decodeIfPresent(Double.self, forKey: .lower),
        upper: try c.decodeIfPresent(Double.self, forKey: .upper))
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(term, forKey: .term)
      try c.encode(modelTerm, forKey: .modelTerm)
      try c.encodeIfPresent(estimate, forKey: .estimate)
      try c.encodeIfPresent(standardError, forKey: .standardError)
      try c.encodeIfPresent(statistic, forKey: .statistic)
      try c.encodeIfPresent(pValue, forKey: .pValue)
      try c.encodeIfPresent(oddsRatio, forKey: .oddsRatio)
      try c.encodeIfPresent(lower, forKey: .lower)
      try c.encodeIfPresent(upper, forKey: .upper)
    }
  }

  /// How the intervals were computed.
  public enum IntervalMethod: String, Sendable, Equatable, Codable, CaseIterable {
    /// Estimate ± quantile × standard error.
    case wald
    /// Inverting the likelihood-ratio test (profile likelihood; penalised profile for Firth).
    case profile
  }

  public let rows: [Row]
  /// The confidence level of the intervals.
  public let level: Double
  /// The covariance behind the standard errors.
  public let covariance: CovarianceType
  public let intervals: IntervalMethod

  /// Builds a table from estimates and a covariance; `profile` replaces the Wald intervals.
  init(
    terms: [ModelTerm], estimates: [Double?], covariance matrix: [Double?], level: Double,
    covariance: CovarianceType, oddsRatios: Bool, profile: [ClosedRange<Double>?]? = nil
  ) {
    let q = Normal.quantile((1 + level) / 2)
    var rows: [Row] = []
    for (j, term) in terms.enumerated() {
      guard let b = estimates[j], let variance = matrix[j] else {
        rows.append(
          Row(
            modelTerm: term, estimate: nil, standardError: nil, statistic: nil, pValue: nil,
            oddsRatio: nil, lower: nil, upper: nil))
        continue
      }
      let se = variance.squareRoot()
      let z = b / se
      let p = 2 * Normal.sf(abs(z))
      var lower = b - q * se
      var upper = b + q * se
      if let profile {
        lower = profile[j]?.lowerBound ?? .nan
        upper = profile[j]?.upperBound ?? .nan
      }
      rows.append(
        Row(
          modelTerm: term, estimate: b, standardError: se, statistic: z, pValue: p,
          oddsRatio: oddsRatios ? Foundation.exp(b) : nil, lower: lower, upper: upper))
    }
    self.rows = rows
    self.level = level
    self.covariance = covariance
    self.intervals = profile == nil ? .wald : .profile
  }
}

extension GLMFit {
  /// The coefficient table.
  ///
  /// - Parameters:
  ///   - level: confidence level (default: the fit's, 0.95 unless set in the options).
  ///   - covariance: which covariance gives the standard errors (default: the fit's).
  ///   - intervals: `.wald` (default) or `.profile` (likelihood-ratio inversion).
  /// - Throws: `.invalidOption` for a level outside (0, 1) or `.cluster` without clusters;
  ///   errors of the profile fits.
  public func coefficientTable(
    level: Double? = nil, covariance: CovarianceType? = nil,
    intervals: CoefficientTable.IntervalMethod = .wald
  ) throws(ModelError) -> CoefficientTable {
    let level = level ?? self.level
    guard level > 0 && level < 1 else {
      throw .invalidOption("the confidence level must be between 0 and 1")
    }
    let type = covariance ?? covarianceType
    let matrix = try covarianceMatrix(type)
    let profile = intervals == .profile ? try profileConfidenceIntervals(level: level) : nil
    return CoefficientTable(
      terms: modelTerms, estimates: coefficients,
      covariance: (0..<coefficients.count).map { coefficients[$0] == nil ? nil : matrix[$0, $0] },
      level: level, covariance: type, oddsRatios: link == .logit || link == .log, profile: profile)
  }

  /// The covariance matrix of the given kind (NaN in rows and columns of aliased coefficients).
  /// - Throws: `.invalidOption` for `.cluster` when the fit has no cluster identifiers.
  public func covarianceMatrix(_ type: CovarianceType) throws(ModelError) -> Matrix {
    if type == covarianceType { return covariance }
    if type == .model { return modelCovariance }
    if type == .cluster && data.clusters == nil {
      throw .invalidOption(
        "cluster-robust covariance needs a cluster variable when fitting (options.cluster)")
    }
    return try Sandwich.covariance(
      type, data: data, mu: fitted, link: link, family: family, theta: theta ?? .infinity,
      bread: modelCovariance,
      active: activeColumns)
  }

  /// Columns with an estimate.
  var activeColumns: [Int] { (0..<coefficients.count).filter { coefficients[$0] != nil } }
}
