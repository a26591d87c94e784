/// Repeat offending as JSON: the share of persons with at least `minimum_suspicions` by group.
///
/// ```json
/// {"variables": ["kon"], "minimum_suspicions": 2,
///  "groups": [{"kon": "1", "persons": 900, "repeaters": 210, "share": 0.2333,
///    "share_ci": [0.206, 0.262], "suppressed": false}],
///  "margins": [], "total": {...}, "excluded": {...}, "warnings": []}
/// ```
public struct RepeatOffendingSummary: Sendable, Equatable, Codable {
  public var variables: [String]
  public var minimumSuspicions: Int
  public var groups: [SummaryRecord]
  public var margins: [SummaryRecord]
  public var total: SummaryRecord
  public var excluded: Exclusions
  public var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case variables, groups, margins, total, excluded, warnings
    case minimumSuspicions = "minimum_suspicions"
  }
}

extension RepeatOffending {
  /// The analysis as ``RepeatOffendingSummary``.
  public var summary: RepeatOffendingSummary {
    RepeatOffendingSummary(
      variables: variables, minimumSuspicions: options.minimumSuspicions,
      groups: variables.isEmpty ? [record(total)] : cells.map { record($0) },
      margins: margins.map { record($0) }, total: record(total), excluded: excluded,
      warnings: excluded.warnings)
  }

  func record(_ share: RepeatShare) -> SummaryRecord {
    let keys = zip(variables, share.codes).compactMap { variable, code in
      code.map { SummaryRecord.Key(variable: variable, code: $0) }
    }
    var record = SummaryRecord(keys: keys)
    if share.suppressed { return record.suppressedCopy() }
    record.persons = share.persons
    record.repeaters = share.repeaters
    record.share = share.share
    record.shareCI = share.interval
    return record
  }
}
