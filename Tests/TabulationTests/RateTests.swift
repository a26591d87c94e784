import Microdata
import StatsTestSupport
import Testing

@testable import Tabulation

@Suite("Rates, rate ratios and population joins")
struct RateTests {
  let reference = ReferenceValues.shared

  @Test("Garwood intervals equal qchisq and poisson.test to 1e-9")
  func garwood() throws {
    for r in reference.rates {
      let rate = try Rate(count: r.count, population: r.population, per: r.per)
      expectApproximatelyEqual(rate.rate, r.rate, relative: Tolerance.countsAndRates, "rate")
      expectApproximatelyEqual(
        [rate.interval.lower, rate.interval.upper], r.ci, relative: Tolerance.countsAndRates,
        absolute: 1e-300, "ci x=\(r.count)")
      expectApproximatelyEqual(
        [rate.interval.lower, rate.interval.upper], r.poissonTestCi,
        relative: Tolerance.countsAndRates, absolute: 1e-300, "poisson.test x=\(r.count)")
      let ninety = try Rate(count: r.count, population: r.population, per: r.per, level: 0.9)
      expectApproximatelyEqual(
        [ninety.interval.lower, ninety.interval.upper], r.ci90,
        relative: Tolerance.countsAndRates, absolute: 1e-300, "90% x=\(r.count)")
    }
  }

  @Test("a rate and its interval scale with the multiplier", arguments: [1.0, 1000, 1e5, 1e6])
  func scalesWithMultiplier(per: Double) throws {
    let base = try Rate(count: 17, population: 30321, per: 1)
    let scaled = try Rate(count: 17, population: 30321, per: per)
    expectApproximatelyEqual(scaled.rate, base.rate * per, relative: 1e-14)
    expectApproximatelyEqual(scaled.interval.lower, base.interval.lower * per, relative: 1e-14)
    expectApproximatelyEqual(scaled.interval.upper, base.interval.upper * per, relative: 1e-14)
  }

  @Test("a non-integer count uses the gamma form, continuous with the integer case")
  func nonIntegerCount() throws {
    let whole = try Rate(count: 5, population: 1000)
    let nearly = try Rate(count: 5 + 1e-9, population: 1000)
    expectApproximatelyEqual(nearly.interval.lower, whole.interval.lower, relative: 1e-7)
    expectApproximatelyEqual(nearly.interval.upper, whole.interval.upper, relative: 1e-7)
  }

  @Test("bad rate input is a typed error")
  func rateErrors() {
    #expect(throws: TabulationError.zeroPopulation(cell: "(total)", count: 3)) {
      try Rate(count: 3, population: 0)
    }
    #expect(throws: TabulationError.notACount(what: "The count of (total)", value: -1)) {
      try Rate(count: -1, population: 10)
    }
    #expect(throws: TabulationError.self) { try Rate(count: 1, population: 10, per: 0) }
    #expect(throws: TabulationError.self) { try Rate(count: 1, population: 10, level: 1) }
  }

  @Test("rate ratios equal poisson.test (exact) and the log-normal Wald interval")
  func rateRatios() throws {
    for r in reference.rateRatios {
      let ratio = try RateRatio(
        count1: Int(r.x1), population1: r.t1, count2: Int(r.x2), population2: r.t2)
      let what = "x = (\(r.x1), \(r.x2))"
      if let estimate = r.estimate {
        expectApproximatelyEqual(ratio.estimate, estimate, relative: 1e-12, what)
      } else {
        #expect(ratio.estimate == .infinity, "\(what)")
      }
      let interval = try #require(ratio.interval)
      expectApproximatelyEqual(
        interval.lower, r.confInt[0]!, relative: Tolerance.testStatistics, absolute: 1e-300, what)
      if let upper = r.confInt[1] {
        expectApproximatelyEqual(interval.upper, upper, relative: Tolerance.testStatistics, what)
      } else {
        #expect(interval.upper == .infinity, "\(what)")
      }
      expectApproximatelyEqual(ratio.pValue, r.pValue, relative: Tolerance.testStatistics, what)
      if let wald = r.waldCi {
        let w = try #require(ratio.waldInterval)
        expectApproximatelyEqual([w.lower, w.upper], wald, relative: 1e-12, what)
      } else {
        #expect(ratio.waldInterval == nil)
      }
    }
  }

  /// Suspects and population by kon × fodelse, the population file listing its dimensions and
  /// levels in another order, with a level the suspects lack.
  func joinedTables() throws -> (CrossTab, CrossTab) {
    let suspects = try expandedTable(
      [812, 514, 301, 409], shape: [2, 2], names: ["kon", "fodelse"])
    let population = try CrossTab(
      [
        Factor(
          name: "fodelse",
          levels: [
            .init(code: "2", sv: "", en: ""), .init(code: "1", sv: "", en: ""),
            .init(code: "9", sv: "okänt", en: "unknown"),
          ],
          codes: [0, 0, 1, 1, 2]),
        factor("kon", levels: 2, [0, 1, 0, 1, 0]),
      ],
      weight: .integers(name: "antal", [201_000, 199_000, 612_345, 590_000, 77]))
    return (suspects, population)
  }

  @Test("joining aligns dimensions and levels by name and code; entries equal hand computation")
  func join() throws {
    let (suspects, population) = try joinedTables()
    let table = try RateTable(suspects: suspects, population: population)
    #expect(table.population.counts == [612_345, 201_000, 590_000, 199_000])
    #expect(table.warnings.count == 1 && table.warnings[0].contains("'9'"))
    let cell = try table.entry(codes: ["1", "2"])
    #expect(cell.count == 514 && cell.population == 201_000)
    expectApproximatelyEqual(cell.rate?.rate, 514.0 / 201_000 * 1e5, relative: 1e-14)
    let expectedRR = (514.0 / 2036) / (201_000.0 / 1_602_345)
    expectApproximatelyEqual(cell.representationRatio, expectedRR, relative: 1e-13)
    // Representation ratio = rate / total rate.
    for entry in table.cells {
      expectApproximatelyEqual(
        entry.representationRatio, entry.rate!.rate / table.total.rate!.rate, relative: 1e-13)
      #expect(entry.representationInterval!.contains(entry.representationRatio!))
    }
    // Margin: kon = 2 over both fodelse.
    let women = try table.entry(codes: ["2", nil])
    #expect(women.count == 710 && women.population == 789_000)
    #expect(table.total.count == 2036 && table.total.population == 1_602_345)
    // Population margins sum like suspect margins.
    #expect(table.cells.map(\.population).reduce(0, +) == table.total.population)
    let ratio = try table.rateRatio(["1", "2"], to: ["1", "1"])
    let direct = try RateRatio(count1: 514, population1: 201_000, count2: 812, population2: 612_345)
    #expect(ratio == direct)
  }

  @Test("a cell with suspects and no population is an error naming the cell, or reported")
  func missingPopulation() throws {
    let suspects = try expandedTable([5, 3, 0, 2], shape: [2, 2], names: ["kon", "fodelse"])
    // Population has no record for (2, 2) and a zero for (1, 2).
    let population = try CrossTab(
      [factor("kon", levels: 2, [0, 0, 1]), factor("fodelse", levels: 2, [0, 1, 0])],
      weight: .integers(name: "antal", [1000, 0, 800]))
    #expect(throws: TabulationError.zeroPopulation(cell: "kon = 1, fodelse = 2", count: 3)) {
      try RateTable(suspects: suspects, population: population)
    }
    let population2 = try CrossTab(
      [factor("kon", levels: 2, [0, 0, 1]), factor("fodelse", levels: 2, [0, 1, 0])],
      weight: .integers(name: "antal", [1000, 10, 800]))
    #expect(throws: TabulationError.populationMissing(cell: "kon = 2, fodelse = 2", count: 2)) {
      try RateTable(suspects: suspects, population: population2)
    }
    let table = try RateTable(
      suspects: suspects, population: population,
      options: RateOptions(allowMissingPopulation: true))
    #expect(
      table.unmatched == [
        UnmatchedCell(codes: ["1", "2"], count: 3, reason: .zero),
        UnmatchedCell(codes: ["2", "2"], count: 2, reason: .missing),
      ])
    #expect(try table.entry(codes: ["1", "1"]).rate != nil)
    #expect(try table.entry(codes: ["1", nil]).rate == nil)  // covers an unmatched cell
    #expect(try table.entry(codes: [nil, "1"]).rate != nil)
    #expect(table.total.rate == nil)
    // Representation among matched cells: (5/5) / (1000/1800) for (1, 1).
    expectApproximatelyEqual(
      try table.entry(codes: ["1", "1"]).representationRatio, 1.8, relative: 1e-14)
  }

  @Test("tables over different variables or lacking a level cannot be joined")
  func mismatches() throws {
    let suspects = try expandedTable([5, 3, 1, 2], shape: [2, 2], names: ["kon", "fodelse"])
    let other = try expandedTable([5, 3, 1, 2], shape: [2, 2], names: ["kon", "alder"])
    #expect(
      throws: TabulationError.dimensionMismatch(
        expected: ["kon", "fodelse"], found: ["kon", "alder"])
    ) {
      try RateTable(suspects: suspects, population: other)
    }
    let fewer = try CrossTab(
      [factor("fodelse", levels: 1, [0]), factor("kon", levels: 2, [0])])
    #expect(throws: TabulationError.levelMissingFromPopulation(variable: "fodelse", code: "2")) {
      try RateTable(suspects: suspects, population: fewer)
    }
  }
}
