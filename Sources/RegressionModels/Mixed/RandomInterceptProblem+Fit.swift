import Foundation
import LinearAlgebra

extension RandomInterceptProblem {
  /// The binomial GLM: the maximum of ℓ at σ_u = 0 (where the marginal likelihood is exactly
  /// the binomial one), started from weighted least squares on empirical logits.
  func fitGLM() throws(ModelError) -> MarginalLikelihood.Optimum {
    let x = likelihood.design
    let j = likelihood.strataCount
    var scaled = x
    var response = [Double](repeating: 0, count: j)
    for s in 0..<j {
      let c = likelihood.counts[s]
      let root = c.trials.squareRoot()
      response[s] = root * log((c.cases + 0.5) / (c.trials - c.cases + 0.5))
      for k in 0..<x.columns { scaled[s, k] *= root }
    }
    var start: [Double]
    do {
      start = try QRFactorization(scaled).leastSquares(response)
    } catch {
      throw .linearAlgebra(error)
    }
    if start.contains(where: { !$0.isFinite }) { start = [Double](repeating: 0, count: x.columns) }
    return try likelihood.maximize(
      beta: start, theta: 0, modeStarts: [Double](repeating: 0, count: j), fixTheta: true,
      tolerance: options.tolerance, maxIterations: options.maxIterations)
  }

  /// The score for σ²_u at σ_u = 0 and a GLM fit, ½ Σ[(y − nμ)² − nμ(1 − μ)], and the moment
  /// estimate Σ[(y − nμ)² − nμ(1 − μ)] / Σ (nμ(1 − μ))² it suggests.
  func varianceScore(at glm: MarginalLikelihood.Optimum) -> (score: Double, moment: Double) {
    var numerator = 0.0
    var denominator = 0.0
    for s in 0..<likelihood.strataCount {
      let c = likelihood.counts[s]
      let mu = StratumLikelihood.logistic(glm.point.eta0[s])
      let w = c.trials * mu * (1 - mu)
      let r = c.cases - c.trials * mu
      numerator += r * r - w
      denominator += w * w
    }
    return (numerator / 2, denominator > 0 ? numerator / denominator : 0)
  }

  /// Fits the model: GLM, then Newton over (β, σ_u), boundary decision, covariance, profile
  /// interval and per-stratum predictions.
  func fit() throws(ModelError) -> RandomInterceptFit {
    let glm = try fitGLM()
    let (score, moment) = varianceScore(at: glm)
    let start = max(moment, 0.01).squareRoot()
    var optimum = try likelihood.maximize(
      beta: glm.beta, theta: start, modeStarts: glm.point.modes, fixTheta: false,
      tolerance: options.tolerance, maxIterations: options.maxIterations)
    if score <= 0 {
      // σ_u = 0 is a local maximum; keep a positive σ_u only if it is truly better.
      let better = optimum.point.logLikelihood > glm.point.logLikelihood + 1e-9
      if !better || abs(optimum.theta) < options.singularTolerance {
        optimum.beta = glm.beta
        optimum.theta = 0
        optimum.point = glm.point
        optimum.converged = glm.converged
      }
    }
    return try summarise(optimum, glm: glm)
  }
}
