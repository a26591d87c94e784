import Foundation
import RegressionModels
import StatsTestSupport
import Testing

/// Logistic (and Poisson) fits against R's glm on R's own data sets (infert, esoph, Dobson's
/// counts), under both factorisations. Values from scripts/reference/make_glm_reference.R.
@Suite("GLM against R")
struct GLMReferenceTests {
  static let factorizations = GLMOptions.Factorization.allCases

  /// The cases whose R fit is an ordinary ML fit of `formula` on infert.
  static let infertCases = [
    "infert_numeric", "infert_factor", "infert_interaction_only", "infert_crossed",
    "infert_rank_deficient", "infert_no_intercept", "infert_probit", "infert_cloglog",
    "infert_condition",
  ]

  static func options(_ reference: [String: Any], _ factorization: GLMOptions.Factorization)
    -> GLMOptions
  {
    var options = GLMOptions()
    options.factorization = factorization
    if let link = reference["link"] as? String { options.link = Link(rawValue: link)! }
    return options
  }

  static func checkSummary(
    _ fit: GLMFit, _ reference: [String: Any], what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let coefficients = Reference.numbers(reference["coefficients"])
    let errors = Reference.numbers(reference["std_errors"])
    #expect(fit.coefficients.count == coefficients.count, sourceLocation: sourceLocation)
    for j in 0..<min(coefficients.count, fit.coefficients.count) {
      if coefficients[j].isNaN {
        #expect(
          fit.coefficients[j] == nil, "\(what) \(fit.coefficientNames[j]) aliased",
          sourceLocation: sourceLocation)
        #expect(fit.standardErrors[j] == nil, sourceLocation: sourceLocation)
      } else {
        expectApproximatelyEqual(
          fit.coefficients[j], coefficients[j], relative: Tolerance.coefficients, absolute: 1e-9,
          "\(what) coefficient \(fit.coefficientNames[j])", sourceLocation: sourceLocation)
        expectApproximatelyEqual(
          fit.standardErrors[j], errors[j], relative: Tolerance.coefficients,
          "\(what) SE \(fit.coefficientNames[j])", sourceLocation: sourceLocation)
      }
    }
    for (key, value) in [
      ("deviance", fit.deviance), ("null_deviance", fit.nullDeviance),
      ("log_likelihood", fit.logLikelihood), ("aic", fit.aic), ("bic", fit.bic),
    ] {
      expectApproximatelyEqual(
        value, (reference[key] as! NSNumber).doubleValue, relative: Tolerance.deviance,
        "\(what) \(key)", sourceLocation: sourceLocation)
    }
    #expect(fit.dfResidual == (reference["df_residual"] as! Int), sourceLocation: sourceLocation)
    #expect(fit.dfNull == (reference["df_null"] as! Int), sourceLocation: sourceLocation)
    #expect(fit.converged, sourceLocation: sourceLocation)
  }

  @Test("infert fits agree with R", arguments: infertCases, factorizations)
  func infert(name: String, factorization: GLMOptions.Factorization) throws {
    let reference = Reference.case(name)
    let formula = try Formula(reference["formula"] as! String)
    let fit = try GLM.fit(
      formula: formula, data: Reference.infert, options: Self.options(reference, factorization))
    Self.checkSummary(fit, reference, what: "\(name) (\(factorization))")
  }

  @Test("R's default-control standard errors agree to 1e-4", arguments: infertCases)
  func defaultControl(name: String) throws {
    // R's summary.glm takes W from the step before the estimates; at epsilon = 1e-8 that can be
    // 2e-5 (relative) from the information at the estimates, which Strata reports.
    let reference = Reference.case(name)
    let fit = try GLM.fit(
      formula: reference["formula"] as! String, data: Reference.infert,
      options: Self.options(reference, .cholesky))
    let expected = Reference.numbers(reference["std_errors_r_default"])
    for j in 0..<expected.count where !expected[j].isNaN {
      expectApproximatelyEqual(
        fit.standardErrors[j], expected[j], relative: 1e-4, "\(name) SE \(j)")
    }
  }

  @Test(
    "Iterations agree with R", arguments: ["infert_numeric", "infert_factor", "infert_crossed"])
  func iterations(name: String) throws {
    let reference = Reference.case(name)
    let fit = try GLM.fit(formula: reference["formula"] as! String, data: Reference.infert)
    #expect(fit.iterations == reference["iterations"] as! Int)
  }

  @Test("A chosen reference level", arguments: factorizations)
  func referenceLevel(factorization: GLMOptions.Factorization) throws {
    let reference = Reference.case("infert_reference")
    var options = Self.options(reference, factorization)
    options.reference = ["education": "12+ yrs"]
    let fit = try GLM.fit(
      formula: reference["formula"] as! String, data: Reference.infert, options: options)
    #expect(
      fit.coefficientNames == [
        "(Intercept)", "education: 0-5yrs", "education: 6-11yrs", "spontaneous",
      ])
    Self.checkSummary(fit, reference, what: "reference level")
  }

  @Test("Coefficient names follow StatsModels and R's column order")
  func names() throws {
    let crossed = try GLM.fit(
      formula: "case ~ agegrp * induced_f + spontaneous", data: Reference.infert)
    #expect(
      crossed.coefficientNames == [
        "(Intercept)", "agegrp: 29-32", "agegrp: 33-44", "induced_f: 1", "induced_f: 2",
        "spontaneous",
        "agegrp: 29-32 & induced_f: 1", "agegrp: 33-44 & induced_f: 1",
        "agegrp: 29-32 & induced_f: 2", "agegrp: 33-44 & induced_f: 2",
      ])
    let only = try GLM.fit(formula: "case ~ agegrp : induced_f", data: Reference.infert)
    #expect(only.coefficientNames.count == 10)
    #expect(only.coefficientNames[1] == "agegrp: 21-28 & induced_f: 0")
    #expect(only.diagnostics.aliased == ["agegrp: 33-44 & induced_f: 2"])
    let noIntercept = try GLM.fit(
      formula: "case ~ 0 + education + spontaneous : education", data: Reference.infert)
    #expect(
      noIntercept.coefficientNames == [
        "education: 0-5yrs", "education: 6-11yrs", "education: 12+ yrs",
        "education: 0-5yrs & spontaneous", "education: 6-11yrs & spontaneous",
        "education: 12+ yrs & spontaneous",
      ])
    let deficient = try GLM.fit(formula: "case ~ age + age2 + spontaneous", data: Reference.infert)
    #expect(deficient.diagnostics.aliased == ["age2"])
    #expect(deficient.warnings.contains { $0.contains("age2") })
  }

  @Test("Poisson counts (Dobson) agree with R", arguments: factorizations)
  func poisson(factorization: GLMOptions.Factorization) throws {
    let reference = Reference.case("dobson_poisson")
    let d = Reference.data("dobson")
    var table = TestTable(rowCount: 9)
    table.add("counts", Reference.numbers(d["counts"]))
    table.add("outcome", levels: ["1", "2", "3"], values: Reference.strings(d["outcome"]))
    table.add("treatment", levels: ["1", "2", "3"], values: Reference.strings(d["treatment"]))
    var options = Self.options(reference, factorization)
    options.family = .poisson
    let fit = try GLM.fit(formula: "counts ~ outcome + treatment", data: table, options: options)
    Self.checkSummary(fit, reference, what: "Dobson")
  }

  @Test("Likelihood-ratio test of nested models agrees with anova()")
  func likelihoodRatio() throws {
    let reference = Reference.json["likelihood_ratio"] as! [String: Any]
    let reduced = try GLM.fit(formula: "case ~ spontaneous", data: Reference.infert)
    let full = try GLM.fit(formula: "case ~ spontaneous + induced", data: Reference.infert)
    let test = try LikelihoodRatioTest(reduced: reduced, full: full)
    expectApproximatelyEqual(
      test.statistic, (reference["statistic"] as! NSNumber).doubleValue, relative: 1e-7,
      "LR statistic")
    #expect(test.degreesOfFreedom == reference["df"] as! Int)
    expectApproximatelyEqual(
      test.pValue, (reference["p_value"] as! NSNumber).doubleValue,
      relative: Tolerance.testStatistics, "p")
    #expect(throws: ModelError.self) { try LikelihoodRatioTest(reduced: full, full: reduced) }
  }
}
