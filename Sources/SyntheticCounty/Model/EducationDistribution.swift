/// Highest completed education (SUN 2000 level 1–7, or missing) given age group, sex and birth.
///
/// Missing education first, then a cumulative-logit (proportional odds) model for the level:
///
/// ```
/// odds(saknas)   = m[aldersgrupp] / (1 − m[aldersgrupp]) · OR_utrikes^[utrikes]
/// P(level ≤ k)   = logistic(θ_k[aldersgrupp] − δ_kvinna[aldersgrupp]·[kvinna]
///                           − (δ_utrikes + δ_region)·[utrikes])
/// θ_k[a]         = logit(referenceCumulative[a][k − 1]),   k = 1 … 6
/// ```
///
/// `referenceCumulative` holds P(level ≤ k) for men born in Sweden, so the thresholds are
/// readable as shares; a positive δ moves mass towards higher education. δ_region is the
/// region of birth's `BirthRegionShare.educationShift`.
public struct EducationDistribution: Codable, Sendable, Equatable {
  /// P(level ≤ k), k = 1…6, for men born in Sweden, per age group (six increasing numbers).
  public var referenceCumulative: AgeGroupTable<[Double]>
  /// δ_kvinna: the shift towards higher education for women, per age group.
  public var womanShift: AgeGroupTable<Double>
  /// δ_utrikes: the shift for persons born abroad (negative: less education).
  public var foreignShift: Double
  /// m: the share with missing education among persons born in Sweden, per age group.
  public var missingShare: AgeGroupTable<Double>
  /// OR_utrikes: the odds ratio of missing education for persons born abroad.
  public var foreignMissingOddsRatio: Double

  public init(
    referenceCumulative: AgeGroupTable<[Double]>, womanShift: AgeGroupTable<Double>,
    foreignShift: Double, missingShare: AgeGroupTable<Double>, foreignMissingOddsRatio: Double
  ) {
    self.referenceCumulative = referenceCumulative
    self.womanShift = womanShift
    self.foreignShift = foreignShift
    self.missingShare = missingShare
    self.foreignMissingOddsRatio = foreignMissingOddsRatio
  }

  /// The probability that education is missing.
  public func missingProbability(ageGroup: AgeGroup, birth: Birth) -> Double {
    let m = missingShare[ageGroup]
    let odds = m / (1 - m) * (birth == .foreign ? foreignMissingOddsRatio : 1)
    return odds / (1 + odds)
  }

  /// P(level = k | not missing) for k = 1…7; `regionShift` is δ_region (used only for persons
  /// born abroad).
  public func levelProbabilities(
    sex: Sex, ageGroup: AgeGroup, birth: Birth, regionShift: Double = 0
  ) -> [Double] {
    let shift =
      (sex == .woman ? womanShift[ageGroup] : 0)
      + (birth == .foreign ? foreignShift + regionShift : 0)
    let cumulative = referenceCumulative[ageGroup].map { logistic(logit($0) - shift) } + [1]
    return (0..<7).map { k in k == 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1] }
  }
}
