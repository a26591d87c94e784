import Analysis
import Foundation
import Microdata
import Tabulation

/// The `strata recidivism` JSON:
///
/// ```json
/// {"window_days": 365, "index": "first", "by": ["kon"], "start": "2016-01-01",
///  "index_end": null, "end": "2018-12-31",
///  "groups": [{"kon": "1", "index_events": 940, "persons": 900, "recidivists": 210,
///    "rate": 0.2333, "rate_ci": [0.206, 0.262], "km": 0.241, "km_ci": [0.21, 0.27],
///    "km_std_err": 0.014, "censored": 40, "suppressed": false}],
///  "total": {...}, "excluded": {...}, "excluded_suspicions": {...},
///  "excluded_events": {"unmatched_suspicions": 3, "unmatched_persons": 2, "before_start": 0,
///    "before_birth": 0, "after_end": 0},
///  "labels": {...}, "warnings": []}
/// ```
/// `groups` holds the total alone without group variables. A suppressed group has its keys and
/// `"suppressed": true` only; a figure that does not exist (no one with full follow-up) is
/// `null`.
struct RecidivismOutput: Encodable {
  var windowDays: Int
  var index: IndexRule
  var by: [String]
  var start: String?
  var indexEnd: String?
  var end: String
  var groups: [Record]
  var total: Record
  var excluded: Exclusions
  var excludedSuspicions: Exclusions
  var excludedEvents: ExcludedEvents
  var labels: [String: [String: String]]
  var source: String
  var personsFile: String?
  var birthDates: String?
  var filter: String?
  var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case index, by, start, end, groups, total, excluded, labels, source, filter, warnings
    case windowDays = "window_days"
    case indexEnd = "index_end"
    case excludedSuspicions = "excluded_suspicions"
    case excludedEvents = "excluded_events"
    case personsFile = "persons_file"
    case birthDates = "birth_dates"
  }

  /// Suspicions left out before the follow-up, by reason.
  struct ExcludedEvents: Encodable {
    var unmatchedSuspicions: Int
    var unmatchedPersons: Int
    var beforeStart: Int
    var beforeBirth: Int
    var afterEnd: Int

    enum CodingKeys: String, CodingKey {
      case unmatchedSuspicions = "unmatched_suspicions"
      case unmatchedPersons = "unmatched_persons"
      case beforeStart = "before_start"
      case beforeBirth = "before_birth"
      case afterEnd = "after_end"
    }
  }

  /// One group: its codes and figures (`null` where a figure does not exist).
  struct Record: Encodable {
    var record: SummaryRecord

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: JSONKey.self)
      for key in record.keys { try container.encode(key.code, forKey: .init(key.variable)) }
      try container.encode(record.suppressed, forKey: .init("suppressed"))
      guard !record.suppressed else { return }
      try container.encode(record.indexEvents, forKey: .init("index_events"))
      try container.encode(record.persons, forKey: .init("persons"))
      try container.encode(record.recidivists, forKey: .init("recidivists"))
      try container.encode(record.rate, forKey: .init("rate"))
      try container.encode(record.rateCI, forKey: .init("rate_ci"))
      try container.encode(record.km, forKey: .init("km"))
      try container.encode(record.kmCI, forKey: .init("km_ci"))
      try container.encode(record.kmStdErr, forKey: .init("km_std_err"))
      try container.encode(record.censored, forKey: .init("censored"))
    }
  }

  init(job: RecidivismRequest, summary: RecidivismSummary, events: RecidivismEvents) {
    windowDays = summary.windowDays
    index = summary.index
    by = summary.variables
    let window = try? job.studyWindow()
    start = window?.start?.description
    indexEnd = window?.indexEnd?.description
    end = CalendarDay(dayNumber: summary.endDay).description
    groups = summary.groups.map { Record(record: $0) }
    total = Record(record: summary.total)
    excluded = summary.excluded
    excludedSuspicions = summary.excludedSuspicions
    excludedEvents = ExcludedEvents(
      unmatchedSuspicions: events.unmatchedSuspicions, unmatchedPersons: events.unmatchedPersons,
      beforeStart: events.beforeStart, beforeBirth: events.beforeBirth,
      afterEnd: summary.eventsAfterEnd)
    labels = events.labels
    source = URL(fileURLWithPath: job.suspicions.path).lastPathComponent
    personsFile = job.persons.map { URL(fileURLWithPath: $0.path).lastPathComponent }
    birthDates = events.birthSource
    let selection = job.filter?.trimmingCharacters(in: .whitespaces)
    filter = selection?.isEmpty == false ? selection : nil
    warnings = summary.warnings
  }
}
