/// One record of a table as the CLI's JSON emits it: the level code of each variable it is
/// keyed by (as `"variable": "code"`), then its figures. Fields that do not apply are absent,
/// and a suppressed record carries its keys and `"suppressed": true` only.
///
/// ```json
/// {"kon": "1", "fodelse": "inrikes", "count": 812, "population": 612345, "rate": 132.6,
///  "rate_ci": [123.7, 142.0], "percent": 61.2, "suppressed": false}
/// ```
///
/// Variable names must not collide with the field names (``reservedNames``).
public struct SummaryRecord: Sendable, Equatable, Hashable, Codable {
  /// A variable and the record's level code in it.
  public struct Key: Sendable, Equatable, Hashable {
    public var variable: String
    public var code: String

    public init(variable: String, code: String) {
      self.variable = variable
      self.code = code
    }
  }

  /// The keys, in the table's variable order (rows, then columns).
  public var keys: [Key]
  public var count: Double?
  public var population: Double?
  public var rate: Double?
  public var rateCI: Interval?
  public var representationRatio: Double?
  public var representationCI: Interval?
  public var percent: Double?
  public var indexEvents: Int?
  public var persons: Int?
  public var repeaters: Int?
  public var recidivists: Int?
  public var share: Double?
  public var shareCI: Interval?
  public var km: Double?
  public var kmCI: Interval?
  public var kmStdErr: Double?
  public var censored: Int?
  public var suppressed: Bool

  public init(keys: [Key], suppressed: Bool = false) {
    self.keys = keys
    self.suppressed = suppressed
  }

  /// The level code of `variable`, if the record is keyed by it.
  public func code(of variable: String) -> String? {
    keys.first { $0.variable == variable }?.code
  }

  /// The record with every value removed, as published for a suppressed entry.
  func suppressedCopy() -> SummaryRecord { SummaryRecord(keys: keys, suppressed: true) }

  enum Field: String, CaseIterable {
    case count, population, rate
    case rateCI = "rate_ci"
    case representationRatio = "representation_ratio"
    case representationCI = "representation_ci"
    case percent
    case indexEvents = "index_events"
    case persons, repeaters, recidivists, share
    case shareCI = "share_ci"
    case km
    case kmCI = "km_ci"
    case kmStdErr = "km_std_err"
    case censored, suppressed
  }

  /// Names that a variable may not have, because a record's fields use them.
  public static let reservedNames: Set<String> = Set(Field.allCases.map(\.rawValue))

  struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    for key in keys { try c.encode(key.code, forKey: DynamicKey(key.variable)) }
    func put<T: Encodable>(_ value: T?, _ field: Field) throws {
      if let value { try c.encode(value, forKey: DynamicKey(field.rawValue)) }
    }
    try put(count, .count)
    try put(population, .population)
    try put(rate, .rate)
    try put(rateCI, .rateCI)
    try put(representationRatio, .representationRatio)
    try put(representationCI, .representationCI)
    try put(percent, .percent)
    try put(indexEvents, .indexEvents)
    try put(persons, .persons)
    try put(repeaters, .repeaters)
    try put(recidivists, .recidivists)
    try put(share, .share)
    try put(shareCI, .shareCI)
    try put(km, .km)
    try put(kmCI, .kmCI)
    try put(kmStdErr, .kmStdErr)
    try put(censored, .censored)
    try c.encode(suppressed, forKey: DynamicKey(Field.suppressed.rawValue))
  }

  /// Decodes a record; keys that are not field names are variables, in alphabetical order
  /// (a ``CrossTabSummary`` restores its own order).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: DynamicKey.self)
    func get<T: Decodable>(_ field: Field) throws -> T? {
      try c.decodeIfPresent(T.self, forKey: DynamicKey(field.rawValue))
    }
    keys = try c.allKeys.filter { !Self.reservedNames.contains($0.stringValue) }
      .sorted { $0.stringValue < $1.stringValue }
      .map { Key(variable: $0.stringValue, code: try c.decode(String.self, forKey: $0)) }
    count = try get(.count)
    population = try get(.population)
    rate = try get(.rate)
    rateCI = try get(.rateCI)
    representationRatio = try get(.representationRatio)
    representationCI = try get(.representationCI)
    percent = try get(.percent)
    indexEvents = try get(.indexEvents)
    persons = try get(.persons)
    repeaters = try get(.repeaters)
    recidivists = try get(.recidivists)
    share = try get(.share)
    shareCI = try get(.shareCI)
    km = try get(.km)
    kmCI = try get(.kmCI)
    kmStdErr = try get(.kmStdErr)
    censored = try get(.censored)
    suppressed = try get(.suppressed) ?? false
  }

  /// The keys reordered to `variables` (those present).
  func ordered(by variables: [String]) -> SummaryRecord {
    var copy = self
    copy.keys = variables.compactMap { v in keys.first { $0.variable == v } }
    return copy
  }
}
