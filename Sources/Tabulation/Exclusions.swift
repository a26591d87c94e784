/// Rows left out of a tabulation, counted by reason and variable.
///
/// A row is counted under every variable that excludes it (a row missing both `utbildning` and
/// `fodelseland` adds one to each), and once in ``rows``. Encoded as
///
/// ```json
/// {"missing": {"utbildning": 37}, "outside": {"alder": 3}, "rows": 40}
/// ```
public struct Exclusions: Sendable, Equatable, Codable {
  /// Rows whose value of a variable is missing (`Factor.missing`, or a missing weight), by
  /// variable.
  public var missing: [String: Int]
  /// Rows whose value is present but outside every level (`Factor.outside`), by variable.
  public var outside: [String: Int]
  /// The number of distinct rows excluded.
  public var rows: Int
  /// The total weight of the excluded rows whose weight is present (weighted tables only).
  public var weight: Double?

  public init(
    missing: [String: Int] = [:], outside: [String: Int] = [:], rows: Int = 0,
    weight: Double? = nil
  ) {
    self.missing = missing
    self.outside = outside
    self.rows = rows
    self.weight = weight
  }

  /// True when no row was excluded.
  public var isEmpty: Bool { rows == 0 }

  /// Sentences for the analyst, one per variable and reason, e.g. "37 rows excluded: utbildning
  /// is missing." Sorted by variable for stable output.
  public var warnings: [String] {
    var result: [String] = []
    for (variable, count) in missing.sorted(by: { $0.key < $1.key }) where count > 0 {
      result.append("\(count) \(count == 1 ? "row" : "rows") excluded: \(variable) is missing.")
    }
    for (variable, count) in outside.sorted(by: { $0.key < $1.key }) where count > 0 {
      result.append(
        "\(count) \(count == 1 ? "row" : "rows") excluded: \(variable) is outside every level.")
    }
    return result
  }

  /// Adds another set of exclusions to this one (counts add up).
  mutating func merge(_ other: Exclusions) {
    missing.merge(other.missing, uniquingKeysWith: +)
    outside.merge(other.outside, uniquingKeysWith: +)
    rows += other.rows
    switch (weight, other.weight) {
    case (let a?, let b?): weight = a + b
    case (nil, let b?): weight = b
    default: break
    }
  }

  private enum CodingKeys: String, CodingKey {
    case missing, outside, rows, weight
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    missing = try container.decodeIfPresent([String: Int].self, forKey: .missing) ?? [:]
    outside = try container.decodeIfPresent([String: Int].self, forKey: .outside) ?? [:]
    rows = try container.decodeIfPresent(Int.self, forKey: .rows) ?? 0
    weight = try container.decodeIfPresent(Double.self, forKey: .weight)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(missing, forKey: .missing)
    try container.encode(outside, forKey: .outside)
    try container.encode(rows, forKey: .rows)
    try container.encodeIfPresent(weight, forKey: .weight)
  }
}
