/// What a bar chart and a grouped bar chart draw their bars from: the data not marked
/// (withheld or without cases), the decimals of the printed values, and the value domain, which
/// holds zero (a bar's length is proportional to its value) and the interval whiskers.
struct BarValues {
  /// The data drawn as bars.
  var drawn: [BarDatum]
  var decimals: Int
  var domain: ValueDomain
  /// Whether a drawn interval reaches beyond the domain (an arrowhead marks its clipped end).
  var clipsAny: Bool

  /// - Parameter valueDecimals: the chart's decimals; `nil` gives three significant digits of
  ///   the largest value drawn.
  init(_ data: [BarDatum], valueDecimals: Int?) {
    drawn = data.filter { $0.effectiveMark == nil }
    decimals = valueDecimals ?? ChartFrame.displayDecimals(drawn.map(\.value))
    let domain = ValueDomain(
      values: drawn.map(\.value),
      intervals: drawn.map { ($0.lower, $0.upper) }, includingZero: true)
    self.domain = domain
    clipsAny = drawn.contains { datum in
      [datum.lower, datum.upper].compactMap { $0 }.contains {
        $0.isFinite && !domain.range.contains($0)
      }
    }
  }

  /// The chart's summary for screen readers: `kind`, then the highest and lowest bar.
  func summary(_ kind: String, frame: ChartFrame) -> String {
    kind
      + frame.extremes(
        drawn.map { ($0.label + ($0.series.map { ", \($0)" } ?? ""), $0.value) },
        decimals: decimals)
  }
}
