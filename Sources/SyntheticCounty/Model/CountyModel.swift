import Microdata

/// The data-generating model of a synthetic county with all its true values: the
/// configuration's parameters plus the realised stratum effects u_j.
///
/// For offence t and stratum j the probability of being suspected in the study period is
///
/// ```
/// p_tj = logistic(x_j′β_t + u_tj),   u_tj = σ_t · z_tj,   z_tj ~ N(0, 1) i.i.d.
/// ```
///
/// (`OffenceParameters` spells out x_j′β_t). The z_tj are drawn from their own random stream
/// (stream 1 of the seed, offences in `OffenceType.allCases` order, strata in index order), so
/// they do not depend on the number of persons, and changing σ_t only rescales them.
/// The model is `Codable`; `CountyGenerator` writes it as `truth.json`.
public struct CountyModel: Sendable, Equatable {
  /// The number of persons.
  public let persons: Int
  /// The seed.
  public let seed: UInt64
  /// The reference year: ages refer to its 31 December.
  public let referenceYear: Int
  /// The population model.
  public let demography: Demography
  /// The offence models in `OffenceType.allCases` order.
  public let offences: [OffenceParameters]
  /// u_tj: `stratumEffects[t.index][j]` for stratum index j (`Stratum.all`).
  public let stratumEffects: [[Double]]
  /// The model of the injured parties.
  public let victims: VictimParameters

  /// Draws the stratum effects for a validated configuration.
  ///
  /// - Throws: `CountyError.invalidConfiguration` if the configuration is invalid.
  public init(configuration: CountyConfiguration) throws(CountyError) {
    try configuration.validate()
    var random = Xoshiro256StarStar(seed: configuration.seed, stream: 1)
    var effects: [[Double]] = []
    for parameters in configuration.offences {
      let sigma = parameters.stratumStandardDeviation
      effects.append(
        Stratum.all.map { _ in
          let z = random.normal()
          return sigma == 0 ? 0 : sigma * z
        })
    }
    self.init(
      persons: configuration.persons, seed: configuration.seed,
      referenceYear: configuration.referenceYear, demography: configuration.demography,
      offences: configuration.offences, stratumEffects: effects, victims: configuration.victims)
  }

  init(
    persons: Int, seed: UInt64, referenceYear: Int, demography: Demography,
    offences: [OffenceParameters], stratumEffects: [[Double]],
    victims: VictimParameters = .defaults
  ) {
    self.persons = persons
    self.seed = seed
    self.referenceYear = referenceYear
    self.demography = demography
    self.offences = offences
    self.stratumEffects = stratumEffects
    self.victims = victims
  }

  /// The configuration this model was drawn from.
  public var configuration: CountyConfiguration {
    CountyConfiguration(
      persons: persons, seed: seed, referenceYear: referenceYear, demography: demography,
      offences: offences, victims: victims)
  }

  /// The study period: 1 January of the reference year to 31 December of the next year.
  public var studyPeriod: ClosedRange<CalendarDay> {
    CalendarDay(year: referenceYear, month: 1, day: 1)!...CalendarDay(
      year: referenceYear + 1, month: 12, day: 31)!
  }

  /// The follow-up year, the year after the study period.
  public var followUpPeriod: ClosedRange<CalendarDay> {
    CalendarDay(year: referenceYear + 2, month: 1, day: 1)!...CalendarDay(
      year: referenceYear + 2, month: 12, day: 31)!
  }

  /// The parameters of one offence type.
  public func parameters(for offence: OffenceType) -> OffenceParameters {
    offences[offence.index]
  }

  /// u_tj, the realised random effect of a stratum.
  public func stratumEffect(_ offence: OffenceType, stratum: Stratum) -> Double {
    stratumEffects[offence.index][stratum.index]
  }

  /// The full linear predictor x_j′β_t + u_tj (log-odds of suspicion in the study period).
  public func linearPredictor(_ offence: OffenceType, stratum: Stratum) -> Double {
    parameters(for: offence).fixedPart(for: stratum) + stratumEffect(offence, stratum: stratum)
  }

  /// p_tj, the probability that a person of the stratum is suspected of the offence in the
  /// study period.
  public func probability(_ offence: OffenceType, stratum: Stratum) -> Double {
    logistic(linearPredictor(offence, stratum: stratum))
  }
}
