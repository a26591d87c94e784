import Foundation
import RegressionModels
import StatsTestSupport
import Testing

/// Average marginal effects of `am ~ wt + hp` on mtcars against R by hand
/// (scripts/reference/make_ame_reference.R: the mean of dp/dx and its delta-method standard error
/// with the analytic Jacobian), through the struct and through the JSON encoding the CLI writes.
///
/// The JSON check exists because `MarginalEffect.encode(to:)` once called `finite(x)` on
/// non-optional doubles, which with Foundation imported is the C library's
/// `finite(Double) -> Int32`: every AME field was written as 1.
@Suite("Average marginal effects: values and JSON")
struct MarginalEffectsJSONTests {
  nonisolated(unsafe) static let reference: [String: Any] = {
    let data = try! Data(contentsOf: fixture("Reference/ame_mtcars.json"))
    return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
  }()

  static var mtcars: TestTable {
    let d = reference["data"] as! [String: Any]
    var t = TestTable(rowCount: Reference.numbers(d["am"]).count)
    for name in ["am", "wt", "hp"] { t.add(name, Reference.numbers(d[name])) }
    return t
  }

  /// The reference effects by variable: estimate, std_error, z, p_value, lower, upper.
  static var expected: [String: [String: Double]] {
    var result: [String: [String: Double]] = [:]
    for effect in reference["ame"] as! [[String: Any]] {
      var values: [String: Double] = [:]
      for (key, value) in effect {
        if let number = value as? NSNumber { values[key] = number.doubleValue }
      }
      result[effect["variable"] as! String] = values
    }
    return result
  }

  /// Tolerance.coefficients (1e-6) for the AMEs, SEs, z and interval ends: R's fit converged to
  /// 1e-15, Strata's IRLS stops at a deviance change of 1e-8 (measured: AMEs within 7e-15, SEs
  /// and z within 5e-8, interval ends within 7e-8). The p-value of wt is 3e-10; its relative
  /// error is about z² times that of z (measured 2e-6), hence 1e-5.
  static func check(_ observed: [String: Double?], _ expected: [String: Double], _ variable: String)
  {
    for key in ["estimate", "std_error", "z", "lower", "upper"] {
      expectApproximatelyEqual(
        observed[key] ?? nil, expected[key]!, relative: Tolerance.coefficients,
        "\(variable) \(key)")
    }
    expectApproximatelyEqual(
      observed["p_value"] ?? nil, expected["p_value"]!, relative: 1e-5, "\(variable) p_value")
  }

  @Test("The fit and its AMEs agree with R", arguments: GLMOptions.Factorization.allCases)
  func values(factorization: GLMOptions.Factorization) throws {
    var options = GLMOptions()
    options.factorization = factorization
    let fit = try GLM.fit(formula: "am ~ wt + hp", data: Self.mtcars, options: options)
    expectApproximatelyEqual(
      fit.coefficients.map { $0! }, Reference.numbers(Self.reference["coefficients"]),
      relative: Tolerance.coefficients, "β")
    let effects = try fit.averageMarginalEffects()
    #expect(effects.map(\.variable) == ["wt", "hp"])
    for effect in effects {
      Self.check(
        [
          "estimate": effect.estimate, "std_error": effect.standardError, "z": effect.statistic,
          "p_value": effect.pValue, "lower": effect.lower, "upper": effect.upper,
        ], Self.expected[effect.variable]!, effect.variable)
    }
  }

  @Test("The JSON of the summary carries the AMEs, not 1")
  func json() throws {
    let fit = try GLM.fit(formula: "am ~ wt + hp", data: Self.mtcars)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(try fit.summary(marginalEffects: true))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let effects = try #require(object["marginal_effects"] as? [[String: Any]])
    #expect(effects.count == 2)
    for effect in effects {
      let variable = try #require(effect["variable"] as? String)
      #expect(effect["level"] is NSNull && effect["reference"] is NSNull)
      var values: [String: Double?] = [:]
      for key in ["estimate", "std_error", "z", "p_value", "lower", "upper"] {
        values[key] = (effect[key] as? NSNumber)?.doubleValue
        #expect(values[key] != 1, "\(variable) \(key) is written as 1")
      }
      Self.check(values, Self.expected[variable]!, variable)
    }
  }
}
