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
  /// Why the datum has no bar: a cell without cases ("0") or one withheld by disclosure
  /// control (".."); `nil` for an ordinary bar. A datum with the value 0 counts as `.zero`.
  public var mark: BarMark?

  public init(
    label: String, value: Double, lower: Double? = nil, upper: Double? = nil, series: String? = nil,
    mark: BarMark? = nil
  ) {
    self.label = label
    self.value = value
    self.lower = lower
    self.upper = upper
    self.series = series
    self.mark = mark
  }

  /// The mark the chart draws instead of a bar: the given one, else `.zero` for a value of 0.
  var effectiveMark: BarMark? { mark ?? (value == 0 ? .zero : nil) }
}

/// What a chart writes in place of a bar: the symbols of the tables (Statistics Sweden's
/// conventions), explained in the chart's legend.
public enum BarMark: String, Sendable, Equatable, Codable {
  /// No cases: "0", no bar and no interval whisker.
  case zero
  /// Withheld by disclosure control: "..", no bar.
  case suppressed

  /// The symbol written where the bar would be.
  var symbol: String { self == .zero ? "0" : ".." }
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
