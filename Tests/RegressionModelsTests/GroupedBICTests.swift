import Foundation
import RegressionModels
import StatsTestSupport
import Testing

/// The grouped BIC of a grouped binomial fit (R's `BIC` of the `cbind()` fit) beside the
/// individual one.
@Suite("Grouped BIC")
struct GroupedBICTests {
  @Test("esoph successes / trials: grouped BIC equals R's BIC of the cbind() fit")
  func esoph() throws {
    let reference = Reference.case("esoph_grouped")
    let fit = try GLM.fit(
      formula: "ncases / trials ~ agegp + alcgp + tobgp", data: Reference.esoph)
    let grouped = try #require(fit.grouped)
    expectApproximatelyEqual(
      grouped.bic, (reference["bic"] as! NSNumber).doubleValue, relative: Tolerance.deviance,
      "R BIC (grouped)")
    let individual = reference["individual"] as! [String: Any]
    expectApproximatelyEqual(
      fit.bic, (individual["bic"] as! NSNumber).doubleValue, relative: Tolerance.deviance,
      "R BIC (individuals)")
    // The two differ by the binomial coefficients and by N (88 patterns against 975 persons).
    #expect(abs(grouped.bic - fit.bic) > 1)
  }
}
