import Foundation
import StatsTestSupport
import Testing

@testable import Tabulation

/// R's `chisq.test(correct = TRUE)` and `fisher.test` on r × c tables, from
/// `scripts/reference/make_exact_test_reference.R`.
struct ExactTestReference: Decodable {
  struct Table: Decodable {
    let name: String
    let rows: Int
    let cols: Int
    let counts: [Double]
    let chi2: Double?
    let pValue: Double
    let chi2Uncorrected: Double?
    let replicates: Int?

    var grid: [[Double]] { (0..<rows).map { Array(counts[($0 * cols)..<(($0 + 1) * cols)]) } }
  }
  let yates: [Table]
  let fisher: [Table]
  let simulated: Table

  static let shared: ExactTestReference = {
    let url = fixture("Reference/exact_test_reference.json")
    do {
      let decoder = JSONDecoder()
      decoder.keyDecodingStrategy = .convertFromSnakeCase
      return try decoder.decode(ExactTestReference.self, from: Data(contentsOf: url))
    } catch {
      fatalError("cannot read \(url.path): \(error)")
    }
  }()
}

@Suite("Yates' correction and Fisher's exact test of r × c tables against R")
struct ExactTestTests {
  let reference = ExactTestReference.shared

  @Test("Yates-corrected χ² and p equal chisq.test(correct = TRUE) to 1e-8")
  func yates() throws {
    for r in reference.yates {
      let test = try AssociationTest(counts: r.grid, correction: .yates)
      #expect(test.correction == .yates, "\(r.name)")
      expectApproximatelyEqual(
        test.chiSquared, r.chi2!, relative: 1e-8, absolute: 1e-14, "\(r.name) χ²")
      expectApproximatelyEqual(test.pValue, r.pValue, relative: 1e-8, "\(r.name) p")
      expectApproximatelyEqual(
        test.uncorrectedChiSquared, r.chi2Uncorrected!, relative: 1e-8, absolute: 1e-14,
        "\(r.name) uncorrected")
      let plain = try AssociationTest(counts: r.grid)
      #expect(plain.correction == ContinuityCorrection.none)
      #expect(plain.chiSquared == test.uncorrectedChiSquared)
      // Cramér's V stays that of the uncorrected statistic.
      #expect(plain.cramersV == test.cramersV)
    }
  }

  @Test("Yates' correction asked of a larger table is not applied, and says so")
  func yatesLargerTable() throws {
    let counts: [[Double]] = [[12, 5, 7], [3, 30, 22]]
    let corrected = try AssociationTest(counts: counts, correction: .yates)
    let plain = try AssociationTest(counts: counts)
    #expect(corrected.correction == ContinuityCorrection.none)
    #expect(corrected.chiSquared == plain.chiSquared)
    #expect(corrected.warnings.contains { $0.contains("2 × 2 tables only") })
    // A 2 × 3 table whose empty column is dropped is a 2 × 2 table and is corrected.
    let dropped = try AssociationTest(counts: [[3, 0, 1], [1, 0, 3]], correction: .yates)
    #expect(dropped.correction == .yates)
    expectApproximatelyEqual(dropped.chiSquared, 0.5, relative: 1e-12)
  }

  @Test("the exact p-value of r × c tables equals fisher.test to 1e-8")
  func fisherExact() throws {
    for r in reference.fisher where r.name != Self.beyondLimit {
      let test = try FisherExactTableTest(counts: r.grid)
      #expect(test.method == .exact)
      #expect(test.rows == r.rows && test.columns == r.cols, "\(r.name)")
      expectApproximatelyEqual(test.pValue, r.pValue, relative: 1e-8, "\(r.name)")
      // The transposed table has the same p-value (checked on the smaller tables, to keep the
      // debug-build suite fast).
      guard r.counts.reduce(0, +) < 60 else { continue }
      let transposed = (0..<r.cols).map { j in r.grid.map { $0[j] } }
      expectApproximatelyEqual(
        try FisherExactTableTest(counts: transposed).pValue, r.pValue, relative: 1e-8,
        "\(r.name) transposed")
    }
  }

  @Test("the r × c algorithm agrees with the 2 × 2 test on 2 × 2 tables")
  func fisherTwoByTwo() throws {
    for c in [[10, 2, 3, 15], [3, 1, 1, 3], [0, 5, 6, 1], [20, 14, 11, 25], [1, 0, 0, 1]] {
      let general = try FisherExactTableTest(counts: [
        [Double(c[0]), Double(c[1])],
        [
          Double(c[2]), Double(c[3]),
        ],
      ])
      let special = try FisherExactTest(c[0], c[1], c[2], c[3])
      expectApproximatelyEqual(general.pValue, special.pValue, relative: 1e-10, "\(c)")
    }
  }

  @Test("a brute-force enumeration of every table with the margins gives the same p-value")
  func fisherBruteForce() throws {
    // A 3 × 3 table: enumerate x11, x12, x21, x22 and fill in the rest.
    let x = [[2, 1, 3], [0, 4, 1], [3, 0, 2]]
    let r = x.map { $0.reduce(0, +) }
    let c = (0..<3).map { j in x.reduce(0) { $0 + $1[j] } }
    func logP(_ t: [[Int]]) -> Double {
      func lf(_ k: Int) -> Double { (0..<k).reduce(0) { $0 + Foundation.log(Double($1 + 1)) } }
      let n = r.reduce(0, +)
      return r.map(lf).reduce(0, +) + c.map(lf).reduce(0, +) - lf(n)
        - t.joined().map(lf).reduce(0, +)
    }
    let observed = logP(x)
    var p = 0.0
    for a in 0...r[0] {
      for b in 0...(r[0] - a) {
        for d in 0...r[1] {
          for e in 0...(r[1] - d) {
            let t = [
              [a, b, r[0] - a - b], [d, e, r[1] - d - e],
              [c[0] - a - d, c[1] - b - e, c[2] - (r[0] - a - b) - (r[1] - d - e)],
            ]
            guard t.joined().allSatisfy({ $0 >= 0 }) else { continue }
            if logP(t) <= observed + 1e-7 { p += Foundation.exp(logP(t)) }
          }
        }
      }
    }
    let test = try FisherExactTableTest(counts: x.map { $0.map(Double.init) })
    expectApproximatelyEqual(test.pValue, p, relative: 1e-10)
    #expect(p < 1)
  }

  @Test("beyond the step limit the exact test throws an error that suggests χ² or Monte Carlo")
  func fisherLimit() throws {
    let counts: [[Double]] = [[8, 3, 5, 2, 1], [2, 7, 4, 6, 3], [1, 2, 9, 4, 8]]
    #expect(throws: TabulationError.exactTestTooLarge(rows: 3, columns: 5, n: 65, limit: 100)) {
      try FisherExactTableTest(counts: counts, stepLimit: 100)
    }
    let message = TabulationError.exactTestTooLarge(rows: 3, columns: 5, n: 65, limit: 100)
      .description
    #expect(message.contains("χ²") && message.contains("--simulate") && message.contains("100"))
  }

  /// The reference table beyond the default step limit (R's FEXACT takes 0.7 s on it).
  static let beyondLimit = "larger_4x5"

  @Test("a table beyond the limit throws; its Monte-Carlo p-value is within binomial error of R's")
  func fisherBeyondLimit() throws {
    let r = try #require(reference.fisher.first { $0.name == Self.beyondLimit })
    // (At the default limit it throws too, after about 20 s of a debug build: too slow here.)
    #expect(throws: TabulationError.exactTestTooLarge(rows: 4, columns: 5, n: 86, limit: 500_000)) {
      try FisherExactTableTest(counts: r.grid, stepLimit: 500_000)
    }
    let simulated = try FisherExactTableTest(
      counts: r.grid, method: .monteCarlo(replicates: 20_000, seed: 3))
    let se = (r.pValue * (1 - r.pValue) / 20_000).squareRoot()
    #expect(abs(simulated.pValue - r.pValue) < 4 * se, "\(simulated.pValue) vs \(r.pValue)")
  }

  @Test("the Monte-Carlo p-value is reproducible and within binomial error of the exact one")
  func fisherMonteCarlo() throws {
    let r = reference.simulated
    let exact = try FisherExactTableTest(counts: r.grid).pValue
    let method = FisherExactTableTest.Method.monteCarlo(replicates: 20_000, seed: 7)
    let a = try FisherExactTableTest(counts: r.grid, method: method)
    let b = try FisherExactTableTest(counts: r.grid, method: method)
    #expect(a.pValue == b.pValue)
    #expect(a.method == method)
    let other = try FisherExactTableTest(
      counts: r.grid, method: .monteCarlo(replicates: 20_000, seed: 8))
    #expect(other.pValue != a.pValue)
    // Four binomial standard errors of 20 000 draws; R's own simulation (B = 1e5) likewise.
    let se = (exact * (1 - exact) / 20_000).squareRoot()
    #expect(abs(a.pValue - exact) < 4 * se, "\(a.pValue) vs \(exact)")
    #expect(abs(r.pValue - exact) < 4 * (exact * (1 - exact) / 1e5).squareRoot())
    #expect(throws: TabulationError.self) {
      try FisherExactTableTest(counts: r.grid, method: .monteCarlo(replicates: 0, seed: 1))
    }
  }

  @Test("r × c Fisher from a CrossTab summary; withheld with the test when cells are suppressed")
  func fisherInSummary() throws {
    let table = try aggregatedTable(
      [8, 3, 5, 2, 1, 2, 7, 4, 6, 3, 1, 2, 9, 4, 8], shape: [3, 5], names: ["a", "b"])
    let options = CrossTabSummaryOptions(
      disclosure: .off, includeTest: true, correction: .yates, fisher: .exact)
    let summary = try CrossTabSummary(table, options: options)
    let test = try #require(summary.test)
    let fisher = try #require(test.fisherPValue)
    let expected = try #require(reference.fisher.first { $0.name == "moderate_3x5" })
    expectApproximatelyEqual(fisher, expected.pValue, relative: 1e-8)
    #expect(test.fisherMethod == .exact)
    #expect(test.correction == ContinuityCorrection.none)
    #expect(summary.warnings.contains { $0.contains("2 × 2 tables only") })
    // With disclosure control on, cells below 5 are suppressed: the whole test is withheld.
    var protected = options
    protected.disclosure = DisclosureControl()
    let withheld = try CrossTabSummary(table, options: protected)
    #expect(withheld.test == nil && withheld.testWithheld == true)
  }
}
