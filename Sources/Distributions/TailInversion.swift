// Inverting a tail probability: find x with tail(x) = target.
//
// Goals, in priority order:
//   1. Full relative precision in x for targets down to 1e-300 in either tail.
//   2. Guaranteed termination: every step stays inside a shrinking bracket.
//   3. Few evaluations (each costs a series or continued fraction): 3–6 from a good start.
//
// Method: Newton's method on g(u) = log tail(eᵘ) − log target, i.e. in log x on the log of
// the tail. Power-law tails (xᵃ near 0) are then linear, and exponential tails concave, so
// Newton converges quickly from either side. Any step that leaves the current bracket is
// replaced by bisection (geometric when the bracket spans orders of magnitude). This is the
// safeguarded Newton iteration of Numerical Recipes §9.4 (rtsafe), applied in log space as
// R's qgamma/qbeta do for extreme tails.
import Foundation

enum TailInversion {
  /// Solves `tail(x) = target` on `(lowerBound, upperBound)`, `lowerBound ≥ 0`.
  ///
  /// - Parameters:
  ///   - start: a first guess inside the bounds.
  ///   - increasing: whether `tail` increases with x (a lower tail) or decreases (an upper one).
  ///   - evaluate: returns `tail(x)` and the density `|d tail / dx|` at x.
  static func solve(
    target: Double,
    start: Double,
    lowerBound: Double = 0,
    upperBound: Double,
    increasing: Bool,
    evaluate: (Double) -> (tail: Double, density: Double)
  ) -> Double {
    let logTarget = log(target)
    var lo = lowerBound
    var hi = upperBound
    var x = start
    if !(x > lo && x < hi) { x = midpoint(lo, hi) }
    for _ in 0..<400 {
      let (tail, density) = evaluate(x)
      // log(tail/target) keeps full precision near the root, where log(tail) − log(target)
      // would carry an absolute error of ε·|log target| (7e-14 at target = 1e-300).
      let ratio = tail / target
      let g = ratio.isNormal ? log(ratio) : log(tail) - logTarget
      if g == 0 { return x }
      if g.isNaN { return .nan }
      if (g > 0) == increasing { hi = x } else { lo = x }
      var next = midpoint(lo, hi)
      var converged = false
      if g.isFinite && tail > 0 && density > 0 {
        let slope = x * density / tail * (increasing ? 1 : -1)
        let du = -g / slope
        let candidate = x * exp(du)
        if candidate > lo && candidate < hi {
          next = candidate
          converged = abs(du) < 1e-12
        }
      }
      if converged || next == x || hi - lo <= 4 * hi.ulp { return next }
      x = next
    }
    return x
  }

  /// A point strictly inside `(lo, hi)`: geometric mean across orders of magnitude.
  static func midpoint(_ lo: Double, _ hi: Double) -> Double {
    if hi == .infinity { return lo > 0 ? 4 * lo : 1 }
    if lo <= 0 { return hi / 16 }
    if hi > 8 * lo { return (lo.squareRoot() * hi.squareRoot()) }
    return lo + (hi - lo) / 2
  }
}
