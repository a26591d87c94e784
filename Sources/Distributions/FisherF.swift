/// The F distribution with d₁ and d₂ degrees of freedom.
///
/// ```
/// P(F ≤ f) = I_x(d₁/2, d₂/2),   x = d₁f/(d₁f + d₂),   1 − x = d₂/(d₁f + d₂)
/// ```
/// (Abramowitz & Stegun 26.6.2); x and 1 − x are formed directly and the smaller tail of
/// the incomplete beta function computed directly, so `sf` is accurate far in the tail.
public struct FisherF: Sendable, Hashable {
  /// Numerator degrees of freedom d₁ > 0.
  public var d1: Double
  /// Denominator degrees of freedom d₂ > 0.
  public var d2: Double

  /// - Precondition: `d1 > 0`, `d2 > 0`, both finite.
  public init(d1: Double, d2: Double) {
    precondition(
      d1 > 0 && d2 > 0 && d1.isFinite && d2.isFinite,
      "FisherF needs finite degrees of freedom > 0")
    self.d1 = d1
    self.d2 = d2
  }

  func tails(_ f: Double) -> (lower: Double, upper: Double) {
    if f.isNaN { return (f, f) }
    if f <= 0 { return (0, 1) }
    if f == .infinity { return (1, 0) }
    let scaled = d1 * f
    let x = scaled / (scaled + d2)
    let y = d2 / (scaled + d2)
    return Beta.incomplete(d1 / 2, d2 / 2, x: x, y: y)
  }

  /// `P(F ≤ f)`; 0 for `f ≤ 0`.
  public func cdf(_ f: Double) -> Double { tails(f).lower }

  /// `P(F > f)`; 1 for `f ≤ 0`.
  public func sf(_ f: Double) -> Double { tails(f).upper }
}
