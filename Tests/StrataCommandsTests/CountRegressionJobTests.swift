import Foundation
import Microdata
import RegressionModels
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import StrataCommands

@Suite("strata poisson and nbreg: the job")
struct CountRegressionJobTests {
  func job(
    _ formula: String, family: CountRegressionRequest.CountFamily = .poisson,
    population: Bool = true, suppress: Int = 5, ame: Bool = false, epsilon: Double = 1e-8
  ) -> CountRegressionRequest {
    CountRegressionRequest(
      family: family, data: DataInput(path: TestCounty.path("suspects")), formula: formula,
      population: population ? DataInput(path: TestCounty.path("population")) : nil, ame: ame,
      epsilon: epsilon, suppress: suppress)
  }

  /// The persons of `persons.csv` with `misstankt` 1 for those in `suspects.csv`.
  func personsWithOutcome() throws -> Dataset {
    let persons = try Dataset.load(
      contentsOf: URL(fileURLWithPath: TestCounty.path("persons")), codebook: .canonical)
    let suspects = try Dataset.load(
      contentsOf: URL(fileURLWithPath: TestCounty.path("suspects")), codebook: .canonical)
    let ids = Set(try suspects.strings("lopnr").compactMap { $0 })
    let outcome = try persons.strings("lopnr").map { ids.contains($0 ?? "") ? 1.0 : 0.0 }
    return persons.adding("misstankt", numbers: outcome)
  }

  @Test("Persons per cell against log(population) equal the person-level Poisson fit")
  func cellsEqualPersons() throws {
    // Poisson likelihoods collapse: the counts of a cell with offset log(persons) give the
    // estimates and model SEs of the 0/1 rows of its persons, each with exposure 1.
    let formula = "misstankt ~ kon * fodelse + utbildningsniva"
    let json = try TestCounty.object(
      try job(formula, suppress: 0, epsilon: 1e-13).publish().json)
    var options = GLMOptions()
    options.family = .poisson
    options.epsilon = 1e-13
    let individual = try GLM.fit(formula: formula, data: try personsWithOutcome(), options: options)
    let coefficients = try #require(json["coefficients"] as? [[String: Any]])
    #expect(coefficients.map { $0["term"] as? String } == individual.coefficientNames)
    for (row, (estimate, se)) in zip(
      coefficients, zip(individual.coefficients, individual.standardErrors))
    {
      expectApproximatelyEqual(
        row["estimate"] as? Double, try #require(estimate), relative: 1e-7, absolute: 1e-9,
        "estimate of \(row["term"]!)")
      expectApproximatelyEqual(
        row["std_error"] as? Double, try #require(se), relative: 1e-7, "SE of \(row["term"]!)")
      expectApproximatelyEqual(
        row["rate_ratio"] as? Double, exp(try #require(estimate)), relative: 1e-7, "IRR")
      #expect(row["odds_ratio"] == nil)
    }
    #expect(json["family"] as? String == "poisson")
    #expect(json["scale"] as? String == "cells")
    let population = try #require(json["population"] as? [String: Any])
    #expect(population["persons"] as? Int == individual.observationCount)
  }

  @Test("nbreg's JSON has θ, its SE, α and the overdispersion test; poisson's has no θ")
  func negativeBinomialShape() throws {
    let formula = "antal_misstankar ~ kon + alder + fodelse"
    let nb = try TestCounty.object(
      try job(formula, family: .negativeBinomial, population: false, suppress: 0).publish().json)
    #expect(nb["family"] as? String == "negbin")
    #expect(nb["scale"] as? String == "rows")
    #expect(nb.keys.contains("theta") && nb.keys.contains("theta_std_error"))
    #expect(nb.keys.contains("alpha"))
    let test = try #require(nb["overdispersion"] as? [String: Any])
    let p = try #require(test["p_value"] as? Double)
    let statistic = try #require(test["chi2"] as? Double)
    // Half χ²₁: p ≤ ½ for a positive statistic, 1 at 0 (θ unbounded).
    #expect(statistic > 0 ? p > 0 && p <= 0.5 : p == 1)
    let poisson = try TestCounty.object(
      try job(formula, population: false, suppress: 0).publish().json)
    #expect(poisson["theta"] == nil)
    #expect(poisson["pearson_dispersion"] is Double)
    // The same test from both sides.
    let other = try #require(poisson["overdispersion"] as? [String: Any])
    expectApproximatelyEqual(other["p_value"] as? Double, p, relative: 1e-9, "p")
  }

  @Test("A model whose design reveals a small count is withheld, keys kept as null")
  func withheld() throws {
    // The county's suspects aged 55–64 and 65+ are 1–4 persons.
    let result = try job("misstankt ~ kon + aldersgrupp", family: .negativeBinomial).run()
    #expect(result.disclosure.withheld)
    let json = try TestCounty.object(try result.publication().json)
    #expect((json["disclosure"] as? [String: Any])?["withheld"] as? Bool == true)
    for key in ["deviance", "log_likelihood", "aic", "bic", "theta", "theta_std_error", "alpha"] {
      #expect(json.keys.contains(key) && json[key] is NSNull, "\(key)")
    }
    #expect(json["overdispersion"] == nil)
    let coefficients = try #require(json["coefficients"] as? [[String: Any]])
    for row in coefficients {
      #expect(row["rate_ratio"] is NSNull && row["estimate"] is NSNull)
    }
    let table = try #require(try result.publication().tables.first)
    #expect(table.rows.allSatisfy { $0.cells.allSatisfy { $0.number == nil } })
  }

  @Test("AME on the rate per 100 000: the difference of the crude rates of a saturated model")
  func rateMarginalEffect() throws {
    let result = try job("misstankt ~ kon", suppress: 0, ame: true).run()
    let effects = try result.fits.main.averageMarginalEffects()
    let counts = try #require(result.fits.population)
    let fit = result.fits.main
    let (b0, b1) = (fit.coefficients[0]!, fit.coefficients[1]!)
    expectApproximatelyEqual(effects[0].estimate, exp(b0 + b1) - exp(b0), relative: 1e-10, "AME")
    #expect(counts.cases > 0)
    let table = try result.publication().tables
    #expect(table.count == 2)
    #expect(table[1].columns[1].label.hasPrefix("AME per 100"))
  }

  @Test("Swedish tables say incidenskvot, never odds ratio")
  func swedishHeaders() throws {
    let table = try #require(
      try job("misstankt ~ kon + fodelse", suppress: 0).publish().tables.first)
    let headers = table.columns.map(\.label)
    #expect(headers.contains("Incidenskvot (IRR)"))
    #expect(!headers.contains { $0.lowercased().contains("odds") })
  }

  @Test("poisson and nbreg options parse into the job, the shared model options included")
  func parsing() throws {
    for (name, family) in [
      ("poisson", CountRegressionRequest.CountFamily.poisson), ("nbreg", .negativeBinomial),
    ] {
      let parsed = try Strata.parseAsRoot([
        name, "d.csv", "--formula", "y ~ kon * fodelse", "--population", "p.csv",
        "--population-filter", "alder >= 18", "--reference", "kon=2", "fodelse='utrikes'",
        "--robust", "hc0", "--level", "0.9", "--compare", "y ~ kon", "--max-iterations", "7",
        "--epsilon", "1e-6", "--suppress", "3", "--per", "1000", "--ame", "--ci", "profile",
        "--title", "T", "--lang", "en",
      ])
      let options = try #require(
        (parsed as? PoissonCommand)?.options ?? (parsed as? NegativeBinomialCommand)?.options)
      let job = try options.job(family)
      #expect(job.family == family && job.data.path == "d.csv" && job.population?.path == "p.csv")
      #expect(job.populationFilter == "alder >= 18")
      #expect(job.reference == ["kon": "2", "fodelse": "utrikes"])
      #expect(job.robust == .hc0 && job.cluster == nil && job.weight == nil && job.offset == nil)
      #expect(job.level == 0.9 && job.compare == ["y ~ kon"])
      #expect(job.maxIterations == 7 && job.epsilon == 1e-6 && job.suppress == 3)
      #expect(job.per == 1000 && job.ame && job.interval == .profile && job.title == "T")
      #expect(job.language == .en)
      #expect(job.glmOptions(family.family).covariance == .hc0)
      #expect(job.glmOptions(family.family).maxIterations == 7)
    }
    let weighted = try #require(
      try Strata.parseAsRoot([
        "poisson", "d.csv", "--formula", "y ~ kon", "--weight", "w", "--cluster", "lopnr",
        "--offset", "o",
      ]) as? PoissonCommand
    ).options.job(.poisson)
    #expect(weighted.weight == "w" && weighted.cluster == "lopnr" && weighted.offset == "o")
    #expect(weighted.glmOptions(.poisson).covariance == .cluster)
    #expect(throws: (any Error).self) {
      try Strata.parseAsRoot(["nbreg", "d.csv", "--formula", "y ~ kon", "--reference", "kon"])
    }
  }

  @Test("CLI: exit 2 for --offset with --population, exit 1 naming the line of a negative count")
  func commandLine() throws {
    guard TestCounty.executable != nil else { return }
    let usage = try TestCounty.run([
      "poisson", TestCounty.path("suspects"), "--population", TestCounty.path("population"),
      "--offset", "x", "--formula", "misstankt ~ kon",
    ])
    #expect(usage.status == 2)
    let file = TestCounty.write(
      "kon;antal\n1;3\n2;4\n1;-2\n2;1\n", named: "negative.csv")
    let bad = try TestCounty.run(["nbreg", file, "--formula", "antal ~ kon"])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("line 4"), "\(bad.stderr)")
    let json = try TestCounty.run([
      "poisson", TestCounty.path("suspects"), "--population", TestCounty.path("population"),
      "--formula", "misstankt ~ kon + fodelse", "--format", "json",
    ])
    #expect(json.status == 0)
    let object = try TestCounty.object(Data(json.stdout.utf8))
    #expect(object["family"] as? String == "poisson")
  }
}
