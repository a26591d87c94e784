import Analysis
import Foundation
import Testing

@testable import StrataCommands

/// `strata tabulate --test --correct` and `--fisher [--simulate B --seed S]`.
@Suite struct TabulateExactTestTests {
  @Test func correctAndFisherOptionsFillTheJob() throws {
    let job = try TabulateCommand.parse([
      "suspects.csv", "--rows", "kon", "--cols", "aldersgrupp", "--test", "--correct", "--fisher",
      "--simulate", "5000", "--seed", "42",
    ]).request
    #expect(job.correct && job.fisher && job.simulate == 5000 && job.seed == 42)
    #expect(job.fisherMethod == .monteCarlo(replicates: 5000, seed: 42))
  }

  @Test(arguments: [
    ["--rows", "kon", "--cols", "fodelse", "--correct"],
    ["--rows", "kon", "--cols", "fodelse", "--fisher"],
    ["--rows", "kon", "--cols", "fodelse", "--test", "--simulate", "100"],
    ["--rows", "kon", "--cols", "fodelse", "--test", "--fisher", "--simulate", "0"],
  ])
  func refinementsWithoutTheirTestAreUsageErrors(options: [String]) throws {
    let result = try TestCounty.run(["tabulate", TestCounty.path("suspects")] + options)
    #expect(result.status == 2, "\(options): \(result.stderr)")
  }

  @Test func yatesIsStatedInTheJSONAndInEveryTable() throws {
    let args = [
      "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--cols", "fodelse", "--test",
      "--correct",
    ]
    let json = try TestCounty.object(
      Data(try TestCounty.run(args + ["--format", "json"]).stdout.utf8))
    let test = try #require(json["test"] as? [String: Any])
    #expect(test["correction"] as? String == "yates")
    let plain = try TestCounty.object(
      Data(try TestCounty.run(Array(args.dropLast()) + ["--format", "json"]).stdout.utf8))
    let plainTest = try #require(plain["test"] as? [String: Any])
    #expect(plainTest["correction"] as? String == "none")
    // The corrected statistic is smaller; Cramér's V is the same.
    let chi2 = try #require(test["chi2"] as? Double)
    let plainChi2 = try #require(plainTest["chi2"] as? Double)
    #expect(chi2 < plainChi2)
    #expect(test["cramers_v"] as? Double == plainTest["cramers_v"] as? Double)
    let swedish = try TestCounty.run(args).stdout
    #expect(swedish.contains("Kontinuitetskorrektion") && swedish.contains("Yates"))
    let english = try TestCounty.run(args + ["--lang", "en"]).stdout
    #expect(english.contains("Continuity correction"))
  }

  @Test func monteCarloFisherStatesItsSeedAndIsReproducible() throws {
    let args = [
      "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--cols", "aldersgrupp",
      "--test", "--fisher", "--simulate", "500", "--seed", "11", "--suppress", "0",
      "--format", "json",
    ]
    let first = try TestCounty.object(Data(try TestCounty.run(args).stdout.utf8))
    let second = try TestCounty.object(Data(try TestCounty.run(args).stdout.utf8))
    let test = try #require(first["test"] as? [String: Any])
    #expect(test["fisher_method"] as? String == "monte_carlo")
    #expect(test["fisher_replicates"] as? Int == 500 && test["fisher_seed"] as? Int == 11)
    let p = try #require(test["fisher_p_value"] as? Double)
    #expect(p > 0 && p <= 1)
    #expect((second["test"] as? [String: Any])?["fisher_p_value"] as? Double == p)
  }

  @Test func fisherIsWithheldWithTheTestWhenCellsAreSuppressed() throws {
    let result = try TestCounty.run([
      "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--cols", "aldersgrupp",
      "--test", "--fisher", "--simulate", "200", "--format", "json",
    ])
    let json = try TestCounty.object(Data(result.stdout.utf8))
    let suppression = try #require(json["suppression"] as? [String: Any])
    #expect((suppression["primary"] as? Int ?? 0) > 0, "the fixture must have small cells")
    let test = try #require(json["test"] as? [String: Any])
    #expect(test["suppressed"] as? Bool == true)
    #expect(test["fisher_p_value"] == nil && test["chi2"] == nil && test["correction"] == nil)
  }
}
