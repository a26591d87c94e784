import Distributions
import StatsTestSupport
import Testing

/// Every function against exact values (mpmath at 50 digits, rounded to double) and, as an
/// independent implementation, against scipy 1.17.1.
@Suite struct ReferenceTests {
  /// Relative tolerance against the exact value: 1e-12 for every function at every grid
  /// point, extreme tails included (all are well conditioned there); the measured worst
  /// error is below 3e-13.
  static let relative = 1e-12

  /// Absolute floor for logarithmic results (logPDF, logPMF, logGamma, logBeta): an absolute
  /// error ε in log f is a relative error ε in f, so near log f = 0 an absolute bound is the
  /// meaningful one. 1e-13 is still 1e-13 relative in f.
  static let logAbsolute = 1e-13

  /// Against scipy the tolerance is 1e-8: scipy's own error, measured against mpmath by the
  /// generator, reaches 1.3e-9 (Poisson pmf at λ = 10⁶, where it takes differences of log
  /// factorials) and 3.5e-11 (betaln(0.5, 5e5)). This check guards against a shared mistake
  /// in the exact reference, not the last digits.
  static let scipyRelative = 1e-8

  @Test func referenceFileRecordsTools() {
    let tools = ReferenceFile.shared.tools
    #expect(tools["scipy"] == "1.17.1")
    #expect(tools["mpmath"] != nil)
    #expect(ReferenceFile.shared.cases.count > 900)
  }

  @Test(arguments: ReferenceFile.functions)
  func agreesWithExactValues(function: String) {
    let isLog =
      function.hasSuffix("logPMF") || function.hasSuffix("logPDF")
      || function.hasPrefix("gamma.logGamma") || function.hasPrefix("beta.logBeta")
    for c in ReferenceFile.shared.cases where c.function == function {
      expectApproximatelyEqual(
        c.observed(), c.expectedValue,
        relative: Self.relative,
        absolute: isLog ? Self.logAbsolute : 0, "\(c)")
    }
  }

  @Test(arguments: ReferenceFile.functions)
  func agreesWithScipy(function: String) {
    for c in ReferenceFile.shared.cases where c.function == function {
      expectApproximatelyEqual(
        c.observed(), c.scipyValue, relative: Self.scipyRelative, absolute: 1e-300, "\(c)")
    }
  }

  /// Prints the worst relative error per function (for the accuracy table in the report).
  @Test func reportWorstErrors() {
    var worst: [String: (Double, String)] = [:]
    for c in ReferenceFile.shared.cases {
      let error = ReferenceCase.relativeError(c.observed(), c.expectedValue)
      if error >= (worst[c.function]?.0 ?? -1) { worst[c.function] = (error, c.description) }
    }
    for function in ReferenceFile.functions {
      let (error, at) = worst[function]!
      print("worst relative error \(function): \(error) at \(at)")
    }
  }
}
