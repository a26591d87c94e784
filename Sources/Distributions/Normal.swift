// The normal distribution: density, distribution function and upper tail.
//
// Goals, in priority order:
//   1. Relative accuracy near a few ulps in both tails, including sf(30) ≈ 4.9e-198 and
//      cdf(−37.5) ≈ 4.6e-308, where 1 − cdf would be zero.
//   2. NaN in, NaN out; ±∞ give the limits.
//   3. Speed: one erfc call.
//
// Sources: Φ(z) = ½ erfc(−z/√2) with the C library's erfc (Cody's rational Chebyshev
// approximations, W. J. Cody 1969, doi:10.1090/S0025-5718-1969-0247736-4, or its descendants).
// The rounding of z/√2 would cost a relative error of about z²·2⁻⁵³ far in the tail (1e-13 at
// z = 30); it is removed with an fma-computed residual and the first-order correction
// erfc(w + δ) ≈ erfc(w) − (2/√π) e^{−w²} δ. The density splits z into a 16-bit head and a
// tail so that e^{−z²/2} is exact to rounding for large z (as R's dnorm does).
import Foundation

/// The normal distribution N(μ, σ²).
///
/// ```
/// f(x) = exp(−(x − μ)² / (2σ²)) / (σ √(2π))
/// F(x) = Φ((x − μ)/σ),   Φ(z) = ½ erfc(−z/√2)
/// ```
///
/// Static members work on the standard normal (μ = 0, σ = 1): `Normal.cdf(1.96)`;
/// instance members on `Normal(mean:standardDeviation:)`.
public struct Normal: Sendable, Hashable {
  /// The mean μ.
  public var mean: Double
  /// The standard deviation σ > 0.
  public var standardDeviation: Double

  /// A normal distribution with mean μ and standard deviation σ.
  ///
  /// - Precondition: `standardDeviation > 0` and finite, `mean` finite.
  public init(mean: Double = 0, standardDeviation: Double = 1) {
    precondition(
      standardDeviation > 0 && standardDeviation.isFinite && mean.isFinite,
      "Normal needs a finite mean and a finite standard deviation > 0")
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// The standard normal N(0, 1).
  public static let standard = Normal()

  static let invSqrtTwoPi = 0.398_942_280_401_432_677_939_946_059_934
  static let sqrtHalf = 0.707_106_781_186_547_524_400_844_362_105
  static let sqrtTwoHead = 1.414_213_562_373_095_1
  static let sqrtTwoTail = -9.667_293_313_452_913e-17
  static let twoOverSqrtPi = 1.128_379_167_095_512_573_896_158_903_122

  // MARK: Standard normal

  /// The standard normal density `φ(z) = e^{−z²/2} / √(2π)`.
  public static func pdf(_ z: Double) -> Double {
    if z.isNaN { return z }
    let x = abs(z)
    if x < 5 { return invSqrtTwoPi * exp(-0.5 * x * x) }
    if x > 40 { return 0 }
    // x = head + tail with head on a 2⁻¹⁶ grid, so head² is exact.
    let head = (x * 65536).rounded() / 65536
    let tail = x - head
    return invSqrtTwoPi * (exp(-0.5 * head * head) * exp((-0.5 * tail - head) * tail))
  }

  /// The log density `log φ(z) = −z²/2 − ½ log 2π`.
  public static func logPDF(_ z: Double) -> Double {
    -0.5 * z * z - SaddlePoint.logSqrtTwoPi
  }

  /// The upper tail `Q(z) = 1 − Φ(z) = ½ erfc(z/√2)`, accurate far into the tail.
  public static func sf(_ z: Double) -> Double {
    if z.isNaN { return z }
    if z == .infinity { return 0 }
    if z == -.infinity { return 1 }
    let w = z * sqrtHalf
    // δ = z/√2 − w exactly to first order: z − w·√2 by fma, then divided by √2.
    let residual = z.addingProduct(-w, sqrtTwoHead) - w * sqrtTwoTail
    let delta = residual * sqrtHalf
    let e = erfc(w)
    if w < 1 { return 0.5 * e }
    return 0.5 * (e - twoOverSqrtPi * exp(-w * w) * delta)
  }

  /// The distribution function `Φ(z) = ½ erfc(−z/√2)`.
  public static func cdf(_ z: Double) -> Double { sf(-z) }

  // MARK: General normal

  /// The density at `x`: `φ((x − μ)/σ) / σ`.
  public func pdf(_ x: Double) -> Double {
    Normal.pdf((x - mean) / standardDeviation) / standardDeviation
  }

  /// The log density at `x`: `log φ((x − μ)/σ) − log σ`.
  public func logPDF(_ x: Double) -> Double {
    Normal.logPDF((x - mean) / standardDeviation) - log(standardDeviation)
  }

  /// `P(X ≤ x) = Φ((x − μ)/σ)`.
  public func cdf(_ x: Double) -> Double { Normal.cdf((x - mean) / standardDeviation) }

  /// `P(X > x) = 1 − Φ((x − μ)/σ)`, accurate in the upper tail.
  public func sf(_ x: Double) -> Double { Normal.sf((x - mean) / standardDeviation) }

  /// The `p`-quantile `μ + σ Φ⁻¹(p)`; `−∞` at 0 and `+∞` at 1, NaN outside [0, 1].
  public func quantile(_ p: Double) -> Double {
    mean + standardDeviation * Normal.quantile(p)
  }
}
