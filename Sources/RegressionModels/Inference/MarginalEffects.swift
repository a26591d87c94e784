import Distributions
import Foundation
import LinearAlgebra

/// An average marginal effect on the probability (the response scale) with its delta-method
/// standard error.
///
/// ```
/// numeric v:   AME = Σ ωᵢ g′(ηᵢ) (∂ηᵢ/∂v) / Σ ωᵢ          (the derivative, interactions included)
/// factor v, level l vs the reference r:
///              AME = Σ ωᵢ [g⁻¹(ηᵢ | v = l) − g⁻¹(ηᵢ | v = r)] / Σ ωᵢ   (counterfactual change)
/// se = √(J V Jᵀ),  J = ∂AME/∂β
/// ```
/// as `margins` and `marginaleffects::avg_slopes` (Leeper 2017; Arel-Bundock, Greifer & Heiss
/// 2024, doi:10.18637/jss.v111.i09) with factors contrasted against the reference level. The
/// average runs over the observations: ωᵢ is the prior weight (trials × weights), so a fit on
/// covariate patterns gives the individual-level AME. With an offset (log exposure, Poisson and
/// negative binomial rates) the effects are on the rate exp(xβ) instead of the mean, and ωᵢ is
/// the prior weight times the exposure exp(offsetᵢ): the change in the rate per unit of exposure
/// averaged over the exposure (the persons of population cells).
public struct MarginalEffect: Sendable, Equatable, Codable {
  /// The variable.
  public let variable: String
  /// For a factor, the level compared with the reference; `nil` for a numeric variable.
  public let level: String?
  /// For a factor, the reference level.
  public let reference: String?
  public let estimate: Double
  public let standardError: Double
  /// estimate / standardError.
  public let statistic: Double
  /// Two-sided normal p-value.
  public let pValue: Double
  /// Wald interval at the level asked for.
  public let lower: Double
  public let upper: Double

  /// `dy/dx` for a numeric variable, `level − reference` for a factor.
  public var contrast: String {
    if let level, let reference { return "\(level) − \(reference)" }
    return "dy/dx"
  }

  enum CodingKeys: String, CodingKey {
    case variable, level, reference, estimate
    case standardError = "std_error"
    case statistic = "z"
    case pValue = "p_value"
    case lower, upper
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(variable, forKey: .variable)
    try c.encode(level, forKey: .level)
    try c.encode(reference, forKey: .reference)
    try c.encode(jsonNumber(estimate), forKey: .estimate)
    try c.encode(jsonNumber(standardError), forKey: .standardError)
    try c.encode(jsonNumber(statistic), forKey: .statistic)
    try c.encode(jsonNumber(pValue), forKey: .pValue)
    try c.encode(jsonNumber(lower), forKey: .lower)
    try c.encode(jsonNumber(upper), forKey: .upper)
  }
}

extension GLMFit {
  /// Average marginal effects of the predictors on the response scale (probabilities for a
  /// binomial model), with delta-method standard errors. See ``MarginalEffect``.
  ///
  /// - Parameters:
  ///   - variables: the predictors (default: every predictor of the formula, in order, except
  ///     those all of whose columns are aliased, which have no estimable effect).
  ///   - level: confidence level of the intervals (default: the fit's).
  ///   - covariance: which covariance of the coefficients to propagate (default: the fit's).
  /// - Throws: `.invalidOption` for a fit from a matrix (no formula) or an unknown variable.
  public func averageMarginalEffects(
    variables: [String]? = nil, level: Double? = nil, covariance: CovarianceType? = nil
  ) throws(ModelError) -> [MarginalEffect] {
    guard let design, let formula else {
      throw .invalidOption("marginal effects need a fit from a formula")
    }
    let level = level ?? self.level
    let v = try covarianceMatrix(covariance ?? covarianceType)
    let q = Normal.quantile((1 + level) / 2)
    let beta = coefficients.map { $0 ?? 0 }
    let active = activeColumns
    let p = beta.count
    let rows = data.rowCount
    // Each row's share of the average. With an offset (log exposure) the effects are on the
    // rate exp(xβ), averaged over the exposure (e.g. over the persons of the population cells);
    // otherwise on the mean g⁻¹(xβ), averaged over the observations.
    var share = data.m
    if let offset = data.offset {
      for r in 0..<rows { share[r] *= Foundation.exp(offset[r]) }
    }
    let totalShare = share.reduce(0, +)
    for r in 0..<rows { share[r] /= totalShare }
    var results: [MarginalEffect] = []

    func finish(
      _ name: String, level: String?, reference: String?, effect: Double, gradient: [Double]
    ) {
      var variance = 0.0
      for a in active {
        for b in active { variance += gradient[a] * v[a, b] * gradient[b] }
      }
      let se = variance.squareRoot()
      let z = effect / se
      results.append(
        MarginalEffect(
          variable: name, level: level, reference: reference, estimate: effect, standardError: se,
          statistic: z, pValue: 2 * Normal.sf(abs(z)), lower: effect - q * se,
          upper: effect + q * se))
    }
    func dot(_ x: [Double]) -> Double {
      var s = 0.0
      for j in 0..<p { s += x[j] * beta[j] }
      return s
    }

    let estimable = formula.predictorVariables.filter { v in
      design.layout.columns.indices.contains { c in
        coefficients[c] != nil && design.layout.columns[c].components.contains { $0.variable == v }
      }
    }
    for name in variables ?? estimable {
      guard formula.predictorVariables.contains(name) else {
        throw .invalidOption("`\(name)` is not a predictor of the model")
      }
      if let factor = design.factors[name] {
        for l in 0..<factor.levels.count where l != factor.reference {
          var effect = 0.0
          var gradient = [Double](repeating: 0, count: p)
          for r in 0..<rows {
            let codes = { (variable: String) -> Int32 in design.rowCodes[variable]![r] }
            let numbers = { (variable: String) -> Double in design.rowNumbers[variable]![r] }
            let x1 = design.layout.row(code: { $0 == name ? Int32(l) : codes($0) }, number: numbers)
            let x0 = design.layout.row(
              code: { $0 == name ? Int32(factor.reference) : codes($0) }, number: numbers)
            let (eta1, eta0) = (dot(x1), dot(x0))
            let w = share[r]
            effect += w * (link.inverse(eta1) - link.inverse(eta0))
            let (d1, d0) = (link.derivative(eta1), link.derivative(eta0))
            for j in 0..<p { gradient[j] += w * (d1 * x1[j] - d0 * x0[j]) }
          }
          finish(
            name, level: factor.levels[l].code, reference: factor.levels[factor.reference].code,
            effect: effect, gradient: gradient)
        }
      } else {
        var effect = 0.0
        var gradient = [Double](repeating: 0, count: p)
        for r in 0..<rows {
          let codes = { (variable: String) -> Int32 in design.rowCodes[variable]![r] }
          let numbers = { (variable: String) -> Double in design.rowNumbers[variable]![r] }
          let x = design.layout.row(code: codes, number: numbers)
          let a = design.layout.derivativeRow(withRespectTo: name, code: codes, number: numbers)
          let eta = dot(x)
          let slope = dot(a)
          let w = share[r]
          let d = link.derivative(eta)
          let d2 = link.secondDerivative(eta)
          effect += w * d * slope
          for j in 0..<p { gradient[j] += w * (d2 * slope * x[j] + d * a[j]) }
        }
        finish(name, level: nil, reference: nil, effect: effect, gradient: gradient)
      }
    }
    return results
  }
}
