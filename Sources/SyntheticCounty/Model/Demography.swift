/// The population model: who lives in the county on 31 December of the reference year.
///
/// Each resident aged 15 or over is drawn independently:
///
/// ```
/// alder          ~ the age pyramid (`ageBands`, uniform within a band), birth date uniform
///                  over the days of the birth year (reference year − alder)
/// kon            ~ Bernoulli(band's male share)                            (1 man, 2 kvinna)
/// utrikes född   ~ Bernoulli(foreignBornShare[aldersgrupp])
/// fodelseland    = 1 if inrikes, else ~ birthRegionShares (codes 2–9)
/// utbildning     ~ `education` given aldersgrupp, kon, fodelse and region of birth
/// kommun         ~ P(kommun | fodelse) ∝ population_k · (share_k or 1 − share_k)
/// ```
///
/// and finally `fodelseland` is blanked (written as an empty field) with probability
/// `missingBirthRegionShare`; the person's offence probabilities use the true value.
public struct Demography: Codable, Sendable, Equatable {
  /// The age pyramid from 15 to 100 in contiguous bands.
  public var ageBands: [AgeBand]
  /// The share born abroad in each age group.
  public var foreignBornShare: AgeGroupTable<Double>
  /// The distribution of `fodelseland` 2–9 among persons born abroad.
  public var birthRegionShares: [BirthRegionShare]
  /// The share of persons whose `fodelseland` is written as missing.
  public var missingBirthRegionShare: Double
  /// Highest completed education given age group, sex and birth.
  public var education: EducationDistribution
  /// The municipalities (`kommun`) with their sizes and foreign-born shares.
  public var municipalities: [Municipality]

  public init(
    ageBands: [AgeBand], foreignBornShare: AgeGroupTable<Double>,
    birthRegionShares: [BirthRegionShare], missingBirthRegionShare: Double,
    education: EducationDistribution, municipalities: [Municipality]
  ) {
    self.ageBands = ageBands
    self.foreignBornShare = foreignBornShare
    self.birthRegionShares = birthRegionShares
    self.missingBirthRegionShare = missingBirthRegionShare
    self.education = education
    self.municipalities = municipalities
  }

  /// The lowest and highest single year of age (15 and 100 in the defaults).
  public var ageRange: ClosedRange<Int> {
    ageBands.map(\.lowest).min()!...ageBands.map(\.highest).max()!
  }

  /// The probability of each single year of age, `ageRange` in order.
  public var ageProbabilities: [Double] {
    let total = ageBands.reduce(0) { $0 + $1.persons }
    return ageBands.flatMap { band in
      Array(repeating: band.persons / Double(band.width) / total, count: band.width)
    }
  }

  /// P(utbildning = k | not missing), k = 1…7, for a person of this sex, age group and
  /// `fodelseland` (1–9).
  public func educationLevelProbabilities(sex: Sex, ageGroup: AgeGroup, birthRegion: Int)
    -> [Double]
  {
    let regionShift = birthRegionShares.first { $0.code == birthRegion }?.educationShift ?? 0
    return education.levelProbabilities(
      sex: sex, ageGroup: ageGroup, birth: Birth(birthRegion: birthRegion),
      regionShift: regionShift)
  }

  /// The male share at a single year of age.
  public func maleShare(age: Int) -> Double {
    ageBands.first { $0.lowest <= age && age <= $0.highest }!.maleShare
  }
}

/// A band of single years of age with its size and sex ratio.
public struct AgeBand: Codable, Sendable, Equatable {
  /// The first and last single year of age in the band.
  public var lowest: Int
  public var highest: Int
  /// The relative size of the band (e.g. thousands of residents).
  public var persons: Double
  /// The share of men in the band.
  public var maleShare: Double

  public init(lowest: Int, highest: Int, persons: Double, maleShare: Double) {
    self.lowest = lowest
    self.highest = highest
    self.persons = persons
    self.maleShare = maleShare
  }

  var width: Int { highest - lowest + 1 }
}

/// A region of birth (`fodelseland` 2–9), its share among persons born abroad and how the
/// education of those born there differs from that of all persons born abroad.
public struct BirthRegionShare: Codable, Sendable, Equatable {
  public var code: Int
  public var share: Double
  /// δ_region, added to `EducationDistribution.foreignShift` (positive: more education).
  public var educationShift: Double

  public init(code: Int, share: Double, educationShift: Double = 0) {
    self.code = code
    self.share = share
    self.educationShift = educationShift
  }
}

/// A municipality (`kommun`) of the county.
public struct Municipality: Codable, Sendable, Equatable {
  /// The four-digit municipality code, e.g. `"0180"`.
  public var code: String
  public var name: String
  /// The relative size (residents of all ages).
  public var population: Double
  /// The share of residents born abroad; it tilts where persons born abroad live.
  public var foreignBornShare: Double

  public init(code: String, name: String, population: Double, foreignBornShare: Double) {
    self.code = code
    self.name = name
    self.population = population
    self.foreignBornShare = foreignBornShare
  }
}
