import Foundation

// The marginal likelihood of one stratum in a random-intercept binomial (logit) or Poisson (log)
// model, by adaptive Gauss–Hermite quadrature (the Laplace approximation is its one-node case),
// with its exact first derivatives. A stratum may hold several cells (stratum × covariate
// pattern) that share its random effect.
//
// Goals, in order: (1) the same approximation lme4's glmer computes (spherical random effect
// u = θ·b, b ~ N(0, 1); quadrature centred at the conditional mode b̂ and scaled by the
// conditional curvature), so that estimates agree to optimiser precision; (2) exact gradients,
// so that Newton's method converges to machine precision; (3) no overflow for strata of millions
// of persons (log-scale throughout, log(1 + eᵗ) evaluated stably).
//
// For cells i of the stratum with fixed-part linear predictors η₀ᵢ = xᵢβ (+ offset) and
// log-likelihoods ℓᵢ(η) (binomial: yη − n log(1 + eᵗ); Poisson: yη − eᵗ; constants apart),
// rᵢ = ℓᵢ′, wᵢ = −ℓᵢ″, w′ᵢ = dwᵢ/dη, R = Σ rᵢ, W = Σ wᵢ, W′ = Σ w′ᵢ:
//
//     h(b)  = Σᵢ ℓᵢ(η₀ᵢ + θ b) − b²/2                          log integrand (up to √2π)
//     b̂     = argmax h,  i.e.  θ R(b̂) = b̂                          conditional mode
//     s     = (1 + θ² W)^(−½)  at b̂                                conditional scale
//     L     = log ∫ exp Σᵢ ℓᵢ(η₀ᵢ + θ b) φ(b) db
//           ≈ log s + log Σₖ wₖ exp(h(b̂ + s zₖ) + zₖ²/2)          (zₖ, wₖ: GH rule for φ)
//
// With one node (z = 0, w = 1) this is h(b̂) − ½ log(1 + θ² W), lme4's Laplace deviance
// contribution. Derivatives (ψ ∈ {η₀ᵢ, θ}; D = 1 + θ² W, all at b̂):
//
//     db̂/dη₀ᵢ = −θ wᵢ / D              db̂/dθ = (R − θ W b̂) / D
//     dW/dη₀ᵢ = w′ᵢ − θ² wᵢ W′ / D      dW/dθ = W′ (b̂ + θ db̂/dθ)
//     ds/dψ   = −½ s³ (θ² dW/dψ + [ψ = θ] 2 θ W)
//     dL/dψ   = (ds/dψ)/s + Σₖ πₖ (∂h/∂ψ(bₖ) + h′(bₖ) (db̂/dψ + zₖ ds/dψ)),   bₖ = b̂ + s zₖ
//
// with πₖ the normalised quadrature terms, ∂h/∂η₀ᵢ = rᵢ(b), ∂h/∂θ = R(b)·b, h′(b) = θ R(b) − b.
// Reference: Pinheiro, J. C. & Bates, D. M. (1995). Approximations to the log-likelihood function
// in the nonlinear mixed-effects model. *JCGS* 4, 12–35. https://doi.org/10.1080/10618600.1995.10474663

/// One cell's data: cases y, trials n (binomial) or exposure (Poisson), and the constant of its
/// log-likelihood (log C(n, y), or −log y!).
struct StratumCounts: Sendable, Equatable {
  enum Family: Sendable, Equatable {
    case binomial
    case poisson
  }

  let family: Family
  let cases: Double
  let trials: Double
  let constant: Double

  init(cases: Int, trials: Int, family: Family = .binomial) {
    self.family = family
    self.cases = Double(cases)
    self.trials = Double(trials)
    switch family {
    case .binomial:
      constant =
        lgamma(Double(trials) + 1) - lgamma(Double(cases) + 1)
        - lgamma(Double(trials - cases) + 1)
    case .poisson:
      constant = -lgamma(Double(cases) + 1)
    }
  }

  /// The log-likelihood without its constant, its derivative r, the weight w = −ℓ″ and dw/dη
  /// at the linear predictor η (for Poisson η includes the offset log n).
  @inline(__always)
  func terms(_ eta: Double) -> (logP: Double, r: Double, w: Double, wPrime: Double) {
    switch family {
    case .binomial:
      let mu = StratumLikelihood.logistic(eta)
      let w = trials * mu * (1 - mu)
      return (
        cases * eta - trials * StratumLikelihood.logOnePlusExp(eta), cases - trials * mu, w,
        w * (1 - 2 * mu)
      )
    case .poisson:
      let m = exp(eta)
      return (cases * eta - m, cases - m, m, m)
    }
  }

  /// The bounds of r(η) over η: binomial [y − n, y], Poisson (−∞, y].
  var scoreRange: (lower: Double, upper: Double) {
    switch family {
    case .binomial: (cases - trials, cases)
    case .poisson: (-.infinity, cases)
    }
  }
}

/// The value and exact first derivatives of one stratum's approximate marginal log-likelihood.
struct StratumEvaluation: Sendable {
  /// The approximate log-likelihood L.
  var logLikelihood: Double
  /// dL/dθ.
  var dTheta: Double
  /// The conditional mode b̂ of the spherical random effect (u = θ b).
  var mode: Double
  /// The weight W = Σᵢ wᵢ at the mode.
  var weight: Double
}

enum StratumLikelihood {
  /// log(1 + eˣ) without overflow or loss of precision.
  @inline(__always)
  static func logOnePlusExp(_ x: Double) -> Double {
    x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
  }

  /// The logistic function 1 / (1 + e⁻ˣ), accurate in both tails.
  @inline(__always)
  static func logistic(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
  }

  /// R(b) and W(b) of the cells `range` at b.
  @inline(__always)
  static func score(
    _ counts: [StratumCounts], _ range: Range<Int>, eta0: [Double], theta: Double, b: Double
  ) -> (r: Double, w: Double) {
    var r = 0.0
    var w = 0.0
    for i in range {
      let t = counts[i].terms(eta0[i] + theta * b)
      r += t.r
      w += t.w
    }
    return (r, w)
  }

  /// The conditional mode b̂ solving θ R(b) = b, by Newton's method safeguarded with bisection:
  /// g(b) = θ R(b) − b is strictly decreasing, and b̂ lies between θ·min R and θ·max R (a
  /// bracket found by stepping out where R is unbounded, as for Poisson).
  static func mode(
    _ counts: [StratumCounts], _ range: Range<Int>, eta0: [Double], theta: Double, start: Double
  ) -> Double {
    if theta == 0 { return 0 }
    var rLow = 0.0
    var rHigh = 0.0
    for i in range {
      let bounds = counts[i].scoreRange
      rLow += bounds.lower
      rHigh += bounds.upper
    }
    return solveMode(rLow: rLow, rHigh: rHigh, theta: theta, start: start) { b in
      score(counts, range, eta0: eta0, theta: theta, b: b)
    }
  }

  /// The conditional mode of a stratum of one cell (scalar arithmetic, no arrays).
  @inline(__always)
  static func cellMode(
    _ c: StratumCounts, eta0: Double, theta: Double, start: Double
  ) -> Double {
    if theta == 0 { return 0 }
    let bounds = c.scoreRange
    return solveMode(rLow: bounds.lower, rHigh: bounds.upper, theta: theta, start: start) { b in
      let t = c.terms(eta0 + theta * b)
      return (t.r, t.w)
    }
  }

  /// Solves θ R(b) = b given R's range [rLow, rHigh] and `score(b)` = (R(b), −R′(b)): the
  /// safeguarded Newton iteration of ``mode(_:_:eta0:theta:start:)`` and ``cellMode``.
  @inline(__always)
  static func solveMode(
    rLow: Double, rHigh: Double, theta: Double, start: Double,
    score: (Double) -> (r: Double, w: Double)
  ) -> Double {
    var lower = min(theta * rLow, theta * rHigh)
    var upper = max(theta * rLow, theta * rHigh)
    func g(_ b: Double) -> Double { theta * score(b).r - b }
    if !lower.isFinite {
      var step = 1.0
      var b = min(start, upper.isFinite ? upper : start)
      while g(b) < 0, step < 1e300 {
        b -= step
        step *= 2
      }
      lower = b
    }
    if !upper.isFinite {
      var step = 1.0
      var b = max(start, lower)
      while g(b) > 0, step < 1e300 {
        b += step
        step *= 2
      }
      upper = b
    }
    var b = min(max(start, lower), upper)
    for _ in 0..<200 {
      let t = score(b)
      let f = theta * t.r - b
      if f == 0 { return b }
      if f > 0 { lower = b } else { upper = b }
      var next = b + f / (theta * theta * t.w + 1)
      if !(next > lower && next < upper) { next = (lower + upper) / 2 }
      if abs(next - b) <= 4 * Double.ulpOfOne * max(1, abs(b)) || upper - lower <= 0 {
        return next
      }
      b = next
    }
    return b
  }

  /// `evaluate` for a stratum of one cell: the value, dL/dθ and dL/dη₀.
  @inline(__always)
  static func evaluateCell(
    _ c: StratumCounts, eta0: Double, theta: Double, rule: GaussHermiteRule, modeStart: Double
  ) -> (StratumEvaluation, Double) {
    let bHat = cellMode(c, eta0: eta0, theta: theta, start: modeStart)
    let hatTerms = c.terms(eta0 + theta * bHat)
    let w = hatTerms.w
    let wPrime = hatTerms.wPrime
    let theta2 = theta * theta
    let d = 1 + theta2 * w
    let s = 1 / d.squareRoot()
    let rHat = hatTerms.r
    let dModeEta = -theta * w / d
    let dModeTheta = (rHat - theta * w * bHat) / d
    let dSEta = -0.5 * s * s * s * theta2 * wPrime / d
    let dSTheta = -0.5 * s * s * s * (theta2 * wPrime * (bHat + theta * dModeTheta) + 2 * theta * w)
    let hHat = hatTerms.logP - bHat * bHat / 2
    if rule.nodes.count == 1 {
      return (
        StratumEvaluation(
          logLikelihood: c.constant + hHat + log(s), dTheta: dSTheta / s + rHat * bHat,
          mode: bHat, weight: w),
        dSEta / s + rHat
      )
    }
    var total = 0.0
    var sumEta = 0.0
    var sumTheta = 0.0
    for k in 0..<rule.nodes.count {
      let z = rule.nodes[k]
      let b = bHat + s * z
      let t = c.terms(eta0 + theta * b)
      let h = t.logP - b * b / 2
      let term = rule.weights[k] * exp(h - hHat + z * z / 2)
      let hPrime = theta * t.r - b
      total += term
      sumEta += term * (t.r + hPrime * (dModeEta + z * dSEta))
      sumTheta += term * (t.r * b + hPrime * (dModeTheta + z * dSTheta))
    }
    return (
      StratumEvaluation(
        logLikelihood: c.constant + hHat + log(s) + log(total),
        dTheta: dSTheta / s + sumTheta / total, mode: bHat, weight: w),
      dSEta / s + sumEta / total
    )
  }

  /// The approximate marginal log-likelihood of the stratum made of the cells `range` and its
  /// derivatives: dL/dη₀ᵢ into `dEta[i]` for each cell, dL/dθ in the result. `scratch` holds at
  /// least `range.count` doubles.
  static func evaluate(
    _ counts: [StratumCounts], _ range: Range<Int>, eta0: [Double], theta: Double,
    rule: GaussHermiteRule, modeStart: Double, dEta: inout [Double], scratch: inout [Double]
  ) -> StratumEvaluation {
    if range.count == 1 {
      let i = range.lowerBound
      let (e, d) = evaluateCell(
        counts[i], eta0: eta0[i], theta: theta, rule: rule, modeStart: modeStart)
      dEta[i] = d
      return e
    }
    let bHat = mode(counts, range, eta0: eta0, theta: theta, start: modeStart)
    let theta2 = theta * theta
    var rHat = 0.0
    var wHat = 0.0
    var wPrimeHat = 0.0
    var logPHat = 0.0
    var constant = 0.0
    for i in range {
      let t = counts[i].terms(eta0[i] + theta * bHat)
      rHat += t.r
      wHat += t.w
      wPrimeHat += t.wPrime
      logPHat += t.logP
      constant += counts[i].constant
      // Per cell: w′ᵢ, later dW/dη₀ᵢ; wᵢ in scratch.
      dEta[i] = t.wPrime
      scratch[i - range.lowerBound] = t.w
    }
    let d = 1 + theta2 * wHat
    let s = 1 / d.squareRoot()
    let s3 = s * s * s
    let dModeTheta = (rHat - theta * wHat * bHat) / d
    let dWTheta = wPrimeHat * (bHat + theta * dModeTheta)
    let dSTheta = -0.5 * s3 * (2 * theta * wHat + theta2 * dWTheta)
    let hHat = logPHat - bHat * bHat / 2

    if rule.nodes.count == 1 {
      // Laplace: π₁ = 1, b₁ = b̂ and h′(b̂) = 0.
      for i in range {
        let w = scratch[i - range.lowerBound]
        let dW = dEta[i] - theta2 * w * wPrimeHat / d
        let dS = -0.5 * s3 * theta2 * dW
        let r = counts[i].terms(eta0[i] + theta * bHat).r
        dEta[i] = dS / s + r
      }
      return StratumEvaluation(
        logLikelihood: constant + hHat + log(s), dTheta: dSTheta / s + rHat * bHat,
        mode: bHat, weight: wHat)
    }

    // dEta[i] ← ds/dη₀ᵢ; scratch[i] ← db̂/dη₀ᵢ.
    for i in range {
      let k = i - range.lowerBound
      let w = scratch[k]
      let dW = dEta[i] - theta2 * w * wPrimeHat / d
      dEta[i] = -0.5 * s3 * theta2 * dW
      scratch[k] = -theta * w / d
    }
    let cells = range.count
    if scratch.count < 2 * cells { scratch += [Double](repeating: 0, count: 2 * cells) }
    for k in 0..<cells { scratch[cells + k] = 0 }
    var total = 0.0
    var sumTheta = 0.0
    for node in 0..<rule.nodes.count {
      let z = rule.nodes[node]
      let b = bHat + s * z
      var logP = 0.0
      var r = 0.0
      for i in range {
        let t = counts[i].terms(eta0[i] + theta * b)
        logP += t.logP
        r += t.r
      }
      let h = logP - b * b / 2
      let term = rule.weights[node] * exp(h - hHat + z * z / 2)
      let hPrime = theta * r - b
      total += term
      sumTheta += term * (r * b + hPrime * (dModeTheta + z * dSTheta))
      for i in range {
        let k = i - range.lowerBound
        let ri = counts[i].terms(eta0[i] + theta * b).r
        scratch[cells + k] += term * (ri + hPrime * (scratch[k] + z * dEta[i]))
      }
    }
    for i in range {
      let k = i - range.lowerBound
      dEta[i] = dEta[i] / s + scratch[cells + k] / total
    }
    return StratumEvaluation(
      logLikelihood: constant + hHat + log(s) + log(total),
      dTheta: dSTheta / s + sumTheta / total, mode: bHat, weight: wHat)
  }
}
