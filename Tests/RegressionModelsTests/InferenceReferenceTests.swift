import Foundation
import RegressionModels
import StatsTestSupport
import Testing

/// Robust covariance, profile intervals and marginal effects against R (sandwich, MASS, and
/// average marginal effects computed by hand in R with a numerical Jacobian).
@Suite("Inference against R")
struct InferenceReferenceTests {
  static let factorizations = GLMOptions.Factorization.allCases

  static func fit(_ name: String, _ options: GLMOptions = GLMOptions()) throws -> (
    GLMFit, [String: Any]
  ) {
    let reference = Reference.case(name)
    return (
      try GLM.fit(
        formula: reference["formula"] as! String, data: Reference.infert, options: options),
      reference
    )
  }

  static func standardErrors(_ fit: GLMFit, _ type: CovarianceType) throws -> [Double] {
    let table = try fit.coefficientTable(covariance: type)
    return table.rows.map { $0.standardError ?? .nan }
  }

  @Test(
    "HC0, HC1 and cluster-robust SEs agree with sandwich",
    arguments: ["infert_numeric", "infert_factor", "infert_crossed"], factorizations)
  func sandwich(name: String, factorization: GLMOptions.Factorization) throws {
    var options = GLMOptions()
    options.factorization = factorization
    options.cluster = "stratum"
    let (fit, reference) = try Self.fit(name, options)
    if let hc0 = reference["hc0"] {
      expectApproximatelyEqual(
        try Self.standardErrors(fit, .hc0), Reference.numbers(hc0),
        relative: Tolerance.coefficients, "HC0")
    }
    expectApproximatelyEqual(
      try Self.standardErrors(fit, .hc1), Reference.numbers(reference["hc1"]),
      relative: Tolerance.coefficients, "HC1")
    expectApproximatelyEqual(
      try Self.standardErrors(fit, .cluster), Reference.numbers(reference["cluster_stratum"]),
      relative: Tolerance.coefficients, "vcovCL")
    // The fit's own covariance type drives `standardErrors`.
    options.covariance = .hc1
    let robust = try GLM.fit(
      formula: reference["formula"] as! String, data: Reference.infert, options: options)
    expectApproximatelyEqual(
      robust.standardErrors.map { $0 ?? .nan }, Reference.numbers(reference["hc1"]),
      relative: Tolerance.coefficients, "fit HC1")
  }

  @Test(
    "Profile-likelihood intervals: exact root finding and MASS's confint",
    arguments: ["infert_numeric", "infert_factor"])
  func profile(name: String) throws {
    let (fit, reference) = try Self.fit(name)
    let intervals = try fit.profileConfidenceIntervals(level: 0.95)
    let exact = Reference.intervals(reference["profile_exact"])
    let confint = Reference.intervals(reference["profile_confint"])
    for j in 0..<exact.count {
      // Against R's uniroot on the signed root: both are root finding to 1e-10.
      expectApproximatelyEqual(
        intervals[j]?.lowerBound, exact[j][0], relative: 1e-7, absolute: 1e-9, "exact lower \(j)")
      expectApproximatelyEqual(
        intervals[j]?.upperBound, exact[j][1], relative: 1e-7, absolute: 1e-9, "exact upper \(j)")
      // MASS interpolates a spline through a grid of the profile, which is itself off by up to
      // 6e-4 (relative) from the root.
      expectApproximatelyEqual(
        intervals[j]?.lowerBound, confint[j][0], relative: 1e-3, absolute: 1e-5,
        "confint lower \(j)")
      expectApproximatelyEqual(
        intervals[j]?.upperBound, confint[j][1], relative: 1e-3, absolute: 1e-5,
        "confint upper \(j)")
    }
    let table = try fit.coefficientTable(intervals: .profile)
    #expect(table.intervals == .profile)
    #expect(table.rows[1].lower == intervals[1]?.lowerBound)
  }

  @Test(
    "Average marginal effects agree with R",
    arguments: ["infert_numeric", "infert_factor", "infert_crossed"])
  func marginalEffects(name: String) throws {
    let (fit, reference) = try Self.fit(name)
    let expected = reference["ame"] as! [String: Any]
    let effects = try fit.averageMarginalEffects()
    for (variable, value) in expected {
      let values = value as! [String: Any]
      let estimates = Reference.numbers(values["estimate"])
      let errors = Reference.numbers(values["std_error"])
      let mine = effects.filter { $0.variable == variable }
      #expect(mine.count == estimates.count, "\(variable)")
      for (k, effect) in mine.enumerated() where k < estimates.count {
        // R's Jacobian by central differences (step 1e-6) leaves about 1e-9 of error.
        expectApproximatelyEqual(
          effect.estimate, estimates[k], relative: 1e-8, absolute: 1e-12, "\(variable) AME")
        expectApproximatelyEqual(
          effect.standardError, errors[k], relative: Tolerance.coefficients, "\(variable) SE")
      }
    }
  }

  @Test("Wald intervals and odds ratios in the coefficient table")
  func table() throws {
    let (fit, reference) = try Self.fit("infert_numeric")
    let table = try fit.coefficientTable(level: 0.9)
    let b = Reference.numbers(reference["coefficients"])
    let se = Reference.numbers(reference["std_errors"])
    for j in 0..<b.count {
      let row = table.rows[j]
      expectApproximatelyEqual(row.oddsRatio, exp(b[j]), relative: Tolerance.coefficients)
      expectApproximatelyEqual(
        row.lower, b[j] - 1.6448536269514722 * se[j], relative: Tolerance.coefficients)
      expectApproximatelyEqual(row.statistic, b[j] / se[j], relative: Tolerance.coefficients)
    }
    #expect(table.rows.map(\.term) == ["(Intercept)", "spontaneous", "induced"])
  }
}
