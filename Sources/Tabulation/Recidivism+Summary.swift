/// A recidivism analysis as the `strata recidivism` JSON:
///
/// ```json
/// {"window_days": 365, "index": "first", "end_day": 17897,
///  "groups": [{"kon": "1", "index_events": 940, "persons": 900, "recidivists": 210,
///    "rate": 0.2333, "rate_ci": [0.206, 0.262], "km": 0.241, "km_ci": [0.21, 0.27],
///    "km_std_err": 0.014, "censored": 40, "suppressed": false}],
///  "total": {...}, "events_after_end": 0, "excluded": {...}, "warnings": []}
/// ```
///
/// Without group variables, `groups` holds the total alone. A suppressed group has no values.
public struct RecidivismSummary: Sendable, Equatable, Codable {
  public var windowDays: Int
  public var index: IndexRule
  public var endDay: Int
  public var variables: [String]
  public var groups: [SummaryRecord]
  public var total: SummaryRecord
  public var eventsAfterEnd: Int
  public var excluded: Exclusions
  /// Suspicion rows without a person key or date.
  public var excludedSuspicions: Exclusions
  public var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case index, variables, groups, total, excluded, warnings
    case windowDays = "window_days"
    case endDay = "end_day"
    case eventsAfterEnd = "events_after_end"
    case excludedSuspicions = "excluded_suspicions"
  }
}

extension Recidivism {
  /// The analysis as ``RecidivismSummary`` (the CLI's JSON).
  public var summary: RecidivismSummary {
    let cells = groups.map { record($0) }
    return RecidivismSummary(
      windowDays: options.windowDays, index: options.index, endDay: endDay, variables: variables,
      groups: variables.isEmpty ? [record(total)] : cells, total: record(total),
      eventsAfterEnd: eventsAfterEnd, excluded: excluded, excludedSuspicions: excludedSuspicions,
      warnings: warnings)
  }

  func record(_ group: RecidivismGroup) -> SummaryRecord {
    let keys = zip(variables, group.codes).compactMap { variable, code in
      code.map { SummaryRecord.Key(variable: variable, code: $0) }
    }
    var record = SummaryRecord(keys: keys)
    if group.suppressed { return record.suppressedCopy() }
    record.indexEvents = group.indexEvents
    record.persons = group.persons
    record.recidivists = group.recidivists
    record.rate = group.rate
    record.rateCI = group.rateInterval
    record.km = group.kaplanMeier?.cumulativeIncidence
    record.kmCI = group.kaplanMeier?.interval
    record.kmStdErr = group.kaplanMeier?.standardError
    record.censored = group.censored
    return record
  }
}
