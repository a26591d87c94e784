import Foundation
import LinearAlgebra

extension LinearProblem {
  /// Fits the model: λ̂, then β̂, the variances, BLUPs and prediction-error variances.
  func fit(options: MixedModelOptions) throws(ModelError) -> RandomInterceptFit {
    let (optimum, iterations) = try minimise()
    let lambda = optimum.lambda
    let m = restricted ? total - Double(p) : total
    let sigma2e = optimum.rss / m
    let sigma2u = lambda * sigma2e
    var beta = optimum.beta
    if let column = interceptColumn { beta[column] += centre }
    let inverse: Matrix
    do {
      inverse = try optimum.factorization.inverse()
    } catch {
      throw .linearAlgebra(error)
    }
    let covariance = (0..<p).map { a in (0..<p).map { b in sigma2e * inverse[a, b] } }
    let standardErrors = (0..<p).map { covariance[$0][$0].squareRoot() }

    var modes: [Double] = []
    var conditional: [Double] = []
    var linear: [Double] = []
    var pev: [Double] = []
    var cellLinear = [Double](repeating: 0, count: counts.count)
    for (j, range) in groups.enumerated() {
      let gamma = lambda / (1 + lambda * n[j])
      var e = s[j]
      for k in 0..<p { e -= v[j][k] * optimum.beta[k] }
      let u = gamma * e
      modes.append(u)
      conditional.append(sigma2e * gamma)
      var fixed = 0.0
      for k in 0..<p { fixed += predictionRows[j][k] * beta[k] }
      linear.append(fixed + u)
      let d = (0..<p).map { predictionRows[j][$0] - gamma * v[j][$0] }
      var quadratic = 0.0
      for a in 0..<p {
        for b in 0..<p { quadratic += d[a] * inverse[a, b] * d[b] }
      }
      pev.append(sigma2e * (quadratic + gamma))
      for i in range {
        var eta = u
        for k in 0..<p { eta += design[i, k] * beta[k] }
        cellLinear[i] = eta
      }
    }

    let sigma = sigma2u.squareRoot()
    let theta = lambda.squareRoot()
    let boundary = lambda == 0 || theta < options.singularTolerance
    var warnings = self.warnings
    if boundary {
      warnings.append(
        "boundary (singular) fit: the between-stratum variance σ²_u is estimated at \(sigma2u == 0 ? "0" : "\(sigma2u), next to 0") (lme4: see help('isSingular'))."
      )
    }
    let variance = RandomInterceptVariance(
      sigma: sigma, variance: sigma2u, vpc: sigma2u / (sigma2u + sigma2e), medianOddsRatio: nil,
      residualVariance: sigma2e, level: nil, sigmaInterval: nil, varianceInterval: nil,
      vpcInterval: nil, medianOddsRatioInterval: nil)
    let deviance = optimum.deviance
    let parameters = Double(p + 2)
    return RandomInterceptFit(
      family: .gaussian, restricted: restricted, method: restricted ? .reml : .ml, nAGQ: 1,
      modelTerms: terms,
      coefficients: beta, standardErrors: standardErrors, covariance: covariance,
      randomIntercept: variance, logLikelihood: -deviance / 2, deviance: deviance,
      aic: deviance + 2 * parameters, bic: deviance + log(total) * parameters,
      logLikelihoodScale: .individual, observationCount: Int(total.rounded()),
      iterations: iterations, converged: true, boundary: boundary, rows: rows,
      strataCount: groups.count, personCount: Int(total.rounded()), caseCount: 0,
      conditionalModes: modes, conditionalVariances: conditional, linearPredictors: linear,
      linearPredictorVariances: pev, fittedProbabilities: linear,
      cellLinearPredictors: cellLinear, warnings: warnings)
  }
}
