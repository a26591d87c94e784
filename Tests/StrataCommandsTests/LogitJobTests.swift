import Foundation
import Microdata
import RegressionModels
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("strata logit: the job")
struct LogitJobTests {
  /// A job on the 20 000-person county. Its suspects aged 55–64 and 65+ are 1–4, so a model
  /// with `aldersgrupp` is withheld under the default threshold; tests of the estimates
  /// themselves pass `suppress: 0` (internal output).
  func job(
    _ formula: String, population: Bool = true, filter: String? = nil, suppress: Int = 5
  ) -> LogitRequest {
    LogitRequest(
      data: DataInput(path: TestCounty.path("suspects")), filter: filter, formula: formula,
      population: population ? DataInput(path: TestCounty.path("population")) : nil,
      suppress: suppress)
  }

  /// The persons of `persons.csv` with a 0/1 column `misstankt`: 1 for the persons whose
  /// `lopnr` appears in a row of `suspects.csv` that `condition` (if any) selects.
  func personsWithOutcome(condition: String? = nil) throws -> Dataset {
    let persons = try Dataset.load(
      contentsOf: URL(fileURLWithPath: TestCounty.path("persons")), codebook: .canonical)
    var suspects = try Dataset.load(
      contentsOf: URL(fileURLWithPath: TestCounty.path("suspects")), codebook: .canonical)
    if let condition { suspects = try suspects.filtered(condition) }
    let ids = Set(try suspects.strings("lopnr").compactMap { $0 })
    let outcome = try persons.strings("lopnr").map { ids.contains($0 ?? "") ? 1.0 : 0.0 }
    return persons.adding("misstankt", numbers: outcome)
  }

  @Test(
    "grouped against the population equals the person-level fit of the person register",
    arguments: [
      ("misstankt ~ kon * fodelse + utbildningsniva", nil as String?),
      ("antal_misstankar >= 2 ~ kon + fodelseregion + utbildningsniva", "antal_misstankar >= 2"),
    ])
  func groupedEqualsPersonLevel(formula: String, condition: String?) throws {
    let result = try job(formula, suppress: 0).publish()
    let json = try TestCounty.object(result.json)
    let rhs = formula.split(separator: "~")[1]
    let individual = try GLM.fit(
      formula: "misstankt ~" + rhs, data: try personsWithOutcome(condition: condition))
    let coefficients = try #require(json["coefficients"] as? [[String: Any]])
    #expect(coefficients.map { $0["term"] as? String } == individual.coefficientNames)
    for (row, (estimate, se)) in zip(
      coefficients, zip(individual.coefficients, individual.standardErrors))
    {
      expectApproximatelyEqual(
        row["estimate"] as? Double, try #require(estimate), relative: 1e-8, absolute: 1e-10,
        "estimate of \(row["term"]!)")
      expectApproximatelyEqual(
        row["std_error"] as? Double, try #require(se), relative: 1e-8, "SE of \(row["term"]!)")
    }
    #expect(json["n"] as? Int == individual.observationCount)
    #expect(json["df_residual"] as? Int == individual.dfResidual)
    expectApproximatelyEqual(json["deviance"] as? Double, individual.deviance, relative: 1e-9)
    expectApproximatelyEqual(json["aic"] as? Double, individual.aic, relative: 1e-9)
    expectApproximatelyEqual(json["bic"] as? Double, individual.bic, relative: 1e-9)
    expectApproximatelyEqual(
      json["log_likelihood"] as? Double, individual.logLikelihood, relative: 1e-9)
    expectApproximatelyEqual(
      json["null_deviance"] as? Double, individual.nullDeviance, relative: 1e-9)
  }

  @Test("the JSON has exactly the contract's keys and types")
  func contractShape() throws {
    let json = try TestCounty.object(
      try job("misstankt ~ kon * fodelse + aldersgrupp", suppress: 0).publish().json)
    for key in ["n", "df_residual", "iterations"] { #expect(json[key] is Int, "\(key)") }
    for key in ["deviance", "null_deviance", "log_likelihood", "aic", "bic"] {
      #expect(json[key] is Double, "\(key)")
    }
    #expect(json["converged"] as? Bool == true)
    #expect(json["separation"] as? Bool == false)
    #expect(json["method"] as? String == "irls")
    #expect(json["warnings"] is [String])
    #expect(json["excluded"] is [String: Any])
    let coefficients = try #require(json["coefficients"] as? [[String: Any]])
    #expect(coefficients.count == 10)
    for row in coefficients {
      #expect(
        Set(row.keys).isSuperset(of: [
          "term", "estimate", "std_error", "z", "p_value", "odds_ratio", "ci",
        ]))
      #expect((row["ci"] as? [Double])?.count == 2)
      for key in ["estimate", "std_error", "z", "p_value", "odds_ratio"] {
        #expect(row[key] is Double, "\(key) of \(row["term"]!)")
      }
      let ratio = try #require(row["odds_ratio"] as? Double)
      let ci = try #require(row["ci"] as? [Double])
      #expect(ci[0] < ratio && ratio < ci[1])
      expectApproximatelyEqual(
        ratio, exp(try #require(row["estimate"] as? Double)), relative: 1e-14)
    }
    let terms = coefficients.compactMap { $0["term"] as? String }
    #expect(terms.first == "(Intercept)")
    #expect(terms.contains("kon: 2 & fodelse: utrikes"))
    let population = try #require(json["population"] as? [String: Any])
    #expect(population["persons"] as? Int == json["n"] as? Int)
  }

  @Test("cases are distinct persons: a person with several offence types counts once")
  func distinctPersons() throws {
    // Every suspect again with another offence type, the first ten 30 years older.
    let text = try String(contentsOfFile: TestCounty.path("suspects"), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    let original = lines.count - 1
    for (k, line) in lines.dropFirst().enumerated() {
      var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
      fields[6] = "sexkop"
      if k < 10 { fields[3] = String(Int(fields[3])! + 30) }
      lines.append(fields.joined(separator: ";"))
    }
    let path = TestCounty.write(lines.joined(separator: "\n") + "\n", named: "suspects.csv")
    let result = try LogitRequest(
      data: DataInput(path: path), formula: "misstankt ~ kon + aldersgrupp",
      population: DataInput(path: TestCounty.path("population")), suppress: 0
    ).publish()
    let json = try TestCounty.object(result.json)
    let population = try #require(json["population"] as? [String: Any])
    #expect(population["cases"] as? Int == original)
    #expect(result.warnings.contains { $0.contains("cell of their first row") })
    let single = try TestCounty.object(
      try job("misstankt ~ kon + aldersgrupp", suppress: 0).publish().json)
    #expect(
      (single["coefficients"] as? [[String: Any]])?.map { $0["estimate"] as? Double }
        == (json["coefficients"] as? [[String: Any]])?.map { $0["estimate"] as? Double })
  }

  @Test("an aliased term has null values and a warning")
  func aliased() throws {
    let result = try job("misstankt ~ fodelse + fodelseregion").publish()
    let json = try TestCounty.object(result.json)
    let coefficients = try #require(json["coefficients"] as? [[String: Any]])
    let aliased = coefficients.filter { $0["estimate"] is NSNull }
    #expect(aliased.count == 1)
    for key in ["std_error", "z", "p_value", "odds_ratio", "ci"] {
      #expect(aliased.first?[key] is NSNull, "\(key)")
    }
    #expect(result.warnings.contains { $0.contains("Not estimable") })
    #expect((json["aliased"] as? [String])?.count == 1)
  }

  @Test("--compare: likelihood-ratio tests between consecutive nested models")
  func compare() throws {
    var job = job("misstankt ~ kon * fodelse")
    job.compare = ["misstankt ~ kon + fodelse", "misstankt ~ kon"]
    let result = try job.publish()
    let json = try TestCounty.object(result.json)
    let models = try #require(json["compared_models"] as? [[String: Any]])
    #expect(
      models.compactMap { $0["formula"] as? String } == [
        "misstankt ~ kon", "misstankt ~ kon + fodelse", "misstankt ~ kon * fodelse",
      ])
    let tests = try #require(json["comparisons"] as? [[String: Any]])
    #expect(tests.count == 2)
    for (k, test) in tests.enumerated() {
      let reduced = try #require(models[k]["deviance"] as? Double)
      let full = try #require(models[k + 1]["deviance"] as? Double)
      expectApproximatelyEqual(test["chi2"] as? Double, reduced - full, relative: 1e-12)
      #expect(test["df"] as? Int == 1)
      #expect(test["nested"] as? Bool == true)
    }
    // The coefficients, the combined odds ratios of the interaction, the comparison.
    #expect(result.tables.count == 3)
    #expect(result.tables[1].title == job.language.text(.interactionEffectsTitle))
  }

  @Test("Firth's method reports profile-likelihood intervals by default")
  func firth() throws {
    var job = job("misstankt ~ kon + fodelse")
    job.firth = true
    let json = try TestCounty.object(try job.publish().json)
    #expect(json["method"] as? String == "firth")
    #expect(json["intervals"] as? String == "profile")
  }
}
