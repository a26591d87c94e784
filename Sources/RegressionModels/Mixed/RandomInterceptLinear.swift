import Foundation
import LinearAlgebra

/// A linear random-intercept model fitted by REML (the default) or maximum likelihood from cell
/// summaries: per cell (stratum × covariate pattern) its persons n, mean ȳ and sum of squared
/// deviations Σ(y − ȳ)², which are sufficient. A national population costs as much as its cells.
///
/// ```
/// yᵢ = xᵢβ + u_{j(i)} + eᵢ,   uⱼ ~ N(0, σ²_u),   eᵢ ~ N(0, σ²_e),   λ = σ²_u / σ²_e
/// per stratum j:  γⱼ = λ / (1 + λnⱼ),  vⱼ = Σᵢ∈ⱼ xᵢ,  sⱼ = Σᵢ∈ⱼ yᵢ
/// A(λ) = XᵀX − Σⱼ γⱼ vⱼvⱼᵀ,   b(λ) = Xᵀy − Σⱼ γⱼ sⱼ vⱼ,   c(λ) = yᵀy − Σⱼ γⱼ sⱼ²
/// β̂(λ) = A⁻¹b,   r²(λ) = c − bᵀβ̂                       (penalised residual sum of squares)
/// ML:    d(λ) = Σⱼ log(1 + λnⱼ) + N (1 + log(2π r²/N)),            σ̂²_e = r²/N
/// REML:  d(λ) = Σⱼ log(1 + λnⱼ) + log|A| + (N − p)(1 + log(2π r²/(N − p))),  σ̂²_e = r²/(N − p)
/// ```
/// d is lme4's profiled deviance (REML criterion) of `lmer(y ~ x + (1 | stratum))`, so ℓ = −d/2
/// is `logLik()`. λ̂ minimises d: a grid over λ finds the basin, then the root of the exact
/// derivative
///
/// ```
/// d′(λ) = Σⱼ nⱼ/(1 + λnⱼ) − m Σⱼ γ′ⱼ eⱼ² / r² [− Σⱼ γ′ⱼ vⱼᵀA⁻¹vⱼ for REML],
/// γ′ⱼ = 1/(1 + λnⱼ)²,  eⱼ = sⱼ − vⱼᵀβ̂,  m = N (ML) or N − p (REML)
/// ```
/// is found to machine precision by bisection and secant steps; λ̂ = 0 (a boundary fit) when d
/// rises from 0. Then σ̂²_u = λ̂σ̂²_e, Var(β̂) = σ̂²_e A⁻¹ (lme4's `vcov`), the BLUPs
/// ûⱼ = γⱼ eⱼ with conditional variances σ̂²_e γⱼ (lme4's `condVar`), and the Henderson
/// prediction-error variance of lⱼβ̂ + ûⱼ, σ̂²_e [(lⱼ − γⱼvⱼ)ᵀA⁻¹(lⱼ − γⱼvⱼ) + γⱼ].
///
/// Bates, D., Mächler, M., Bolker, B. & Walker, S. (2015). Fitting linear mixed-effects models
/// using lme4. *J. Stat. Softw.* 67(1), §3.4–3.6. https://doi.org/10.18637/jss.v067.i01 ·
/// Henderson, C. R. (1975). *Biometrics* 31, 423–447. https://doi.org/10.2307/2529430
public enum RandomInterceptLinear {
  /// Fits the model.
  ///
  /// - Parameters:
  ///   - counts: persons per cell (frequency weights may make them non-integer); cells with
  ///     none are dropped.
  ///   - means: the mean outcome per cell.
  ///   - sumsOfSquares: Σ(y − ȳ)² per cell (0 for a cell of one person).
  ///   - strata: the stratum of each cell, or nil for one stratum per cell.
  ///   - design: cells × p fixed-effects design.
  ///   - terms: the p columns as typed values.
  ///   - predictionDesign: a row per stratum index at which its prediction is reported; nil for
  ///     the person-weighted mean of its cells.
  ///   - restricted: REML (true, lmer's default) or ML.
  ///   - options: `singularTolerance` (on σ_u/σ_e, as lme4's θ) and `confidenceLevel` apply.
  /// - Throws: `ModelError.invalidOutcome` (negative counts or sums of squares, a non-finite
  ///   mean), `.constantOutcome` (no variation), `.notEstimable` (fewer than two strata, a rank
  ///   deficient design, no residual degrees of freedom).
  public static func fit(
    counts: [Double], means: [Double], sumsOfSquares: [Double], strata: [Int]? = nil,
    design: Matrix, terms: [ModelTerm], predictionDesign: Matrix? = nil, restricted: Bool = true,
    options: MixedModelOptions = MixedModelOptions()
  ) throws(ModelError) -> RandomInterceptFit {
    try options.validate()
    let problem = try LinearProblem(
      counts: counts, means: means, sumsOfSquares: sumsOfSquares, strata: strata,
      design: design, terms: terms, predictionDesign: predictionDesign, restricted: restricted)
    return try problem.fit(options: options)
  }
}
