import Foundation

/// The Poisson distribution with mean λ ≥ 0.
///
/// ```
/// P(X = k) = e^{−λ} λᵏ / k!
/// P(X ≤ k) = Q(k + 1, λ),   P(X > k) = P(k + 1, λ)
/// ```
/// The probability mass uses Loader's saddle-point form (C. Loader 2000, "Fast and accurate
/// computation of binomial probabilities"), accurate to a few ulps for λ and k in the
/// millions; the tails use the regularized incomplete gamma functions (see `Gamma`).
public struct Poisson: Sendable, Hashable {
  /// The mean λ ≥ 0.
  public var mean: Double

  /// - Precondition: `mean ≥ 0` and finite.
  public init(mean: Double) {
    precondition(mean >= 0 && mean.isFinite, "Poisson needs a finite mean ≥ 0")
    self.mean = mean
  }

  /// `log P(X = k)`; `−∞` outside the support.
  public func logPMF(_ k: Int) -> Double {
    if k < 0 { return -.infinity }
    return SaddlePoint.logPoissonDensity(Double(k), mean)
  }

  /// `P(X = k)`.
  public func pmf(_ k: Int) -> Double {
    if k < 0 { return 0 }
    return SaddlePoint.poissonDensity(Double(k), mean)
  }

  /// `P(X ≤ k)`.
  public func cdf(_ k: Int) -> Double {
    if k < 0 { return 0 }
    return Gamma.regularizedGammaQ(Double(k) + 1, mean)
  }

  /// `P(X > k)`, computed directly (not as 1 − cdf).
  public func sf(_ k: Int) -> Double {
    if k < 0 { return 1 }
    return Gamma.regularizedGammaP(Double(k) + 1, mean)
  }
}
