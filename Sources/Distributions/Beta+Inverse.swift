// The inverse of the regularized incomplete beta function.
//
// Goals, in priority order:
//   1. Full relative precision in whichever of x and 1 − x is smaller, for tail probabilities
//      down to 1e-300, so that Clopper–Pearson limits and t quantiles with huge degrees of
//      freedom (x = ν/(ν + t²) ≈ 1) keep their digits.
//   2. Robustness for all a, b > 0: a bracketed iteration on (0, 1) that cannot diverge.
//   3. Speed: a good start, then a few Newton steps.
//
// Sources: the start is the best of the approximation of G. W. Cran, K. J. Martin &
// G. E. Thomas (1977), "Algorithm AS 109: Inverse of the incomplete beta function ratio",
// Applied Statistics 26(1), 111–114, doi:10.2307/2346887 (itself from Abramowitz & Stegun
// 26.5.22 and Carter 1947), and the small-x expansions I_x(a, b) ≈ xᵃ/(a B(a, b)) and
// 1 − I_x(a, b) ≈ (1 − x)ᵇ/(b B(a, b)). Refinement is the safeguarded Newton iteration of
// TailInversion.swift, on x or on y = 1 − x (through I_x(a, b) = 1 − I_y(b, a)), whichever is
// smaller, and on whichever tail is smaller.
import Foundation

extension Beta {
  /// The `x ∈ [0, 1]` with `I_x(a, b) = p`.
  ///
  /// - Returns: 0 for `p = 0`, 1 for `p = 1`, NaN for NaN or `p` outside [0, 1].
  /// - Precondition: `a > 0`, `b > 0`.
  public static func inverseRegularizedIncompleteBeta(
    _ a: Double, _ b: Double, _ p: Double
  ) -> Double {
    inverse(a, b, p: p, q: 1 - p).x
  }

  /// The `(x, y = 1 − x)` with `I_x(a, b) = p` and `1 − I_x(a, b) = q`, both to full relative
  /// precision; the smaller of `p` and `q` is used.
  static func inverse(_ a: Double, _ b: Double, p: Double, q: Double) -> (x: Double, y: Double) {
    if a.isNaN || b.isNaN || p.isNaN || q.isNaN { return (.nan, .nan) }
    precondition(a > 0 && b > 0, "the inverse incomplete beta function needs a > 0 and b > 0")
    if p < 0 || p > 1 || q < 0 || q > 1 { return (.nan, .nan) }
    if p == 0 { return (0, 1) }
    if q == 0 { return (1, 0) }

    let lowerTail = p <= q
    let target = lowerTail ? p : q
    let logTarget = log(target)
    let logB = logBeta(a, b)
    var candidates = [startAS109(a, b, p: p, q: q, logBeta: logB)]
    candidates.append(exp((log(p) + log(a) + logB) / a))
    candidates.append(-expm1((log(q) + log(b) + logB) / b))
    var start = 0.5
    var bestDistance = Double.infinity
    for x in candidates where x > 0 && x < 1 {
      let both = incomplete(a, b, x: x, y: 1 - x)
      let distance = abs(log(lowerTail ? both.lower : both.upper) - logTarget)
      if distance < bestDistance {
        bestDistance = distance
        start = x
      }
    }

    // Solve for the smaller of x and y = 1 − x; I_y(b, a) = q is the mirrored problem.
    let mirrored = start > 0.5
    let (pa, pb) = mirrored ? (b, a) : (a, b)
    let increasing = mirrored ? !lowerTail : lowerTail
    let z = TailInversion.solve(
      target: target, start: mirrored ? 1 - start : start, upperBound: 1,
      increasing: increasing
    ) { z in
      let both = incomplete(pa, pb, x: z, y: 1 - z)
      let density = prefactor(pa, pb, x: z, y: 1 - z) / (z * (1 - z))
      return (increasing ? both.lower : both.upper, density)
    }
    return mirrored ? (1 - z, z) : (z, 1 - z)
  }

  /// The AS 109 starting value for `I_x(a, b) = p`.
  static func startAS109(_ a: Double, _ b: Double, p: Double, q: Double, logBeta: Double)
    -> Double
  {
    let flipped = p > q
    let (pp, qq, alpha) = flipped ? (b, a, q) : (a, b, p)
    let y = -Normal.quantile(alpha)
    var x: Double
    if pp > 1 && qq > 1 {
      let r = (y * y - 3) / 6
      let s = 1 / (2 * pp - 1)
      let t = 1 / (2 * qq - 1)
      let h = 2 / (s + t)
      let w = y * (h + r).squareRoot() / h - (t - s) * (r + 5.0 / 6 - 2 / (3 * h))
      x = pp / (pp + qq * exp(2 * w))
    } else {
      let r = 2 * qq
      var t = 1 / (9 * qq)
      let u = 1 - t + y * t.squareRoot()
      t = r * u * u * u
      if t <= 0 {
        x = -expm1((log1p(-alpha) + log(qq) + logBeta) / qq)
      } else {
        t = (4 * pp + r - 2) / t
        x = t <= 1 ? exp((log(alpha * pp) + logBeta) / pp) : 1 - 2 / (t + 1)
      }
    }
    return flipped ? 1 - x : x
  }
}
