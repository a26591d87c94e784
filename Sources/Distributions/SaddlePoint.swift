// Saddle-point building blocks for binomial, Poisson and gamma/beta prefactors.
//
// Goals, in priority order:
//   1. Relative accuracy of a few ulps for densities such as e^{-λ} λ^x / x! and
//      xᵃ yᵇ / B(a, b) even when every factor overflows and the terms of the naive
//      logarithm are 10⁵ times larger than their sum.
//   2. No overflow or spurious underflow: everything is assembled in logarithms.
//   3. Speed: a handful of flops, no loops beyond a short, rapidly converging series.
//
// Source: C. Loader (2000), "Fast and accurate computation of binomial probabilities",
// the method behind R's dbinom and dpois. Two functions carry the accuracy:
//   * the Stirling error  δ(n) = log Γ(n+1) − (n + ½) log n + n − ½ log 2π, from its
//     asymptotic series 1/(12n) − 1/(360n³) + … for n > 15 (the logGamma form below that,
//     where all terms are small so the cancellation costs at most ~1e-14 absolute);
//   * the deviance term  D(x, m) = x log(x/m) + m − x, by the series
//     2x Σ v^{2j+1}/(2j+1) − (x − m)v with v = (x − m)/(x + m) when x ≈ m.
import Foundation
import RealModule

enum SaddlePoint {
  /// ½ log 2π.
  static let logSqrtTwoPi = 0.918_938_533_204_672_741_780_329_736_406

  /// The Stirling error `δ(n) = log Γ(n+1) − (n + ½) log n + n − ½ log 2π` for `n > 0`.
  static func stirlingError(_ n: Double) -> Double {
    if n <= 15 {
      return Double.logGamma(n + 1) - (n + 0.5) * log(n) + n - logSqrtTwoPi
    }
    let s0 = 1.0 / 12
    let s1 = 1.0 / 360
    let s2 = 1.0 / 1260
    let s3 = 1.0 / 1680
    let s4 = 1.0 / 1188
    let nn = n * n
    if n > 500 { return (s0 - s1 / nn) / n }
    if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
    if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
  }

  /// The deviance term `D(x, m) = x log(x/m) + m − x ≥ 0` for `x ≥ 0`, `m > 0`.
  static func deviance(_ x: Double, _ m: Double) -> Double {
    if x == 0 { return m }
    if !m.isFinite || !x.isFinite { return x * log(x / m) + m - x }
    if abs(x - m) < 0.1 * (x + m) {
      var v = (x - m) / (x + m)
      var s = (x - m) * v
      if abs(s) < .leastNormalMagnitude { return s }
      var term = 2 * x * v
      v *= v
      for j in 1..<1000 {
        term *= v
        let next = s + term / Double(2 * j + 1)
        if next == s { return next }
        s = next
      }
      return s
    }
    return x * log(x / m) + m - x
  }

  /// `log(e^{−λ} λˣ / Γ(x+1))` for real `x ≥ 0`, `λ ≥ 0` (Loader's dpois_raw).
  static func logPoissonDensity(_ x: Double, _ lambda: Double) -> Double {
    if lambda == 0 { return x == 0 ? 0 : -.infinity }
    if !lambda.isFinite || x < 0 { return -.infinity }
    if x == 0 { return -lambda }
    return -stirlingError(x) - deviance(x, lambda) - 0.5 * log(2 * Double.pi * x)
  }

  /// `e^{−λ} λˣ / Γ(x+1)` for real `x ≥ 0`, `λ ≥ 0`.
  ///
  /// For moderate arguments the product of `pow`, `exp` and `Γ` (each within an ulp or two,
  /// whatever the magnitude); otherwise Loader's form, whose exponent carries an absolute error
  /// of about ε·|x log(x/λ)| (7e-14 relative at x = 1, λ = 1e-300).
  static func poissonDensity(_ x: Double, _ lambda: Double) -> Double {
    if x > 0 && x <= 100 && lambda > 0 && lambda <= 700 {
      let power = Double.pow(lambda, x)
      if power.isNormal {
        let value = power * exp(-lambda) / Double.gamma(x + 1)
        if value.isNormal { return value }
      }
    }
    return exp(logPoissonDensity(x, lambda))
  }

  /// `log(C(n, x) pˣ q^{n−x})` for real `0 ≤ x ≤ n`, with `q = 1 − p` supplied by the caller
  /// so that neither tail loses digits (Loader's dbinom_raw).
  static func logBinomialDensity(_ x: Double, _ n: Double, _ p: Double, _ q: Double) -> Double {
    if p == 0 { return x == 0 ? 0 : -.infinity }
    if q == 0 { return x == n ? 0 : -.infinity }
    if x == 0 {
      if n == 0 { return 0 }
      return p < 0.1 ? -deviance(n, n * q) - n * p : n * log(q)
    }
    if x == n {
      return q < 0.1 ? -deviance(n, n * p) - n * q : n * log(p)
    }
    if x < 0 || x > n { return -.infinity }
    let lc =
      stirlingError(n) - stirlingError(x) - stirlingError(n - x)
      - deviance(x, n * p) - deviance(n - x, n * q)
    let lf = log(2 * Double.pi) + log(x) + log1p(-x / n)
    return lc - 0.5 * lf
  }
}
