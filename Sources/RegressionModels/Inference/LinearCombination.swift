import Distributions
import Foundation
import LinearAlgebra

/// A linear combination of a fit's coefficients, Σ wⱼ β̂ⱼ, with its standard error from the
/// covariance matrix, as Stata's `lincom` and R's `multcomp::glht` compute it:
///
/// ```
/// θ̂ = wᵀβ̂,   se(θ̂) = √(wᵀ V w),   z = θ̂ / se,   p = 2 Φ(−|z|),   θ̂ ± Φ⁻¹((1 + level)/2) · se
/// ```
/// For the logit link the odds ratio is exp(θ̂) with the interval exp(lower), exp(upper).
public struct LinearCombination: Sendable, Equatable, Encodable {
  /// The coefficients combined, each with its weight.
  public let terms: [ModelTerm]
  /// The weight of each term (1 for a sum).
  public let weights: [Double]
  /// θ̂ = Σ wⱼ β̂ⱼ.
  public let estimate: Double
  /// √(wᵀ V w).
  public let standardError: Double
  /// The Wald z statistic θ̂ / se.
  public let statistic: Double
  /// Two-sided p-value from the standard normal distribution.
  public let pValue: Double
  /// The Wald interval of θ̂.
  public let lower: Double
  public let upper: Double
  /// The confidence level of the interval.
  public let level: Double
  /// exp(θ̂) for the logit link; `nil` for other links.
  public let oddsRatio: Double?

  /// The interval of the odds ratio (logit link only).
  public var oddsRatioInterval: ClosedRange<Double>? {
    guard oddsRatio != nil else { return nil }
    return Foundation.exp(lower)...Foundation.exp(upper)
  }

  enum CodingKeys: String, CodingKey {
    case terms, weights, estimate, z, level, ci
    case standardError = "std_error"
    case pValue = "p_value"
    case oddsRatio = "odds_ratio"
    case estimateCI = "estimate_ci"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(terms.map(\.name), forKey: .terms)
    try c.encode(weights, forKey: .weights)
    try c.encode(jsonNumber(estimate), forKey: .estimate)
    try c.encode(jsonNumber(standardError), forKey: .standardError)
    try c.encode(jsonNumber(statistic), forKey: .z)
    try c.encode(jsonNumber(pValue), forKey: .pValue)
    try c.encode(level, forKey: .level)
    try c.encode(oddsRatio.map(jsonNumber) ?? nil, forKey: .oddsRatio)
    let interval = oddsRatioInterval.map { [$0.lowerBound, $0.upperBound] } ?? [lower, upper]
    try c.encode(interval.map(jsonNumber), forKey: .ci)
    try c.encode([lower, upper].map(jsonNumber), forKey: .estimateCI)
  }
}

/// The effect of one factor level within a combination of levels of the factors it interacts
/// with: with `kon * fodelse`, the odds ratio of women against men among the foreign born is
/// exp(β̂[kon: 2] + β̂[kon: 2 & fodelse: 2]), whereas the main effect β̂[kon: 2] alone is the
/// odds ratio among the native born (the reference level of `fodelse`).
public struct InteractionEffect: Sendable, Equatable, Encodable {
  /// The main-effect term whose effect is conditioned (e.g. `kon: 2`).
  public let effect: ModelTerm
  /// The levels of the other factors within which it holds (e.g. `fodelse: 2`).
  public let within: [ModelTerm.FactorLevel]
  /// The main effect plus every interaction term between it and the `within` levels.
  public let combination: LinearCombination

  enum CodingKeys: String, CodingKey {
    case effect, within, combination
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(effect.name, forKey: .effect)
    try c.encode(ModelTerm(components: within.map { .level($0) }).name, forKey: .within)
    try c.encode(combination, forKey: .combination)
  }
}

extension GLMFit {
  /// The linear combination Σ wⱼ β̂ⱼ of the given coefficients (Stata's `lincom`).
  ///
  /// - Parameters:
  ///   - terms: each coefficient with its weight, e.g. `[(kon2, 1), (kon2fodelse2, 1)]`.
  ///   - level: confidence level (default: the fit's).
  ///   - covariance: the covariance behind the standard error (default: the fit's).
  /// - Throws: `.invalidOption` for a term the fit does not have, an aliased coefficient or a
  ///   level outside (0, 1).
  public func linearCombination(
    _ terms: [(term: ModelTerm, weight: Double)], level: Double? = nil,
    covariance: CovarianceType? = nil
  ) throws(ModelError) -> LinearCombination {
    let level = level ?? self.level
    guard level > 0 && level < 1 else {
      throw .invalidOption("the confidence level must be between 0 and 1")
    }
    var columns: [Int] = []
    for (term, _) in terms {
      guard let j = modelTerms.firstIndex(of: term) else {
        throw .invalidOption("the model has no coefficient `\(term.name)`")
      }
      guard coefficients[j] != nil else {
        throw .invalidOption("the coefficient `\(term.name)` is aliased (not estimable)")
      }
      columns.append(j)
    }
    let matrix = try covarianceMatrix(covariance ?? covarianceType)
    let weights = terms.map(\.weight)
    var estimate = 0.0
    var variance = 0.0
    for (a, j) in columns.enumerated() {
      estimate += weights[a] * coefficients[j]!
      for (b, k) in columns.enumerated() { variance += weights[a] * weights[b] * matrix[j, k] }
    }
    let se = max(variance, 0).squareRoot()
    let q = Normal.quantile((1 + level) / 2)
    let z = estimate / se
    return LinearCombination(
      terms: terms.map(\.term), weights: weights, estimate: estimate, standardError: se,
      statistic: z, pValue: 2 * Normal.sf(abs(z)), lower: estimate - q * se,
      upper: estimate + q * se, level: level,
      oddsRatio: link == .logit ? Foundation.exp(estimate) : nil)
  }

  /// For every interaction column of factor levels, the effect of each of its levels within the
  /// other levels of the column: the main effect plus every interaction term that contains it
  /// and lies within the column (for a two-way interaction, β̂_main + β̂_interaction).
  ///
  /// A main effect whose term the model does not have (e.g. `a:b` without `a`), or whose sum
  /// involves an aliased coefficient, is left out.
  public func interactionEffects(level: Double? = nil, covariance: CovarianceType? = nil)
    throws(ModelError) -> [InteractionEffect]
  {
    var effects: [InteractionEffect] = []
    for (j, term) in modelTerms.enumerated() {
      guard case .interaction(let components) = term.kind, coefficients[j] != nil else {
        continue
      }
      let levels = term.factorLevels
      guard levels.count == components.count else { continue }
      for (i, main) in levels.enumerated() {
        let cell = Set(levels)
        let included = modelTerms.indices.filter { k in
          let parts = modelTerms[k].factorLevels
          guard parts.count == modelTerms[k].components.count, parts.contains(main) else {
            return false
          }
          return Set(parts).isSubset(of: cell)
        }
        guard included.allSatisfy({ coefficients[$0] != nil }),
          included.contains(where: { modelTerms[$0].components.count == 1 })
        else { continue }
        let combination = try linearCombination(
          included.map { (modelTerms[$0], 1.0) }, level: level, covariance: covariance)
        var others = levels
        others.remove(at: i)
        effects.append(
          InteractionEffect(
            effect: ModelTerm(components: [.level(main)]), within: others,
            combination: combination))
      }
    }
    return effects
  }
}
