import LinearAlgebra

/// Maximum-marginal-likelihood fitting of a random-intercept logistic model to grouped binomial
/// data: yⱼ cases among nⱼ persons in stratum j, all sharing the fixed-effects row xⱼ.
///
/// ```
/// yⱼ | uⱼ ~ Binomial(nⱼ, logit⁻¹(xⱼβ + uⱼ)),   uⱼ ~ N(0, σ²_u)
/// ℓ(β, σ_u) = Σⱼ log ∫ Binomial(yⱼ | nⱼ, logit⁻¹(xⱼβ + σ_u b)) φ(b) db
/// ```
/// Since persons in a stratum share xⱼ, a stratum of a million persons is one term: a national
/// population costs as much as its number of strata.
///
/// **Estimation.** Each integral is approximated at its conditional mode (Laplace, or adaptive
/// Gauss–Hermite quadrature with `nAGQ` nodes: lme4's `glmer` approximations for one scalar
/// random effect), with exact gradients. (β, σ_u) are found by Newton's method with a modified
/// Hessian and line search, started from the binomial GLM (the fit at σ_u = 0) and a moment
/// estimate of σ²_u. The objective is even in σ_u, so σ_u = 0 is always stationary: when the
/// score for σ²_u at the GLM, ½ Σⱼ[(yⱼ − nⱼμⱼ)² − nⱼμⱼ(1 − μⱼ)], is ≤ 0 and no positive σ_u
/// gives a higher likelihood, the estimate is exactly σ_u = 0 with β the GLM's: a boundary
/// (singular) fit, reported with a warning and not as a failure.
///
/// **Standard errors** of β̂ come from the inverse Hessian of ℓ in (β, σ_u) (as lme4's `vcov`).
/// **Stratum predictions**: the prediction-error variance of xⱼβ̂ + ûⱼ is, from the inverse of
/// the joint (β, u) curvature at the mode (Henderson's mixed-model equations with the binomial
/// weights wⱼ = nⱼμⱼ(1 − μⱼ)),
///
/// ```
/// Var(xⱼβ̂ + ûⱼ − xⱼβ − uⱼ) = xⱼ S⁻¹ xⱼᵀ / (1 + σ²wⱼ)² + σ² / (1 + σ²wⱼ),
/// S = Xᵀ diag(wⱼ / (1 + σ²wⱼ)) X
/// ```
/// which adds the uncertainty of β̂ (with its negative covariance with ûⱼ) to lme4's conditional
/// variance σ²/(1 + σ²wⱼ); σ²_u is treated as known.
///
/// Henderson, C. R. (1975). Best linear unbiased estimation and prediction under a selection
/// model. *Biometrics* 31, 423–447. https://doi.org/10.2307/2529430 ·
/// Bates, D., Mächler, M., Bolker, B. & Walker, S. (2015). Fitting linear mixed-effects models
/// using lme4. *J. Stat. Softw.* 67(1). https://doi.org/10.18637/jss.v067.i01
public enum RandomInterceptLogit {
  /// Fits the model to grouped data.
  ///
  /// - Parameters:
  ///   - cases: yⱼ, cases per stratum (0 ≤ yⱼ ≤ nⱼ).
  ///   - trials: nⱼ, persons per stratum; strata with none are dropped with a warning.
  ///   - design: the J × p fixed-effects design, one row per stratum (an intercept column for
  ///     the null model; see `StratumDesign`).
  ///   - terms: the p columns as typed values (see `StratumDesign.terms`); they name the
  ///     coefficients.
  ///   - options: see `MixedModelOptions`.
  /// - Returns: the fit; its per-stratum arrays follow the strata with persons, in input order.
  /// - Throws: `ModelError.invalidOutcome` (counts out of range), `.constantOutcome` (no cases,
  ///   or every person a case), `.notEstimable` (fewer than two strata with persons, a rank
  ///   deficient design), `.nonFiniteCovariate`, `.invalidOption`.
  public static func fit(
    cases: [Int], trials: [Int], design: Matrix, terms: [ModelTerm],
    options: MixedModelOptions = MixedModelOptions()
  ) throws(ModelError) -> RandomInterceptFit {
    try options.validate()
    let problem = try RandomInterceptProblem(
      family: .binomial, cases: cases, trials: trials, offsets: nil, strata: nil, design: design,
      terms: terms, predictionDesign: nil, options: options)
    return try problem.fit()
  }

  /// Fits a design whose columns are known by name only: each is `.numeric(name)`, the
  /// intercept `.intercept` when named `(Intercept)`. See
  /// ``fit(cases:trials:design:terms:options:)``.
  public static func fit(
    cases: [Int], trials: [Int], design: Matrix, names: [String],
    options: MixedModelOptions = MixedModelOptions()
  ) throws(ModelError) -> RandomInterceptFit {
    try fit(
      cases: cases, trials: trials, design: design, terms: names.map(ModelTerm.untyped),
      options: options)
  }
}
