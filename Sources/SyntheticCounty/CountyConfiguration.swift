/// What county to generate: its size, seed, reference year and every true parameter.
///
/// The defaults describe a Stockholm-like county (`Demography.stockholm2016`) with the offence
/// parameters of `OffenceParameters.defaults(for:)`. Tests build counties with chosen truths by
/// changing fields:
///
/// ```swift
/// var configuration = CountyConfiguration(persons: 200_000, seed: 7)
/// configuration.setStratumStandardDeviation(0)             // no intersectional random effects
/// configuration[.partnerViolence].womanByForeign = 0        // no kon × fodelse interaction
/// let county = try CountyGenerator(configuration: configuration).generate()
/// ```
public struct CountyConfiguration: Codable, Sendable, Equatable {
  /// The number of residents aged 15 or over (rows of `persons.csv`). Default 100 000.
  public var persons: Int
  /// The seed of the random number generator. Default 1. The same configuration always
  /// produces byte-identical files.
  public var seed: UInt64
  /// The reference year (default 2016): ages refer to 31 December of this year, the study
  /// period is this year and the next, and the follow-up year is the one after.
  public var referenceYear: Int
  /// The population model. Default `Demography.stockholm2016`.
  public var demography: Demography
  /// The offence models, one per `OffenceType` in `allCases` order. Default
  /// `OffenceParameters.defaults(for:)` for each.
  public var offences: [OffenceParameters]
  /// Who the violence is against: the injured party of each suspicion (see `VictimParameters`).
  public var victims: VictimParameters = .defaults

  public init(
    persons: Int = 100_000,
    seed: UInt64 = 1,
    referenceYear: Int = 2016,
    demography: Demography = .stockholm2016,
    offences: [OffenceParameters] = OffenceType.allCases.map(OffenceParameters.defaults(for:)),
    victims: VictimParameters = .defaults
  ) {
    self.persons = persons
    self.seed = seed
    self.referenceYear = referenceYear
    self.demography = demography
    self.offences = offences
    self.victims = victims
  }

  /// The parameters of one offence type.
  public subscript(offence: OffenceType) -> OffenceParameters {
    get { offences[offence.index] }
    set { offences[offence.index] = newValue }
  }

  /// Sets σ, the standard deviation of the stratum random effects, for the given offence types
  /// (all by default). 0 turns the intersectional random effects off, so that a fixed-effects
  /// logit with the model's main effects and interactions is correctly specified.
  public mutating func setStratumStandardDeviation(
    _ standardDeviation: Double, for offences: [OffenceType] = OffenceType.allCases
  ) {
    for offence in offences { self[offence].stratumStandardDeviation = standardDeviation }
  }

  /// The largest county the generator accepts.
  public static let maximumPersons = 100_000_000

  /// The reference years a county can have.
  public static let referenceYears = 1900...2100
}
