import Distributions
import Foundation
import LinearAlgebra

extension RandomInterceptProblem {
  /// Turns an optimum into a `RandomInterceptFit`: covariance of β̂, conditional modes and
  /// variances, Henderson prediction-error variances, the σ_u profile interval and warnings.
  func summarise(
    _ optimum: MarginalLikelihood.Optimum, glm: MarginalLikelihood.Optimum
  ) throws(ModelError) -> RandomInterceptFit {
    let p = likelihood.fixedCount
    let j = likelihood.strataCount
    let theta = optimum.theta
    let sigma = abs(theta)
    let sigma2 = sigma * sigma
    let point = optimum.point
    var warnings = self.warnings

    // Covariance of β̂: β block of (−∇²ℓ)⁻¹ in (β, σ_u); the β block alone at σ_u = 0, where the
    // cross terms vanish (ℓ is even in σ_u) and the σ_u curvature may be 0.
    let hessian = likelihood.hessian(at: point, theta: theta)
    var negative = Matrix(rows: p + 1, columns: p + 1)
    for a in 0...p {
      for b in 0...p { negative[a, b] = -hessian[a, b] }
    }
    var covariance: Matrix?
    var sigmaVariance: Double?
    if theta != 0, let inverse = try? CholeskyFactorization(negative).inverse() {
      covariance = inverse.submatrix(rows: Array(0..<p), columns: Array(0..<p))
      sigmaVariance = inverse[p, p]
    }
    if covariance == nil {
      if theta != 0 {
        warnings.append(
          "The Hessian in (β, σ_u) is not positive definite at the estimate; standard errors treat σ_u as known."
        )
      }
      let block = negative.submatrix(rows: Array(0..<p), columns: Array(0..<p))
      do {
        covariance = try CholeskyFactorization(block).inverse()
      } catch {
        throw .notEstimable(
          "the information matrix of the fixed effects is singular (\(error)); a fixed effect is not identified"
        )
      }
    }
    let cov = covariance!
    let standardErrors = (0..<p).map { cov[$0, $0].squareRoot() }

    // Per-stratum quantities at the mode.
    var modes = [Double](repeating: 0, count: j)
    var conditionalVariances = [Double](repeating: 0, count: j)
    var linear = [Double](repeating: 0, count: j)
    var fitted = [Double](repeating: 0, count: j)
    var shrinkage = [Double](repeating: 0, count: j)
    var schurWeights = [Double](repeating: 0, count: j)
    for s in 0..<j {
      let w = point.weights[s]
      modes[s] = theta * point.modes[s]
      conditionalVariances[s] = sigma2 / (1 + sigma2 * w)
      linear[s] = point.eta0[s] + modes[s]
      fitted[s] = StratumLikelihood.logistic(linear[s])
      shrinkage[s] = 1 / (1 + sigma2 * w)
      schurWeights[s] = w / (1 + sigma2 * w)
    }
    let pev = try predictionErrorVariances(
      schurWeights: schurWeights, shrinkage: shrinkage, conditionalVariances: conditionalVariances)

    // Variance component and its profile interval.
    let z = Normal.quantile((1 + options.confidenceLevel) / 2)
    var interval: ClosedRange<Double>?
    if options.profileInterval {
      let se = sigmaVariance.flatMap { $0 > 0 ? $0.squareRoot() : nil }
      do {
        interval = try sigmaProfileInterval(
          optimum: optimum, glm: glm, z: z, sigmaStandardError: se)
      } catch {
        // The estimates stand without the interval.
        warnings.append("The profile-likelihood interval for σ_u could not be computed: \(error)")
      }
    }
    let randomIntercept = RandomInterceptVariance(
      sigma: sigma, level: interval == nil ? nil : options.confidenceLevel,
      sigmaInterval: interval)

    let boundary = sigma < options.singularTolerance || theta == 0
    if boundary {
      warnings.append(
        "boundary (singular) fit: the between-stratum variance σ²_u is estimated at \(sigma2 == 0 ? "0" : "\(sigma2), next to 0") (lme4: see help('isSingular'))."
      )
    }
    if !optimum.converged {
      warnings.append(
        "The maximisation did not converge in \(optimum.iterations) Newton iterations; the estimates may be inaccurate."
      )
    }
    for k in 0..<p where abs(optimum.beta[k]) > 15 {
      warnings.append(
        "The coefficient `\(terms[k].name)` is \(optimum.beta[k]) (standard error \(standardErrors[k])): the outcome is (almost) absent or universal at this level (quasi-separation), so the estimate is not meaningful."
      )
    }

    let counts = likelihood.counts
    return RandomInterceptFit(
      method: options.method, nAGQ: options.nAGQ, modelTerms: terms,
      coefficients: optimum.beta, standardErrors: standardErrors,
      covariance: (0..<p).map { cov.row($0) }, randomIntercept: randomIntercept,
      logLikelihood: point.logLikelihood, deviance: -2 * point.logLikelihood,
      aic: -2 * point.logLikelihood + 2 * Double(p + 1), iterations: optimum.iterations,
      converged: optimum.converged, boundary: boundary, rows: rows, strataCount: j,
      personCount: Int(counts.reduce(0) { $0 + $1.trials }),
      caseCount: Int(counts.reduce(0) { $0 + $1.cases }),
      conditionalModes: modes, conditionalVariances: conditionalVariances,
      linearPredictors: linear, linearPredictorVariances: pev, fittedProbabilities: fitted,
      warnings: warnings)
  }

  /// Henderson prediction-error variances of xⱼβ̂ + ûⱼ:
  /// xⱼ S⁻¹ xⱼᵀ (1 + σ²wⱼ)⁻² + σ²/(1 + σ²wⱼ), S = Xᵀ diag(wⱼ/(1 + σ²wⱼ)) X.
  func predictionErrorVariances(
    schurWeights: [Double], shrinkage: [Double], conditionalVariances: [Double]
  ) throws(ModelError) -> [Double] {
    let x = likelihood.design
    let j = likelihood.strataCount
    do {
      let schur = try x.gram(weights: schurWeights)
      let inverse = try CholeskyFactorization(schur).inverse()
      let xs = try x.multiplied(by: inverse)
      return (0..<j).map { s in
        var quadratic = 0.0
        for k in 0..<x.columns { quadratic += xs[s, k] * x[s, k] }
        return quadratic * shrinkage[s] * shrinkage[s] + conditionalVariances[s]
      }
    } catch {
      throw .linearAlgebra(error)
    }
  }
}

extension RandomInterceptVariance {
  /// Derives σ², VPC and MOR (and their intervals) from σ_u and its interval.
  init(sigma: Double, level: Double?, sigmaInterval: ClosedRange<Double>?) {
    func variance(_ s: Double) -> Double { s * s }
    func vpc(_ s: Double) -> Double { s * s / (s * s + Double.pi * Double.pi / 3) }
    func mor(_ s: Double) -> Double { exp((2 * s * s).squareRoot() * Normal.quantile(0.75)) }
    self.init(
      sigma: sigma, variance: variance(sigma), vpc: vpc(sigma), medianOddsRatio: mor(sigma),
      level: level, sigmaInterval: sigmaInterval,
      varianceInterval: sigmaInterval.map { variance($0.lowerBound)...variance($0.upperBound) },
      vpcInterval: sigmaInterval.map { vpc($0.lowerBound)...vpc($0.upperBound) },
      medianOddsRatioInterval: sigmaInterval.map { mor($0.lowerBound)...mor($0.upperBound) })
  }
}
