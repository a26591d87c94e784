import LinearAlgebra

/// Random-intercept models of the exponential family on grouped data: binomial (logit link)
/// and Poisson (log link, with the logarithm of the exposure as offset), fitted as
/// `RandomInterceptLogit` describes; several rows (cells, e.g. stratum × covariate pattern) may
/// share one stratum and so one random intercept.
///
/// ```
/// binomial  yᵢ | u ~ Binomial(nᵢ, logit⁻¹(xᵢβ + oᵢ + u_{j(i)}))
/// poisson   yᵢ | u ~ Poisson(exp(xᵢβ + log nᵢ + oᵢ + u_{j(i)}))       u_j ~ N(0, σ²_u)
/// ```
/// lme4: `glmer(cbind(y, n - y) ~ x + (1 | stratum), family = binomial)` and
/// `glmer(y ~ x + offset(log(n)) + (1 | stratum), family = poisson)`.
public enum RandomInterceptGLMM {
  /// Fits the model.
  ///
  /// - Parameters:
  ///   - family: `.binomial` or `.poisson` (`.gaussian` is `RandomInterceptLinear`).
  ///   - cases: yᵢ per row.
  ///   - trials: nᵢ per row: trials (binomial) or exposure (Poisson, entering as offset log nᵢ);
  ///     rows with none are dropped.
  ///   - offsets: further offsets oᵢ, or nil for none.
  ///   - strata: the stratum (random-effect level) of each row, or nil for one stratum per row.
  ///   - design: rows × p fixed-effects design.
  ///   - terms: the p columns as typed values.
  ///   - predictionDesign: one row per stratum index (0…max of `strata`), the covariate values
  ///     at which a stratum's linear predictor is reported; nil for the exposure-weighted mean
  ///     of its rows.
  ///   - options: see `MixedModelOptions`.
  /// - Returns: the fit; per-stratum arrays follow the strata with rows and exposure, in the
  ///   order of their indices (`RandomInterceptFit.rows`); `cellLinearPredictors` follows the
  ///   rows with exposure ordered by stratum, in input order within a stratum.
  public static func fit(
    family: MixedFamily, cases: [Int], trials: [Int], offsets: [Double]? = nil,
    strata: [Int]? = nil, design: Matrix, terms: [ModelTerm], predictionDesign: Matrix? = nil,
    options: MixedModelOptions = MixedModelOptions()
  ) throws(ModelError) -> RandomInterceptFit {
    try options.validate()
    let counts: StratumCounts.Family
    switch family {
    case .binomial: counts = .binomial
    case .poisson: counts = .poisson
    case .gaussian:
      throw .invalidOption("a Gaussian random-intercept model is fitted by RandomInterceptLinear")
    }
    let problem = try RandomInterceptProblem(
      family: counts, cases: cases, trials: trials, offsets: offsets, strata: strata,
      design: design, terms: terms, predictionDesign: predictionDesign, options: options)
    return try problem.fit()
  }
}
