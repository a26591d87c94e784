// Fisher's noncentral hypergeometric distribution of the (1, 1) cell of a 2 × 2 table with fixed
// margins, as used by fisher.test. Goals: (1) the same definitions as R's fisher.test
// (dnhyper, mnhyper, pnhyper, the two-sided p-value with relErr = 1 + 1e-7); (2) roots to full
// precision, solved in s = log ψ so that one bracket serves ψ from 1e-300 to 1e300.
import Distributions
import Foundation

struct NoncentralHypergeometric {
  /// The support `lo…hi` of the (1, 1) cell.
  let support: ClosedRange<Int>
  /// `log dhyper(u)` (central) for each `u` in the support.
  let logCentral: [Double]

  /// - Parameters: `m` = first column sum, `n` = second column sum, `k` = first row sum.
  init(firstColumn m: Int, secondColumn n: Int, firstRow k: Int) {
    let central = Hypergeometric(population: m + n, successes: m, draws: k)
    support = central.support
    logCentral = support.map { central.logPMF($0) }
  }

  /// The probabilities at odds ratio `exp(s)`.
  func density(logOdds s: Double) -> [Double] {
    var d = zip(support, logCentral).map { u, l in l + s * Double(u) }
    let top = d.max() ?? 0
    d = d.map { exp($0 - top) }
    let total = d.reduce(0, +)
    return d.map { $0 / total }
  }

  /// `E(u; exp(s))`.
  func mean(logOdds s: Double) -> Double {
    zip(support, density(logOdds: s)).reduce(0) { $0 + Double($1.0) * $1.1 }
  }

  /// `P(u ≤ x; exp(s))` or, with `upper`, `P(u ≥ x; exp(s))`.
  func tail(_ x: Int, logOdds s: Double, upper: Bool) -> Double {
    zip(support, density(logOdds: s)).reduce(0) {
      (upper ? $1.0 >= x : $1.0 <= x) ? $0 + $1.1 : $0
    }
  }

  /// R's two-sided p-value at ψ = 1.
  func twoSidedPValue(observed x: Int) -> Double {
    let d = density(logOdds: 0)
    let threshold = d[x - support.lowerBound] * (1 + 1e-7)
    return min(1, d.filter { $0 <= threshold }.reduce(0, +))
  }

  /// The conditional MLE of ψ.
  func conditionalMLE(observed x: Int) -> Double {
    if x == support.lowerBound { return 0 }
    if x == support.upperBound { return .infinity }
    return exp(Self.solve(increasing: true, target: Double(x)) { mean(logOdds: $0) })
  }

  /// ψ_L: `P(u ≥ x; ψ_L) = alpha` (0 when x is the smallest value).
  func lowerLimit(observed x: Int, alpha: Double) -> Double {
    if x == support.lowerBound { return 0 }
    return exp(Self.solve(increasing: true, target: alpha) { tail(x, logOdds: $0, upper: true) })
  }

  /// ψ_U: `P(u ≤ x; ψ_U) = alpha` (+∞ when x is the largest value).
  func upperLimit(observed x: Int, alpha: Double) -> Double {
    if x == support.upperBound { return .infinity }
    return exp(Self.solve(increasing: false, target: alpha) { tail(x, logOdds: $0, upper: false) })
  }

  /// The root of `f(s) = target` for a monotone `f`, by bracketing from [−1, 1] outwards and
  /// then Brent's method (Brent 1973, "Algorithms for minimization without derivatives", ch. 4).
  static func solve(increasing: Bool, target: Double, _ f: (Double) -> Double) -> Double {
    func g(_ s: Double) -> Double { increasing ? f(s) - target : target - f(s) }
    var a = -1.0
    var b = 1.0
    var fa = g(a)
    var fb = g(b)
    while fa > 0 && a > -745 {
      b = a
      fb = fa
      a *= 2
      fa = g(a)
    }
    while fb < 0 && b < 745 {
      a = b
      fa = fb
      b *= 2
      fb = g(b)
    }
    if fa == 0 { return a }
    if fb == 0 { return b }
    guard fa < 0 && fb > 0 else { return fa > 0 ? a : b }
    return brent(g, a, b, fa, fb)
  }

  /// Brent's root finder on a bracket with `f(a)` and `f(b)` of opposite signs.
  static func brent(
    _ f: (Double) -> Double, _ a0: Double, _ b0: Double, _ fa0: Double, _ fb0: Double
  ) -> Double {
    var a = a0
    var b = b0
    var fa = fa0
    var fb = fb0
    var c = a
    var fc = fa
    var d = b - a
    var e = d
    for _ in 0..<200 {
      if (fb > 0) == (fc > 0) {
        c = a
        fc = fa
        d = b - a
        e = d
      }
      if abs(fc) < abs(fb) {
        a = b
        b = c
        c = a
        fa = fb
        fb = fc
        fc = fa
      }
      let tolerance = 2 * Double.ulpOfOne * abs(b) + 1e-300
      let m = (c - b) / 2
      if abs(m) <= tolerance || fb == 0 { return b }
      if abs(e) >= tolerance && abs(fa) > abs(fb) {
        var p: Double
        var q: Double
        let s = fb / fa
        if a == c {
          p = 2 * m * s
          q = 1 - s
        } else {
          let r = fb / fc
          let t = fa / fc
          p = s * (2 * m * t * (t - r) - (b - a) * (r - 1))
          q = (t - 1) * (r - 1) * (s - 1)
        }
        if p > 0 { q = -q } else { p = -p }
        if 2 * p < min(3 * m * q - abs(tolerance * q), abs(e * q)) {
          e = d
          d = p / q
        } else {
          d = m
          e = m
        }
      } else {
        d = m
        e = m
      }
      a = b
      fa = fb
      b += abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance)
      fb = f(b)
    }
    return b
  }
}
