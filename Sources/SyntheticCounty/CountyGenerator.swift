import Foundation

/// Generates a synthetic county from a `CountyConfiguration`: writes it as the canonical CSV
/// files plus `truth.json`, or returns it in memory.
///
/// ```swift
/// let generator = try CountyGenerator(configuration: CountyConfiguration(persons: 30_000, seed: 2016))
/// try generator.write(to: URL(fileURLWithPath: "datasets/sample"))
/// ```
///
/// Persons are drawn one at a time from stream 0 of the seed and their rows streamed to disk,
/// so memory stays small for 10 million persons. The same configuration gives byte-identical
/// files on the same platform (the transcendental functions of the C library may differ in the
/// last bit between platforms). Person i is the same in every county with the same seed and at
/// least i persons.
public struct CountyGenerator: Sendable {
  /// The configuration, validated.
  public let configuration: CountyConfiguration
  /// The data-generating model, with its realised stratum effects.
  public let model: CountyModel

  /// Validates the configuration and draws the stratum effects.
  ///
  /// - Throws: `CountyError.invalidConfiguration` naming the first invalid parameter.
  public init(configuration: CountyConfiguration) throws(CountyError) {
    self.configuration = configuration
    model = try CountyModel(configuration: configuration)
  }

  /// The number of digits of `lopnr`: 7, or more when the county needs it (persons ≥ 9 000 000).
  public var lopnrDigits: Int {
    var digits = 7
    var base = 1_000_000
    while base * 9 - 1 < configuration.persons {
      digits += 1
      base *= 10
    }
    return digits
  }

  /// The first `lopnr`: 1000001 for counties below 9 million persons.
  public var firstLopnr: Int {
    var base = 1
    for _ in 1..<lopnrDigits { base *= 10 }
    return base + 1
  }

  /// Generates the whole county in memory (for tests and small counties).
  public func generate() -> County {
    var sink = MemorySink()
    let population = run(into: &sink)
    return County(
      model: model, persons: sink.persons, population: population, suspects: sink.suspects,
      suspicions: sink.suspicions)
  }

  /// The generation loop shared by `write(to:)` and `generate()`; returns the population cells.
  func run<Sink: CountySink>(into sink: inout Sink) throws(Sink.Failure) -> [PopulationCell] {
    let tables = GenerationTables(model: model)
    var random = Xoshiro256StarStar(seed: configuration.seed, stream: 0)
    var victims = Xoshiro256StarStar(seed: configuration.seed, stream: 2)
    var counter = PopulationCounter(
      year: configuration.referenceYear, ageRange: configuration.demography.ageRange)
    var events: [Suspicion] = []
    let first = firstLopnr
    for i in 0..<configuration.persons {
      let person = tables.drawPerson(lopnr: first + i, random: &random)
      counter.add(person)
      try sink.add(person)
      let stratum = Stratum.index(
        sex: person.sex, ageGroup: AgeGroup(age: person.age)!.index,
        education: EducationLevel(sun2000: person.education).index,
        birth: person.trueBirthRegion == 1 ? 0 : 1)
      events.removeAll(keepingCapacity: true)
      for offence in 0..<OffenceType.ordered.count {
        if let suspect = tables.drawOffence(
          offence, person: person, stratum: stratum, random: &random, victims: &victims,
          events: &events)
        {
          try sink.add(suspect)
        }
      }
      if events.count > 1 {
        events.sort {
          ($0.date, $0.offence.index, $0.code) < ($1.date, $1.offence.index, $1.code)
        }
      }
      for event in events { try sink.add(event) }
    }
    return counter.cells
  }
}
