/// The JSON of a fit: every stored value under the keys of `CodingKeys`, the fixed effects by
/// their names (`coefficient_names`, as ``ModelTerm/name`` writes them).
///
/// A decoded fit knows its columns by name only: each is `.numeric(name)`, the intercept
/// `.intercept`. `MAIHDAResult`'s decoding restores the typed main effects from its strata.
extension RandomInterceptFit {
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(family, forKey: .family)
    if family == .gaussian { try c.encode(restricted, forKey: .restricted) }
    try c.encode(method, forKey: .method)
    try c.encode(nAGQ, forKey: .nAGQ)
    try c.encode(coefficientNames, forKey: .coefficientNames)
    try c.encode(coefficients, forKey: .coefficients)
    try c.encode(standardErrors, forKey: .standardErrors)
    try c.encode(covariance, forKey: .covariance)
    try c.encode(randomIntercept, forKey: .randomIntercept)
    try c.encode(logLikelihood, forKey: .logLikelihood)
    try c.encode(deviance, forKey: .deviance)
    try c.encode(aic, forKey: .aic)
    try c.encode(bic, forKey: .bic)
    try c.encode(logLikelihoodScale, forKey: .logLikelihoodScale)
    try c.encode(observationCount, forKey: .observationCount)
    try c.encode(iterations, forKey: .iterations)
    try c.encode(converged, forKey: .converged)
    try c.encode(boundary, forKey: .boundary)
    try c.encode(rows, forKey: .rows)
    try c.encode(strataCount, forKey: .strataCount)
    try c.encode(personCount, forKey: .personCount)
    try c.encode(caseCount, forKey: .caseCount)
    try c.encode(conditionalModes, forKey: .conditionalModes)
    try c.encode(conditionalVariances, forKey: .conditionalVariances)
    try c.encode(linearPredictors, forKey: .linearPredictors)
    try c.encode(linearPredictorVariances, forKey: .linearPredictorVariances)
    try c.encode(fittedProbabilities, forKey: .fittedProbabilities)
    try c.encode(cellLinearPredictors, forKey: .cellLinearPredictors)
    try c.encode(warnings, forKey: .warnings)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      family: try c.decodeIfPresent(MixedFamily.self, forKey: .family) ?? .binomial,
      restricted: try c.decodeIfPresent(Bool.self, forKey: .restricted) ?? false,
      method: try c.decode(MixedModelMethod.self, forKey: .method),
      nAGQ: try c.decode(Int.self, forKey: .nAGQ),
      modelTerms: try c.decode([String].self, forKey: .coefficientNames).map(ModelTerm.untyped),
      coefficients: try c.decode([Double].self, forKey: .coefficients),
      standardErrors: try c.decode([Double].self, forKey: .standardErrors),
      covariance: try c.decode([[Double]].self, forKey: .covariance),
      randomIntercept: try c.decode(RandomInterceptVariance.self, forKey: .randomIntercept),
      logLikelihood: try c.decode(Double.self, forKey: .logLikelihood),
      deviance: try c.decode(Double.self, forKey: .deviance),
      aic: try c.decode(Double.self, forKey: .aic),
      bic: try c.decodeIfPresent(Double.self, forKey: .bic) ?? .nan,
      logLikelihoodScale: try c.decodeIfPresent(
        LogLikelihoodScale.self, forKey: .logLikelihoodScale) ?? .grouped,
      observationCount: try c.decodeIfPresent(Int.self, forKey: .observationCount) ?? 0,
      iterations: try c.decode(Int.self, forKey: .iterations),
      converged: try c.decode(Bool.self, forKey: .converged),
      boundary: try c.decode(Bool.self, forKey: .boundary),
      rows: try c.decode([Int].self, forKey: .rows),
      strataCount: try c.decode(Int.self, forKey: .strataCount),
      personCount: try c.decode(Int.self, forKey: .personCount),
      caseCount: try c.decode(Int.self, forKey: .caseCount),
      conditionalModes: try c.decode([Double].self, forKey: .conditionalModes),
      conditionalVariances: try c.decode([Double].self, forKey: .conditionalVariances),
      linearPredictors: try c.decode([Double].self, forKey: .linearPredictors),
      linearPredictorVariances: try c.decode([Double].self, forKey: .linearPredictorVariances),
      fittedProbabilities: try c.decode([Double].self, forKey: .fittedProbabilities),
      cellLinearPredictors: try c.decodeIfPresent([Double].self, forKey: .cellLinearPredictors)
        ?? [],
      warnings: try c.decode([String].self, forKey: .warnings))
  }

  /// The fit with its columns described by `terms` (same count, same names).
  func replacingModelTerms(_ terms: [ModelTerm]) -> RandomInterceptFit {
    RandomInterceptFit(
      family: family, restricted: restricted, method: method, nAGQ: nAGQ, modelTerms: terms,
      coefficients: coefficients,
      standardErrors: standardErrors, covariance: covariance, randomIntercept: randomIntercept,
      logLikelihood: logLikelihood, deviance: deviance, aic: aic, bic: bic,
      logLikelihoodScale: logLikelihoodScale, observationCount: observationCount,
      iterations: iterations,
      converged: converged, boundary: boundary, rows: rows, strataCount: strataCount,
      personCount: personCount, caseCount: caseCount, conditionalModes: conditionalModes,
      conditionalVariances: conditionalVariances, linearPredictors: linearPredictors,
      linearPredictorVariances: linearPredictorVariances,
      fittedProbabilities: fittedProbabilities, cellLinearPredictors: cellLinearPredictors,
      warnings: warnings)
  }
}
