import Foundation
import LinearAlgebra

extension RandomInterceptProblem {
  /// The GLM: the maximum of ℓ at σ_u = 0 (where the marginal likelihood is exactly the
  /// binomial or Poisson one), started from weighted least squares on empirical logits or log
  /// rates.
  func fitGLM() throws(ModelError) -> MarginalLikelihood.Optimum {
    let x = likelihood.design
    let cells = likelihood.cellCount
    var scaled = x
    var response = [Double](repeating: 0, count: cells)
    for s in 0..<cells {
      let c = likelihood.counts[s]
      let root: Double
      switch family {
      case .binomial:
        root = c.trials.squareRoot()
        response[s] = log((c.cases + 0.5) / (c.trials - c.cases + 0.5))
      case .poisson:
        root = (c.cases + 0.5).squareRoot()
        response[s] = log(c.cases + 0.5)
      }
      response[s] = root * (response[s] - likelihood.offsets[s])
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
      beta: start, theta: 0, modeStarts: [Double](repeating: 0, count: likelihood.strataCount),
      fixTheta: true,
      tolerance: options.tolerance, maxIterations: options.maxIterations)
  }

  /// The score for σ²_u at σ_u = 0 and a GLM fit, ½ Σⱼ(Rⱼ² − Wⱼ) (Rⱼ, Wⱼ: the stratum's sums
  /// of y − E y and of the GLM weights), and the moment estimate Σⱼ(Rⱼ² − Wⱼ) / Σⱼ Wⱼ² it
  /// suggests.
  func varianceScore(at glm: MarginalLikelihood.Optimum) -> (score: Double, moment: Double) {
    var numerator = 0.0
    var denominator = 0.0
    for range in likelihood.groups {
      var r = 0.0
      var w = 0.0
      for i in range {
        let t = likelihood.counts[i].terms(glm.point.eta0[i])
        r += t.r
        w += t.w
      }
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
