import Foundation

extension RandomInterceptProblem {
  /// The profile-likelihood interval for σ_u:
  ///
  /// ```
  /// { σ ≥ 0 : 2 (ℓ̂ − ℓₚ(σ)) ≤ z² },   ℓₚ(σ) = max_β ℓ(β, σ),   z = Φ⁻¹((1 + level)/2)
  /// ```
  /// Each bound solves ζ(σ) = √(2(ℓ̂ − ℓₚ(σ))) = z by Newton's method safeguarded by bisection;
  /// dℓₚ/dσ = ∂ℓ/∂σ at (β̂(σ), σ), so every step costs one profile maximisation. ζ is nearly
  /// linear in σ, so few steps are needed. The lower bound is 0 when 2(ℓ̂ − ℓₚ(0)) ≤ z², ℓₚ(0)
  /// being the binomial GLM's log-likelihood.
  ///
  /// Venzon, D. J. & Moolgavkar, S. H. (1988). A method for computing profile-likelihood-based
  /// confidence intervals. *Applied Statistics* 37, 87–94. https://doi.org/10.2307/2347496
  func sigmaProfileInterval(
    optimum: MarginalLikelihood.Optimum, glm: MarginalLikelihood.Optimum, z: Double,
    sigmaStandardError: Double?
  ) throws(ModelError) -> ClosedRange<Double> {
    let sigmaHat = abs(optimum.theta)
    let best = optimum.point.logLikelihood
    var beta = optimum.beta
    var modes = optimum.point.modes

    // ζ(σ) − z and its derivative, from one profile maximisation.
    func excess(_ sigma: Double) throws(ModelError) -> (value: Double, slope: Double) {
      let profile = try likelihood.maximize(
        beta: beta, theta: sigma, modeStarts: modes, fixTheta: true,
        tolerance: options.tolerance, maxIterations: options.maxIterations)
      beta = profile.beta
      modes = profile.point.modes
      let drop = max(0, best - profile.point.logLikelihood)
      let zeta = (2 * drop).squareRoot()
      let dTheta = profile.point.gradient[likelihood.fixedCount]
      let slope = zeta > 0 ? -dTheta / zeta : 0
      return (zeta - z, slope)
    }

    // Upper bound: bracket [σ̂, σₕ] with ζ(σₕ) > z, stepping out from a Wald guess.
    var step = sigmaStandardError.map { z * $0 } ?? max(0.1, sigmaHat)
    if !(step.isFinite && step > 0) { step = max(0.1, sigmaHat) }
    var low = sigmaHat
    var lowValue = -z
    var high = sigmaHat + step
    var highValue = try excess(high)
    var expansions = 0
    while highValue.value < 0 {
      expansions += 1
      guard expansions < 60 else {
        throw .notEstimable("the profile likelihood of σ_u does not fall off; no upper bound")
      }
      low = high
      lowValue = highValue.value
      step *= 2
      high += step
      highValue = try excess(high)
    }
    let upper = try solve(
      excess, low: low, lowValue: lowValue, high: high, highValue: highValue.value,
      start: (high, highValue))

    // Lower bound.
    beta = optimum.beta
    modes = optimum.point.modes
    if sigmaHat == 0 { return 0...upper }
    let atZero = (2 * max(0, best - glm.point.logLikelihood)).squareRoot() - z
    if atZero <= 0 { return 0...upper }
    let guess = max(sigmaHat / 2, sigmaHat - (sigmaStandardError.map { z * $0 } ?? sigmaHat / 2))
    let guessValue = try excess(guess)
    let lower: Double
    if guessValue.value > 0 {
      lower = try solve(
        excess, low: guess, lowValue: guessValue.value, high: sigmaHat, highValue: -z,
        start: (guess, guessValue))
    } else {
      lower = try solve(
        excess, low: 0, lowValue: atZero, high: guess, highValue: guessValue.value,
        start: (guess, guessValue))
    }
    return lower...upper
  }

  /// The root of f between `low` and `high` (f of opposite signs there), by Newton steps from
  /// `start` kept inside the bracket, bisecting when a step leaves it.
  private func solve(
    _ f: (Double) throws(ModelError) -> (value: Double, slope: Double),
    low: Double, lowValue: Double, high: Double, highValue: Double,
    start: (Double, (value: Double, slope: Double))
  ) throws(ModelError) -> Double {
    var a = low
    var fa = lowValue
    var b = high
    var x = start.0
    var fx = start.1
    for _ in 0..<100 {
      if fx.value == 0 { return x }
      if (fx.value < 0) == (fa < 0) {
        a = x
        fa = fx.value
      } else {
        b = x
      }
      var next = fx.slope != 0 ? x - fx.value / fx.slope : .nan
      if !(next > min(a, b) && next < max(a, b)) { next = (a + b) / 2 }
      if abs(next - x) <= 1e-11 * max(1e-3, abs(x)) || abs(b - a) <= 1e-13 * max(1e-3, abs(x)) {
        return next
      }
      x = next
      fx = try f(x)
    }
    return x
  }
}
