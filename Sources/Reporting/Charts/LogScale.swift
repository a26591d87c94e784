import Foundation

/// A logarithmic map from a positive data domain to a pixel range, for ratios (odds ratios,
/// rate ratios): equal distances for equal factors, so 0.5 and 2 lie equally far from 1.
///
/// ```
/// scale(x) = rangeStart + (log x − log lower) / (log upper − log lower) · (rangeEnd − rangeStart)
/// ```
public struct LogScale: Sendable, Equatable {
  /// The domain; both bounds must be positive.
  public var domain: ClosedRange<Double>
  public var rangeStart: Double
  public var rangeEnd: Double

  public init(domain: ClosedRange<Double>, range: (start: Double, end: Double)) {
    precondition(domain.lowerBound > 0, "a log scale needs a positive domain")
    self.domain = domain
    self.rangeStart = range.start
    self.rangeEnd = range.end
  }

  /// The pixel position of `value` (values ≤ 0 map to the start of the range).
  public func callAsFunction(_ value: Double) -> Double {
    let lower = log(domain.lowerBound)
    let span = log(domain.upperBound) - lower
    guard value > 0, span > 0 else { return value > 0 ? (rangeStart + rangeEnd) / 2 : rangeStart }
    return rangeStart + (log(value) - lower) / span * (rangeEnd - rangeStart)
  }

  /// Ticks inside the domain: the 1–2–5 series (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …) when the
  /// domain spans one to four decades; only powers of ten beyond four; and within less than
  /// one decade (a narrow forest plot, 0.8–1.6) evenly spaced nice ticks, since a factor
  /// series would leave one or two.
  public func ticks() -> [Double] {
    let decades = log10(domain.upperBound / domain.lowerBound)
    if decades < 1 {
      return LinearScale(domain: domain, range: (rangeStart, rangeEnd)).ticks(count: 5).filter {
        $0 > 0
      }
    }
    let low = Int((log10(domain.lowerBound) - 1e-9).rounded(.down))
    let high = Int((log10(domain.upperBound) + 1e-9).rounded(.up))
    let mantissas = decades > 4 ? [1] : [1, 2, 5]
    var ticks: [Double] = []
    for exponent in low...high {
      for mantissa in mantissas {
        let value = Double("\(mantissa)e\(exponent)")!
        if value >= domain.lowerBound * (1 - 1e-12) && value <= domain.upperBound * (1 + 1e-12) {
          ticks.append(value)
        }
      }
    }
    return ticks
  }

  /// The decimals needed to label a tick value exactly (0.05 → 2, 0.5 → 1, 2 → 0).
  public static func decimals(for value: Double) -> Int {
    LinearScale.decimals(forStep: value)
  }

  /// A domain around `values` (and 1, the null ratio), widened by `padding` (a factor) on
  /// each side; non-positive and non-finite values are ignored.
  public static func domain(
    covering values: [Double], includingOne: Bool = true, padding: Double = 1.15
  )
    -> ClosedRange<Double>
  {
    let usable = values.filter { $0 > 0 && $0.isFinite } + (includingOne ? [1] : [])
    guard let lower = usable.min(), let upper = usable.max() else { return 0.5...2 }
    return (lower / padding)...(upper * padding)
  }
}
