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
    let p = data.x.columns
    guard p > 0 else { throw .invalidOption("the model has no columns") }
    var warnings = notes
    let response = GLMResponse(family: family, link: link, y: data.y, m: data.m)

    let beta: [Double]
    let modelCovariance: Matrix
    let iterations: Int
    let converged: Bool
    let factorization: GLMOptions.Factorization
    let mu: [Double]
    let aliased: [Int]
    var irlsDeviance = Double.nan
    switch options.method {
    case .irls:
      let result = try IRLS.fit(x: data.x, response: response, options: options)
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
        logLikelihood += family.logLikelihood(y: data.y[i], mu: mu[i], weight: data.m[i])
        rowDeviance += family.unitDeviance(y: data.y[i], mu: mu[i], weight: data.m[i])
      }
    }
    let totalWeight = data.m.reduce(0, +)
    var weightedY = 0.0
    for i in 0..<data.rowCount { weightedY += data.m[i] * data.y[i] }
    let nullMean = hasIntercept ? weightedY / totalWeight : link.inverse(0)
    var nullLogLikelihood = 0.0
    var nullRowDeviance = 0.0
    if family == .binomial && (binaryRows || isPatterns) {
      let s = weightedY
      nullLogLikelihood =
        (s > 0 ? s * Foundation.log(nullMean) : 0)
        + (totalWeight - s > 0 ? (totalWeight - s) * Double.log(onePlus: -nullMean) : 0)
      nullRowDeviance = -2 * nullLogLikelihood
      if isPatterns {
        nullRowDeviance = 0
        for i in 0..<data.rowCount {
          nullRowDeviance += family.unitDeviance(y: data.y[i], mu: nullMean, weight: data.m[i])
        }
      }
    } else {
      for i in 0..<data.rowCount {
        nullLogLikelihood += family.logLikelihood(y: data.y[i], mu: nullMean, weight: data.m[i])
        nullRowDeviance += family.unitDeviance(y: data.y[i], mu: nullMean, weight: data.m[i])
      }
    }
    let deviance = isPatterns ? -2 * logLikelihood : rowDeviance
    let nullDeviance = isPatterns ? -2 * nullLogLikelihood : nullRowDeviance
    let observations = data.observationCount
    let trials = data.trialCount

    var grouped: GroupedStatistics? = nil
    if family == .binomial && (isPatterns || !data.observationsAreBinary) {
      var pearson = 0.0
      var choose = 0.0
      for i in 0..<data.rowCount {
        let (m, y, u) = (data.m[i], data.y[i], mu[i])
        pearson += m * (y - u) * (y - u) / family.variance(u)
        let s = (m * y).rounded()
        let mm = m.rounded()
        choose += Double.logGamma(mm + 1) - Double.logGamma(s + 1) - Double.logGamma(mm - s + 1)
      }
      grouped = GroupedStatistics(
        patterns: data.rowCount, deviance: rowDeviance, dfResidual: data.rowCount - rank,
        pearsonChiSquared: pearson, logLikelihood: logLikelihood + choose,
        aic: -2 * (logLikelihood + choose) + 2 * Double(rank))
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
    }
    var separation: SeparationReport? = nil
    if family == .binomial {
      let run: Bool
      switch options.separationCheck {
      case .always: run = true
      case .never: run = false
      case .automatic: run = data.rowCount <= 200_000 || boundary > 0 || !converged
      }
      if run {
        let report = SeparationCheck.check(data: data, active: active, names: names)
        separation = report
        if report.isSeparated {
          let advice =
            options.method == .firth
            ? "Firth's penalised estimates are finite."
            : "Their estimates and standard errors are not meaningful; use Firth's method (--firth)."
          warnings.append(
            "\(report.kind == .complete ? "Complete" : "Quasi-complete") separation: the maximum likelihood estimates of \(report.infiniteCoefficients.joined(separator: ", ")) are infinite. \(advice)"
          )
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
        options.covariance, data: data, mu: mu, link: link, family: family,
        bread: modelCovariance, active: active)
    }
    let standardErrors: [Double?] = (0..<p).map { j in
      aliased.contains(j) ? nil : covariance[j, j].squareRoot()
    }
    let diagnostics = GLMDiagnostics(
      aliased: aliased.map { names[$0] }, separation: separation, boundaryFits: boundary,
      factorization: factorization, collapsedPatterns: collapsed ? data.rowCount : nil,
      warnings: warnings)
    return GLMFit(
      formula: formula, family: family, link: link, method: options.method,
      modelTerms: modelTerms, assign: assign,
      coefficients: beta.map { $0.isNaN ? nil : $0 }, standardErrors: standardErrors,
      covariance: covariance, covarianceType: options.covariance,
      modelCovariance: modelCovariance, deviance: deviance, nullDeviance: nullDeviance,
      logLikelihood: logLikelihood, aic: -2 * logLikelihood + 2 * Double(rank),
      bic: -2 * logLikelihood + Double(rank) * Foundation.log(trials), iterations: iterations,
      converged: converged, observationCount: observations, trialCount: trials,
      dfResidual: observations - rank, dfNull: observations - (hasIntercept ? 1 : 0), rank: rank,
      grouped: grouped, diagnostics: diagnostics, exclusions: exclusions, level: options.level,
      data: data, fitted: mu, design: design, options: options)
  }
}
