import Foundation
import LinearAlgebra
import RegressionModels
import StatsTestSupport
import Testing

/// Separation detection by linear programming and Firth's penalised likelihood against brglm2
/// (`type = "AS_mean"`) and logistf's profile penalised-likelihood interval (computed in R).
@Suite("Separation and Firth")
struct SeparationTests {
  static var separated: TestTable {
    let d = Reference.data("separation")
    var t = TestTable(rowCount: Reference.numbers(d["y"]).count)
    for name in ["y", "x1", "x2"] { t.add(name, Reference.numbers(d[name])) }
    return t
  }

  static var complete: TestTable {
    let d = Reference.data("complete")
    var t = TestTable(rowCount: Reference.numbers(d["y"]).count)
    for name in ["y", "x"] { t.add(name, Reference.numbers(d[name])) }
    return t
  }

  @Test("Quasi-complete separation is detected and the diverging term named")
  func quasiComplete() throws {
    let fit = try GLM.fit(formula: "y ~ x1 + x2", data: Self.separated)
    let report = try #require(fit.diagnostics.separation)
    #expect(report.kind == .quasiComplete)
    #expect(report.infiniteCoefficients == ["x1"])
    #expect(report.directions == [0, 1, 0])
    #expect(report.separatedRows == 6)
    #expect(fit.warnings.contains { $0.contains("Quasi-complete separation") && $0.contains("x1") })
    #expect(try fit.summary().separation)
  }

  @Test("Complete separation is detected")
  func complete() throws {
    let fit = try GLM.fit(formula: "y ~ x", data: Self.complete)
    let report = try #require(fit.diagnostics.separation)
    #expect(report.kind == .complete)
    #expect(
      Set(report.infiniteCoefficients) == ["x"]
        || Set(report.infiniteCoefficients) == ["(Intercept)", "x"])
    #expect(report.directions[1] == 1)
    #expect(fit.diagnostics.boundaryFits > 0)
  }

  @Test(
    "No separation in ordinary data",
    arguments: ["infert_numeric", "infert_factor", "infert_crossed"])
  func none(name: String) throws {
    let fit = try GLM.fit(
      formula: Reference.case(name)["formula"] as! String, data: Reference.infert)
    #expect(fit.diagnostics.separation?.kind == SeparationReport.Kind.none)
    #expect(fit.diagnostics.separation?.infiniteCoefficients == [])
  }

  @Test("A factor level with only failures separates quasi-completely")
  func emptyCell() throws {
    var t = TestTable(rowCount: 12)
    t.add(
      "g", levels: ["a", "b", "c"],
      values: ["a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"])
    t.add("y", [0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0])
    let fit = try GLM.fit(formula: "y ~ g", data: t)
    #expect(fit.diagnostics.separation?.kind == .quasiComplete)
    #expect(fit.diagnostics.separation?.infiniteCoefficients == ["g: c"])
    #expect(fit.diagnostics.separation?.directions == [0, 0, -1])
  }

  @Test("Firth estimates agree with brglm2 (AS_mean)", arguments: GLMOptions.Factorization.allCases)
  func firth(factorization: GLMOptions.Factorization) throws {
    let reference = Reference.case("separation")
    var options = GLMOptions()
    options.method = .firth
    options.factorization = factorization
    let fit = try GLM.fit(formula: "y ~ x1 + x2", data: Self.separated, options: options)
    #expect(fit.method == .firth)
    #expect(fit.converged)
    expectApproximatelyEqual(
      fit.coefficients.map { $0! }, Reference.numbers(reference["firth_coefficients"]),
      relative: Tolerance.profile, "Firth coefficients")
    expectApproximatelyEqual(
      fit.standardErrors.map { $0! }, Reference.numbers(reference["firth_std_errors"]),
      relative: Tolerance.profile, "Firth SE")
    expectApproximatelyEqual(
      fit.logLikelihood, (reference["firth_log_likelihood"] as! NSNumber).doubleValue,
      relative: Tolerance.profile, "log-likelihood")
    // The penalised-likelihood profile interval (logistf's default).
    let intervals = try fit.profileConfidenceIntervals()
    let expected = Reference.intervals(reference["firth_profile_ci"])
    for j in 0..<expected.count {
      expectApproximatelyEqual(
        intervals[j]?.lowerBound, expected[j][0], relative: Tolerance.profile, absolute: 1e-6,
        "lower \(j)")
      expectApproximatelyEqual(
        intervals[j]?.upperBound, expected[j][1], relative: Tolerance.profile, absolute: 1e-6,
        "upper \(j)")
    }
    // The summary uses the profile intervals for Firth fits.
    let summary = try fit.summary()
    #expect(summary.method == .firth)
    #expect(summary.intervals == .profile)
    #expect(summary.separation)
  }

  @Test("Firth under complete separation agrees with brglm2")
  func firthComplete() throws {
    let reference = Reference.case("complete_separation")
    var options = GLMOptions()
    options.method = .firth
    let fit = try GLM.fit(formula: "y ~ x", data: Self.complete, options: options)
    expectApproximatelyEqual(
      fit.coefficients.map { $0! }, Reference.numbers(reference["firth_coefficients"]),
      relative: Tolerance.profile)
    expectApproximatelyEqual(
      fit.standardErrors.map { $0! }, Reference.numbers(reference["firth_std_errors"]),
      relative: Tolerance.profile)
  }

  /// y = 1 exactly when x > 40, x an age: the profile search steps out to |η| in the hundreds,
  /// where 1/(1 + e^−η) rounds to 0 or 1 (scripts/reference/make_firth_separation_reference.R).
  nonisolated(unsafe) static let ages: [String: Any] = {
    let data = try! Data(contentsOf: fixture("Reference/firth_complete_separation.json"))
    return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
  }()

  @Test(
    "Firth under complete separation on a wide covariate: brglm2's estimates, finite profile ends",
    arguments: GLMOptions.Factorization.allCases)
  func firthCompleteWide(factorization: GLMOptions.Factorization) throws {
    let reference = Self.ages
    let d = reference["data"] as! [String: Any]
    var t = TestTable(rowCount: Reference.numbers(d["y"]).count)
    for name in ["y", "x"] { t.add(name, Reference.numbers(d[name])) }
    var options = GLMOptions()
    options.method = .firth
    options.factorization = factorization
    let fit = try GLM.fit(formula: "y ~ x", data: t, options: options)
    #expect(fit.diagnostics.separation?.kind == .complete)
    #expect(fit.converged)
    expectApproximatelyEqual(
      fit.coefficients.map { $0! }, Reference.numbers(reference["firth_coefficients"]),
      relative: Tolerance.profile, "Firth coefficients")
    expectApproximatelyEqual(
      fit.standardErrors.map { $0! }, Reference.numbers(reference["firth_std_errors"]),
      relative: Tolerance.profile, "Firth SE")
    expectApproximatelyEqual(
      fit.logLikelihood, (reference["firth_log_likelihood"] as! NSNumber).doubleValue,
      relative: Tolerance.profile, "log-likelihood")
    // The penalised profile falls to −∞ in every direction (Kosmidis & Firth 2021), so both
    // ends are finite; the search must get past the fits it cannot evaluate, not fail.
    let intervals = try fit.profileConfidenceIntervals()
    let expected = Reference.intervals(reference["firth_profile_ci"])
    for j in 0..<expected.count {
      expectApproximatelyEqual(
        intervals[j]?.lowerBound, expected[j][0], relative: Tolerance.profile, "lower \(j)")
      expectApproximatelyEqual(
        intervals[j]?.upperBound, expected[j][1], relative: Tolerance.profile, "upper \(j)")
    }
    // The summary (what `strata logit --firth --format json` writes) succeeds.
    let summary = try fit.summary()
    #expect(summary.intervals == .profile)
    #expect(summary.coefficients.allSatisfy { $0.estimateCI?.allSatisfy { $0 != nil } == true })
  }

  @Test("Maximum likelihood under separation: the unreachable profile end is ±∞")
  func unreachableEnd() throws {
    let fit = try GLM.fit(formula: "y ~ x1 + x2", data: Self.separated)
    let intervals = try fit.profileConfidenceIntervals()
    // x1's estimate diverges upwards: the deviance never rises by the cut-off above it.
    #expect(intervals[1]?.upperBound == .infinity)
    #expect(intervals[1]?.lowerBound.isFinite == true)
  }

  @Test("Firth on collapsed patterns equals Firth on the rows")
  func firthCollapsed() throws {
    var options = GLMOptions()
    options.method = .firth
    let collapsed = try GLM.fit(
      formula: "y ~ agegp + alcgp", data: Reference.esophIndividuals, options: options)
    options.collapse = false
    let rows = try GLM.fit(
      formula: "y ~ agegp + alcgp", data: Reference.esophIndividuals, options: options)
    #expect(collapsed.diagnostics.collapsedPatterns != nil)
    expectApproximatelyEqual(
      collapsed.coefficients.map { $0! }, rows.coefficients.map { $0! }, relative: 1e-8)
    expectApproximatelyEqual(
      collapsed.standardErrors.map { $0! }, rows.standardErrors.map { $0! }, relative: 1e-8)
  }

  @Test("Firth is refused for other links")
  func firthLink() {
    var options = GLMOptions()
    options.method = .firth
    options.link = .probit
    #expect(throws: ModelError.self) {
      try GLM.fit(formula: "y ~ x", data: Self.complete, options: options)
    }
  }
}
