import Foundation
import LinearAlgebra
import Microdata
import StatsTestSupport
import Testing

@testable import RegressionModels

/// Building strata and designs, and what bad input gives.
@Suite("MAIHDA input")
struct MAIHDAInputTests {
  static func level(_ code: String) -> Factor.Level { Factor.Level(code: code, sv: code, en: code) }

  static let kon = StratumData.Variable(name: "kon", levels: [level("1"), level("2")])
  static let fodelse = StratumData.Variable(
    name: "fodelse", levels: [level("inrikes"), level("utrikes")])
  static let alder = StratumData.Variable(
    name: "aldersgrupp3", levels: [level("15-34"), level("35-54"), level("55+")])

  /// 2 × 2 × 3 strata with the given persons and cases (first variable slowest).
  static func data(persons: [Int], cases: [Int]) throws -> StratumData {
    var strata: [StratumData.Stratum] = []
    var j = 0
    for a in 0..<2 {
      for b in 0..<2 {
        for c in 0..<3 {
          strata.append(
            StratumData.Stratum(levels: [a, b, c], persons: persons[j], cases: cases[j]))
          j += 1
        }
      }
    }
    return try StratumData(variables: [kon, fodelse, alder], strata: strata)
  }

  static let persons = [900, 1200, 700, 300, 500, 200, 1000, 1100, 800, 250, 400, 150]
  static let cases = [40, 35, 10, 30, 28, 9, 12, 10, 3, 9, 8, 2]

  @Test("main-effects design: treatment contrasts named `variable: code`, first level reference")
  func design() throws {
    let data = try Self.data(persons: Self.persons, cases: Self.cases)
    let design = StratumDesign.mainEffects(of: data)
    #expect(
      design.names == [
        "(Intercept)", "kon: 2", "fodelse: utrikes", "aldersgrupp3: 35-54", "aldersgrupp3: 55+",
      ])
    #expect(design.omittedLevels.isEmpty)
    #expect(design.matrix.row(0) == [1, 0, 0, 0, 0])
    #expect(design.matrix.row(5) == [1, 0, 1, 0, 1])
    #expect(design.matrix.row(7) == [1, 1, 0, 1, 0])
    // Without the strata of 15-34-year-olds, 35-54 becomes the reference.
    let rows = data.strata.indices.filter { data.strata[$0].levels[2] != 0 }
    let reduced = StratumDesign.mainEffects(of: data, strata: rows)
    #expect(reduced.names == ["(Intercept)", "kon: 2", "fodelse: utrikes", "aldersgrupp3: 55+"])
    #expect(reduced.omittedLevels == ["aldersgrupp3: 15-34"])
  }

  @Test("tabulating population and case tables by level code, counting excluded rows")
  func tabulating() throws {
    let levels = [Self.level("1"), Self.level("2")]
    let groups = [Self.level("a"), Self.level("b"), Self.level("c")]
    let population = [
      Factor(name: "kon", levels: levels, codes: [0, 0, 1, 1, 0, Factor.missing]),
      Factor(name: "grupp", levels: groups, codes: [0, 1, 0, 2, 0, 1]),
    ]
    // The case table lists the levels in another order: matched by code.
    let caseLevels = [Self.level("2"), Self.level("1")]
    let cases = [
      Factor(name: "kon", levels: caseLevels, codes: [1, 1, 0, 1, 0]),
      Factor(name: "grupp", levels: groups, codes: [0, 0, 2, Factor.outside, 2]),
    ]
    let data = try StratumData.tabulating(
      population: population, personCounts: [100, 50, 80, 60, 20, 7], cases: cases)
    #expect(data.strata.map(\.levels) == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]])
    #expect(data.strata.map(\.persons) == [120, 50, 0, 80, 0, 60])
    #expect(data.strata.map(\.cases) == [2, 0, 0, 0, 0, 2])
    #expect(data.excludedPopulationRows == 1)
    #expect(data.excludedCaseRows == 1)
    #expect(data.codes(ofStratum: 5) == ["2", "c"])

    let persons = try StratumData.tabulating(
      factors: [Factor(name: "kon", levels: levels, codes: [0, 1, 1, 0, Factor.missing])],
      outcome: [true, false, true, false, true])
    #expect(persons.strata.map(\.persons) == [2, 2])
    #expect(persons.strata.map(\.cases) == [1, 1])
    #expect(persons.excludedCaseRows == 1)
    #expect(persons.excludedPopulationRows == 1)

    #expect(throws: ModelError.unknownLevel(variable: "kon", level: "9", levels: ["1", "2"])) {
      try StratumData.tabulating(
        population: [Factor(name: "kon", levels: levels, codes: [0])],
        cases: [Factor(name: "kon", levels: [Self.level("9")], codes: [0])])
    }
  }

  @Test("strata without persons are left out with a warning")
  func zeroPersons() throws {
    var persons = Self.persons
    var cases = Self.cases
    persons[4] = 0
    cases[4] = 0
    let result = try MAIHDA.fit(strata: try Self.data(persons: persons, cases: cases))
    #expect(result.droppedStrata == 1)
    #expect(result.strata.count == 11)
    #expect(!result.strata.contains { $0.index == 4 })
    #expect(result.warnings.first == "1 of 12 strata have no persons and were left out.")
  }

  @Test("no cases, only cases, one stratum, counts out of range, bad options: clear errors")
  func errors() throws {
    let zero = [Int](repeating: 0, count: 12)
    #expect(throws: ModelError.constantOutcome(value: 0)) {
      try MAIHDA.fit(strata: try Self.data(persons: Self.persons, cases: zero))
    }
    #expect(throws: ModelError.constantOutcome(value: 1)) {
      try MAIHDA.fit(strata: try Self.data(persons: Self.persons, cases: Self.persons))
    }
    var single = zero
    single[3] = 100
    let one = try Self.data(
      persons: single, cases: zero.enumerated().map { $0.offset == 3 ? 5 : 0 })
    #expect(
      throws: ModelError.notEstimable(
        "MAIHDA needs at least two intersectional strata with persons; there is 1")
    ) {
      try MAIHDA.fit(strata: one)
    }
    #expect(throws: ModelError.invalidOutcome(description: "50 cases among 40 persons", row: 2)) {
      try Self.data(
        persons: Self.persons.enumerated().map { $0.offset == 2 ? 40 : $0.element },
        cases: Self.cases.enumerated().map { $0.offset == 2 ? 50 : $0.element })
    }
    let data = try Self.data(persons: Self.persons, cases: Self.cases)
    for bad in [0, 26] {
      #expect(throws: ModelError.invalidOption("nAGQ must be between 1 and 25, got \(bad)")) {
        try MAIHDA.fit(strata: data, options: MixedModelOptions(nAGQ: bad))
      }
    }
    #expect(throws: ModelError.self) {
      try MAIHDA.fit(strata: data, options: MixedModelOptions(confidenceLevel: 1))
    }
    // A design whose columns are dependent among the strata used.
    let x = Matrix([[1, 1], [1, 1], [1, 1]])
    #expect(throws: ModelError.self) {
      try RandomInterceptLogit.fit(
        cases: [1, 2, 3], trials: [10, 10, 10], design: x, names: ["a", "b"])
    }
    let message = ModelError.notEstimable(
      "MAIHDA needs at least two intersectional strata with persons; there is 1"
    ).description
    #expect(
      message
        == "The model cannot be estimated: MAIHDA needs at least two intersectional strata with persons; there is 1."
    )
  }

  @Test("a level without cases: quasi-separation is warned about, the fit still converges")
  func quasiSeparation() throws {
    var cases = Self.cases
    for j in 6..<12 { cases[j] = 0 }  // no case among women (kon 2)
    let result = try MAIHDA.fit(strata: try Self.data(persons: Self.persons, cases: cases))
    let main = result.mainEffectsModel
    #expect(main.converged)
    #expect(main.coefficients[1] < -15)
    #expect(main.standardErrors[1] > 100)
    #expect(
      result.warnings.contains { $0.hasPrefix("Main-effects model: The coefficient `kon: 2` is") })
    // The null model's σ_u absorbs the difference between the sexes.
    #expect(result.nullModel.randomIntercept.sigma > 1)
  }

  @Test("strata of one person, and strata where everyone is a case")
  func extremeStrata() throws {
    let persons = [1, 1, 700, 300, 500, 200, 1000, 1100, 800, 250, 400, 150]
    let cases = [1, 0, 10, 30, 28, 9, 12, 10, 3, 9, 8, 150]
    let result = try MAIHDA.fit(strata: try Self.data(persons: persons, cases: cases))
    #expect(result.nullModel.converged && result.mainEffectsModel.converged)
    #expect(result.strata.count == 12)
    let full = try #require(result.strata.first { $0.index == 11 })
    #expect(full.observed == 1)
    #expect(full.rank == 1)
    #expect(full.predicted > 0.9 && full.predicted < 1)
    #expect(full.predictedInterval.contains(full.predicted))
  }

  @Test("non-convergence is flagged, not thrown")
  func nonConvergence() throws {
    let data = try Self.data(persons: Self.persons, cases: Self.cases)
    let result = try MAIHDA.fit(
      strata: data, options: MixedModelOptions(maxIterations: 1, profileInterval: false))
    #expect(!result.nullModel.converged || !result.mainEffectsModel.converged)
    #expect(result.warnings.contains { $0.contains("did not converge in 1 Newton iterations") })
  }

  @Test("nAGQ: the quadrature log-likelihood and estimates converge as nodes are added")
  func quadratureConvergence() throws {
    let design = StratumDesign.intercept(strata: 12)
    var fits: [Int: RandomInterceptFit] = [:]
    for nAGQ in [1, 7, 15, 25] {
      fits[nAGQ] = try RandomInterceptLogit.fit(
        cases: Self.cases, trials: Self.persons, design: design.matrix, names: design.names,
        options: MixedModelOptions(nAGQ: nAGQ, profileInterval: false))
    }
    let best = fits[25]!
    // Strata of 150–1 200 persons with 2–40 cases: Laplace is off by ~1e-2 in ℓ, 7 nodes by
    // ~1e-4, and 15 nodes agree with 25 to ~1e-8.
    #expect(abs(fits[1]!.logLikelihood - best.logLikelihood) < 0.1)
    #expect(abs(fits[7]!.logLikelihood - best.logLikelihood) < 1e-3)
    #expect(abs(fits[15]!.logLikelihood - best.logLikelihood) < 1e-6)
    expectApproximatelyEqual(
      fits[15]!.randomIntercept.sigma, best.randomIntercept.sigma, relative: 1e-6, "σ̂ 15 vs 25")
    #expect(fits[1]!.method == .laplace && best.method == .adaptiveGaussHermite)
  }

}
