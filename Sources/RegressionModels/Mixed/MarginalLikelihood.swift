import LinearAlgebra

/// The approximate marginal log-likelihood of a random-intercept logistic model on grouped data,
/// summed over strata, with its exact gradient and a Hessian from differences of that gradient.
///
/// ```
/// ℓ(β, θ) = Σⱼ Lⱼ(xⱼβ, θ)        (Lⱼ: StratumLikelihood.evaluate)
/// ∇β ℓ    = Σⱼ ∂Lⱼ/∂η₀ · xⱼ       ∂ℓ/∂θ = Σⱼ ∂Lⱼ/∂θ
/// ∇²β ℓ   = Σⱼ ∂²Lⱼ/∂η₀² · xⱼxⱼᵀ  (and likewise for the θ row)
/// ```
/// Because every stratum enters only through the two scalars (η₀ⱼ, θ), the Hessian needs second
/// derivatives of a function of two variables per stratum, whatever the number of fixed effects:
/// they come from five-point central differences of the exact gradient (error O(h⁴)), eight
/// evaluations per stratum.
struct MarginalLikelihood: Sendable {
  let counts: [StratumCounts]
  /// J × p fixed-effects design, one row per stratum.
  let design: Matrix
  let rule: GaussHermiteRule

  var strataCount: Int { counts.count }
  var fixedCount: Int { design.columns }

  /// The log-likelihood, its gradient (β then θ), and per-stratum modes and weights.
  struct Point: Sendable {
    var logLikelihood: Double
    /// ∂ℓ/∂β (p values) followed by ∂ℓ/∂θ.
    var gradient: [Double]
    /// Per-stratum derivatives ∂Lⱼ/∂η₀ and ∂Lⱼ/∂θ.
    var dEta: [Double]
    var dTheta: [Double]
    /// Conditional modes b̂ⱼ of the spherical random effects.
    var modes: [Double]
    /// Binomial weights nμ(1 − μ) at the modes.
    var weights: [Double]
    /// Fixed-part linear predictors xⱼβ.
    var eta0: [Double]
  }

  /// Fixed-part linear predictors Xβ.
  func linearPredictor(_ beta: [Double]) -> [Double] {
    var eta = [Double](repeating: 0, count: strataCount)
    for k in 0..<fixedCount where beta[k] != 0 {
      let offset = k * strataCount
      for j in 0..<strataCount { eta[j] += design.elements[offset + j] * beta[k] }
    }
    return eta
  }

  /// Evaluates ℓ and its gradient at (β, θ), starting each mode search from `modeStarts`.
  func evaluate(beta: [Double], theta: Double, modeStarts: [Double]) -> Point {
    let eta0 = linearPredictor(beta)
    var point = Point(
      logLikelihood: 0, gradient: [], dEta: [], dTheta: [], modes: [], weights: [], eta0: eta0)
    point.dEta.reserveCapacity(strataCount)
    point.dTheta.reserveCapacity(strataCount)
    point.modes.reserveCapacity(strataCount)
    point.weights.reserveCapacity(strataCount)
    var total = 0.0
    for j in 0..<strataCount {
      let e = StratumLikelihood.evaluate(
        counts[j], eta0: eta0[j], theta: theta, rule: rule, modeStart: modeStarts[j])
      total += e.logLikelihood
      point.dEta.append(e.dEta)
      point.dTheta.append(e.dTheta)
      point.modes.append(e.mode)
      point.weights.append(e.weight)
    }
    point.logLikelihood = total
    var gradient = [Double](repeating: 0, count: fixedCount + 1)
    for k in 0..<fixedCount {
      let offset = k * strataCount
      var sum = 0.0
      for j in 0..<strataCount { sum += design.elements[offset + j] * point.dEta[j] }
      gradient[k] = sum
    }
    gradient[fixedCount] = point.dTheta.reduce(0, +)
    point.gradient = gradient
    return point
  }

  /// The (p + 1) × (p + 1) Hessian of ℓ at `point` (β block first, θ last), by five-point
  /// differences of each stratum's exact derivatives in η₀ and θ. With `betaOnly` the θ row and
  /// column are left 0 (half the cost, for maximising over β at fixed θ).
  func hessian(at point: Point, theta: Double, betaOnly: Bool = false) -> Matrix {
    let p = fixedCount
    var etaEta = [Double](repeating: 0, count: strataCount)
    var etaTheta = [Double](repeating: 0, count: strataCount)
    var thetaTheta = 0.0
    let offsets: [Double] = [2, 1, -1, -2]
    let coefficients: [Double] = [-1, 8, -8, 1]
    for j in 0..<strataCount {
      let w = point.weights[j]
      let curvature = w / (1 + theta * theta * w)
      let hEta = 2e-3 / (1 + curvature).squareRoot()
      let hTheta = 2e-3 * max(abs(theta), 1 / (1 + w).squareRoot())
      var dEtaByEta = 0.0
      var dThetaByEta = 0.0
      var dEtaByTheta = 0.0
      var dThetaByTheta = 0.0
      for (offset, c) in zip(offsets, coefficients) {
        let a = StratumLikelihood.evaluate(
          counts[j], eta0: point.eta0[j] + offset * hEta, theta: theta, rule: rule,
          modeStart: point.modes[j])
        dEtaByEta += c * a.dEta
        dThetaByEta += c * a.dTheta
        if betaOnly { continue }
        let b = StratumLikelihood.evaluate(
          counts[j], eta0: point.eta0[j], theta: theta + offset * hTheta, rule: rule,
          modeStart: point.modes[j])
        dEtaByTheta += c * b.dEta
        dThetaByTheta += c * b.dTheta
      }
      etaEta[j] = dEtaByEta / (12 * hEta)
      if betaOnly { continue }
      etaTheta[j] = (dThetaByEta / (12 * hEta) + dEtaByTheta / (12 * hTheta)) / 2
      thetaTheta += dThetaByTheta / (12 * hTheta)
    }
    var h = Matrix(rows: p + 1, columns: p + 1)
    let x = design.elements
    let n = strataCount
    for a in 0..<p {
      for b in a..<p {
        var sum = 0.0
        for j in 0..<n { sum += x[a * n + j] * x[b * n + j] * etaEta[j] }
        h[a, b] = sum
        h[b, a] = sum
      }
      var cross = 0.0
      for j in 0..<n { cross += x[a * n + j] * etaTheta[j] }
      h[a, p] = cross
      h[p, a] = cross
    }
    h[p, p] = thetaTheta
    return h
  }
}
