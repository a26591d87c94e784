import Foundation
import StatsTestSupport
import Testing

/// The two wrong results of issue #13, end to end through the built `strata` binary, against the
/// R references of RegressionModelsTests (scripts/reference/make_ame_reference.R and
/// make_firth_separation_reference.R).
@Suite("strata logit: AME JSON and Firth under complete separation")
struct LogitWrongResultTests {
  static func reference(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: fixture("../RegressionModelsTests/Reference/\(name).json"))
    return try TestCounty.object(data)
  }

  /// The reference's `data` columns as a CSV file.
  static func csv(_ reference: [String: Any], columns: [String]) throws -> String {
    let data = try #require(reference["data"] as? [String: [Double]])
    let n = try #require(data[columns[0]]).count
    var text = columns.joined(separator: ",") + "\n"
    for i in 0..<n {
      text += columns.map { "\(data[$0]![i])" }.joined(separator: ",") + "\n"
    }
    return text
  }

  @Test("`--ame --format json` writes the AMEs of R, not 1")
  func ameJSON() throws {
    let reference = try Self.reference("ame_mtcars")
    let path = TestCounty.write(
      try Self.csv(reference, columns: ["am", "wt", "hp"]), named: "mtcars.csv")
    let run = try TestCounty.run([
      "logit", path, "--formula", "am ~ wt + hp", "--ame", "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try TestCounty.object(Data(run.stdout.utf8))
    let effects = try #require(json["marginal_effects"] as? [[String: Any]])
    let expected = try #require(reference["ame"] as? [[String: Any]])
    #expect(effects.map { $0["variable"] as? String } == ["wt", "hp"])
    for (effect, want) in zip(effects, expected) {
      for key in ["estimate", "std_error", "z", "lower", "upper"] {
        // The model test measures 7e-8 at most (IRLS stops at a deviance change of 1e-8).
        expectApproximatelyEqual(
          effect[key] as? Double, try #require(want[key] as? Double),
          relative: Tolerance.coefficients, "\(want["variable"]!) \(key)")
      }
      expectApproximatelyEqual(
        effect["p_value"] as? Double, try #require(want["p_value"] as? Double), relative: 1e-5,
        "\(want["variable"]!) p_value")
    }
  }

  @Test("`--firth` on completely separated data succeeds with brglm2's estimates")
  func firthSeparated() throws {
    let reference = try Self.reference("firth_complete_separation")
    let path = TestCounty.write(try Self.csv(reference, columns: ["x", "y"]), named: "sep.csv")
    let run = try TestCounty.run([
      "logit", path, "--formula", "y ~ x", "--firth", "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try TestCounty.object(Data(run.stdout.utf8))
    #expect(json["method"] as? String == "firth")
    #expect(json["intervals"] as? String == "profile")
    let coefficients = try #require(json["coefficients"] as? [[String: Any]])
    let estimates = try #require(reference["firth_coefficients"] as? [Double])
    let intervals = try #require(reference["firth_profile_ci"] as? [[Double]])
    #expect(coefficients.count == estimates.count)
    for (k, row) in coefficients.enumerated() where k < estimates.count {
      expectApproximatelyEqual(
        row["estimate"] as? Double, estimates[k], relative: Tolerance.profile, "estimate \(k)")
      let interval = try #require(row["estimate_ci"] as? [Double])
      expectApproximatelyEqual(
        interval[0], intervals[k][0], relative: Tolerance.profile, "lower \(k)")
      expectApproximatelyEqual(
        interval[1], intervals[k][1], relative: Tolerance.profile, "upper \(k)")
    }
  }
}
