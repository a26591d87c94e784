// The JSON form of the model (`truth.json`): the parameters needed to rebuild it, plus the
// derived truths an analysis is compared with (named coefficients, σ², VPCs, the stratum
// effects and probabilities by stratum). Decoding reads the parameters and the stratum effects
// and ignores the derived values, which are recomputed.

extension CountyModel: Codable {
  enum CodingKeys: String, CodingKey {
    case description, persons, seed, referenceYear, studyPeriod, followUpPeriod, demography
    case offences, strata, victims
  }

  struct VictimTruth: Codable {
    var parameters: VictimParameters
    /// The true coefficients of `parrelation == samkonad ~ kon + aldersgrupp3 + fodelse`.
    var sameSexCoefficients: [TrueCoefficient]
  }

  struct OffenceTruth: Codable {
    var brottstyp: OffenceType
    var parameters: OffenceParameters
    var coefficients: [TrueCoefficient]
    var variance: VariancePartition
  }

  struct StratumTruth: Codable {
    var index: Int
    var kon: String
    var aldersgrupp: String
    var utbildningsniva: String
    var fodelse: String
    /// u_tj by offence code.
    var effects: [String: Double]
    /// p_tj by offence code.
    var probabilities: [String: Double]
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(
      "Strata synthetic county: the true parameters of the data-generating model "
        + "(see datasets/README.md).", forKey: .description)
    try container.encode(persons, forKey: .persons)
    try container.encode(seed, forKey: .seed)
    try container.encode(referenceYear, forKey: .referenceYear)
    try container.encode(
      [studyPeriod.lowerBound, studyPeriod.upperBound], forKey: .studyPeriod)
    try container.encode(
      [followUpPeriod.lowerBound, followUpPeriod.upperBound], forKey: .followUpPeriod)
    try container.encode(demography, forKey: .demography)
    let offenceTruths = OffenceType.allCases.map { offence in
      OffenceTruth(
        brottstyp: offence, parameters: parameters(for: offence),
        coefficients: coefficients(for: offence), variance: variancePartition(for: offence))
    }
    try container.encode(offenceTruths, forKey: .offences)
    let strata = Stratum.all.map { stratum in
      StratumTruth(
        index: stratum.index, kon: stratum.sex.code, aldersgrupp: stratum.ageGroup.rawValue,
        utbildningsniva: stratum.education.rawValue, fodelse: stratum.birth.rawValue,
        effects: Dictionary(
          uniqueKeysWithValues: OffenceType.allCases.map {
            ($0.rawValue, stratumEffect($0, stratum: stratum))
          }),
        probabilities: Dictionary(
          uniqueKeysWithValues: OffenceType.allCases.map {
            ($0.rawValue, probability($0, stratum: stratum))
          }))
    }
    try container.encode(strata, forKey: .strata)
    try container.encode(
      VictimTruth(parameters: victims, sameSexCoefficients: victims.sameSexCoefficients),
      forKey: .victims)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let offenceTruths = try container.decode([OffenceTruth].self, forKey: .offences)
    let strata = try container.decode([StratumTruth].self, forKey: .strata)
    guard strata.count == Stratum.count, strata.map(\.index) == Array(0..<Stratum.count) else {
      throw DecodingError.dataCorruptedError(
        forKey: .strata, in: container,
        debugDescription: "expected the \(Stratum.count) strata in index order")
    }
    let effects = try OffenceType.allCases.map { offence in
      try strata.map { stratum in
        guard let u = stratum.effects[offence.rawValue] else {
          throw DecodingError.dataCorruptedError(
            forKey: .strata, in: container,
            debugDescription: "stratum \(stratum.index) lacks an effect for \(offence.rawValue)")
        }
        return u
      }
    }
    self.init(
      persons: try container.decode(Int.self, forKey: .persons),
      seed: try container.decode(UInt64.self, forKey: .seed),
      referenceYear: try container.decode(Int.self, forKey: .referenceYear),
      demography: try container.decode(Demography.self, forKey: .demography),
      offences: offenceTruths.map(\.parameters), stratumEffects: effects,
      victims: try container.decodeIfPresent(VictimTruth.self, forKey: .victims)?.parameters
        ?? .defaults)
  }
}
