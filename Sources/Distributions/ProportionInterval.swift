// Confidence intervals for a binomial proportion.
//
// Goals, in priority order:
//   1. Agreement with the reference definitions to the last digits (R's
//      prop.test(correct = FALSE) for Wilson, binom.test for Clopper–Pearson).
//   2. No cancellation: Wilson's lower limit is obtained from the product of the two roots of
//      its quadratic, not as centre − half-width, which loses digits when x ≪ n.
//   3. Exact edge behaviour: x = 0 gives lower = 0, x = n gives upper = 1.
import Foundation

/// Confidence intervals for a binomial proportion x/n.
public enum ProportionInterval {
  /// Wilson's score interval without continuity correction, at confidence level 1 − α.
  ///
  /// ```
  /// z = Φ⁻¹((1 + level)/2)
  /// centre = (x + z²/2) / (n + z²),   half = z √(x(n − x)/n + z²/4) / (n + z²)
  /// upper = centre + half,   lower = x² / (n (n + z²) upper)   (= centre − half)
  /// ```
  /// The limits are the roots π of (π̂ − π)² = z² π(1 − π)/n with π̂ = x/n.
  /// Wilson (1927), "Probable inference, the law of succession, and statistical inference",
  /// JASA 22(158), 209–212, doi:10.1080/01621459.1927.10502953. Matches R's
  /// `prop.test(x, n, correct = FALSE)$conf.int` and binom.confint's "wilson".
  ///
  /// - Precondition: `trials > 0`, `0 ≤ successes ≤ trials`, `0 < level < 1`.
  public static func wilson(successes: Int, trials: Int, level: Double)
    -> (lower: Double, upper: Double)
  {
    validate(successes: successes, trials: trials, level: level)
    let z = Normal.quantile((1 + level) / 2)
    let x = Double(successes)
    let n = Double(trials)
    let z2 = z * z
    let denominator = n + z2
    let centre = (x + z2 / 2) / denominator
    let half = z * (x * (n - x) / n + z2 / 4).squareRoot() / denominator
    let upperRoot = centre + half
    let lower = successes == 0 ? 0 : x * x / (n * denominator * upperRoot)
    let upper = successes == trials ? 1 : upperRoot
    return (lower, upper)
  }

  /// The Clopper–Pearson exact (central) interval, at confidence level 1 − α.
  ///
  /// ```
  /// lower = B⁻¹(α/2; x, n − x + 1)        (0 when x = 0)
  /// upper = B⁻¹(1 − α/2; x + 1, n − x)    (1 when x = n)
  /// ```
  /// with B⁻¹(p; a, b) the p-quantile of the beta distribution (the inverse regularized
  /// incomplete beta function). Clopper & Pearson (1934), "The use of confidence or fiducial
  /// limits illustrated in the case of the binomial", Biometrika 26(4), 404–413,
  /// doi:10.1093/biomet/26.4.404. Matches R's `binom.test(x, n)$conf.int`.
  ///
  /// - Precondition: `trials > 0`, `0 ≤ successes ≤ trials`, `0 < level < 1`.
  public static func clopperPearson(successes: Int, trials: Int, level: Double)
    -> (lower: Double, upper: Double)
  {
    validate(successes: successes, trials: trials, level: level)
    let halfAlpha = (1 - level) / 2
    let x = Double(successes)
    let n = Double(trials)
    let lower =
      successes == 0 ? 0 : Beta.inverse(x, n - x + 1, p: halfAlpha, q: 1 - halfAlpha).x
    let upper =
      successes == trials ? 1 : Beta.inverse(x + 1, n - x, p: 1 - halfAlpha, q: halfAlpha).x
    return (lower, upper)
  }

  static func validate(successes: Int, trials: Int, level: Double) {
    precondition(trials > 0, "a proportion needs trials > 0")
    precondition(
      successes >= 0 && successes <= trials, "a proportion needs 0 ≤ successes ≤ trials")
    precondition(level > 0 && level < 1, "the confidence level must lie in (0, 1)")
  }
}
