import Microdata
import StatsTestSupport
import Testing

@testable import Tabulation

@Suite("CrossTab counting")
struct CrossTabTests {
  let kon = factor("kon", levels: 2, [0, 0, 1, 1, 1, 0, Factor.missing, 1, 0, 0])
  let alder = Factor(
    name: "aldersgrupp",
    levels: [
      .init(code: "15-17", sv: "15–17 år", en: "15–17 years"),
      .init(code: "18-24", sv: "18–24 år", en: "18–24 years"),
      .init(code: "25+", sv: "25 år och äldre", en: "25 and older"),
    ],
    codes: [0, 1, 2, 2, Factor.outside, 1, 0, Factor.missing, 2, 2])

  @Test("counts every cell exactly, row-major, and reports exclusions by variable and reason")
  func countsAndExclusions() throws {
    let table = try CrossTab([kon, alder])
    // Rows kept: (0,0) (0,1) (1,2) (1,2) (0,1) (0,2) (0,2)
    #expect(table.shape == [2, 3])
    #expect(table.counts == [1, 2, 2, 0, 0, 2])
    #expect(table.records == [1, 2, 2, 0, 0, 2])
    #expect(table.total == 7)
    #expect(table.tabulatedRows == 7)
    #expect(table.excluded.rows == 3)
    #expect(table.excluded.missing == ["kon": 1, "aldersgrupp": 1])
    #expect(table.excluded.outside == ["aldersgrupp": 1])
    #expect(table.weightName == nil)
    #expect(try table.count(codes: ["2", "25+"]) == 2)
    #expect(try table.count(codes: ["1", nil]) == 5)
    #expect(try table.count(codes: [nil, "18-24"]) == 2)
    #expect(table.count(at: [nil, nil]) == 7)
  }

  @Test("a row missing in two variables counts once in rows and once per variable")
  func doubleExclusion() throws {
    let a = factor("a", levels: 2, [Factor.missing, 0, 1])
    let b = factor("b", levels: 2, [Factor.outside, 0, Factor.missing])
    let table = try CrossTab([a, b])
    #expect(table.excluded.rows == 2)
    #expect(table.excluded.missing == ["a": 1, "b": 1])
    #expect(table.excluded.outside == ["b": 1])
    #expect(table.total == 1)
    #expect(
      table.excluded.warnings == [
        "1 row excluded: a is missing.", "1 row excluded: b is missing.",
        "1 row excluded: b is outside every level.",
      ])
  }

  @Test("integer weights sum exactly; records still count rows")
  func integerWeights() throws {
    let weights = [3, 1, 2, 5, 7, 1, 4, 2, 1, 1]
    let table = try CrossTab([kon, alder], weight: .integers(name: "antal_misstankar", weights))
    // (0,0) = 3, (0,1) = 1 + 1, (0,2) = 1 + 1, (1,2) = 2 + 5; rows 4, 6, 7 excluded.
    #expect(table.counts == [3, 2, 2, 0, 0, 7])
    #expect(table.records == [1, 2, 2, 0, 0, 2])
    let excludedWeight: Double? = 7 + 4 + 2
    #expect(table.excluded.weight == excludedWeight)
    #expect(table.weightName == "antal_misstankar")
  }

  @Test("real weights: NaN is a missing weight, compensated sums are exact for representable sums")
  func realWeights() throws {
    let a = factor("a", levels: 2, [0, 0, 1, 1, 0])
    let weights = [0.1, 0.2, .nan, 1e16, 1.0]
    let table = try CrossTab([a], weight: .doubles(name: "w", weights))
    expectApproximatelyEqual(table.counts[0], 1.3, relative: 1e-15)
    #expect(table.counts[1] == 1e16)
    #expect(table.excluded.missing == ["w": 1])
    #expect(table.excluded.rows == 1)
  }

  @Test("corrupt codes, negative weights, mismatched lengths and duplicates are typed errors")
  func errors() {
    let bad = factor("a", levels: 2, [0, 2, 1])
    #expect(throws: TabulationError.invalidCode(variable: "a", row: 1, code: 2)) {
      try CrossTab([bad])
    }
    let veryBad = factor("a", levels: 2, [0, -7])
    #expect(throws: TabulationError.invalidCode(variable: "a", row: 1, code: -7)) {
      try CrossTab([veryBad])
    }
    let a = factor("a", levels: 2, [0, 1, 1])
    #expect(throws: TabulationError.invalidWeight(variable: "w", row: 2, value: -1)) {
      try CrossTab([a], weight: .integers(name: "w", [1, 1, -1]))
    }
    #expect(throws: TabulationError.invalidWeight(variable: "w", row: 0, value: .infinity)) {
      try CrossTab([a], weight: .doubles(name: "w", [.infinity, 1, 1]))
    }
    #expect(throws: TabulationError.lengthMismatch(variable: "b", count: 2, expected: 3)) {
      try CrossTab([a, factor("b", levels: 2, [0, 1])])
    }
    #expect(throws: TabulationError.duplicateVariable(name: "a")) { try CrossTab([a, a]) }
    #expect(throws: TabulationError.self) { try CrossTab([]) }
  }

  @Test("the parallel kernel gives exactly the serial result", arguments: [1, 2, 3, 5])
  func parallelEqualsSerial(threads: Int) throws {
    var rng = SplitMix64(seed: 42)
    let n = 50_003
    func codes(_ k: Int32) -> [Int32] {
      (0..<n).map { _ in
        let u = Int32.random(in: 0..<(k * 20), using: &rng)
        return u == 0 ? Factor.missing : (u == 1 ? Factor.outside : u % k)
      }
    }
    let factors = [
      factor("a", levels: 2, codes(2)), factor("b", levels: 7, codes(7)),
      factor("c", levels: 4, codes(4)), factor("d", levels: 2, codes(2)),
    ]
    let weights = (0..<n).map { _ in Int.random(in: 1...9, using: &rng) }
    let serial = try CrossTab(factors, weight: .integers(name: "w", weights))
    let parallel = try CrossTab(
      factors, weight: .integers(name: "w", weights),
      options: CrossTabOptions(maximumThreads: threads, parallelRowThreshold: 1))
    #expect(parallel == serial)
    // And against a naive tally.
    var naive = [Double](repeating: 0, count: 2 * 7 * 4 * 2)
    var excluded = 0
    for row in 0..<n {
      let c = factors.map { $0.codes[row] }
      if c.contains(where: { $0 < 0 }) {
        excluded += 1
        continue
      }
      naive[Int(((c[0] * 7 + c[1]) * 4 + c[2]) * 2 + c[3])] += Double(weights[row])
    }
    #expect(serial.counts == naive)
    #expect(serial.excluded.rows == excluded)
  }
}

@Suite("CrossTab from aggregated counts")
struct AggregatedCrossTabTests {
  @Test("margins and validation")
  func aggregated() throws {
    let table = try CrossTab(
      dimensions: [.init(name: "a", levels: levels(2)), .init(name: "b", levels: levels(3))],
      counts: [1, 2, 3, 4, 5, 6])
    #expect(table.total == 21)
    #expect(try table.margin(keeping: ["b"]).counts == [5, 7, 9])
    #expect(table.records == [1, 1, 1, 1, 1, 1])
    #expect(throws: TabulationError.lengthMismatch(variable: "counts", count: 2, expected: 6)) {
      try CrossTab(
        dimensions: [.init(name: "a", levels: levels(2)), .init(name: "b", levels: levels(3))],
        counts: [1, 2])
    }
    #expect(throws: TabulationError.notACount(what: "A cell count", value: -1)) {
      try CrossTab(dimensions: [.init(name: "a", levels: levels(2))], counts: [1, -1])
    }
  }
}
