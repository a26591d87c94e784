/// The true parameters of one offence type: whether a person is suspected in the two-year study
/// period, how many suspicions a suspect has, and whether a suspect is suspected again in the
/// follow-up year.
///
/// A person in stratum j (kon × aldersgrupp × utbildningsniva × fodelse) is suspected of the
/// offence at least once in the study period with probability p, where
///
/// ```
/// logit p = β₀ + β_kvinna·[kon = 2] + β_ålder[aldersgrupp] + β_utb[utbildningsniva]
///         + β_utrikes·[fodelse = utrikes]
///         + γ_kvinna×utrikes·[kon = 2]·[fodelse = utrikes]
///         + γ_kvinna×ålder[aldersgrupp]·[kon = 2]
///         + u_j,                      u_j ~ N(0, σ²), one draw per stratum
/// ```
///
/// with reference levels man, 15–17, förgymnasial and inrikes (the first level of each of the
/// codebook's groupings). The covariates are the person's values in `persons.csv`, i.e. on
/// 31 December of the reference year. Setting `stratumStandardDeviation` to 0 removes the
/// random effects, so a fixed-effects logit with `kon * fodelse + kon * aldersgrupp +
/// utbildningsniva` is then correctly specified.
public struct OffenceParameters: Codable, Sendable, Equatable {
  /// The offence type these parameters describe.
  public var offence: OffenceType
  /// β₀: log-odds of suspicion in the study period for the reference stratum.
  public var intercept: Double
  /// β for kon = 2 (kvinna).
  public var woman: Double
  /// β for each age group against 15–17.
  public var ageGroup: AgeGroupEffects
  /// β for each education level against förgymnasial.
  public var education: EducationEffects
  /// β for fodelse = utrikes.
  public var foreign: Double
  /// Interaction kon = 2 × fodelse = utrikes.
  public var womanByForeign: Double
  /// Interaction kon = 2 × each age group (against 15–17).
  public var womanByAgeGroup: AgeGroupEffects
  /// σ, the standard deviation of the stratum effects u_j on the logit scale; 0 turns them off.
  public var stratumStandardDeviation: Double
  /// How many suspicions a suspect has in the study period.
  public var repetition: RepetitionParameters
  /// Whether a suspect is suspected again in the follow-up year.
  public var recidivism: RecidivismParameters
  /// The offence codes (`brottskod`) drawn for each suspicion, with their relative weights.
  public var codes: [OffenceCode]

  public init(
    offence: OffenceType, intercept: Double, woman: Double, ageGroup: AgeGroupEffects,
    education: EducationEffects, foreign: Double, womanByForeign: Double,
    womanByAgeGroup: AgeGroupEffects, stratumStandardDeviation: Double,
    repetition: RepetitionParameters, recidivism: RecidivismParameters, codes: [OffenceCode]
  ) {
    self.offence = offence
    self.intercept = intercept
    self.woman = woman
    self.ageGroup = ageGroup
    self.education = education
    self.foreign = foreign
    self.womanByForeign = womanByForeign
    self.womanByAgeGroup = womanByAgeGroup
    self.stratumStandardDeviation = stratumStandardDeviation
    self.repetition = repetition
    self.recidivism = recidivism
    self.codes = codes
  }

  /// The fixed part of the linear predictor for a stratum (everything but u_j).
  public func fixedPart(for stratum: Stratum) -> Double {
    let isWoman = stratum.sex == .woman
    let isForeign = stratum.birth == .foreign
    var eta = intercept + ageGroup[stratum.ageGroup] + education[stratum.education]
    if isForeign { eta += foreign }
    if isWoman {
      eta += woman + womanByAgeGroup[stratum.ageGroup]
      if isForeign { eta += womanByForeign }
    }
    return eta
  }

  /// The part of the fixed predictor that is due to the interactions (zero for men).
  func interactionPart(for stratum: Stratum) -> Double {
    guard stratum.sex == .woman else { return 0 }
    return womanByAgeGroup[stratum.ageGroup] + (stratum.birth == .foreign ? womanByForeign : 0)
  }
}

/// The number of suspicions of a suspect in the study period: one plus a negative binomial
/// count of further suspicions.
///
/// ```
/// n = 1 + X,   X ~ NegBin(mean μ, shape k),   log μ = α₀ + α_kvinna·[kon = 2] + α_ålder[aldersgrupp]
/// P(n ≥ 2) = 1 − (k / (k + μ))^k
/// ```
public struct RepetitionParameters: Codable, Sendable, Equatable {
  /// α₀: log of the mean number of further suspicions for a man aged 15–17.
  public var intercept: Double
  /// α for kon = 2.
  public var woman: Double
  /// α for each age group against 15–17.
  public var ageGroup: AgeGroupEffects
  /// k, the negative binomial shape (size); `.infinity` gives a Poisson count.
  public var shape: Double

  public init(intercept: Double, woman: Double, ageGroup: AgeGroupEffects, shape: Double) {
    self.intercept = intercept
    self.woman = woman
    self.ageGroup = ageGroup
    self.shape = shape
  }

  /// μ, the mean number of further suspicions for a suspect of this sex and age group.
  public func meanFurtherSuspicions(sex: Sex, ageGroup group: AgeGroup) -> Double {
    (intercept + (sex == .woman ? woman : 0) + ageGroup[group]).exp
  }

  /// P(n ≥ 2): the probability that a suspect is suspected on two or more occasions.
  public func repeatProbability(sex: Sex, ageGroup group: AgeGroup) -> Double {
    let mu = meanFurtherSuspicions(sex: sex, ageGroup: group)
    if shape.isInfinite { return 1 - (-mu).exp }
    return 1 - (shape / (shape + mu)).power(shape)
  }
}

/// Recidivism in the follow-up year (the year after the study period): a suspect of the
/// offence is suspected of it again with probability r, and then has 1 + Poisson(λ) suspicions
/// spread uniformly over that year.
///
/// ```
/// logit r = ρ₀ + ρ_kvinna·[kon = 2] + ρ_ålder[aldersgrupp] + ρ_upprepad·[n ≥ 2]
/// ```
public struct RecidivismParameters: Codable, Sendable, Equatable {
  /// ρ₀: log-odds for a man aged 15–17 with one suspicion in the study period.
  public var intercept: Double
  /// ρ for kon = 2.
  public var woman: Double
  /// ρ for each age group against 15–17.
  public var ageGroup: AgeGroupEffects
  /// ρ for two or more suspicions in the study period.
  public var repeated: Double
  /// λ, the mean number of follow-up suspicions beyond the first.
  public var additionalMean: Double

  public init(
    intercept: Double, woman: Double, ageGroup: AgeGroupEffects, repeated: Double,
    additionalMean: Double
  ) {
    self.intercept = intercept
    self.woman = woman
    self.ageGroup = ageGroup
    self.repeated = repeated
    self.additionalMean = additionalMean
  }

  /// r, the probability of at least one suspicion in the follow-up year.
  public func probability(sex: Sex, ageGroup group: AgeGroup, repeated isRepeated: Bool) -> Double {
    let eta =
      intercept + (sex == .woman ? woman : 0) + ageGroup[group] + (isRepeated ? repeated : 0)
    return logistic(eta)
  }
}

/// An offence code (`brottskod`) and its relative frequency within its offence type.
public struct OffenceCode: Codable, Sendable, Equatable {
  /// Four digits, written as text.
  public var code: String
  /// A short Swedish description.
  public var label: String
  /// The relative weight of the code among the type's codes.
  public var weight: Double

  public init(code: String, label: String, weight: Double) {
    self.code = code
    self.label = label
    self.weight = weight
  }
}
