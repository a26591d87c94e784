/// One bar: a group label, a value, an optional interval and an optional series.
///
/// `BarChart` draws one bar per datum; `GroupedBarChart` puts data with the same `label`
/// side by side, one colour per `series`.
public struct BarDatum: Sendable, Equatable, Codable {
  /// The group (category) label, e.g. "18–24 år" or "Män, utrikes född".
  public var label: String
  /// The value, e.g. a rate per 100 000.
  public var value: Double
  /// The lower end of its confidence interval, if any.
  public var lower: Double?
  /// The upper end of its confidence interval, if any.
  public var upper: Double?
  /// The series within a group, e.g. "Kvinnor, född i Sverige".
  public var series: String?

  public init(
    label: String, value: Double, lower: Double? = nil, upper: Double? = nil, series: String? = nil
  ) {
    self.label = label
    self.value = value
    self.lower = lower
    self.upper = upper
    self.series = series
  }
}

/// One row of a forest plot: a model term with its ratio and confidence interval, on the
/// ratio scale (e.g. an odds ratio 1.55 with 95 % CI 1.32–1.81).
public struct ForestRow: Sendable, Equatable, Codable {
  public var term: String
  public var estimate: Double
  public var lower: Double
  public var upper: Double

  public init(term: String, estimate: Double, lower: Double, upper: Double) {
    self.term = term
    self.estimate = estimate
    self.lower = lower
    self.upper = upper
  }
}

/// One stratum of a caterpillar plot: its label, predicted value and interval (e.g. a MAIHDA
/// stratum's predicted prevalence with its 95 % interval).
public struct CaterpillarPoint: Sendable, Equatable, Codable {
  public var label: String
  public var estimate: Double
  public var lower: Double
  public var upper: Double

  public init(label: String, estimate: Double, lower: Double, upper: Double) {
    self.label = label
    self.estimate = estimate
    self.lower = lower
    self.upper = upper
  }
}
