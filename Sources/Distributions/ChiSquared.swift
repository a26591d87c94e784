import Foundation

/// The χ² distribution with ν degrees of freedom (ν > 0, not necessarily an integer).
///
/// ```
/// F(x) = P(ν/2, x/2),   1 − F(x) = Q(ν/2, x/2),   F⁻¹(p) = 2 P⁻¹(ν/2, p)
/// ```
/// with P, Q the regularized incomplete gamma functions (see `Gamma`); both tails are
/// computed directly, so `sf(500)` with ν = 3 (≈ 2.8e-107) keeps its digits.
public struct ChiSquared: Sendable, Hashable {
  /// The degrees of freedom ν > 0.
  public var degreesOfFreedom: Double

  /// - Precondition: `degreesOfFreedom > 0` and finite.
  public init(degreesOfFreedom: Double) {
    precondition(
      degreesOfFreedom > 0 && degreesOfFreedom.isFinite,
      "ChiSquared needs finite degrees of freedom > 0")
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// `P(X ≤ x)`; 0 for `x ≤ 0`.
  public func cdf(_ x: Double) -> Double {
    Gamma.regularizedGammaP(degreesOfFreedom / 2, x / 2)
  }

  /// `P(X > x)`; 1 for `x ≤ 0`.
  public func sf(_ x: Double) -> Double {
    Gamma.regularizedGammaQ(degreesOfFreedom / 2, x / 2)
  }

  /// The `p`-quantile: 0 at `p = 0`, `+∞` at `p = 1`, NaN outside [0, 1].
  public func quantile(_ p: Double) -> Double {
    2 * Gamma.inverseRegularizedGammaP(degreesOfFreedom / 2, p)
  }

  /// The `x` with `P(X > x) = q`; keeps all digits for small `q`.
  public func inverseSF(_ q: Double) -> Double {
    2 * Gamma.inverseRegularizedGammaQ(degreesOfFreedom / 2, q)
  }
}
