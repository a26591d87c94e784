import Distributions
import Foundation
import LinearAlgebra

/// Profile-likelihood confidence intervals: the values b of one coefficient at which the
/// likelihood-ratio test of β_j = b just rejects.
///
/// ```
/// r(b) = sign(b − β̂_j) √(D_j(b) − D̂)          D_j(b): deviance with β_j fixed at b (an offset)
/// interval: { b : |r(b)| ≤ Φ⁻¹((1 + level)/2) }
/// ```
/// as MASS's `confint.glm` / `profile.glm` (R ≥ 4.4 `stats::confint`), but each end is found by
/// root finding on r(b) (a safeguarded secant method to 1e-10 relative), not by spline
/// interpolation on a grid. For a Firth fit the penalised profile of `logistf` is used:
/// `r(b) = sign(b − β̂_j) √(2(ℓ*(β̂) − ℓ*_j(b)))` with the penalty of the full model
/// (Heinze & Schemper 2002, doi:10.1002/sim.1047).
enum ProfileLikelihood {
  /// Intervals for every coefficient (`nil` for aliased ones).
  static func intervals(_ fit: GLMFit, level: Double) throws(ModelError) -> [ClosedRange<Double>?] {
    let z = Normal.quantile((1 + level) / 2)
    let active = fit.activeColumns
    let data = fit.data
    var x = data.x
    if active.count < x.columns { x = x.selectingColumns(active) }
    let beta = active.map { fit.coefficients[$0]! }
    let se = active.map { fit.modelCovariance[$0, $0].squareRoot() }
    let aliased: [Int] = []
    var reducedData = data
    reducedData.x = x

    // The signed root at b for coefficient k (position among the active columns).
    let maximum: Double
    if fit.method == .firth {
      maximum = try Firth.evaluate(beta, x: x, data: reducedData).penalized
    } else {
      maximum = rowDeviance(
        mu: fit.fitted, data: data, family: fit.family, theta: fit.theta ?? .infinity)
    }
    var options = fit.options
    options.epsilon = 1e-13
    options.maxIterations = 100
    options.factorization = .cholesky
    func signedRoot(_ k: Int, _ b: Double) throws(ModelError) -> Double {
      let difference: Double
      if fit.method == .firth {
        // ℓ* → −∞ as a coefficient goes to ±∞ (Kosmidis & Firth 2021, Biometrika 108(1),
        // doi:10.1093/biomet/asaa052), so every end of a penalised profile is finite. A fit
        // that cannot even be evaluated at b (XᵀWX numerically singular: weights below the
        // smallest double) is far beyond the cut-off: ±∞ brackets the end, and the search
        // bisects back towards the estimate instead of failing.
        guard
          let result = try? Firth.fit(
            data: reducedData, options: options, aliased: aliased, fixed: (k, b), start: beta)
        else { return b < beta[k] ? -.infinity : .infinity }
        difference = 2 * (maximum - result.penalizedLogLikelihood)
      } else {
        difference =
          try constrainedDeviance(k, b, x: x, beta: beta, fit: fit, options: options) - maximum
      }
      return (b < beta[k] ? -1 : 1) * max(difference, 0).squareRoot()
    }

    var result = [ClosedRange<Double>?](repeating: nil, count: fit.coefficients.count)
    for (k, j) in active.enumerated() {
      let lower = try solve(target: -z, center: beta[k], step: -z * se[k]) {
        (b) throws(ModelError) in try signedRoot(k, b)
      }
      let upper = try solve(target: z, center: beta[k], step: z * se[k]) { (b) throws(ModelError) in
        try signedRoot(k, b)
      }
      result[j] = lower...upper
    }
    return result
  }

  /// Σ unit deviances of the rows at μ.
  static func rowDeviance(mu: [Double], data: GLMData, family: Family, theta: Double) -> Double {
    var d = 0.0
    for i in 0..<data.rowCount {
      d += family.unitDeviance(y: data.y[i], mu: mu[i], weight: data.m[i], theta: theta)
    }
    return d
  }

  /// The deviance of the model with coefficient k fixed at b.
  static func constrainedDeviance(
    _ k: Int, _ b: Double, x: Matrix, beta: [Double], fit: GLMFit, options: GLMOptions
  ) throws(ModelError) -> Double {
    let data = fit.data
    // The negative binomial is profiled at θ̂ held fixed (as MASS's `confint` of a `glm.nb`).
    let offset = (0..<x.rows).map { x[$0, k] * b + (data.offset?[$0] ?? 0) }
    let others = (0..<x.columns).filter { $0 != k }
    if others.isEmpty {
      let mu = offset.map { fit.link.inverse($0) }
      return rowDeviance(mu: mu, data: data, family: fit.family, theta: fit.theta ?? .infinity)
    }
    var response = GLMResponse(
      family: fit.family, link: fit.link, y: data.y, m: data.m, offset: offset,
      theta: fit.theta ?? .infinity)
    response.offset = offset
    let result = try IRLS.fit(
      x: x.selectingColumns(others), response: response, options: options,
      start: others.map { beta[$0] })
    return result.deviance
  }

  /// The b with f(b) = target, for f increasing through f(center) = 0: steps out from
  /// `center + step` until bracketed, then a safeguarded secant (Illinois) iteration.
  static func solve(
    target: Double, center: Double, step: Double, _ f: (Double) throws(ModelError) -> Double
  ) throws(ModelError) -> Double {
    var inner = (b: center, value: -target)  // f(center) − target = −target
    var b = center + step
    var value = try f(b) - target
    var expansions = 0
    // Step out until f(b) − target has the opposite sign to the inner end.
    while value.sign == inner.value.sign || value.isNaN {
      if value.isNaN { break }
      inner = (b, value)
      b += step * Double(1 << min(expansions, 20))
      value = try f(b) - target
      expansions += 1
      if expansions > 60 { return target < 0 ? -.infinity : .infinity }
    }
    var outer = (b: b, value: value)
    var side = 0
    for _ in 0..<200 {
      let width = abs(outer.b - inner.b)
      if width <= 1e-10 * max(1, abs(outer.b)) { break }
      var candidate = (inner.b * outer.value - outer.b * inner.value) / (outer.value - inner.value)
      if !candidate.isFinite || candidate <= min(inner.b, outer.b)
        || candidate >= max(inner.b, outer.b)
      {
        candidate = (inner.b + outer.b) / 2
      }
      let fc = try f(candidate) - target
      if fc == 0 { return candidate }
      if fc.sign == outer.value.sign {
        outer = (candidate, fc)
        if side == -1 { inner.value /= 2 }
        side = -1
      } else {
        inner = (candidate, fc)
        if side == 1 { outer.value /= 2 }
        side = 1
      }
    }
    return (inner.b * outer.value - outer.b * inner.value) / (outer.value - inner.value)
  }
}

extension GLMFit {
  /// Profile-likelihood confidence intervals (penalised profile for a Firth fit), one per
  /// coefficient, `nil` for aliased ones; an end is ±∞ when the profile never reaches the cut-off
  /// (e.g. under separation).
  ///
  /// See ``ProfileLikelihood`` for the definition. Each end costs a few constrained fits.
  /// - Throws: `.invalidOption` for a level outside (0, 1); errors of the constrained fits.
  public func profileConfidenceIntervals(level: Double? = nil) throws(ModelError) -> [ClosedRange<
    Double
  >?] {
    let level = level ?? self.level
    guard level > 0 && level < 1 else {
      throw .invalidOption("the confidence level must be between 0 and 1")
    }
    return try ProfileLikelihood.intervals(self, level: level)
  }
}
