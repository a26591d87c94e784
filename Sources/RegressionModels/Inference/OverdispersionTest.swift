import Distributions

/// The likelihood-ratio test of overdispersion: α = 1/θ = 0 (Poisson) against α > 0 (negative
/// binomial), as Stata's `nbreg` reports it ("LR test of alpha=0").
///
/// ```
/// LR = 2 (ℓ_NB − ℓ_Poisson),   p = ½ P(χ²₁ > LR)
/// ```
/// α = 0 is on the boundary of the parameter space, so LR follows the half-and-half mixture of a
/// point mass at 0 and χ²₁ under the null (Self & Liang 1987, doi:10.1080/01621459.1987.10478472;
/// Gutierrez, Carter & Drukker 2001, Stata Technical Bulletin 60, sg160).
public struct OverdispersionTest: Sendable, Equatable, Codable {
  /// 2 (ℓ_NB − ℓ_Poisson), ≥ 0.
  public let statistic: Double
  /// ½ P(χ²₁ > statistic); 1 when the statistic is 0.
  public let pValue: Double

  /// Compares two fits of the same observations and predictors.
  /// - Throws: `.invalidOption` unless the first fit is Poisson and the second negative
  ///   binomial with θ estimated, of the same observations and rank.
  public init(poisson: GLMFit, negativeBinomial: GLMFit) throws(ModelError) {
    guard poisson.family == .poisson, negativeBinomial.family == .negativeBinomial,
      poisson.observationCount == negativeBinomial.observationCount,
      poisson.rank == negativeBinomial.rank
    else {
      throw .invalidOption(
        "the overdispersion test compares a Poisson and a negative binomial fit of the same observations and terms"
      )
    }
    // θ without a finite estimate: the negative binomial is the Poisson fit (α̂ = 0).
    let statistic =
      negativeBinomial.thetaIsUnbounded
      ? 0 : max(0, 2 * (negativeBinomial.logLikelihood - poisson.logLikelihood))
    self.statistic = statistic
    pValue = statistic > 0 ? 0.5 * ChiSquared(degreesOfFreedom: 1).sf(statistic) : 1
  }

  enum CodingKeys: String, CodingKey {
    case statistic = "chi2"
    case pValue = "p_value"
  }
}
