import Foundation
import RegressionModels
import StatsTestSupport
import Testing

/// Poisson (with an offset) and negative-binomial fits against R's glm and MASS::glm.nb on
/// MASS::Insurance and MASS::quine. Values from scripts/reference/make_glm_family_reference.R.
@Suite("GLM families against R")
struct GLMFamilyReferenceTests {
  nonisolated(unsafe) static let json: [String: Any] = {
    let data = try! Data(contentsOf: fixture("Reference/glm_family_reference.json"))
    return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
  }()

  static func reference(_ name: String) -> [String: Any] {
    (json["cases"] as! [String: Any])[name] as! [String: Any]
  }

  static func table(_ name: String, factors: [String], numbers: [String]) -> TestTable {
    let all = json["data"] as! [String: Any]
    let d = all[name] as! [String: Any]
    let levels = all["\(name)_levels"] as! [String: Any]
    let n = Reference.numbers(d[numbers[0]]).count
    var t = TestTable(rowCount: n)
    for v in numbers { t.add(v, Reference.numbers(d[v])) }
    for v in factors {
      t.add(v, levels: Reference.strings(levels[v]), values: Reference.strings(d[v]))
    }
    return t
  }

  static let insurance = table(
    "insurance", factors: ["District", "Group", "Age"], numbers: ["Holders", "Claims"])
  static let quine = table("quine", factors: ["Eth", "Sex", "Age", "Lrn"], numbers: ["Days"])

  static func converged(_ family: Family) -> GLMOptions {
    var options = GLMOptions()
    options.family = family
    options.epsilon = family == .negativeBinomial ? 1e-13 : 1e-15
    options.maxIterations = 100
    return options
  }

  static func number(_ reference: [String: Any], _ key: String) -> Double {
    (reference[key] as! NSNumber).doubleValue
  }

  static func check(
    _ fit: GLMFit, _ reference: [String: Any], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let estimates = Reference.numbers(reference["estimate"])
    let errors = Reference.numbers(reference["std_error"])
    #expect(fit.coefficients.count == estimates.count, sourceLocation: sourceLocation)
    for j in 0..<min(estimates.count, fit.coefficients.count) {
      expectApproximatelyEqual(
        fit.coefficients[j], estimates[j], relative: Tolerance.coefficients, absolute: 1e-9,
        "coefficient \(fit.coefficientNames[j])", sourceLocation: sourceLocation)
      expectApproximatelyEqual(
        fit.standardErrors[j], errors[j], relative: Tolerance.coefficients,
        "SE \(fit.coefficientNames[j])", sourceLocation: sourceLocation)
    }
    for (key, value) in [
      ("deviance", fit.deviance), ("null_deviance", fit.nullDeviance),
      ("log_likelihood", fit.logLikelihood), ("aic", fit.aic), ("bic", fit.bic),
    ] {
      expectApproximatelyEqual(
        value, number(reference, key), relative: Tolerance.deviance, key,
        sourceLocation: sourceLocation)
    }
    #expect(fit.dfResidual == (reference["df_residual"] as! Int), sourceLocation: sourceLocation)
    #expect(fit.observationCount == (reference["n"] as! Int), sourceLocation: sourceLocation)
    #expect(fit.converged, sourceLocation: sourceLocation)
  }

  @Test("Poisson with offset(log(Holders)) on Insurance: estimates, SEs, deviances, AIC, BIC")
  func insurancePoisson() throws {
    let fit = try GLM.fit(
      formula: "Claims ~ District + Group + Age + offset(log(Holders))", data: Self.insurance,
      options: Self.converged(.poisson))
    Self.check(fit, Self.reference("insurance_poisson"))
    #expect(fit.hasOffset)
    #expect(fit.coefficientNames[1] == "District: 2")
  }

  @Test("Poisson robust (HC0, HC1) and cluster-robust SEs against sandwich")
  func insuranceRobust() throws {
    let reference = Self.reference("insurance_poisson")
    var options = Self.converged(.poisson)
    options.cluster = "District"
    let fit = try GLM.fit(
      formula: "Claims ~ District + Group + Age + offset(log(Holders))", data: Self.insurance,
      options: options)
    for (type, key) in [
      (CovarianceType.hc0, "hc0"), (.hc1, "hc1"), (.cluster, "cluster_district"),
    ] {
      let table = try fit.coefficientTable(covariance: type)
      expectApproximatelyEqual(
        table.rows.map { $0.standardError! }, Reference.numbers(reference[key]),
        relative: Tolerance.coefficients, key)
    }
  }

  @Test("Poisson profile-likelihood intervals of the rate ratios against MASS's confint")
  func insuranceProfile() throws {
    let reference = Self.reference("insurance_poisson")
    let fit = try GLM.fit(
      formula: "Claims ~ District + Group + Age + offset(log(Holders))", data: Self.insurance,
      options: Self.converged(.poisson))
    let table = try fit.coefficientTable(intervals: .profile)
    let bounds = Reference.intervals(reference["profile"])
    #expect(bounds.count == table.rows.count)
    for (row, bound) in zip(table.rows, bounds) {
      expectApproximatelyEqual(row.lower, bound[0], relative: Tolerance.profile, row.term)
      expectApproximatelyEqual(row.upper, bound[1], relative: Tolerance.profile, row.term)
      let ratio = try #require(row.oddsRatioInterval)
      #expect(abs(ratio.lower - Foundation.exp(bound[0])) <= 1e-4 * ratio.lower)
    }
  }

  @Test("Likelihood-ratio test of nested Poisson models with an offset against anova")
  func insuranceComparison() throws {
    let reference = Self.reference("insurance_poisson")["compare_group"] as! [String: Any]
    let options = Self.converged(.poisson)
    let full = try GLM.fit(
      formula: "Claims ~ District + Group + Age + offset(log(Holders))", data: Self.insurance,
      options: options)
    let reduced = try GLM.fit(
      formula: "Claims ~ Group + offset(log(Holders))", data: Self.insurance, options: options)
    let test = try LikelihoodRatioTest(reduced: reduced, full: full)
    expectApproximatelyEqual(
      test.statistic, Self.number(reference, "chi2"), relative: Tolerance.testStatistics, "chi2")
    #expect(test.degreesOfFreedom == (reference["df"] as! Int))
    expectApproximatelyEqual(
      test.pValue, Self.number(reference, "p_value"), relative: Tolerance.testStatistics, "p")
  }

  @Test("A transformed predictor log(Holders) as R computes it")
  func logPredictor() throws {
    let fit = try GLM.fit(
      formula: "Claims ~ log(Holders) + Age", data: Self.insurance,
      options: Self.converged(.poisson))
    Self.check(fit, Self.reference("insurance_log_predictor"))
    #expect(fit.coefficientNames[1] == "log(Holders)")
  }

  @Test("Negative binomial on quine: estimates, SEs, θ and its SE, AIC against glm.nb")
  func quineNegativeBinomial() throws {
    let reference = Self.reference("quine_negbin")
    let fit = try GLM.fit(
      formula: "Days ~ Eth + Sex + Age + Lrn", data: Self.quine,
      options: Self.converged(.negativeBinomial))
    Self.check(fit, reference)
    expectApproximatelyEqual(
      fit.theta, Self.number(reference, "theta"), relative: Tolerance.coefficients, "θ")
    // At the estimate, to 1e-6; glm.nb's own SE.theta is taken one Newton step earlier (its
    // theta.ml stops at a step of 1.2e-4), 3e-6 away.
    expectApproximatelyEqual(
      fit.thetaStandardError, Self.number(reference, "theta_std_error_converged"),
      relative: Tolerance.coefficients, "se(θ)")
    expectApproximatelyEqual(
      fit.thetaStandardError, Self.number(reference, "theta_std_error"), relative: 1e-5,
      "se(θ) as glm.nb prints it")
    let alpha = try #require(fit.alpha)
    expectApproximatelyEqual(
      alpha.estimate, 1 / Self.number(reference, "theta"), relative: Tolerance.coefficients, "α")
    let hc1 = try fit.coefficientTable(covariance: .hc1).rows.map { $0.standardError! }
    expectApproximatelyEqual(
      hc1, Reference.numbers(reference["hc1"]), relative: Tolerance.coefficients, "HC1")
  }

  @Test("The overdispersion test (LR of α = 0, half χ²₁) against the Poisson fit")
  func overdispersion() throws {
    let reference = Self.reference("quine_negbin")
    let test = try OverdispersionTest(
      poisson: GLM.fit(
        formula: "Days ~ Eth + Sex + Age + Lrn", data: Self.quine, options: Self.converged(.poisson)
      ),
      negativeBinomial: GLM.fit(
        formula: "Days ~ Eth + Sex + Age + Lrn", data: Self.quine,
        options: Self.converged(.negativeBinomial)))
    let expected = reference["overdispersion"] as! [String: Any]
    expectApproximatelyEqual(
      test.statistic, Self.number(expected, "chi2"), relative: Tolerance.testStatistics, "LR")
    expectApproximatelyEqual(
      test.pValue, Self.number(expected, "p_value"), relative: 1e-5, "p")
  }
}
