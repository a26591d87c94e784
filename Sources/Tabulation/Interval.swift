/// A confidence interval `[lower, upper]`. Encoded as a two-element JSON array, with `null` for
/// an infinite limit (e.g. the upper limit of an odds ratio when a cell is zero).
public struct Interval: Sendable, Equatable, Hashable, Codable {
  public var lower: Double
  public var upper: Double

  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  init(_ limits: (lower: Double, upper: Double)) {
    self.init(lower: limits.lower, upper: limits.upper)
  }

  /// Both limits multiplied by `factor`.
  func scaled(by factor: Double) -> Interval {
    Interval(lower: lower * factor, upper: upper * factor)
  }

  /// Whether `value` lies in the closed interval.
  public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    lower = try container.decodeNil() ? -.infinity : container.decode(Double.self)
    upper = try container.decodeNil() ? .infinity : container.decode(Double.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    for value in [lower, upper] {
      if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
    }
  }
}
