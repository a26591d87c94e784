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

    // Per-stratum quantities at the mode, at each stratum's prediction row.
    var modes = [Double](repeating: 0, count: j)
    var conditionalVariances = [Double](repeating: 0, count: j)
    var linear = [Double](repeating: 0, count: j)
    var fitted = [Double](repeating: 0, count: j)
    for s in 0..<j {
      let w = point.weights[s]
      modes[s] = theta * point.modes[s]
      conditionalVariances[s] = sigma2 / (1 + sigma2 * w)
      var fixed = 0.0
      for k in 0..<p { fixed += predictionRows[s][k] * optimum.beta[k] }
      linear[s] = fixed + modes[s]
      fitted[s] = inverseLink(linear[s])
    }
    let pev = try predictionErrorVariances(point: point, theta: theta)
    var cellLinear = [Double](repeating: 0, count: likelihood.cellCount)
    for (s, range) in likelihood.groups.enumerated() {
      for i in range { cellLinear[i] = point.eta0[i] - likelihood.offsets[i] + modes[s] }
    }

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
      sigmaInterval: interval, family: family == .binomial ? .binomial : .poisson,
      intercept: meanLogRate(point: point, beta: optimum.beta))

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
    let observations = Double(likelihood.cellCount)
    return RandomInterceptFit(
      family: family == .binomial ? .binomial : .poisson,
      method: options.method, nAGQ: options.nAGQ, modelTerms: terms,
      coefficients: optimum.beta, standardErrors: standardErrors,
      covariance: (0..<p).map { cov.row($0) }, randomIntercept: randomIntercept,
      logLikelihood: point.logLikelihood, deviance: -2 * point.logLikelihood,
      aic: -2 * point.logLikelihood + 2 * Double(p + 1),
      bic: -2 * point.logLikelihood + log(observations) * Double(p + 1),
      logLikelihoodScale: .grouped, observationCount: likelihood.cellCount,
      iterations: optimum.iterations,
      converged: optimum.converged, boundary: boundary, rows: rows, strataCount: j,
      personCount: Int(counts.reduce(0) { $0 + $1.trials }),
      caseCount: Int(counts.reduce(0) { $0 + $1.cases }),
      conditionalModes: modes, conditionalVariances: conditionalVariances,
      linearPredictors: linear, linearPredictorVariances: pev, fittedProbabilities: fitted,
      cellLinearPredictors: cellLinear, warnings: warnings)
  }

  /// log λ for the Poisson VPC: the log of the exposure-weighted mean of exp(xᵢβ̂), the rate per
  /// unit of exposure without stratum effects (β̂₀ when the intercept is the only column).
  func meanLogRate(point: MarginalLikelihood.Point, beta: [Double]) -> Double {
    var expected = 0.0
    var exposure = 0.0
    for i in 0..<likelihood.cellCount {
      expected += exp(point.eta0[i])
      exposure += likelihood.counts[i].trials
    }
    return log(expected / exposure)
  }

  /// Henderson prediction-error variances of lⱼβ̂ + ûⱼ, lⱼ the stratum's prediction row:
  ///
  /// ```
  /// PEVⱼ = (lⱼ − aⱼ)ᵀ S⁻¹ (lⱼ − aⱼ) + σ²/(1 + σ²Wⱼ),   aⱼ = σ² Σᵢ∈ⱼ wᵢxᵢ / (1 + σ²Wⱼ)
  /// S    = Σᵢ wᵢxᵢxᵢᵀ − Σⱼ σ² (Σᵢ∈ⱼ wᵢxᵢ)(Σᵢ∈ⱼ wᵢxᵢ)ᵀ / (1 + σ²Wⱼ)
  /// ```
  /// the inverse of the joint (β, u) curvature at the mode, with the cells' weights wᵢ there;
  /// with one cell per stratum, xⱼS⁻¹xⱼᵀ/(1 + σ²wⱼ)² + σ²/(1 + σ²wⱼ).
  func predictionErrorVariances(
    point: MarginalLikelihood.Point, theta: Double
  ) throws(ModelError) -> [Double] {
    let sigma2 = theta * theta
    let x = likelihood.design
    let p = x.columns
    var cellWeights = [Double](repeating: 0, count: likelihood.cellCount)
    for (s, range) in likelihood.groups.enumerated() {
      let u = theta * point.modes[s]
      for i in range { cellWeights[i] = likelihood.counts[i].terms(point.eta0[i] + u).w }
    }
    do {
      var schur = try x.gram(weights: cellWeights)
      var shifts: [[Double]] = []
      var conditional: [Double] = []
      for range in likelihood.groups {
        var wx = [Double](repeating: 0, count: p)
        var total = 0.0
        for i in range {
          total += cellWeights[i]
          for k in 0..<p { wx[k] += cellWeights[i] * x[i, k] }
        }
        let factor = sigma2 / (1 + sigma2 * total)
        for a in 0..<p {
          for b in 0..<p { schur[a, b] -= factor * wx[a] * wx[b] }
        }
        shifts.append(wx.map { $0 * factor })
        conditional.append(factor)
      }
      let factorization = try CholeskyFactorization(schur)
      return try likelihood.groups.indices.map { (s: Int) throws(LinearAlgebraError) -> Double in
        let d = (0..<p).map { predictionRows[s][$0] - shifts[s][$0] }
        let solved = try factorization.solve(d)
        return zip(d, solved).reduce(0) { $0 + $1.0 * $1.1 } + conditional[s]
      }
    } catch {
      throw .linearAlgebra(error)
    }
  }
}

extension RandomInterceptVariance {
  /// Derives σ², VPC and MOR (and their intervals) from σ_u and its interval.
  ///
  /// Binomial (latent-response scale): VPC = σ²/(σ² + π²/3). Poisson (log scale, the lognormal
  /// approximation): VPC = σ²/(σ² + log(1 + 1/λ)), λ = exp(β₀ + σ²/2) the mean rate per unit of
  /// exposure at the intercept; the MOR is then the median rate ratio (MRR). Nakagawa, S.,
  /// Johnson, P. C. D. & Schielzeth, H. (2017). The coefficient of determination R² and
  /// intra-class correlation coefficient from generalized linear mixed-effects models revisited
  /// and expanded. *J. R. Soc. Interface* 14, 20170213. https://doi.org/10.1098/rsif.2017.0213 ·
  /// Leckie, G., Browne, W. J., Goldstein, H., Merlo, J. & Austin, P. C. (2020). Partitioning
  /// variation in multilevel models for count data. *Psychol. Methods* 25, 787–801.
  /// https://doi.org/10.1037/met0000265
  init(
    sigma: Double, level: Double?, sigmaInterval: ClosedRange<Double>?,
    family: MixedFamily = .binomial, intercept: Double = 0
  ) {
    func variance(_ s: Double) -> Double { s * s }
    func vpc(_ s: Double) -> Double {
      switch family {
      case .poisson:
        let lambda = exp(intercept + s * s / 2)
        return s * s / (s * s + log1p(1 / lambda))
      default:
        return s * s / (s * s + Double.pi * Double.pi / 3)
      }
    }
    func mor(_ s: Double) -> Double { exp((2 * s * s).squareRoot() * Normal.quantile(0.75)) }
    // VPC is increasing in σ for Poisson too (its level-1 variance falls as λ rises).
    self.init(
      sigma: sigma, variance: variance(sigma), vpc: vpc(sigma), medianOddsRatio: mor(sigma),
      residualVariance: nil, level: level, sigmaInterval: sigmaInterval,
      varianceInterval: sigmaInterval.map { variance($0.lowerBound)...variance($0.upperBound) },
      vpcInterval: sigmaInterval.map { vpc($0.lowerBound)...vpc($0.upperBound) },
      medianOddsRatioInterval: sigmaInterval.map { mor($0.lowerBound)...mor($0.upperBound) })
  }
}
