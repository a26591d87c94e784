/// The data range a value axis covers: all the values, and the confidence intervals unless an
/// interval would dominate the scale.
///
/// A small group's interval can be many times longer than every bar (2 cases per 500 persons:
/// 400 per 100 000 with an upper limit near 1 450), and an axis stretched to it would shrink
/// the differences the chart is about. So an interval end counts only while it lies within
/// one span of the values beyond them (`span` = largest − smallest value, zero included for
/// bars); ends further out are clipped at the plot's edge and marked with an arrowhead, which
/// the chart's legend explains. When more than a third of the intervals (and more than one) would be clipped, the
/// long intervals are the finding and the axis covers them all instead.
///
/// ```
/// values 20–412, intervals up to 446 and 1 450:
/// span = 412 − 0 = 412; limit = 412 + 412 = 824 → axis to 824 (niced 900), 1 450 clipped
/// ```
struct ValueDomain {
  /// Above this share of the data with a clipped end (and above one datum), nothing is clipped: when most
  /// intervals are long, their length is the finding (e.g. MAIHDA strata of a rare offence).
  static let maximumClippedShare = 1.0 / 3

  /// The range to nice and draw.
  var range: ClosedRange<Double>

  /// The domain covering `values` (and zero when `includingZero`) and each interval end
  /// within one span of them; `intervals` holds each datum's (lower, upper), if any.
  init(values: [Double], intervals: [(Double?, Double?)], includingZero: Bool) {
    let intervalEnds = intervals.flatMap { [$0.0, $0.1] }.compactMap { $0 }
    let finite = values.filter(\.isFinite) + (includingZero ? [0] : [])
    let low = finite.min() ?? 0
    let high = finite.max() ?? 1
    let span = high > low ? high - low : max(abs(high), 1)
    let ends = intervalEnds.filter(\.isFinite)
    func outside(_ end: Double?) -> Bool {
      guard let end, end.isFinite else { return false }
      return end > high + span || end < low - span
    }
    let beyond = intervals.filter { outside($0.0) || outside($0.1) }.count
    if Double(beyond) > max(1, Self.maximumClippedShare * Double(intervals.count)) {
      // Most intervals are long: they are what the chart must show, so none is clipped.
      let all = finite + ends
      let (lower, upper) = (all.min() ?? 0, all.max() ?? 1)
      range = lower...(upper > lower ? upper : lower + 1)
      return
    }
    let upper = max(high, ends.filter { $0 > high && $0 <= high + span }.max() ?? high)
    let lower = min(low, ends.filter { $0 < low && $0 >= low - span }.min() ?? low)
    range = lower...(upper > lower ? upper : lower + 1)
  }
}
