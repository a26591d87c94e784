import Foundation
import StatsTestSupport
import Testing

@testable import SyntheticCounty

@Suite struct DeterminismTests {
  static let fileNames = [
    "persons.csv", "population.csv", "suspects.csv", "suspicions.csv", "truth.json",
  ]

  func write(_ configuration: CountyConfiguration) throws -> [String: Data] {
    let directory = temporaryDirectory("county-determinism")
    defer { try? FileManager.default.removeItem(at: directory) }
    try CountyGenerator(configuration: configuration).write(to: directory)
    var files: [String: Data] = [:]
    for name in Self.fileNames {
      files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return files
  }

  @Test func sameConfigurationGivesByteIdenticalFiles() throws {
    let configuration = CountyConfiguration(persons: 30_000, seed: 99)
    let first = try write(configuration)
    let second = try write(configuration)
    for name in Self.fileNames {
      #expect(first[name] == second[name], "\(name) differs between two runs")
      #expect((first[name]?.count ?? 0) > 100, "\(name) is nearly empty")
    }
  }

  @Test func differentSeedsGiveDifferentFiles() throws {
    let first = try write(CountyConfiguration(persons: 30_000, seed: 99))
    let second = try write(CountyConfiguration(persons: 30_000, seed: 100))
    for name in Self.fileNames {
      #expect(first[name] != second[name], "\(name) is the same for two seeds")
    }
  }

  @Test func personsArePrefixStableAcrossCountySizes() throws {
    let smaller = try CountyGenerator(configuration: CountyConfiguration(persons: 3_000, seed: 5))
      .generate()
    let larger = try CountyGenerator(configuration: CountyConfiguration(persons: 6_000, seed: 5))
      .generate()
    #expect(Array(larger.persons.prefix(3_000)) == smaller.persons)
    #expect(larger.model.stratumEffects == smaller.model.stratumEffects)
    #expect(larger.suspects.filter { $0.lopnr < 1_003_001 } == smaller.suspects)
    #expect(larger.suspicions.filter { $0.lopnr < 1_003_001 } == smaller.suspicions)
  }

  @Test func stratumStandardDeviationOnlyRescalesTheEffects() throws {
    var configuration = CountyConfiguration(persons: 10, seed: 8)
    let base = try CountyModel(configuration: configuration)
    configuration[.partnerViolence].stratumStandardDeviation *= 2
    let doubled = try CountyModel(configuration: configuration)
    for j in 0..<Stratum.count {
      expectApproximatelyEqual(
        doubled.stratumEffects[0][j], 2 * base.stratumEffects[0][j], relative: 1e-15,
        "u_j of stratum \(j)")
    }
    #expect(doubled.stratumEffects[1...] == base.stratumEffects[1...])
  }

  /// The files hold exactly the rows that in-memory generation returns.
  @Test func filesMatchInMemoryGeneration() throws {
    let county = TestCounties.small
    let directory = TestCounties.smallDirectory
    let persons = try ParsedCSV(directory.appendingPathComponent("persons.csv")).rows
    #expect(persons.count == county.persons.count)
    for (row, person) in zip(persons, county.persons) {
      #expect(Int(row[0]) == person.lopnr)
      #expect(Int(row[2]) == person.sex.rawValue)
      #expect(Int(row[3]) == person.age)
      #expect(optionalInt(row[4]) == person.education)
      #expect(optionalInt(row[5]) == person.birthRegion)
      #expect(row[6] == person.municipality)
    }
    let suspects = try ParsedCSV(directory.appendingPathComponent("suspects.csv")).rows
    #expect(
      suspects.map { $0.joined(separator: ";") }
        == county.suspects.map {
          [
            "\($0.lopnr)", "\($0.year)", $0.sex.code, "\($0.age)",
            $0.education.map(String.init) ?? "", $0.birthRegion.map(String.init) ?? "",
            $0.offence.rawValue, "\($0.suspicions)",
          ].joined(separator: ";")
        })
    let suspicions = try ParsedCSV(directory.appendingPathComponent("suspicions.csv")).rows
    #expect(
      suspicions.map { $0.joined(separator: ";") }
        == county.suspicions.map {
          [
            "\($0.lopnr)", "\($0.date)", $0.code, $0.offence.rawValue,
            $0.victim.map { "\($0.sex.rawValue)" } ?? "",
            $0.victim.map { $0.child ? "1" : "0" } ?? "", $0.recordedRelation?.rawValue ?? "",
          ].joined(separator: ";")
        })
    let population = try ParsedCSV(directory.appendingPathComponent("population.csv")).rows
    #expect(population.map { Int($0[5])! } == county.population.map(\.count))
  }
}
