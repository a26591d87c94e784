import Foundation

/// The binomial distribution: successes in `n` independent trials of probability `p`.
///
/// ```
/// P(X = k) = C(n, k) pᵏ (1 − p)^{n−k}
/// P(X ≤ k) = I_{1−p}(n − k, k + 1),   P(X > k) = I_p(k + 1, n − k)
/// ```
/// The probability mass uses Loader's saddle-point form (C. Loader 2000, "Fast and accurate
/// computation of binomial probabilities"); the tails the regularized incomplete beta
/// function (Abramowitz & Stegun 26.5.24).
public struct Binomial: Sendable, Hashable {
  /// The number of trials n ≥ 0.
  public var trials: Int
  /// The success probability p ∈ [0, 1].
  public var probability: Double

  /// - Precondition: `trials ≥ 0`, `0 ≤ probability ≤ 1`.
  public init(trials: Int, probability: Double) {
    precondition(trials >= 0, "Binomial needs trials ≥ 0")
    precondition(probability >= 0 && probability <= 1, "Binomial needs 0 ≤ p ≤ 1")
    self.trials = trials
    self.probability = probability
  }

  /// `log P(X = k)`; `−∞` outside 0…n.
  public func logPMF(_ k: Int) -> Double {
    if k < 0 || k > trials { return -.infinity }
    return SaddlePoint.logBinomialDensity(
      Double(k), Double(trials), probability, 1 - probability)
  }

  /// `P(X = k)`.
  public func pmf(_ k: Int) -> Double { exp(logPMF(k)) }

  func tails(_ k: Int) -> (lower: Double, upper: Double) {
    if k < 0 { return (0, 1) }
    if k >= trials { return (1, 0) }
    let n = Double(trials)
    let k = Double(k)
    return Beta.incomplete(n - k, k + 1, x: 1 - probability, y: probability)
  }

  /// `P(X ≤ k)`.
  public func cdf(_ k: Int) -> Double { tails(k).lower }

  /// `P(X > k)`, computed directly (not as 1 − cdf).
  public func sf(_ k: Int) -> Double { tails(k).upper }
}
