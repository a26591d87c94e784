import Foundation

/// A linear map from a data domain to a pixel range, with "nice" ticks.
///
/// ```
/// scale(x) = rangeStart + (x − domain.lower) / (domain.upper − domain.lower) · (rangeEnd − rangeStart)
/// ```
///
/// Ticks are multiples of a step of 1, 2 or 5 × 10^k chosen so that about `count` ticks cover
/// the domain (the rule of d3-scale's `ticks`, Bostock et al. 2011, doi:10.1109/TVCG.2011.185).
public struct LinearScale: Sendable, Equatable {
  public var domain: ClosedRange<Double>
  /// The pixel for `domain.lowerBound` (for a y axis, the bottom).
  public var rangeStart: Double
  /// The pixel for `domain.upperBound`.
  public var rangeEnd: Double

  public init(domain: ClosedRange<Double>, range: (start: Double, end: Double)) {
    self.domain = domain
    self.rangeStart = range.start
    self.rangeEnd = range.end
  }

  /// The pixel position of `value`.
  public func callAsFunction(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return (rangeStart + rangeEnd) / 2 }
    return rangeStart + (value - domain.lowerBound) / span * (rangeEnd - rangeStart)
  }

  /// The tick step for about `count` ticks: 1, 2 or 5 × 10^k.
  public func tickStep(count: Int = 5) -> Double {
    Self.step(for: domain.upperBound - domain.lowerBound, count: count)
  }

  /// Nice tick values inside the domain, computed as integer multiples of the step (no
  /// accumulated floating-point drift: 0.1, 0.2, 0.3, never 0.30000000000000004).
  public func ticks(count: Int = 5) -> [Double] {
    let step = tickStep(count: count)
    guard step > 0, step.isFinite else { return [domain.lowerBound] }
    let first = (domain.lowerBound / step - 1e-9).rounded(.up)
    let last = (domain.upperBound / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    return stride(from: first, through: last, by: 1).map { Self.multiple($0, of: step) }
  }

  /// The scale with its domain widened outwards to whole tick steps.
  public func niced(count: Int = 5) -> LinearScale {
    let step = tickStep(count: count)
    guard step > 0, step.isFinite else { return self }
    let lower = Self.multiple((domain.lowerBound / step + 1e-9).rounded(.down), of: step)
    let upper = Self.multiple((domain.upperBound / step - 1e-9).rounded(.up), of: step)
    return LinearScale(domain: lower...upper, range: (rangeStart, rangeEnd))
  }

  /// The decimals needed to label ticks of `step` exactly (0.5 → 1, 0.25 → 2, 20 → 0).
  public static func decimals(forStep step: Double) -> Int {
    guard step > 0, step.isFinite else { return 0 }
    var decimals = 0
    while decimals < 12 {
      let scaled = step * Foundation.pow(10, Double(decimals))
      if abs(scaled - scaled.rounded()) < 1e-9 * max(1, scaled) { return decimals }
      decimals += 1
    }
    return decimals
  }

  static func step(for span: Double, count: Int) -> Double {
    guard span > 0, span.isFinite, count > 0 else { return 0 }
    let raw = span / Double(count)
    let power = Foundation.pow(10, (log10(raw)).rounded(.down))
    let error = raw / power
    let factor: Double =
      error >= 50.0.squareRoot()
      ? 10 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1
    return factor * power
  }

  /// `index · step`, computed by division when the step is below one so that decimal steps
  /// give the nearest double to the decimal tick (0.3, not 0.30000000000000004).
  static func multiple(_ index: Double, of step: Double) -> Double {
    if step < 1 {
      let inverse = (1 / step).rounded()
      if abs(inverse * step - 1) < 1e-12 { return index / inverse }
    }
    return index * step
  }
}
