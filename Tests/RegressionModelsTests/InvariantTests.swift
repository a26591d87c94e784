import Foundation
import LinearAlgebra
import RegressionModels
import StatsTestSupport
import Testing

/// Identities that hold at the maximum likelihood solution, on random well-scaled data
/// (swift-numerics' identity tests; GLM.jl's rescaling test).
@Suite("Invariants")
struct InvariantTests {
  /// A deterministic generator (SplitMix64) so failures can be reproduced.
  struct Generator {
    var state: UInt64
    mutating func next() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
  }

  static func data(seed: UInt64, n: Int = 400) -> TestTable {
    var g = Generator(state: seed)
    var t = TestTable(rowCount: n)
    let x = (0..<n).map { _ in g.next() * 4 - 2 }
    let groups = (0..<n).map { _ in ["a", "b", "c"][Int(g.next() * 3)] }
    let sex = (0..<n).map { _ in g.next() < 0.5 ? "1" : "2" }
    let y = (0..<n).map { i -> Double in
      let eta =
        -0.3 + 0.8 * x[i] + (groups[i] == "b" ? 0.5 : groups[i] == "c" ? -0.4 : 0)
        + (sex[i] == "2" ? 0.6 : 0)
      return g.next() < 1 / (1 + exp(-eta)) ? 1 : 0
    }
    t.add("y", y)
    t.add("x", x)
    t.add("group", levels: ["a", "b", "c"], values: groups)
    t.add("sex", levels: ["1", "2"], values: sex)
    return t
  }

  @Test(
    "Score equations Xᵀ(y − μ) = 0 and fitted counts equal observed",
    arguments: [1, 2, 3] as [UInt64], GLMOptions.Factorization.allCases)
  func score(seed: UInt64, factorization: GLMOptions.Factorization) throws {
    let t = Self.data(seed: seed)
    var options = GLMOptions()
    options.factorization = factorization
    options.epsilon = 1e-12
    let fit = try GLM.fit(formula: "y ~ x * sex + group", data: t, options: options)
    let schema = try ModelSchema(formula: Formula("y ~ x * sex + group"), data: t)
    let frame = try ModelFrame(schema: schema, data: t)
    let x = ModelMatrix(frame: frame).x
    let mu = fit.fittedValues
    let residual = (0..<frame.count).map { frame.y[$0] - mu[$0] }
    let score = try x.multiplied(by: residual, transposed: true)
    for s in score { #expect(abs(s) < 1e-8, "score \(s)") }
    expectApproximatelyEqual(mu.reduce(0, +), frame.y.reduce(0, +), relative: 1e-10, "fitted count")
  }

  @Test(
    "Rescaling a covariate by k divides its coefficient and SE by k", arguments: [10.0, 0.001, -3])
  func rescaling(k: Double) throws {
    var t = Self.data(seed: 7)
    let fit = try GLM.fit(formula: "y ~ x + group", data: t)
    t.add("x", try t.numeric("x").map { $0 * k })
    let scaled = try GLM.fit(formula: "y ~ x + group", data: t)
    expectApproximatelyEqual(scaled.coefficients[1], fit.coefficients[1]! / k, relative: 1e-7)
    expectApproximatelyEqual(
      scaled.standardErrors[1], fit.standardErrors[1]! / abs(k), relative: 1e-7)
    expectApproximatelyEqual(scaled.coefficients[0], fit.coefficients[0]!, relative: 1e-7)
    expectApproximatelyEqual(scaled.deviance, fit.deviance, relative: 1e-10)
  }

  @Test("Formula and matrix entry points give the same fit")
  func matrixEntry() throws {
    let t = Self.data(seed: 11)
    let formula = try Formula("y ~ x + group")
    let fit = try GLM.fit(formula: formula, data: t)
    let frame = try ModelFrame(schema: ModelSchema(formula: formula, data: t), data: t)
    let mm = ModelMatrix(frame: frame)
    let direct = try GLM.fit(x: mm.x, y: frame.y, names: mm.columnNames)
    #expect(direct.coefficientNames == fit.coefficientNames)
    expectApproximatelyEqual(
      direct.coefficients.map { $0! }, fit.coefficients.map { $0! }, relative: 1e-9)
    expectApproximatelyEqual(
      direct.standardErrors.map { $0! }, fit.standardErrors.map { $0! }, relative: 1e-9)
    expectApproximatelyEqual(direct.deviance, fit.deviance, relative: 1e-12)
    expectApproximatelyEqual(direct.aic, fit.aic, relative: 1e-12)
  }

  @Test("Collapsing changes nothing that is reported", arguments: GLMOptions.Factorization.allCases)
  func collapsing(factorization: GLMOptions.Factorization) throws {
    var t = Self.data(seed: 5, n: 2000)
    t.add("w", (0..<2000).map { Double(1 + $0 % 3) })
    t.add("cluster", (0..<2000).map { Double($0 % 25) })
    var options = GLMOptions()
    options.factorization = factorization
    options.epsilon = 1e-14
    options.weights = "w"
    options.cluster = "cluster"
    let collapsed = try GLM.fit(formula: "y ~ sex * group", data: t, options: options)
    options.collapse = false
    let rows = try GLM.fit(formula: "y ~ sex * group", data: t, options: options)
    #expect(collapsed.diagnostics.collapsedPatterns == 6 * 25)
    expectApproximatelyEqual(
      collapsed.coefficients.map { $0! }, rows.coefficients.map { $0! }, relative: 1e-9)
    for type in CovarianceType.allCases {
      expectApproximatelyEqual(
        try collapsed.coefficientTable(covariance: type).rows.map { $0.standardError! },
        try rows.coefficientTable(covariance: type).rows.map { $0.standardError! }, relative: 1e-9,
        "\(type)")
    }
    for (a, b) in [
      (collapsed.deviance, rows.deviance), (collapsed.nullDeviance, rows.nullDeviance),
      (collapsed.logLikelihood, rows.logLikelihood), (collapsed.aic, rows.aic),
      (collapsed.bic, rows.bic),
    ] {
      expectApproximatelyEqual(a, b, relative: 1e-11)
    }
    #expect(collapsed.observationCount == rows.observationCount)
    #expect(collapsed.dfResidual == rows.dfResidual)
    let (ameA, ameB) = (try collapsed.averageMarginalEffects(), try rows.averageMarginalEffects())
    expectApproximatelyEqual(ameA.map(\.estimate), ameB.map(\.estimate), relative: 1e-9)
    expectApproximatelyEqual(ameA.map(\.standardError), ameB.map(\.standardError), relative: 1e-9)
  }

  @Test("predict lines up with the input rows")
  func predictions() throws {
    var t = Self.data(seed: 3, n: 50)
    let fit = try GLM.fit(formula: "y ~ x + group", data: t)
    var x = try t.numeric("x")
    x[4] = .nan
    t.add("x", x)
    let predicted = try fit.predict(t)
    #expect(predicted.count == 50)
    #expect(predicted[4] == nil)
    #expect(predicted.compactMap { $0 }.allSatisfy { $0 > 0 && $0 < 1 })
    let eta = try fit.predict(t, scale: .link)
    expectApproximatelyEqual(predicted[0], 1 / (1 + exp(-eta[0]!)), relative: 1e-14)
  }

  @Test("JSON summary has the contract's fields and nulls for aliased coefficients")
  func summary() throws {
    let fit = try GLM.fit(formula: "case ~ age + age2 + spontaneous", data: Reference.infert)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(
      decoding: try encoder.encode(try fit.summary(marginalEffects: true)), as: UTF8.self)
    for key in [
      "\"n\":248", "\"df_residual\":245", "\"converged\":true", "\"method\":\"irls\"",
      "\"separation\":false",
      "\"deviance\":", "\"null_deviance\":", "\"log_likelihood\":", "\"aic\":", "\"bic\":",
      "\"term\":\"age2\"", "\"estimate\":null", "\"odds_ratio\":", "\"ci\":[", "\"warnings\":[",
      "\"marginal_effects\":[",
    ] {
      #expect(json.contains(key), "\(key)")
    }
    assertSnapshot(fit.description, named: "infert_rank_deficient.txt")
  }
}
