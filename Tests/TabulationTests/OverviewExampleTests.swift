import Microdata
import StatsTestSupport
import Testing

@testable import Tabulation

/// The overview example of `Tabulation.docc/Tabulation.md`, run with small data.
@Suite("DocC overview example")
struct OverviewExampleTests {
  @Test("the overview example runs and gives consistent figures")
  func overview() throws {
    let fodelseLevels: [Factor.Level] = [
      .init(code: "inrikes", sv: "Född i Sverige", en: "Born in Sweden"),
      .init(code: "utrikes", sv: "Utrikes född", en: "Born abroad"),
    ]
    let konCodes: [Int32] = Array(repeating: 0, count: 60) + Array(repeating: 1, count: 25)
    let fodelseCodes: [Int32] = (0..<85).map { Int32($0 % 3 == 0 ? 1 : 0) }
    let kon = Factor(name: "kon", levels: levels(2), codes: konCodes)
    let fodelse = Factor(name: "fodelse", levels: fodelseLevels, codes: fodelseCodes)
    let popKon = Factor(name: "kon", levels: levels(2), codes: [0, 0, 1, 1])
    let popFodelse = Factor(name: "fodelse", levels: fodelseLevels, codes: [0, 1, 0, 1])
    let antal = [40_000, 12_000, 41_000, 11_000]

    // The example as in the catalog.
    let suspects = try CrossTab([kon, fodelse])
    let population = try CrossTab([popKon, popFodelse], weight: .integers(name: "antal", antal))
    let rates = try RateTable(suspects: suspects, population: population)
    let men = try rates.entry(codes: ["1", nil])
    let ratio = try rates.rateRatio(["1", "utrikes"], to: ["1", "inrikes"])
    let summary = try CrossTabSummary(
      suspects, population: population,
      options: CrossTabSummaryOptions(percent: .row, includeTest: true))

    #expect(men.count == 60 && men.population == 52_000)
    expectApproximatelyEqual(men.rate?.rate, 60.0 / 52_000 * 1e5, relative: 1e-14)
    #expect(ratio.interval!.contains(ratio.estimate!))
    #expect(summary.cells.count == 4 && summary.total.count == 85)
  }
}
