import Foundation
import RegressionModels
import StatsTestSupport
import Testing

/// Count models checked by hand: closed forms of saturated Poisson fits with an offset, the
/// model frame's handling of transforms and offsets, and boundary (infinite) estimates.
@Suite("Count models")
struct CountModelTests {
  /// Two groups with counts and exposures: the rate ratio of a saturated Poisson model is the
  /// ratio of the crude rates, its SE √(1/y₀ + 1/y₁).
  static var twoGroups: TestTable {
    var t = TestTable(rowCount: 4)
    t.add("g", levels: ["a", "b"], values: ["a", "a", "b", "b"])
    t.add("y", [3, 9, 20, 4])
    t.add("exposure", [100, 300, 250, 150])
    return t
  }

  @Test("A saturated Poisson rate model gives the crude rates, rate ratio and its SE")
  func closedForm() throws {
    var options = GLMOptions()
    options.family = .poisson
    options.epsilon = 1e-14
    let fit = try GLM.fit(
      formula: "y ~ g + offset(log(exposure))", data: Self.twoGroups, options: options)
    let (r0, r1) = (12.0 / 400, 24.0 / 400)
    expectApproximatelyEqual(fit.coefficients[0], Foundation.log(r0), relative: 1e-12, "rate a")
    expectApproximatelyEqual(fit.coefficients[1], Foundation.log(r1 / r0), relative: 1e-12, "RR")
    expectApproximatelyEqual(
      fit.standardErrors[1], (1.0 / 12 + 1.0 / 24).squareRoot(), relative: 1e-12, "SE")
    let row = try fit.coefficientTable().rows[1]
    expectApproximatelyEqual(row.oddsRatio, 2, relative: 1e-12, "exp(β)")
    // The null model has the pooled rate: its deviance is the LR statistic of the groups.
    let pooled = 36.0 / 800
    var nullDeviance = 0.0
    for (y, e) in zip([3.0, 9, 20, 4], [100.0, 300, 250, 150]) {
      nullDeviance += 2 * (y * Foundation.log(y / (pooled * e)) - (y - pooled * e))
    }
    expectApproximatelyEqual(fit.nullDeviance, nullDeviance, relative: 1e-10, "null deviance")
  }

  @Test("AME with an offset is on the rate, averaged over the exposure")
  func rateScaleMarginalEffect() throws {
    var options = GLMOptions()
    options.family = .poisson
    options.epsilon = 1e-14
    let fit = try GLM.fit(
      formula: "y ~ g + offset(log(exposure))", data: Self.twoGroups, options: options)
    let effect = try #require(fit.averageMarginalEffects().first)
    // Rate of b minus rate of a, whatever the exposure weights (the model is saturated).
    expectApproximatelyEqual(effect.estimate, 24.0 / 400 - 12.0 / 400, relative: 1e-10, "AME")
    // Delta method: Var(r1 − r0) = r1²/y1 + r0²/y0 for rates estimated as y/E.
    let (r1, r0) = (24.0 / 400, 12.0 / 400)
    let variance = r1 * r1 / 24 + r0 * r0 / 12
    expectApproximatelyEqual(effect.standardError, variance.squareRoot(), relative: 1e-8, "SE")
  }

  @Test("A negative binomial with θ held fixed keeps it; its SE is reported")
  func fixedTheta() throws {
    var options = GLMOptions()
    options.family = .negativeBinomial
    options.theta = 2.5
    options.epsilon = 1e-14
    let fit = try GLM.fit(formula: "y ~ g", data: Self.twoGroups, options: options)
    #expect(fit.theta == 2.5)
    #expect(fit.thetaStandardError != nil)
    // A saturated model on groups fits the group means whatever θ.
    expectApproximatelyEqual(fit.coefficients[0], Foundation.log(6), relative: 1e-10, "mean a")
    expectApproximatelyEqual(fit.coefficients[1], Foundation.log(12.0 / 6), relative: 1e-9, "b")
  }

  @Test("The log of 0 in an offset is an error naming the row; a missing value leaves it out")
  func offsetValues() throws {
    var options = GLMOptions()
    options.family = .poisson
    var t = Self.twoGroups
    t.add("exposure", [100, 0, 250, 150])
    #expect {
      try GLM.fit(formula: "y ~ g + offset(log(exposure))", data: t, options: options)
    } throws: { error in
      guard case ModelError.nonFiniteCovariate(let variable, let row) = error else { return false }
      return variable == "offset(log(exposure))" && row == 1
    }
    t.add("exposure", [100, .nan, 250, 150])
    let fit = try GLM.fit(formula: "y ~ g + offset(log(exposure))", data: t, options: options)
    #expect(fit.observationCount == 3)
    #expect(fit.exclusions?.missing["offset(log(exposure))"] == 1)
  }

  @Test("A transform of a categorical variable is refused with the reason")
  func transformOfFactor() {
    #expect {
      try GLM.fit(formula: "y ~ log(g)", data: Self.twoGroups)
    } throws: { error in
      guard case ModelError.invalidOption(let message) = error else { return false }
      return message.contains("`g`, which is categorical")
    }
  }

  @Test("A group without counts: infinite estimate detected per term, not a silent number")
  func boundary() throws {
    var t = TestTable(rowCount: 6)
    t.add("g", levels: ["a", "b", "c"], values: ["a", "a", "b", "b", "c", "c"])
    t.add("x", [0.5, 1.5, 0.2, 0.9, 1.1, 0.4])
    t.add("y", [3, 5, 0, 0, 7, 2])
    var options = GLMOptions()
    options.family = .poisson
    let fit = try GLM.fit(formula: "y ~ g + x", data: t, options: options)
    let separation = try #require(fit.diagnostics.separation)
    #expect(separation.infiniteCoefficients == ["g: b"])
    #expect(fit.warnings.contains { $0.contains("g: b") && $0.contains("no counts") })
  }
}

/// Poisson rows collapsed to covariate patterns report the rows' fit.
@Suite("Count patterns")
struct CountPatternTests {
  /// 600 rows over 2 × 3 × 4 patterns, with exposures, frequency weights and 30 clusters.
  static var rows: TestTable {
    var state: UInt64 = 42
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    let n = 600
    var t = TestTable(rowCount: n)
    var kon: [String?] = []
    var grupp: [String?] = []
    var alder: [Double] = []
    var exposure: [Double] = []
    var weight: [Double] = []
    var y: [Double] = []
    var cluster: [Double] = []
    for i in 0..<n {
      kon.append(uniform() < 0.5 ? "1" : "2")
      grupp.append(["a", "b", "c"][Int(uniform() * 3)])
      alder.append(Double(20 + 10 * Int(uniform() * 4)))
      exposure.append(0.5 + 2 * uniform())
      weight.append(Double(1 + Int(uniform() * 3)))
      // Overdispersed counts: a Poisson draw at a gamma-ish mean.
      let mean = exposure[i] * (kon[i] == "2" ? 0.6 : 1.4) * (0.3 + 1.4 * uniform())
      var k = 0.0
      var p = exp(-mean)
      var cumulative = p
      let u = uniform()
      while u > cumulative && k < 50 {
        k += 1
        p *= mean / k
        cumulative += p
      }
      y.append(k)
      cluster.append(Double(i % 30))
    }
    t.add("kon", levels: ["1", "2"], values: kon)
    t.add("grupp", levels: ["a", "b", "c"], values: grupp)
    t.add("alder", alder)
    t.add("exposure", exposure)
    t.add("w", weight)
    t.add("y", y)
    t.add("cluster", cluster)
    return t
  }

  @Test(
    "Collapsed and row fits agree: estimates, model/HC0/HC1 SEs, ℓ, deviances, AIC, BIC, Pearson, AME",
    arguments: [
      "y ~ kon * grupp + alder + offset(log(exposure))", "y ~ kon + grupp + alder",
    ])
  func collapsedEqualsRows(formula: String) throws {
    var options = GLMOptions()
    options.family = .poisson
    options.epsilon = 1e-14
    options.weights = "w"
    let collapsed = try GLM.fit(formula: formula, data: Self.rows, options: options)
    options.collapse = false
    let rows = try GLM.fit(formula: formula, data: Self.rows, options: options)
    #expect(collapsed.diagnostics.collapsedPatterns != nil)
    #expect(rows.diagnostics.collapsedPatterns == nil)
    #expect(collapsed.hasOffset == rows.hasOffset)
    for j in 0..<rows.coefficients.count {
      expectApproximatelyEqual(
        collapsed.coefficients[j], rows.coefficients[j]!, relative: 1e-9, absolute: 1e-12, "β\(j)")
      expectApproximatelyEqual(
        collapsed.standardErrors[j], rows.standardErrors[j]!, relative: 1e-9, "SE\(j)")
    }
    for type in [CovarianceType.hc0, .hc1] {
      let a = try collapsed.coefficientTable(covariance: type).rows.map { $0.standardError! }
      let b = try rows.coefficientTable(covariance: type).rows.map { $0.standardError! }
      expectApproximatelyEqual(a, b, relative: 1e-9, "\(type)")
    }
    for (a, b, what) in [
      (collapsed.logLikelihood, rows.logLikelihood, "ℓ"), (collapsed.deviance, rows.deviance, "D"),
      (collapsed.nullDeviance, rows.nullDeviance, "D0"), (collapsed.aic, rows.aic, "AIC"),
      (collapsed.bic, rows.bic, "BIC"),
      (collapsed.pearsonDispersion.ratio, rows.pearsonDispersion.ratio, "Pearson"),
    ] {
      expectApproximatelyEqual(a, b, relative: 1e-10, what)
    }
    #expect(collapsed.observationCount == rows.observationCount)
    #expect(collapsed.dfResidual == rows.dfResidual)
    let (a, b) = (try collapsed.averageMarginalEffects(), try rows.averageMarginalEffects())
    #expect(a.count == b.count)
    for (x, y) in zip(a, b) {
      expectApproximatelyEqual(x.estimate, y.estimate, relative: 1e-9, "AME \(x.variable)")
      expectApproximatelyEqual(x.standardError, y.standardError, relative: 1e-8, "AME SE")
    }
    let (ca, cb) = (collapsed.designCounts!, rows.designCounts!)
    #expect(abs(ca.cases - cb.cases) < 1e-9)
  }

  @Test("Cluster-robust SEs of collapsed patterns (clusters in the pattern key) equal the rows'")
  func clusters() throws {
    var options = GLMOptions()
    options.family = .poisson
    options.epsilon = 1e-14
    options.cluster = "cluster"
    let formula = "y ~ kon + grupp + offset(log(exposure))"
    let collapsed = try GLM.fit(formula: formula, data: Self.rows, options: options)
    options.collapse = false
    let rows = try GLM.fit(formula: formula, data: Self.rows, options: options)
    #expect(collapsed.diagnostics.collapsedPatterns != nil)
    for j in 0..<rows.coefficients.count {
      expectApproximatelyEqual(
        collapsed.standardErrors[j], rows.standardErrors[j]!, relative: 1e-9, "cluster SE\(j)")
    }
  }
}
