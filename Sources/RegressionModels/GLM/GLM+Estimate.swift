import Foundation
import LinearAlgebra

extension GLM {
  /// The one implementation behind both entry points: iterate, then compute every statistic.
  static func estimate(
    data: GLMData, modelTerms: [ModelTerm], assign: [Int], hasIntercept: Bool, formula: Formula?,
    design: DesignContext?, exclusions: ModelFrame.Exclusions?, notes: [String], collapsed: Bool,
    options: GLMOptions
  ) throws(ModelError) -> GLMFit {
    let family = options.family
    let link = options.resolvedLink
    let names = modelTerms.map(\.name)
    let p = data.columns
    guard p > 0 else { throw .invalidOption("the model has no columns") }
    var warnings = notes
    let response = GLMResponse(
      family: family, link: link, y: data.y, m: data.m, offset: data.offset,
      theta: options.theta ?? .infinity)

    let beta: [Double]
    let modelCovariance: Matrix
    let iterations: Int
    let converged: Bool
    let factorization: GLMOptions.Factorization
    let mu: [Double]
    let aliased: [Int]
    var irlsDeviance = Double.nan
    var theta = Double.infinity
    var thetaStandardError: Double? = nil
    switch options.method {
    case .irls where family == .negativeBinomial:
      let result = try NegativeBinomial.fit(data: data, options: options)
      (beta, modelCovariance, iterations, converged) = (
        result.irls.beta, result.irls.covariance, result.irls.iterations, result.converged
      )
      (factorization, mu, aliased) = (
        result.irls.factorization, result.irls.response.mu, result.irls.aliased
      )
      irlsDeviance = result.irls.deviance
      theta = result.theta
      thetaStandardError = result.thetaStandardError
      warnings += result.warnings
    case .irls:
      let result = try IRLS.fit(
        design: data.design, cells: data.cells, response: response, options: options)
      (beta, modelCovariance, iterations, converged) = (
        result.beta, result.covariance, result.iterations, result.converged
      )
      (factorization, mu, aliased) = (result.factorization, result.response.mu, result.aliased)
      irlsDeviance = result.deviance
      warnings += result.warnings
    case .firth:
      let result = try Firth.fit(data: data, options: options)
      (beta, modelCovariance, iterations, converged) = (
        result.beta, result.covariance, result.iterations, result.converged
      )
      (factorization, mu, aliased) = (.cholesky, result.mu, result.aliased)
      warnings += result.warnings
    }
    let active = (0..<p).filter { !aliased.contains($0) }
    let rank = active.count
    if !aliased.isEmpty {
      warnings.append(
        "Not estimable (linearly dependent on other columns), left out as R does: \(aliased.map { names[$0] }.joined(separator: ", "))."
      )
    }

    // Likelihood and deviances. For 0/1 rows the deviance is −2ℓ, which the last IRLS pass
    // computed already; the null model's is closed form.
    let isPatterns: Bool
    if case .patterns = data.units { isPatterns = true } else { isPatterns = false }
    let binaryRows = family == .binomial && !isPatterns && data.observationsAreBinary
    var logLikelihood = 0.0
    var rowDeviance = 0.0
    if binaryRows && options.method == .irls {
      rowDeviance = irlsDeviance
      logLikelihood = -irlsDeviance / 2
    } else {
      for i in 0..<data.rowCount {
        logLikelihood += family.logLikelihood(
          y: data.y[i], mu: mu[i], weight: data.m[i], theta: theta)
        rowDeviance += family.unitDeviance(y: data.y[i], mu: mu[i], weight: data.m[i], theta: theta)
      }
    }
    let totalWeight = data.m.reduce(0, +)
    var weightedY = 0.0
    for i in 0..<data.rowCount { weightedY += data.m[i] * data.y[i] }
    let nullMean = hasIntercept ? weightedY / totalWeight : link.inverse(0)
    var nullLogLikelihood = 0.0
    var nullRowDeviance = 0.0
    if let offset = data.offset {
      // With an offset the null model is fitted (R's glm.fit does the same): an intercept with
      // the offset, or η = offset alone.
      var nullMu = offset.map { link.inverse($0) }
      if hasIntercept {
        var nullOptions = options
        nullOptions.factorization = .cholesky
        let ones = Matrix(rows: data.rowCount, columns: 1, repeating: 1)
        // At the model's θ for the negative binomial (R's glm.nb: the null fit of its last
        // glm.fitter call, at θ̂).
        let nullResponse = GLMResponse(
          family: family, link: link, y: data.y, m: data.m, offset: offset, theta: theta)
        nullMu = try IRLS.fit(x: ones, response: nullResponse, options: nullOptions).response.mu
      }
      for i in 0..<data.rowCount {
        nullLogLikelihood += family.logLikelihood(
          y: data.y[i], mu: nullMu[i], weight: data.m[i], theta: theta)
        nullRowDeviance += family.unitDeviance(
          y: data.y[i], mu: nullMu[i], weight: data.m[i], theta: theta)
      }
    } else if family == .binomial && (binaryRows || isPatterns) {
      let s = weightedY
      nullLogLikelihood =
        (s > 0 ? s * Foundation.log(nullMean) : 0)
        + (totalWeight - s > 0 ? (totalWeight - s) * Double.log(onePlus: -nullMean) : 0)
      nullRowDeviance = -2 * nullLogLikelihood
      if isPatterns {
        nullRowDeviance = 0
        for i in 0..<data.rowCount {
          nullRowDeviance += family.unitDeviance(
            y: data.y[i], mu: nullMean, weight: data.m[i], theta: theta)
        }
      }
    } else {
      for i in 0..<data.rowCount {
        nullLogLikelihood += family.logLikelihood(
          y: data.y[i], mu: nullMean, weight: data.m[i], theta: theta)
        nullRowDeviance += family.unitDeviance(
          y: data.y[i], mu: nullMean, weight: data.m[i], theta: theta)
      }
    }
    // Poisson rows collapsed to patterns: the rows' likelihood is the patterns' plus K, and
    // their deviance 2(ℓ_sat − ℓ) (see CountPatterns).
    var countDeviances: (model: Double, null: Double)? = nil
    if case .countPatterns(let sums) = data.units {
      func rowsLikelihood(_ mean: (Int) -> Double) -> Double {
        var l = sums.constant
        for i in 0..<data.rowCount {
          let (y, m, u) = (data.y[i], data.m[i], mean(i))
          l += (y > 0 ? m * y * Foundation.log(u) : 0) - m * u
        }
        return l
      }
      logLikelihood = rowsLikelihood { mu[$0] }
      nullLogLikelihood = rowsLikelihood { _ in nullMean }
      countDeviances = (
        2 * (sums.saturated - logLikelihood), 2 * (sums.saturated - nullLogLikelihood)
      )
    }
    let deviance = countDeviances?.model ?? (isPatterns ? -2 * logLikelihood : rowDeviance)
    let nullDeviance =
      countDeviances?.null ?? (isPatterns ? -2 * nullLogLikelihood : nullRowDeviance)
    let observations = data.observationCount
    let trials = data.trialCount

    var grouped: GroupedStatistics? = nil
    if family == .binomial && (isPatterns || !data.observationsAreBinary) {
      var pearson = 0.0
      var choose = 0.0
      for i in 0..<data.rowCount {
        let (m, y, u) = (data.m[i], data.y[i], mu[i])
        pearson += m * (y - u) * (y - u) / family.variance(u, theta: theta)
        let s = (m * y).rounded()
        let mm = m.rounded()
        choose += Double.logGamma(mm + 1) - Double.logGamma(s + 1) - Double.logGamma(mm - s + 1)
      }
      grouped = GroupedStatistics(
        patterns: data.rowCount, deviance: rowDeviance, dfResidual: data.rowCount - rank,
        pearsonChiSquared: pearson, logLikelihood: logLikelihood + choose,
        aic: -2 * (logLikelihood + choose) + 2 * Double(rank),
        bic: -2 * (logLikelihood + choose)
          + Double(rank) * Foundation.log(Double(data.m.reduce(0) { $1 > 0 ? $0 + 1 : $0 })))
    }

    // Boundary fits and separation.
    var boundary = 0
    if family == .binomial {
      let e = 10 * Double.ulpOfOne
      boundary = mu.reduce(0) { $0 + ($1 < e || $1 > 1 - e ? 1 : 0) }
      if boundary > 0 {
        warnings.append(
          "Fitted probabilities numerically 0 or 1 occurred in \(boundary) of \(data.rowCount) \(isPatterns || !data.observationsAreBinary ? "patterns" : "rows")."
        )
      }
    } else {
      // A count's mean at 0 relative to its exposure: the boundary of a log-linear model.
      let e = 10 * Double.ulpOfOne
      boundary = (0..<data.rowCount).reduce(0) { count, i in
        let exposure = data.offset.map { Foundation.exp($0[i]) } ?? 1
        return count + (mu[i] < e * max(exposure, 1) ? 1 : 0)
      }
      if boundary > 0 {
        warnings.append(
          "Fitted means numerically 0 occurred in \(boundary) of \(data.rowCount) rows.")
      }
    }
    var separation: SeparationReport? = nil
    do {
      let run: Bool
      switch options.separationCheck {
      case .always: run = true
      case .never: run = false
      case .automatic: run = data.rowCount <= 200_000 || boundary > 0 || !converged
      }
      if run {
        // For counts, a direction b with xb = 0 where y > 0 and xb ≤ 0 where y = 0 raises the
        // likelihood without end: the binomial check with y > 0 read as both outcomes.
        var checked = data
        if family.isCount { checked.y = data.y.map { $0 > 0 ? 0.5 : 0 } }
        let report = SeparationCheck.check(data: checked, active: active, names: names)
        separation = report
        if report.isSeparated {
          let infinite = report.infiniteCoefficients.joined(separator: ", ")
          if family.isCount {
            warnings.append(
              "Infinite estimates: the maximum likelihood estimates of \(infinite) are −∞ or +∞ because the cells of these terms have no counts. Their estimates and standard errors are not meaningful; merge or drop the categories."
            )
          } else {
            let advice =
              options.method == .firth
              ? "Firth's penalised estimates are finite."
              : "Their estimates and standard errors are not meaningful; use Firth's method (--firth)."
            warnings.append(
              "\(report.kind == .complete ? "Complete" : "Quasi-complete") separation: the maximum likelihood estimates of \(infinite) are infinite. \(advice)"
            )
          }
        }
      }
    }

    // Covariance of the requested kind.
    let covariance: Matrix
    switch options.covariance {
    case .model:
      covariance = modelCovariance
    case .hc0, .hc1, .cluster:
      covariance = try Sandwich.covariance(
        options.covariance, data: data, mu: mu, link: link, family: family, theta: theta,
        bread: modelCovariance, active: active)
    }
    let standardErrors: [Double?] = (0..<p).map { j in
      aliased.contains(j) ? nil : covariance[j, j].squareRoot()
    }
    let diagnostics = GLMDiagnostics(
      aliased: aliased.map { names[$0] }, separation: separation, boundaryFits: boundary,
      factorization: factorization, collapsedPatterns: collapsed ? data.rowCount : nil,
      warnings: warnings)
    // θ estimated by maximum likelihood is one more parameter of AIC and BIC.
    let parameters = Double(rank) + (family == .negativeBinomial && options.theta == nil ? 1 : 0)
    return GLMFit(
      formula: formula, family: family, link: link, method: options.method,
      theta: family == .negativeBinomial ? theta : nil, thetaStandardError: thetaStandardError,
      modelTerms: modelTerms, assign: assign,
      coefficients: beta.map { $0.isNaN ? nil : $0 }, standardErrors: standardErrors,
      covariance: covariance, covarianceType: options.covariance,
      modelCovariance: modelCovariance, deviance: deviance, nullDeviance: nullDeviance,
      logLikelihood: logLikelihood, aic: -2 * logLikelihood + 2 * parameters,
      bic: -2 * logLikelihood + parameters * Foundation.log(trials), iterations: iterations,
      converged: converged, observationCount: observations, trialCount: trials,
      dfResidual: observations - rank, dfNull: observations - (hasIntercept ? 1 : 0), rank: rank,
      grouped: grouped, diagnostics: diagnostics, exclusions: exclusions, level: options.level,
      data: data, fitted: mu, design: design, options: options)
  }
}
