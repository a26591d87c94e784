import StatsTestSupport
import Testing

@testable import Tabulation

@Suite("Tests of association against chisq.test and fisher.test")
struct AssociationTests {
  let reference = ReferenceValues.shared

  @Test("χ², G², Cramér's V, expected counts and adjusted residuals equal R")
  func chiSquared() throws {
    for r in reference.association {
      let table = try aggregatedTable(
        r.inputCounts, shape: [r.inputRows, r.inputCols], names: ["a", "b"])
      let test = try table.associationTest()
      let what = r.name
      #expect(test.rows == r.rows && test.columns == r.cols, "\(what)")
      #expect(test.degreesOfFreedom == r.df, "\(what)")
      expectApproximatelyEqual(test.chiSquared, r.chi2, relative: Tolerance.testStatistics, what)
      expectApproximatelyEqual(test.pValue, r.pValue, relative: Tolerance.testStatistics, what)
      expectApproximatelyEqual(test.likelihoodRatio, r.g2, relative: Tolerance.testStatistics, what)
      expectApproximatelyEqual(
        test.likelihoodRatioPValue, r.g2PValue, relative: Tolerance.testStatistics, what)
      expectApproximatelyEqual(test.cramersV, r.cramersV, relative: Tolerance.testStatistics, what)
      // Kept cells, row-major, compared with R's (dropped) table.
      let expected = test.expected.flatMap { $0 }.compactMap { $0 }
      let residuals = test.adjustedResiduals.flatMap { $0 }.compactMap { $0 }
      expectApproximatelyEqual(expected, r.expected, relative: 1e-12, "\(what) expected")
      expectApproximatelyEqual(
        residuals, r.stdres, relative: Tolerance.testStatistics, "\(what) stdres")
      #expect(test.n == r.inputCounts.reduce(0, +))
    }
  }

  @Test("two factors of an n-way table are tested on their margin")
  func fromFourWay() throws {
    let ct = reference.crosstab
    let factors = zip(ct.variables, ct.shape).map { factor($0, levels: $1, ct.codes[$0]!) }
    let table = try CrossTab(factors)
    let test = try table.associationTest(rows: ["kon"], columns: ["fodelse"])
    let r = try #require(reference.association.first { $0.name.hasPrefix("kon x fodelse") })
    expectApproximatelyEqual(test.chiSquared, r.chi2, relative: Tolerance.testStatistics)
    let test2 = try table.associationTest(rows: ["aldersgrupp"], columns: ["utbildning"])
    let r2 = try #require(reference.association.first { $0.name.hasPrefix("aldersgrupp x") })
    expectApproximatelyEqual(test2.pValue, r2.pValue, relative: Tolerance.testStatistics)
  }

  @Test("small expected counts and empty rows are reported; a one-row table is an error")
  func warnings() throws {
    let test = try AssociationTest(counts: [[3, 1], [1, 3], [0, 0]])
    #expect(test.rows == 2)
    #expect(test.adjustedResiduals[2] == [nil, nil])
    #expect(test.warnings.count == 2)
    #expect(test.smallExpectedCells == 4)
    #expect(throws: TabulationError.tableTooSmall(rows: 1, columns: 2, test: "A χ² test")) {
      try AssociationTest(counts: [[3, 1], [0, 0]])
    }
  }

  @Test("Cramér's V is 1 for a perfectly associated table and the statistics are symmetric")
  func invariants() throws {
    let perfect = try AssociationTest(counts: [[10, 0, 0], [0, 7, 0], [0, 0, 4]])
    expectApproximatelyEqual(perfect.cramersV, 1, relative: 1e-14)
    let a = try AssociationTest(counts: [[12, 5, 7], [3, 30, 22]])
    let b = try AssociationTest(counts: [[12, 3], [5, 30], [7, 22]])
    expectApproximatelyEqual(a.chiSquared, b.chiSquared, relative: 1e-14)
    expectApproximatelyEqual(a.likelihoodRatio, b.likelihoodRatio, relative: 1e-14)
    // Doubling every count doubles χ² and G² and leaves V unchanged.
    let doubled = try AssociationTest(counts: [[24, 10, 14], [6, 60, 44]])
    expectApproximatelyEqual(doubled.chiSquared, 2 * a.chiSquared, relative: 1e-13)
    expectApproximatelyEqual(doubled.cramersV, a.cramersV, relative: 1e-13)
  }

  @Test("Fisher's exact test: p-value, conditional MLE and interval equal R")
  func fisher() throws {
    for r in reference.fisher {
      let c = r.counts.map { Int($0) }
      let test = try FisherExactTest(c[0], c[1], c[2], c[3])
      let what = "\(c)"
      expectApproximatelyEqual(test.pValue, r.pValue, relative: Tolerance.testStatistics, what)
      // Against the same equations solved with uniroot(tol = 1e-13): 1e-9.
      check(test.oddsRatio, r.estimate, relative: 1e-9, what + " estimate")
      check(test.interval.lower, r.confInt[0], relative: 1e-9, what + " lower")
      check(test.interval.upper, r.confInt[1], relative: 1e-9, what + " upper")
      // Against fisher.test itself: uniroot's default tolerance (ε^¼ ≈ 1.2e-4) is absolute in
      // ψ on [0, 1] and in 1/ψ above 1, so compare on that scale with 2.5e-4.
      checkUniroot(test.oddsRatio, r.estimateFisherTest, what + " fisher.test estimate")
      checkUniroot(test.interval.lower, r.confIntFisherTest[0], what + " fisher.test lower")
      checkUniroot(test.interval.upper, r.confIntFisherTest[1], what + " fisher.test upper")
      #expect(test.interval.contains(test.oddsRatio), "\(what)")
    }
  }

  func check(
    _ observed: Double, _ expected: Double?, relative: Double, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if let expected {
      expectApproximatelyEqual(
        observed, expected, relative: relative, absolute: 1e-300, what,
        sourceLocation: sourceLocation)
    } else {
      #expect(observed == .infinity, "\(what)", sourceLocation: sourceLocation)
    }
  }

  func checkUniroot(
    _ observed: Double, _ expected: Double?, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let expected else {
      #expect(observed == .infinity, "\(what)", sourceLocation: sourceLocation)
      return
    }
    let scale = { (x: Double) in x <= 1 ? x : 2 - 1 / x }  // continuous, monotone on [0, ∞)
    expectApproximatelyEqual(
      scale(observed), scale(expected), relative: 0, absolute: 2.5e-4, what,
      sourceLocation: sourceLocation)
  }

  @Test("Fisher's test from a CrossTab uses the first levels as the first row and column")
  func fisherFromCrossTab() throws {
    let table = try aggregatedTable([10, 2, 3, 15], shape: [2, 2], names: ["a", "b"])
    #expect(try table.fisherExactTest() == FisherExactTest(10, 2, 3, 15))
    let three = try aggregatedTable([1, 2, 3, 4, 5, 6], shape: [2, 3], names: ["a", "b"])
    #expect(throws: TabulationError.notTwoByTwo(rows: 2, columns: 3)) {
      try three.fisherExactTest()
    }
  }
}
