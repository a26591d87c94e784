import Distributions

/// The likelihood-ratio (deviance) test of a model against a model nested in it, as R's
/// `anova(reduced, full, test = "Chisq")` for families with fixed dispersion.
///
/// ```
/// G² = D_reduced − D_full,   df = rank_full − rank_reduced,   p = P(χ²_df > G²)
/// ```
/// Both fits must be of the same observations (same count and family). For Firth fits this is
/// the unpenalised deviance difference at the penalised estimates, not logistf's penalised test.
public struct LikelihoodRatioTest: Sendable, Equatable, Codable {
  /// G², the deviance difference.
  public let statistic: Double
  public let degreesOfFreedom: Int
  public let pValue: Double

  /// Tests `reduced` against `full`.
  /// - Throws: `.invalidOption` when the fits are of different data or family, or `full` does
  ///   not have more estimated coefficients than `reduced`.
  public init(reduced: GLMFit, full: GLMFit) throws(ModelError) {
    guard reduced.family == full.family, reduced.link == full.link,
      reduced.observationCount == full.observationCount,
      reduced.trialCount == full.trialCount
    else {
      throw .invalidOption(
        "the likelihood-ratio test needs two fits of the same observations, family and link")
    }
    let df = full.rank - reduced.rank
    guard df > 0 else {
      throw .invalidOption(
        "the full model must have more estimated coefficients than the reduced one (\(full.rank) vs \(reduced.rank))"
      )
    }
    self.init(statistic: reduced.deviance - full.deviance, degreesOfFreedom: df)
  }

  /// A test from its statistic and degrees of freedom.
  public init(statistic: Double, degreesOfFreedom: Int) {
    self.statistic = statistic
    self.degreesOfFreedom = degreesOfFreedom
    pValue =
      statistic <= 0 ? 1 : ChiSquared(degreesOfFreedom: Double(degreesOfFreedom)).sf(statistic)
  }

  enum CodingKeys: String, CodingKey {
    case statistic = "chi2"
    case degreesOfFreedom = "df"
    case pValue = "p_value"
  }
}

extension GLMFit {
  /// The likelihood-ratio test of this model against the intercept-only model (null deviance
  /// minus deviance on `rank − 1` degrees of freedom).
  public var likelihoodRatioTestAgainstNull: LikelihoodRatioTest {
    let intercept = dfNull < observationCount ? 1 : 0
    return LikelihoodRatioTest(
      statistic: nullDeviance - deviance, degreesOfFreedom: max(1, rank - intercept))
  }
}
