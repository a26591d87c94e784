// The digamma and trigamma functions ψ(x) = d/dx log Γ(x) and ψ′(x), for x > 0.
//
// Goal: relative accuracy near 1e-15 for x > 0, enough for the maximum-likelihood estimate of
// the negative-binomial θ (MASS's theta.ml takes ψ and ψ′ of θ + y and θ). Method: shift x up
// to at least 10 by the recurrences ψ(x) = ψ(x + 1) − 1/x and ψ′(x) = ψ′(x + 1) + 1/x², then
// the asymptotic (Stirling) series in 1/x² with Bernoulli-number coefficients
// (Abramowitz & Stegun 6.3.18 and 6.4.12); at x ≥ 10 its first omitted term is below 1e-17.
import Foundation

/// The polygamma functions of order 0 and 1.
public enum Digamma {
  /// ψ(x), the derivative of log Γ(x). NaN for x ≤ 0 or NaN.
  public static func digamma(_ x: Double) -> Double {
    guard x > 0, !x.isNaN else { return .nan }
    if x.isInfinite { return .infinity }
    var value = 0.0
    var t = x
    while t < 10 {
      value -= 1 / t
      t += 1
    }
    let r = 1 / (t * t)
    // ln t − 1/(2t) − Σ B₂ₖ/(2k t²ᵏ)
    let series =
      r
      * (1.0 / 12
        - r
        * (1.0 / 120
          - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132 - r * (691.0 / 32760 - r / 12))))))
    return value + Foundation.log(t) - 0.5 / t - series
  }

  /// ψ′(x), the derivative of ψ. NaN for x ≤ 0 or NaN.
  public static func trigamma(_ x: Double) -> Double {
    guard x > 0, !x.isNaN else { return .nan }
    if x.isInfinite { return 0 }
    var value = 0.0
    var t = x
    while t < 10 {
      value += 1 / (t * t)
      t += 1
    }
    let r = 1 / (t * t)
    // 1/t + 1/(2t²) + Σ B₂ₖ/t^(2k+1)
    let series =
      1 / t + r / 2
      + r / t
      * (1.0 / 6
        - r * (1.0 / 30 - r * (1.0 / 42 - r * (1.0 / 30 - r * (5.0 / 66 - r * (691.0 / 2730))))))
    return value + series
  }
}
