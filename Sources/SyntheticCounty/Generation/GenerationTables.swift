/// Everything the per-person loop needs, computed once from the model: alias tables,
/// cumulative distributions and the probabilities of each stratum, so that drawing a person
/// costs a few table look-ups.
struct GenerationTables: Sendable {
  let referenceYear: Int
  let lowestAge: Int
  let ageTable: AliasTable
  /// Male share by single year of age (index age − lowestAge).
  let maleShare: [Double]
  /// P(utrikes) by age-group index.
  let foreignShare: [Double]
  /// Cumulative shares of `fodelseland` codes among the foreign born.
  let regionCodes: [Int]
  let regionCumulative: [Double]
  let missingBirthRegion: Double
  /// P(education missing) and cumulative P(level ≤ k), k = 1…7, indexed by
  /// `educationIndex(sex:ageGroup:birthRegion:)`.
  let educationMissing: [Double]
  let educationCumulative: [[Double]]
  /// Municipality codes and one alias table per birth (inrikes, utrikes).
  let municipalityCodes: [String]
  let municipalityTables: [AliasTable]
  /// p_tj by offence index and stratum index.
  let suspicionProbability: [[Double]]
  /// μ (mean further suspicions) by offence index, then sex index · 7 + age-group index.
  let repetitionMean: [[Double]]
  let repetitionShape: [Double]
  /// r (recidivism probability) by offence, then (sex · 7 + age group) · 2 + repeated.
  let recidivismProbability: [[Double]]
  let followUpAdditionalMean: [Double]
  /// Offence codes and their cumulative weights by offence.
  let codes: [[String]]
  let codeCumulative: [[Double]]
  /// The model of the injured parties.
  let victims: VictimParameters
  /// Cumulative P(foralder, syskon, annan_slakting) for vnr_ovrig.
  let otherRelativeCumulative: [Double]
  /// Day numbers of the study period and the follow-up year.
  let studyStart: Int
  let studyEnd: Int
  let followUpStart: Int
  let followUpEnd: Int

  init(model: CountyModel) {
    let d = model.demography
    referenceYear = model.referenceYear
    lowestAge = d.ageRange.lowerBound
    ageTable = AliasTable(weights: d.ageProbabilities)
    maleShare = d.ageRange.map { d.maleShare(age: $0) }
    foreignShare = AgeGroup.allCases.map { d.foreignBornShare[$0] }
    regionCodes = d.birthRegionShares.map(\.code)
    regionCumulative = Self.cumulative(d.birthRegionShares.map(\.share))
    missingBirthRegion = d.missingBirthRegionShare
    var missing: [Double] = []
    var cumulative: [[Double]] = []
    for sex in Sex.allCases {
      for group in AgeGroup.allCases {
        for region in 1...9 {
          missing.append(
            d.education.missingProbability(ageGroup: group, birth: Birth(birthRegion: region)))
          cumulative.append(
            Self.cumulative(
              d.educationLevelProbabilities(sex: sex, ageGroup: group, birthRegion: region)))
        }
      }
    }
    educationMissing = missing
    educationCumulative = cumulative
    municipalityCodes = d.municipalities.map(\.code)
    municipalityTables = [
      AliasTable(weights: d.municipalities.map { $0.population * (1 - $0.foreignBornShare) }),
      AliasTable(weights: d.municipalities.map { $0.population * $0.foreignBornShare }),
    ]
    suspicionProbability = OffenceType.allCases.map { offence in
      Stratum.all.map { model.probability(offence, stratum: $0) }
    }
    let groups = Sex.allCases.flatMap { sex in AgeGroup.allCases.map { (sex, $0) } }
    repetitionMean = model.offences.map { p in
      groups.map { p.repetition.meanFurtherSuspicions(sex: $0.0, ageGroup: $0.1) }
    }
    repetitionShape = model.offences.map(\.repetition.shape)
    recidivismProbability = model.offences.map { p in
      groups.flatMap { group in
        [false, true].map {
          p.recidivism.probability(sex: group.0, ageGroup: group.1, repeated: $0)
        }
      }
    }
    followUpAdditionalMean = model.offences.map(\.recidivism.additionalMean)
    codes = model.offences.map { $0.codes.map(\.code) }
    codeCumulative = model.offences.map { Self.cumulative($0.codes.map(\.weight)) }
    victims = model.victims
    otherRelativeCumulative = Self.cumulative(model.victims.otherRelativeRelationShares)
    studyStart = model.studyPeriod.lowerBound.dayNumber
    studyEnd = model.studyPeriod.upperBound.dayNumber
    followUpStart = model.followUpPeriod.lowerBound.dayNumber
    followUpEnd = model.followUpPeriod.upperBound.dayNumber
  }

  @inline(__always)
  static func educationIndex(sex: Sex, ageGroup: Int, birthRegion: Int) -> Int {
    ((sex.rawValue - 1) * 7 + ageGroup) * 9 + birthRegion - 1
  }

  /// Normalised running sums; the last entry is exactly 1.
  static func cumulative(_ weights: [Double]) -> [Double] {
    let total = weights.reduce(0, +)
    var running = 0.0
    var result = weights.map { w -> Double in
      running += w
      return running / total
    }
    result[result.count - 1] = 1
    return result
  }
}

extension Array where Element == Double {
  /// The first index whose cumulative value exceeds `u` (a linear search: these tables are
  /// short).
  @inline(__always)
  func firstIndex(above u: Double) -> Int {
    var i = 0
    while i < count - 1 && u >= self[i] { i += 1 }
    return i
  }
}
