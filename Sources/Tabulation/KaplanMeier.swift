import Distributions
import Foundation

/// The Kaplan–Meier estimate of the cumulative incidence of an event by a time point, with the
/// Greenwood variance and the log-transformed interval of R's `survival::survfit` (its default
/// `conf.type = "log"`), turned into an interval for `1 − S`.
///
/// With `n_j` at risk and `d_j` events at the distinct event times `t_j ≤ t` (a subject
/// censored at `t_j` is still at risk at `t_j`):
///
/// ```
/// S(t)        = Π (1 − d_j / n_j)
/// σ²(t)       = Σ d_j / (n_j (n_j − d_j))                 (Greenwood, variance of log S)
/// S limits    = exp(log S ± z σ),  upper capped at 1
/// incidence   = 1 − S(t),   interval = [1 − S_upper, 1 − S_lower]
/// SE(S)       = S σ
/// ```
///
/// Kaplan & Meier (1958), doi:10.1080/01621459.1958.10501452; Greenwood (1926), "The natural
/// duration of cancer", Reports on Public Health and Medical Subjects 33. The interval is
/// undefined (`nil`) when `S(t) = 0`, as in `survfit`.
public struct KaplanMeierEstimate: Sendable, Equatable, Hashable {
  /// The time point.
  public let time: Int
  /// `S(t)` and `1 − S(t)`.
  public let survival: Double
  public let cumulativeIncidence: Double
  /// The standard error of `S(t)` (equally of `1 − S(t)`): `S σ`.
  public let standardError: Double
  /// The interval for the cumulative incidence.
  public let interval: Interval?
  /// Subjects, and events observed by `t`.
  public let subjects: Int
  public let events: Int

  /// Estimates from follow-up times and event indicators (an event at `times[i]` when
  /// `events[i]`, otherwise censored then). `nil` when there are no subjects.
  init?(times: [Int], events: [Bool], at time: Int, level: Double) {
    guard !times.isEmpty else { return nil }
    let order = times.indices.sorted { times[$0] < times[$1] }
    var atRisk = times.count
    var survival = 1.0
    var greenwood = 0.0
    var observed = 0
    var k = 0
    while k < order.count && times[order[k]] <= time {
      let t = times[order[k]]
      var d = 0
      var leaving = 0
      while k < order.count && times[order[k]] == t {
        if events[order[k]] { d += 1 }
        leaving += 1
        k += 1
      }
      if d > 0 {
        let n = Double(atRisk)
        survival *= 1 - Double(d) / n
        greenwood += d < atRisk ? Double(d) / (n * (n - Double(d))) : .infinity
        observed += d
      }
      atRisk -= leaving
    }
    let z = Normal.quantile((1 + level) / 2)
    let sigma = greenwood.squareRoot()
    self.time = time
    self.survival = survival
    self.cumulativeIncidence = 1 - survival
    self.standardError = survival > 0 ? survival * sigma : 0
    if survival > 0 {
      let lower = exp(log(survival) - z * sigma)
      let upper = min(exp(log(survival) + z * sigma), 1)
      self.interval = Interval(lower: 1 - upper, upper: 1 - lower)
    } else {
      self.interval = nil
    }
    self.subjects = times.count
    self.events = observed
  }
}
