import LinearAlgebra

/// The approximate marginal log-likelihood of a random-intercept binomial or Poisson model on
/// grouped data, summed over strata, with its exact gradient and a Hessian from differences of
/// that gradient.
///
/// ```
/// ℓ(β, θ) = Σⱼ Lⱼ(η₀ⱼ, θ),   η₀ᵢ = xᵢβ + oᵢ for the cells i of stratum j   (Lⱼ: StratumLikelihood)
/// ∇β ℓ    = Σᵢ ∂L/∂η₀ᵢ · xᵢ                ∂ℓ/∂θ = Σⱼ ∂Lⱼ/∂θ
/// ∇²β ℓ   = Σⱼ Xⱼᵀ (∂²Lⱼ/∂η₀ⱼ∂η₀ⱼᵀ) Xⱼ      (and likewise for the θ row)
/// ```
/// Because every stratum enters only through its cells' η₀ and θ, the Hessian needs second
/// derivatives of a function of (cells + 1) variables per stratum, whatever the number of fixed
/// effects: they come from five-point central differences of the exact gradient (error O(h⁴)),
/// eight evaluations per stratum of one cell.
struct MarginalLikelihood: Sendable {
  let counts: [StratumCounts]
  /// Cells × p fixed-effects design.
  let design: Matrix
  /// Per cell: the offset oᵢ (Poisson: log exposure).
  let offsets: [Double]
  /// The cells of each stratum (consecutive).
  let groups: [Range<Int>]
  let rule: GaussHermiteRule

  init(
    counts: [StratumCounts], design: Matrix, offsets: [Double]? = nil, groups: [Range<Int>]? = nil,
    rule: GaussHermiteRule
  ) {
    self.counts = counts
    self.design = design
    self.offsets = offsets ?? [Double](repeating: 0, count: counts.count)
    self.groups = groups ?? counts.indices.map { $0..<($0 + 1) }
    self.rule = rule
  }

  var strataCount: Int { groups.count }
  var cellCount: Int { counts.count }
  var fixedCount: Int { design.columns }
  var largestGroup: Int { groups.map(\.count).max() ?? 1 }

  /// The log-likelihood, its gradient (β then θ), and per-stratum modes and weights.
  struct Point: Sendable {
    var logLikelihood: Double
    /// ∂ℓ/∂β (p values) followed by ∂ℓ/∂θ.
    var gradient: [Double]
    /// Per-cell derivatives ∂L/∂η₀ᵢ.
    var dEta: [Double]
    /// Per-stratum derivatives ∂Lⱼ/∂θ.
    var dTheta: [Double]
    /// Conditional modes b̂ⱼ of the spherical random effects.
    var modes: [Double]
    /// Weights Wⱼ = Σᵢ wᵢ at the modes (binomial nμ(1 − μ), Poisson μ).
    var weights: [Double]
    /// Per-cell fixed-part linear predictors xᵢβ + oᵢ.
    var eta0: [Double]
  }

  /// Fixed-part linear predictors Xβ + o.
  func linearPredictor(_ beta: [Double]) -> [Double] {
    var eta = offsets
    let n = cellCount
    for k in 0..<fixedCount where beta[k] != 0 {
      let offset = k * n
      for i in 0..<n { eta[i] += design.elements[offset + i] * beta[k] }
    }
    return eta
  }

  /// Evaluates ℓ and its gradient at (β, θ), starting each mode search from `modeStarts`.
  func evaluate(beta: [Double], theta: Double, modeStarts: [Double]) -> Point {
    let eta0 = linearPredictor(beta)
    var point = Point(
      logLikelihood: 0, gradient: [], dEta: [Double](repeating: 0, count: cellCount),
      dTheta: [], modes: [], weights: [], eta0: eta0)
    point.dTheta.reserveCapacity(strataCount)
    point.modes.reserveCapacity(strataCount)
    point.weights.reserveCapacity(strataCount)
    var scratch = [Double](repeating: 0, count: 2 * largestGroup)
    var total = 0.0
    for (j, range) in groups.enumerated() {
      let e = StratumLikelihood.evaluate(
        counts, range, eta0: eta0, theta: theta, rule: rule, modeStart: modeStarts[j],
        dEta: &point.dEta, scratch: &scratch)
      total += e.logLikelihood
      point.dTheta.append(e.dTheta)
      point.modes.append(e.mode)
      point.weights.append(e.weight)
    }
    point.logLikelihood = total
    var gradient = [Double](repeating: 0, count: fixedCount + 1)
    let n = cellCount
    for k in 0..<fixedCount {
      let offset = k * n
      var sum = 0.0
      for i in 0..<n { sum += design.elements[offset + i] * point.dEta[i] }
      gradient[k] = sum
    }
    gradient[fixedCount] = point.dTheta.reduce(0, +)
    point.gradient = gradient
    return point
  }

  /// The (p + 1) × (p + 1) Hessian of ℓ at `point` (β block first, θ last), by five-point
  /// differences of each stratum's exact derivatives in its cells' η₀ and θ. With `betaOnly`
  /// the θ row and column are left 0 (less work, for maximising over β at fixed θ).
  func hessian(at point: Point, theta: Double, betaOnly: Bool = false) -> Matrix {
    if largestGroup == 1 { return cellHessian(at: point, theta: theta, betaOnly: betaOnly) }
    let p = fixedCount
    let n = cellCount
    let x = design.elements
    let offsets: [Double] = [2, 1, -1, -2]
    let coefficients: [Double] = [-1, 8, -8, 1]
    var h = Matrix(rows: p + 1, columns: p + 1)
    var thetaTheta = 0.0
    var eta = point.eta0
    var dEta = [Double](repeating: 0, count: n)
    var scratch = [Double](repeating: 0, count: 2 * largestGroup)
    let m = largestGroup
    // Per group: columns i of ∂²L/∂η₀∂η₀ᵢ (m × m) and ∂²L/∂θ∂η₀ᵢ.
    var block = [Double](repeating: 0, count: m * m)
    var cross = [Double](repeating: 0, count: m)
    var crossFromTheta = [Double](repeating: 0, count: m)
    for (j, range) in groups.enumerated() {
      let w = point.weights[j]
      let curvature = w / (1 + theta * theta * w)
      let hEta = 2e-3 / (1 + curvature).squareRoot()
      let hTheta = 2e-3 * max(abs(theta), 1 / (1 + w).squareRoot())
      let size = range.count
      for k in 0..<(size * size) { block[k] = 0 }
      for k in 0..<size {
        cross[k] = 0
        crossFromTheta[k] = 0
      }
      var dThetaByTheta = 0.0
      for (column, i) in range.enumerated() {
        for (step, c) in zip(offsets, coefficients) {
          eta[i] = point.eta0[i] + step * hEta
          let a = StratumLikelihood.evaluate(
            counts, range, eta0: eta, theta: theta, rule: rule, modeStart: point.modes[j],
            dEta: &dEta, scratch: &scratch)
          for (row, l) in range.enumerated() { block[column * size + row] += c * dEta[l] }
          cross[column] += c * a.dTheta
        }
        eta[i] = point.eta0[i]
      }
      if !betaOnly {
        for (step, c) in zip(offsets, coefficients) {
          let b = StratumLikelihood.evaluate(
            counts, range, eta0: eta, theta: theta + step * hTheta, rule: rule,
            modeStart: point.modes[j], dEta: &dEta, scratch: &scratch)
          for (row, l) in range.enumerated() { crossFromTheta[row] += c * dEta[l] }
          dThetaByTheta += c * b.dTheta
        }
        thetaTheta += dThetaByTheta / (12 * hTheta)
      }
      // Accumulate Xⱼᵀ H Xⱼ and Xⱼᵀ c.
      for a in 0..<p {
        for (row, l) in range.enumerated() {
          let xa = x[a * n + l]
          if xa == 0 { continue }
          for b in a..<p {
            var sum = 0.0
            for (column, i) in range.enumerated() {
              let hij = (block[column * size + row] + block[row * size + column]) / 2
              sum += hij * x[b * n + i]
            }
            h[a, b] += xa * sum / (12 * hEta)
          }
          if !betaOnly {
            let c = (cross[row] / (12 * hEta) + crossFromTheta[row] / (12 * hTheta)) / 2
            h[a, p] += xa * c
          }
        }
      }
    }
    for a in 0..<p {
      for b in (a + 1)..<(p + 1) where b < p { h[b, a] = h[a, b] }
      h[p, a] = h[a, p]
    }
    h[p, p] = betaOnly ? 0 : thetaTheta
    return h
  }

  /// `hessian` when every stratum is one cell: per stratum the 2 × 2 second derivatives in
  /// (η₀, θ), then Xᵀ diag(∂²L/∂η₀²) X and Xᵀ ∂²L/∂η₀∂θ.
  private func cellHessian(at point: Point, theta: Double, betaOnly: Bool) -> Matrix {
    let p = fixedCount
    let n = cellCount
    var etaEta = [Double](repeating: 0, count: n)
    var etaTheta = [Double](repeating: 0, count: n)
    var thetaTheta = 0.0
    let offsets: [Double] = [2, 1, -1, -2]
    let coefficients: [Double] = [-1, 8, -8, 1]
    for j in 0..<n {
      let w = point.weights[j]
      let curvature = w / (1 + theta * theta * w)
      let hEta = 2e-3 / (1 + curvature).squareRoot()
      let hTheta = 2e-3 * max(abs(theta), 1 / (1 + w).squareRoot())
      var dEtaByEta = 0.0
      var dThetaByEta = 0.0
      var dEtaByTheta = 0.0
      var dThetaByTheta = 0.0
      for (offset, c) in zip(offsets, coefficients) {
        let (a, aEta) = StratumLikelihood.evaluateCell(
          counts[j], eta0: point.eta0[j] + offset * hEta, theta: theta, rule: rule,
          modeStart: point.modes[j])
        dEtaByEta += c * aEta
        dThetaByEta += c * a.dTheta
        if betaOnly { continue }
        let (b, bEta) = StratumLikelihood.evaluateCell(
          counts[j], eta0: point.eta0[j], theta: theta + offset * hTheta, rule: rule,
          modeStart: point.modes[j])
        dEtaByTheta += c * bEta
        dThetaByTheta += c * b.dTheta
      }
      etaEta[j] = dEtaByEta / (12 * hEta)
      if betaOnly { continue }
      etaTheta[j] = (dThetaByEta / (12 * hEta) + dEtaByTheta / (12 * hTheta)) / 2
      thetaTheta += dThetaByTheta / (12 * hTheta)
    }
    var h = Matrix(rows: p + 1, columns: p + 1)
    let x = design.elements
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
