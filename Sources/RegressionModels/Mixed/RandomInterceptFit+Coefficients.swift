import Distributions
import Foundation

/// One fixed effect of a random-intercept model with its Wald test and interval.
///
/// ```
/// z = β̂ / SE,   p = 2 Φ(−|z|),   OR = exp β̂,   interval exp(β̂ ± Φ⁻¹((1 + level)/2) · SE)
/// ```
///
/// Encodable only: its JSON names the coefficient (`term`) without typing it; a decoded
/// `MAIHDAResult` rebuilds its rows from its fits.
public struct RandomInterceptCoefficient: Sendable, Equatable, Encodable {
  /// The coefficient as a typed value, e.g. `.level("kon", code: "2", reference: "1")`.
  public let modelTerm: ModelTerm
  /// β̂ on the log-odds scale.
  public let estimate: Double
  /// Its standard error.
  public let standardError: Double
  /// The Wald statistic β̂ / SE.
  public let z: Double
  /// The two-sided p-value of z.
  public let pValue: Double
  /// exp β̂.
  public let oddsRatio: Double
  /// The level of `oddsRatioInterval`.
  public let level: Double
  /// The Wald interval for the odds ratio.
  public let oddsRatioInterval: ClosedRange<Double>
  /// The model's family: `oddsRatio` is a rate ratio for Poisson and has no meaning for a
  /// Gaussian model (the JSON then writes the estimate's own interval).
  public var family: MixedFamily = .binomial
  /// The Wald interval β̂ ± z SE on the estimate's own scale.
  public var estimateInterval: ClosedRange<Double> = 0...0

  /// Whether the estimate is the trace of a separated or boundary fit (|β̂| > 12 or SE > 50,
  /// ``BoundaryEstimate``): kept in the JSON, shown as "–" in a publication.
  public var separation: Bool {
    switch family {
    case .binomial: BoundaryEstimate.isBoundary(estimate: estimate, standardError: standardError)
    // A log rate per person is far below −12 by nature; only contrasts can be separated.
    case .poisson:
      modelTerm != .intercept
        && BoundaryEstimate.isBoundary(estimate: estimate, standardError: standardError)
    case .gaussian: false
    }
  }

  enum CodingKeys: String, CodingKey {
    case term, estimate, z, level, separation
    case standardError = "std_error"
    case pValue = "p_value"
    case oddsRatio = "odds_ratio"
    case rateRatio = "rate_ratio"
    case oddsRatioInterval = "ci"
  }

  /// The coefficient name, e.g. `kon: 2` (``ModelTerm/name``).
  public var term: String { modelTerm.name }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(term, forKey: .term)
    try c.encode(estimate, forKey: .estimate)
    try c.encode(standardError, forKey: .standardError)
    try c.encode(z, forKey: .z)
    try c.encode(pValue, forKey: .pValue)
    try c.encode(level, forKey: .level)
    switch family {
    case .binomial:
      try c.encode(oddsRatio, forKey: .oddsRatio)
      try c.encode(oddsRatioInterval, forKey: .oddsRatioInterval)
    case .poisson:
      try c.encode(oddsRatio, forKey: .rateRatio)
      try c.encode(oddsRatioInterval, forKey: .oddsRatioInterval)
    case .gaussian:
      try c.encode(estimateInterval, forKey: .oddsRatioInterval)
    }
    try c.encode(separation, forKey: .separation)
  }
}

extension RandomInterceptFit {
  /// The fixed-effects table: Wald z, p-value and odds ratio with its interval per coefficient.
  /// - Parameter level: the confidence level, in (0, 1).
  public func coefficientRows(level: Double = 0.95) -> [RandomInterceptCoefficient] {
    let q = Normal.quantile((1 + level) / 2)
    return modelTerms.indices.map { k in
      let estimate = coefficients[k]
      let se = standardErrors[k]
      let z = estimate / se
      return RandomInterceptCoefficient(
        modelTerm: modelTerms[k], estimate: estimate, standardError: se, z: z,
        pValue: 2 * Normal.cdf(-abs(z)), oddsRatio: exp(estimate), level: level,
        oddsRatioInterval: exp(estimate - q * se)...exp(estimate + q * se), family: family,
        estimateInterval: (estimate - q * se)...(estimate + q * se))
    }
  }
}
