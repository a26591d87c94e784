import Foundation
import Microdata
import RegressionModels
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// `strata maihda --family/--covariates/--trials/--weight/--ml`: the job from the options, its
/// JSON (`family`, `loglik_scale`, grouped BIC) and disclosure control for every family.
@Suite("strata maihda: families")
struct MAIHDAFamilyJobTests {
  /// lme4::cbpp as a CSV file (the rows stored with the R reference, with their origin).
  static let cbpp: String = {
    let url = projectRoot().appendingPathComponent(
      "Tests/RegressionModelsTests/Reference/maihda_families.json")
    let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    let rows = (json["cbpp"] as! [String: Any])["rows"] as! [[String: Any]]
    let lines = rows.map { row in
      "\(row["herd"]!),\(row["incidence"]!),\(row["size"]!),\(row["period"]!)"
    }
    return TestCounty.write(
      (["herd,incidence,size,period"] + lines).joined(separator: "\n") + "\n", named: "cbpp.csv")
  }()

  @Test("grouped binomial with a covariate: cbpp's glmer fit through the job, grouped BIC")
  func cbppJob() throws {
    let job = MAIHDARequest(
      data: DataInput(path: Self.cbpp), strata: ["herd"], outcome: "incidence",
      covariates: ["period"], trials: "size", suppress: 0)
    let result = try job.run().result
    // glmer(cbind(incidence, size − incidence) ~ period + (1 | herd)), converged (R script).
    expectApproximatelyEqual(
      result.nullModel.randomIntercept.variance, 0.412499756829779, relative: 1e-4, "σ²")
    expectApproximatelyEqual(result.nullModel.logLikelihood, -92.0262818714972, relative: 1e-8, "ℓ")
    let json = try TestCounty.object(try job.publish().json)
    #expect(json["family"] as? String == "binomial")
    #expect(json["loglik_scale"] as? String == "grouped")
    #expect(json["covariates"] as? [String] == ["period: 2", "period: 3", "period: 4"])
    let null = try #require(json["null_model"] as? [String: Any])
    expectApproximatelyEqual(
      null["bic"] as? Double, 2 * 92.0262818714972 + log(56) * 5, relative: 1e-8, "BIC")
  }

  @Test("Poisson against the population: rate ratios, log-scale VPC, JSON keys")
  func poissonJob() throws {
    let job = MAIHDARequest(
      data: DataInput(path: TestCounty.path("suspects")), strata: ["kon", "fodelse"],
      population: DataInput(path: TestCounty.path("population")), family: .poisson,
      suppress: 0)
    let json = try TestCounty.object(try job.publish().json)
    #expect(json["family"] as? String == "poisson")
    #expect(json["loglik_scale"] as? String == "grouped")
    let main = try #require(json["main_effects_model"] as? [String: Any])
    let coefficients = try #require(main["coefficients"] as? [[String: Any]])
    #expect(coefficients.allSatisfy { $0["rate_ratio"] is Double && $0["odds_ratio"] == nil })
    // The intercept is a log rate per person (far below −12): not a separated estimate.
    #expect(coefficients[0]["separation"] as? Bool == false)
    let result = try job.run().result
    let fit = result.nullModel
    let s2 = fit.randomIntercept.variance
    var expected = 0.0
    var exposure = 0.0
    for (s, j) in fit.rows.enumerated() {
      let persons = Double(result.strata.first { $0.index == j }!.persons)
      expected += persons * exp(fit.linearPredictors[s] - fit.conditionalModes[s])
      exposure += persons
    }
    let lambda = expected / exposure * exp(s2 / 2)
    expectApproximatelyEqual(
      fit.randomIntercept.vpc, s2 / (s2 + log(1 + 1 / lambda)), relative: 1e-12, "VPC")
  }

  /// Person-level rows with a numeric outcome: four strata of 30 and one of 3 persons.
  static let gaussianFile: String = {
    var lines = ["kon;grupp;poang;vikt"]
    var state: UInt64 = 11
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / 9_007_199_254_740_992
    }
    for (kon, grupp, count, shift) in [
      ("1", "a", 30, 0.0), ("1", "b", 30, 3.0), ("2", "a", 30, 1.0), ("2", "b", 30, 5.0),
      ("2", "c", 3, 9.0), ("1", "c", 30, -2.0),
    ] {
      for _ in 0..<count {
        lines.append("\(kon);\(grupp);\(String(format: "%.2f", 50 + shift + 8 * (next() - 0.5)));1")
      }
    }
    return TestCounty.write(lines.joined(separator: "\n") + "\n", named: "poang.csv")
  }()

  @Test("Gaussian: σ²_e, no AUC or cases; a stratum of 3 persons is withheld with its mean")
  func gaussianJob() throws {
    let job = MAIHDARequest(
      data: DataInput(path: Self.gaussianFile), strata: ["kon", "grupp"], outcome: "poang",
      family: .gaussian, weight: "vikt")
    let json = try TestCounty.object(try job.publish().json)
    #expect(json["family"] as? String == "gaussian")
    #expect(json["method"] as? String == "reml")
    #expect(json["loglik_scale"] as? String == "individual")
    let null = try #require(json["null_model"] as? [String: Any])
    #expect(null["sigma2_e"] is Double && null["auc"] == nil && null["mor"] == nil)
    let strata = try #require(json["strata"] as? [[String: Any]])
    let small = try #require(
      strata.first { $0["grupp"] as? String == "c" && $0["kon"] as? String == "2" })
    #expect(small["suppressed"] as? Bool == true)
    #expect(small["observed"] == nil && small["predicted"] == nil)
    // A single small stratum takes the next smallest (by persons) with it.
    #expect(strata.filter { $0["suppressed"] as? Bool == true }.count == 2)
    for stratum in strata where stratum["suppressed"] == nil {
      #expect(stratum["cases"] == nil && stratum["observed"] is Double)
    }
    // ML differs from REML and is said so.
    let ml = MAIHDARequest(
      data: DataInput(path: Self.gaussianFile), strata: ["kon", "grupp"], outcome: "poang",
      family: .gaussian, ml: true, suppress: 0)
    let mlResult = try ml.run().result
    #expect(mlResult.method == .ml)
    let reml = try job.run().result
    #expect(
      mlResult.nullModel.randomIntercept.variance < reml.nullModel.randomIntercept.variance)
    // The Swedish tables name the residual variance and the mean, without English.
    let tables = try job.publish().tables
    let text = tables.flatMap { $0.rows.flatMap(\.labels) + $0.footnotes.map(\.text) }
    #expect(text.contains("Residualvarians inom strata, σ²_e"))
    #expect(!text.contains { $0.contains("Logistic") || $0.contains("odds") })
  }

  @Test("options parse into the job; misplaced options are usage errors")
  func parsing() throws {
    let parsed = try Strata.parseAsRoot([
      "maihda", "d.csv", "--strata", "herd", "--family", "binomial", "--outcome", "incidence",
      "--trials", "size", "--covariates", "period, lan", "--weight", "w",
    ])
    let job = try #require(parsed as? MAIHDACommand).job()
    #expect(job.family == .binomial && job.trials == "size" && job.weight == "w")
    #expect(job.covariates == ["period", "lan"])
    for arguments in [
      ["maihda", "d.csv", "--strata", "kon", "--population", "p.csv", "--family", "gaussian"],
      ["maihda", "d.csv", "--strata", "kon", "--outcome", "x", "--ml"],
      ["maihda", "d.csv", "--strata", "kon", "--outcome", "x", "--covariates", "kon"],
      ["maihda", "d.csv", "--strata", "kon", "--population", "p.csv", "--trials", "n"],
      ["maihda", "d.csv", "--strata", "kon", "--outcome", "x", "--family", "negbin"],
    ] {
      #expect(throws: (any Error).self, "\(arguments)") { try Strata.parseAsRoot(arguments) }
    }
  }
}

@Suite("recipe maihda entries: families")
struct MAIHDAFamilyRecipeTests {
  @Test("family, ml, covariates, trials and weight are recipe keys of a maihda entry")
  func recipeKeys() throws {
    let r = try recipe(
      """
      title: T
      data: {suspects: s.csv, population: p.csv}
      analyses:
        - {analysis: maihda, title: a, strata: [kon], family: poisson}
        - {analysis: maihda, title: b, strata: [kon], outcome: alder, family: gaussian, ml: true,
           covariates: [ar], weight: vikt}
        - {analysis: maihda, title: c, strata: [herd], outcome: incidence, trials: size}
      """)
    let jobs = try r.plannedAnalyses().map {
      try #require(try $0.makeJob(recipe: r, language: .sv) as? MAIHDARequest)
    }
    #expect(jobs[0].family == .poisson && jobs[0].population != nil)
    #expect(jobs[1].family == .gaussian && jobs[1].ml && jobs[1].covariates == ["ar"])
    #expect(jobs[1].weight == "vikt" && jobs[1].population == nil)
    #expect(jobs[2].family == .binomial && jobs[2].trials == "size")
    // An unknown family fails when the job is built, naming the entry's line.
    let bad = try recipe(
      "title: T\ndata: {suspects: s.csv}\nanalyses:\n  - {analysis: maihda, title: x, strata: [kon], outcome: y, family: gamma}\n"
    )
    #expect(throws: RecipeError.self) {
      for planned in try bad.plannedAnalyses() {
        _ = try planned.makeJob(recipe: bad, language: .sv)
      }
    }
  }
}
