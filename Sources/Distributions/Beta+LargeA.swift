// I_x(a, b) for large a, small b and x near 1, by an expansion in incomplete gamma functions.
//
// Goals, in priority order:
//   1. Relative accuracy near 1e-14 where the continued fraction cancels: a ≫ b and
//      1 − x ≪ 1 (Student's t with 10⁶ degrees of freedom, binomial lower tails with tiny p).
//   2. A clean refusal (nil) when the expansion does not converge fast, so that the caller
//      falls back to the continued fraction.
//
// Derivation (the idea of bgrat in TOMS 708: DiDonato & Morris 1992, "Algorithm 708:
// Significant digit computation of the incomplete beta function ratios", ACM TOMS 18(3),
// doi:10.1145/131766.131776; Temme 1996, "Special functions", §11.3.3). With t = e^{−s}:
//
//   I_x(a, b) = (1/B(a, b)) ∫_u^∞ e^{−as} (1 − e^{−s})^{b−1} ds,      u = −log x,
//   (1 − e^{−s})^{b−1} = s^{b−1} exp((b − 1) L(s)),   L(s) = log((1 − e^{−s})/s)
//                      = −s/2 + Σₖ B₂ₖ s^{2k} / (2k (2k)!)            (Bernoulli numbers)
//   exp((b − 1) L(s)) = Σₙ eₙ sⁿ,   so
//   I_x(a, b) = Σₙ eₙ Γ(b + n)/(B(a, b) a^{b+n}) · Q(b + n, a u).
//
// The factor Γ(b + n)/(B(a, b) a^{b+n}) is Γ(b)/(B(a, b) aᵇ) · (b)ₙ / aⁿ, so successive terms
// shrink like (b + n + au)/(2πa): a few terms give full precision when a is large.
import Foundation
import RealModule

extension Beta {
  /// Coefficients l₁, l₂, … of L(s) = log((1 − e^{−s})/s) = Σ lₖ sᵏ.
  static let logSincCoefficients: [Double] = [
    -0.5, 1.0 / 24, 0, -1.0 / 2880, 0, 1.0 / 181_440, 0, -1.0 / 9_676_800, 0,
    5.0 / 2_395_008_000, 0, -691.0 / 15_692_092_416_000,
  ]

  /// `I_x(a, b)` by the expansion above, or nil if 40 terms do not reach full precision.
  static func largeAExpansion(_ a: Double, _ b: Double, x: Double, y: Double) -> Double? {
    let u = -log1p(-y)
    let z = a * u
    // Γ(b) / (B(a, b) aᵇ), in logarithms; all three terms are moderate when b is small.
    let logFront = Double.logGamma(b) - b * log(a) - logBeta(a, b)
    var factor = exp(logFront)
    // eₙ of exp((b − 1) L(s)): e₀ = 1, n eₙ = Σₖ k (b − 1) lₖ eₙ₋ₖ.
    let l = logSincCoefficients
    var e: [Double] = [1]
    var sum = 0.0
    var smallTerms = 0
    for n in 0..<40 {
      if n > 0 {
        var acc = 0.0
        for k in 1...min(n, l.count) { acc += Double(k) * (b - 1) * l[k - 1] * e[n - k] }
        e.append(acc / Double(n))
        factor *= (b + Double(n) - 1) / a
      }
      let term = e[n] * factor * Gamma.regularizedGammaQ(b + Double(n), z)
      sum += term
      // Terms shrink roughly geometrically; stop after two negligible ones in a row.
      smallTerms = abs(term) <= abs(sum) * 0x1p-54 ? smallTerms + 1 : 0
      if smallTerms == 2 { return sum }
    }
    return nil
  }
}
