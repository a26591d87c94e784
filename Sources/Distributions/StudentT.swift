// Student's t distribution.
//
// Goals, in priority order:
//   1. Relative accuracy near 1e-14 in both tails and near zero, for any ν > 0 including
//      non-integer and very large ν (ν = ∞ is the standard normal).
//   2. Symmetry held exactly: cdf(−t) = sf(t), quantile(1 − p) = −quantile(p).
//
// Sources: Abramowitz & Stegun 26.7.1 with 26.5.27 — the two-sided tail is an incomplete
// beta function, P(|T| > |t|) = I_x(ν/2, ½) with x = ν/(ν + t²) and 1 − x = t²/(ν + t²),
// both formed directly so neither loses digits. The quantile inverts that relation with
// Beta.inverse, which returns x and 1 − x to full relative precision (t = √(ν(1 − x)/x)).

/// Student's t distribution with ν degrees of freedom.
///
/// ```
/// P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½)   for t ≥ 0,   P(T ≤ t) = P(T > −t)
/// ```
public struct StudentT: Sendable, Hashable {
  /// The degrees of freedom ν > 0 (may be `.infinity`: the standard normal).
  public var degreesOfFreedom: Double

  /// - Precondition: `degreesOfFreedom > 0`.
  public init(degreesOfFreedom: Double) {
    precondition(degreesOfFreedom > 0, "StudentT needs degrees of freedom > 0")
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// `P(T > |t|)`, the one-sided tail beyond |t|.
  func tail(beyond t: Double) -> Double {
    let nu = degreesOfFreedom
    if nu == .infinity { return Normal.sf(abs(t)) }
    let t = abs(t)
    if t == .infinity { return 0 }
    let x: Double
    let y: Double
    if t > 1e150 {
      x = nu / t / t
      y = 1
    } else {
      let t2 = t * t
      x = nu / (nu + t2)
      y = t2 / (nu + t2)
    }
    return 0.5 * Beta.incomplete(nu / 2, 0.5, x: x, y: y).lower
  }

  /// `P(T ≤ t)`.
  public func cdf(_ t: Double) -> Double {
    if t.isNaN { return t }
    let tail = tail(beyond: t)
    return t < 0 ? tail : 1 - tail
  }

  /// `P(T > t)`, accurate in the upper tail.
  public func sf(_ t: Double) -> Double {
    if t.isNaN { return t }
    let tail = tail(beyond: t)
    return t > 0 ? tail : 1 - tail
  }

  /// The `p`-quantile: `−∞` at 0, `+∞` at 1, 0 at ½, NaN outside [0, 1].
  ///
  /// ```
  /// x = I⁻¹(ν/2, ½; 2 min(p, 1 − p)),   t = ±√(ν (1 − x) / x)
  /// ```
  public func quantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    let nu = degreesOfFreedom
    if nu == .infinity { return Normal.quantile(p) }
    let tail = p < 0.5 ? p : 1 - p
    let (x, y) = Beta.inverse(nu / 2, 0.5, p: 2 * tail, q: 1 - 2 * tail)
    let t = (nu * (y / x)).squareRoot()
    return p < 0.5 ? -t : t
  }
}
