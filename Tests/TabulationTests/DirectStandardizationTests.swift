import StatsTestSupport
import Testing

@testable import Tabulation

@Suite("Direct standardisation (Fay–Feuer) against epitools::ageadjust.direct")
struct DirectStandardizationTests {
  let reference = ReferenceValues.shared.standardisation

  func rates() throws -> RateTable {
    let names = ["fodelse", "aldersgrupp"]
    let suspects = try aggregatedTable(
      reference.counts, shape: [2, 5], names: names, weight: "suspects")
    let population = try aggregatedTable(reference.populations, shape: [2, 5], names: names)
    return try RateTable(suspects: suspects, population: population)
  }

  func check(_ rate: StandardizedRate, _ expected: [String: Double], _ what: String) {
    expectApproximatelyEqual(rate.crudeRate, expected["crude.rate"]!, relative: 1e-12, what)
    expectApproximatelyEqual(rate.adjustedRate, expected["adj.rate"]!, relative: 1e-12, what)
    expectApproximatelyEqual(
      rate.interval.lower, expected["lci"]!, relative: Tolerance.testStatistics, what)
    expectApproximatelyEqual(
      rate.interval.upper, expected["uci"]!, relative: Tolerance.testStatistics, what)
  }

  @Test("the study population as standard")
  func studyPopulation() throws {
    let standardized = try DirectStandardization(rates: try rates(), stratum: "aldersgrupp")
    #expect(standardized.groupVariables == ["fodelse"])
    #expect(standardized.groups.map(\.codes) == [["1"], ["2"]])
    for (g, expected) in reference.studyPopulation.enumerated() {
      check(standardized.groups[g], expected, "group \(g)")
    }
    // Invariant: standardising the whole population to itself gives its crude rate.
    expectApproximatelyEqual(
      standardized.total.adjustedRate, standardized.total.crudeRate, relative: 1e-13)
    #expect(standardized.rate(codes: [nil]) == standardized.total)
  }

  @Test("an explicit standard population")
  func explicitStandard() throws {
    let standardized = try DirectStandardization(
      rates: try rates(), stratum: "aldersgrupp",
      options: StandardizationOptions(standard: .weights(reference.explicitStandard)))
    for (g, expected) in reference.explicit.enumerated() {
      check(standardized.groups[g], expected, "group \(g)")
    }
    let sum = standardized.standardWeights.reduce(0, +)
    expectApproximatelyEqual(sum, 1, relative: 1e-15)
  }

  @Test("a group without suspects: lower limit 0, upper as ageadjust.direct")
  func zeroGroup() throws {
    let counts = [0, 0, 0, 0, 0] + Array(reference.counts[5...])
    let names = ["fodelse", "aldersgrupp"]
    let rates = try RateTable(
      suspects: try aggregatedTable(counts, shape: [2, 5], names: names, weight: "suspects"),
      population: try aggregatedTable(reference.populations, shape: [2, 5], names: names))
    // The reference used the study population of the original table, which is unchanged.
    let standardized = try DirectStandardization(rates: rates, stratum: "aldersgrupp")
    #expect(standardized.groups[0].adjustedRate == 0)
    #expect(standardized.groups[0].interval.lower == 0)
    expectApproximatelyEqual(
      standardized.groups[0].interval.upper, reference.zeroGroupUpper,
      relative: Tolerance.testStatistics)
  }

  @Test("rates scale with the multiplier")
  func multiplier() throws {
    let a = try DirectStandardization(rates: try rates(), stratum: "aldersgrupp")
    let b = try DirectStandardization(
      rates: try rates(), stratum: "aldersgrupp", options: StandardizationOptions(per: 1000))
    for (x, y) in zip(a.groups, b.groups) {
      expectApproximatelyEqual(y.adjustedRate * 100, x.adjustedRate, relative: 1e-13)
      expectApproximatelyEqual(y.interval.upper * 100, x.interval.upper, relative: 1e-13)
    }
  }

  @Test("bad standards and empty strata are typed errors")
  func errors() throws {
    let rates = try rates()
    #expect(throws: TabulationError.self) {
      try DirectStandardization(
        rates: rates, stratum: "aldersgrupp",
        options: StandardizationOptions(standard: .weights([1, 2])))
    }
    #expect(throws: TabulationError.invalidStandardPopulation(reason: "the weights sum to zero")) {
      try DirectStandardization(
        rates: rates, stratum: "aldersgrupp",
        options: StandardizationOptions(standard: .weights([0, 0, 0, 0, 0])))
    }
    let names = ["fodelse", "aldersgrupp"]
    var populations = reference.populations
    populations[9] = 0
    var counts = reference.counts
    counts[9] = 0
    let holey = try RateTable(
      suspects: try aggregatedTable(counts, shape: [2, 5], names: names, weight: "suspects"),
      population: try aggregatedTable(populations, shape: [2, 5], names: names))
    #expect(throws: TabulationError.emptyStratum(group: "fodelse = 2", stratum: "aldersgrupp = 5"))
    {
      try DirectStandardization(rates: holey, stratum: "aldersgrupp")
    }
  }
}
