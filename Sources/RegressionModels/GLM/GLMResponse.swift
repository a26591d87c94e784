/// The response side of an IRLS fit (GLM.jl's `GlmResp`): outcome, prior weights, offset, and the
/// current linear predictor and mean.
///
/// ```
/// η = Xβ + offset,   μ = g⁻¹(η)
/// working weight   w = m (dμ/dη)² / V(μ)
/// working response z = η − offset + (y − μ) / (dμ/dη)
/// deviance         D = Σ unit deviances (see `Family.unitDeviance`)
/// ```
struct GLMResponse: Sendable {
  let family: Family
  let link: Link
  /// The negative binomial's θ (`.infinity` for the other families).
  let theta: Double
  /// Outcome (proportion of successes for binomial rows).
  let y: [Double]
  /// Prior weights m (trials × frequency weights for binomial rows); all > 0.
  let m: [Double]
  /// Offset added to Xβ, or `nil` for none.
  var offset: [Double]?
  /// The current linear predictor.
  var eta: [Double]
  /// The current mean.
  var mu: [Double]

  init(
    family: Family, link: Link, y: [Double], m: [Double], offset: [Double]? = nil,
    theta: Double = .infinity
  ) {
    self.family = family
    self.link = link
    self.theta = theta
    self.y = y
    self.m = m
    self.offset = offset
    eta = [Double](repeating: 0, count: y.count)
    mu = [Double](repeating: 0, count: y.count)
  }

  var count: Int { y.count }

  /// Sets μ to R's starting values and η = g(μ); returns the deviance there (R's `devold`).
  ///
  /// The values depend on (y, m) alone, so the last two distinct pairs are remembered: 0/1 rows
  /// of unit weight need two evaluations in all.
  mutating func start() -> Double {
    var deviance = 0.0
    // (y, m) → (η, μ, unit deviance) of the two pairs seen last; slot 0 the most recent.
    var seen: [(y: Double, m: Double, eta: Double, mu: Double, deviance: Double)] = []
    seen.reserveCapacity(2)
    for i in 0..<count {
      let (yi, mi) = (y[i], m[i])
      var found = -1
      for s in seen.indices where seen[s].y == yi && seen[s].m == mi {
        found = s
        break
      }
      if found < 0 {
        let start = family.startingMean(y: yi, weight: mi)
        let e = link.link(start)
        let u = link.inverse(e)
        let d = family.unitDeviance(y: yi, mu: u, weight: mi, theta: theta)
        seen.insert((yi, mi, e, u, d), at: 0)
        if seen.count > 2 { seen.removeLast() }
        found = 0
      }
      eta[i] = seen[found].eta
      mu[i] = seen[found].mu
      deviance += seen[found].deviance
    }
    return deviance
  }

  /// The deviance at the current μ.
  var deviance: Double {
    var d = 0.0
    for i in 0..<count { d += family.unitDeviance(y: y[i], mu: mu[i], weight: m[i], theta: theta) }
    return d
  }

  /// Σ m [y log μ + (1 − y) log(1 − μ)] (binomial) at the current μ: see `Family.logLikelihood`.
  var logLikelihood: Double {
    var l = 0.0
    for i in 0..<count { l += family.logLikelihood(y: y[i], mu: mu[i], weight: m[i], theta: theta) }
    return l
  }

  /// Working weight and working response of row i (offset removed from z).
  @inline(__always)
  func working(_ i: Int) -> (w: Double, z: Double) {
    let d = link.derivative(eta[i])
    let w = m[i] * d * d / family.variance(mu[i], theta: theta)
    let z = eta[i] - (offset?[i] ?? 0) + (y[i] - mu[i]) / d
    return (w, z)
  }
}
