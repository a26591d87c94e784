import Foundation

// The marginal likelihood of one stratum in a random-intercept logistic model, by adaptive
// Gauss–Hermite quadrature (the Laplace approximation is its one-node case), with its exact first
// derivatives.
//
// Goals, in order: (1) the same approximation lme4's glmer computes (spherical random effect
// u = θ·b, b ~ N(0, 1); quadrature centred at the conditional mode b̂ and scaled by the
// conditional curvature), so that estimates agree to optimiser precision; (2) exact gradients,
// so that Newton's method converges to machine precision; (3) no overflow for strata of millions
// of persons (log-scale throughout, log(1 + eᵗ) evaluated stably).
//
// For a stratum with y cases among n persons and fixed-part linear predictor η₀ = xβ:
//
//     ℓ(η)  = log C(n, y) + y η − n log(1 + eᵗ)              binomial log-likelihood
//     h(b)  = ℓ(η₀ + θ b) − b²/2                               log integrand (up to √2π)
//     b̂     = argmax h,  i.e.  θ (y − n μ(b̂)) = b̂                conditional mode
//     s     = (1 + θ² w)^(−½),  w = n μ (1 − μ) at b̂              conditional scale
//     L     = log ∫ exp ℓ(η₀ + θ b) φ(b) db
//           ≈ log s + log Σₖ wₖ exp(h(b̂ + s zₖ) + zₖ²/2)          (zₖ, wₖ: GH rule for φ)
//
// With one node (z = 0, w = 1) this is h(b̂) − ½ log(1 + θ² w), lme4's Laplace deviance
// contribution. Derivatives (ψ ∈ {η₀, θ}; r = y − nμ, w' = dw/dη, D = 1 + θ² w, all at b̂):
//
//     db̂/dη₀ = −θ w / D            db̂/dθ = (r − θ w b̂) / D
//     dη̂/dη₀ = 1 / D               dη̂/dθ = 2 b̂ / D
//     ds/dψ  = −½ s³ (θ² w' dη̂/dψ + [ψ = θ] 2 θ w)
//     dL/dψ  = (ds/dψ)/s + Σₖ πₖ (∂h/∂ψ(bₖ) + h'(bₖ) (db̂/dψ + zₖ ds/dψ)),   bₖ = b̂ + s zₖ
//
// with πₖ the normalised quadrature terms, ∂h/∂η₀ = r(b), ∂h/∂θ = r(b)·b, h'(b) = θ r(b) − b.
// Reference: Pinheiro, J. C. & Bates, D. M. (1995). Approximations to the log-likelihood function
// in the nonlinear mixed-effects model. *JCGS* 4, 12–35. https://doi.org/10.1080/10618600.1995.10474663

/// One stratum's data: cases y, persons n and the constant log C(n, y).
struct StratumCounts: Sendable, Equatable {
  let cases: Double
  let trials: Double
  let logBinomialCoefficient: Double

  init(cases: Int, trials: Int) {
    self.cases = Double(cases)
    self.trials = Double(trials)
    logBinomialCoefficient =
      lgamma(Double(trials) + 1) - lgamma(Double(cases) + 1) - lgamma(Double(trials - cases) + 1)
  }
}

/// The value and exact first derivatives of one stratum's approximate marginal log-likelihood.
struct StratumEvaluation: Sendable {
  /// The approximate log-likelihood L.
  var logLikelihood: Double
  /// dL/dη₀.
  var dEta: Double
  /// dL/dθ.
  var dTheta: Double
  /// The conditional mode b̂ of the spherical random effect (u = θ b).
  var mode: Double
  /// The binomial weight w = n μ (1 − μ) at the mode.
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

  /// The conditional mode b̂ solving θ (y − n μ(η₀ + θ b)) = b, by Newton's method safeguarded
  /// with bisection: the function is strictly decreasing in b and b̂ lies between θ(y − n) and θy.
  static func mode(
    _ counts: StratumCounts, eta0: Double, theta: Double, start: Double
  ) -> Double {
    if theta == 0 { return 0 }
    var lower = min(theta * (counts.cases - counts.trials), theta * counts.cases)
    var upper = max(theta * (counts.cases - counts.trials), theta * counts.cases)
    var b = min(max(start, lower), upper)
    for _ in 0..<200 {
      let mu = logistic(eta0 + theta * b)
      let f = theta * (counts.cases - counts.trials * mu) - b
      if f == 0 { return b }
      if f > 0 { lower = b } else { upper = b }
      let slope = -(theta * theta * counts.trials * mu * (1 - mu) + 1)
      var next = b - f / slope
      if !(next > lower && next < upper) { next = (lower + upper) / 2 }
      if abs(next - b) <= 4 * Double.ulpOfOne * max(1, abs(b)) || upper - lower <= 0 {
        return next
      }
      b = next
    }
    return b
  }

  /// The approximate marginal log-likelihood of one stratum and its derivatives in (η₀, θ).
  static func evaluate(
    _ counts: StratumCounts, eta0: Double, theta: Double, rule: GaussHermiteRule,
    modeStart: Double
  ) -> StratumEvaluation {
    let y = counts.cases
    let n = counts.trials
    let bHat = mode(counts, eta0: eta0, theta: theta, start: modeStart)
    let etaHat = eta0 + theta * bHat
    let muHat = logistic(etaHat)
    let w = n * muHat * (1 - muHat)
    let wPrime = w * (1 - 2 * muHat)
    let theta2 = theta * theta
    let d = 1 + theta2 * w
    let s = 1 / d.squareRoot()
    let rHat = y - n * muHat

    let dModeEta = -theta * w / d
    let dModeTheta = (rHat - theta * w * bHat) / d
    let dSEta = -0.5 * s * s * s * theta2 * wPrime / d
    let dSTheta = -0.5 * s * s * s * (theta2 * wPrime * 2 * bHat / d + 2 * theta * w)

    // h(b) − h(b̂) relative to the mode, to keep the exponentials in range.
    let logPHat = y * etaHat - n * logOnePlusExp(etaHat)
    let hHat = logPHat - bHat * bHat / 2

    if rule.nodes.count == 1 {
      // Laplace: π₁ = 1, b₁ = b̂ and h'(b̂) = 0.
      return StratumEvaluation(
        logLikelihood: counts.logBinomialCoefficient + hHat + log(s),
        dEta: dSEta / s + rHat,
        dTheta: dSTheta / s + rHat * bHat,
        mode: bHat, weight: w)
    }

    var total = 0.0
    var sumEta = 0.0
    var sumTheta = 0.0
    for k in 0..<rule.nodes.count {
      let z = rule.nodes[k]
      let b = bHat + s * z
      let eta = eta0 + theta * b
      let mu = logistic(eta)
      let r = y - n * mu
      let logP = y * eta - n * logOnePlusExp(eta)
      let h = logP - b * b / 2
      let term = rule.weights[k] * exp(h - hHat + z * z / 2)
      let hPrime = theta * r - b
      total += term
      sumEta += term * (r + hPrime * (dModeEta + z * dSEta))
      sumTheta += term * (r * b + hPrime * (dModeTheta + z * dSTheta))
    }
    return StratumEvaluation(
      logLikelihood: counts.logBinomialCoefficient + hHat + log(s) + log(total),
      dEta: dSEta / s + sumEta / total,
      dTheta: dSTheta / s + sumTheta / total,
      mode: bHat, weight: w)
  }
}
