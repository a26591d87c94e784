import Foundation
import Microdata
import RegressionModels
import StatsTestSupport
import Testing

/// `GLMFit.linearCombination` and `interactionEffects` (Stata's `lincom`) against R: glm() with
/// vcov(), values from scripts/reference/make_lincom_reference.R (R 4.2.2, glm with epsilon 1e-14).
@Suite("Linear combinations of coefficients (lincom)")
struct LinearCombinationTests {
  /// Successes and failures per cell of a (2 levels) × b (3 levels), one row per person.
  static let table: TestTable = {
    let cells: [(a: String, b: String, successes: Int, failures: Int)] = [
      ("1", "x", 12, 48), ("1", "y", 20, 40), ("1", "z", 8, 52),
      ("2", "x", 25, 35), ("2", "y", 18, 42), ("2", "z", 30, 30),
    ]
    var a: [String?] = []
    var b: [String?] = []
    var y: [Double] = []
    for cell in cells {
      for k in 0..<(cell.successes + cell.failures) {
        a.append(cell.a)
        b.append(cell.b)
        y.append(k < cell.successes ? 1 : 0)
      }
    }
    var table = TestTable(rowCount: y.count)
    table.add("a", levels: ["1", "2"], values: a)
    table.add("b", levels: ["x", "y", "z"], values: b)
    table.add("y", y)
    return table
  }()

  /// R's lincom of each pair: estimate, SE, OR, lower, upper, p.
  static let reference: [(effect: String, within: String, values: [Double])] = [
    (
      "a: 2", "b: y",
      [
        -0.154150679827258, 0.392893216236979, 0.857142857142857, 0.396845900569963,
        1.85133291410048, 0.694801455116683,
      ]
    ),
    (
      "b: y", "a: 2",
      [
        -0.51082562376599, 0.384625152501069, 0.6, 0.28233045433343, 1.27510155023816,
        0.184140814999205,
      ]
    ),
    (
      "a: 2", "b: z",
      [
        1.87180217690159, 0.459235708429928, 6.50000000000001, 2.64247698181638, 15.9887863889578,
        4.58352769178001e-05,
      ]
    ),
    (
      "b: z", "a: 2",
      [
        0.336472236621213, 0.367747325263006, 1.4, 0.680927611182825, 2.87842638161687,
        0.360215279296863,
      ]
    ),
  ]

  @Test func interactionEffectsMatchR() throws {
    let fit = try GLM.fit(formula: "y ~ a * b", data: Self.table)
    let effects = try fit.interactionEffects()
    #expect(effects.count == Self.reference.count)
    for (effect, expected) in zip(effects, Self.reference) {
      #expect(effect.effect.name == expected.effect)
      #expect(ModelTerm(components: effect.within.map { .level($0) }).name == expected.within)
      let c = effect.combination
      let v = expected.values
      expectApproximatelyEqual(c.estimate, v[0], relative: 1e-8)
      expectApproximatelyEqual(c.standardError, v[1], relative: 1e-8)
      expectApproximatelyEqual(c.oddsRatio, v[2], relative: 1e-8)
      expectApproximatelyEqual(c.oddsRatioInterval?.lowerBound, v[3], relative: 1e-8)
      expectApproximatelyEqual(c.oddsRatioInterval?.upperBound, v[4], relative: 1e-8)
      expectApproximatelyEqual(c.pValue, v[5], relative: 1e-6)
    }
  }

  /// The saturated model reproduces each cell's odds: the combined odds ratio of `a: 2` within
  /// `b: z` is (30/30) / (8/52) = 6.5 exactly, and its variance is the sum of the four cells'
  /// 1/count (Woolf), which wᵀVw must equal.
  @Test func combinationIsTheCellOddsRatioWithWoolfVariance() throws {
    let fit = try GLM.fit(formula: "y ~ a * b", data: Self.table)
    let a2 = ModelTerm.level("a", code: "2", reference: "1")
    let cell = ModelTerm(
      components: [
        .level(.init(variable: "a", code: "2", reference: "1")),
        .level(.init(variable: "b", code: "z", reference: "x")),
      ])
    let c = try fit.linearCombination([(a2, 1), (cell, 1)])
    expectApproximatelyEqual(c.oddsRatio, (30.0 / 30) / (8.0 / 52), relative: 1e-9)
    let woolf = 1 / 30.0 + 1 / 30.0 + 1 / 8.0 + 1 / 52.0
    expectApproximatelyEqual(c.standardError, woolf.squareRoot(), relative: 1e-7)
    // A single term is its own coefficient.
    let alone = try fit.linearCombination([(a2, 1)])
    let table = try fit.coefficientTable()
    let row = try #require(table.rows.first { $0.modelTerm == a2 })
    expectApproximatelyEqual(alone.estimate, try #require(row.estimate), relative: 1e-12)
    expectApproximatelyEqual(
      alone.standardError, try #require(row.standardError), relative: 1e-12)
    #expect(throws: ModelError.self) {
      try fit.linearCombination([(ModelTerm.numeric("nope"), 1)])
    }
  }
}
