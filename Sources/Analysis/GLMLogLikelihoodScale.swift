import RegressionModels

/// Which observations the log-likelihood of a GLM result (and its AIC and BIC) is of, the
/// `"loglik_scale"` of the JSON.
///
/// - `individual`: the observations themselves. A logit's log-likelihood is always that of the
///   Bernoulli trials (persons), also when Strata fits grouped or collapsed rows (with
///   `--population`, `--trials`, or collapsed covariate patterns), where it lacks R's binomial
///   coefficients; R's grouped values are then under `grouped` (log-likelihood, AIC and BIC).
///   A count model on the rows of DATA is R's `logLik` of those rows.
/// - `grouped`: the cells Strata counted (`misstankt ~ …` with `--population`: distinct persons
///   per cell against log(population)), so n and BIC's N are the cells; it equals R's `logLik`
///   and `BIC` of the same `glm` on the cell table.
public enum GLMLogLikelihoodScale: String, Sendable, Equatable, Hashable, Codable {
  case individual
  case grouped
}

extension LogitResult {
  /// The scale of the log-likelihood, AIC and BIC (always the individual trials).
  public var logLikelihoodScale: GLMLogLikelihoodScale { .individual }
}

extension CountRegressionResult {
  /// The scale of the log-likelihood, AIC and BIC: grouped for persons counted per cell against
  /// a population, individual for the rows of DATA.
  public var logLikelihoodScale: GLMLogLikelihoodScale {
    request.population == nil ? .individual : .grouped
  }
}
