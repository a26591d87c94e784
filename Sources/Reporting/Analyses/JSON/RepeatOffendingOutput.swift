import Foundation
import Tabulation

/// The `strata repeat` JSON:
///
/// ```json
/// {"by": ["kon"], "threshold": 2,
///  "groups": [{"kon": "1", "suspects": 900, "repeaters": 210, "share": 0.2333,
///    "share_ci": [0.206, 0.262], "suppressed": false}],
///  "margins": [], "total": {...}, "excluded": {...}, "labels": {...}, "warnings": []}
/// ```
/// A suppressed group has its keys and `"suppressed": true` only; an empty group has
/// `"share": null`.
struct RepeatOffendingOutput: Encodable {
  var by: [String]
  var threshold: Int
  var countVariable: String
  var groups: [Record]
  var margins: [Record]
  var total: Record
  var excluded: Exclusions
  var labels: [String: [String: String]]
  var source: String
  var filter: String?
  var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case by, threshold, groups, margins, total, excluded, labels, source, filter, warnings
    case countVariable = "count_variable"
  }

  init(
    summary: RepeatOffendingSummary, countVariable: String, labels: [String: [String: String]],
    source: String, filter: String?
  ) {
    by = summary.variables
    threshold = summary.minimumSuspicions
    self.countVariable = countVariable
    groups = summary.groups.map(Record.init)
    margins = summary.margins.map(Record.init)
    total = Record(summary.total)
    excluded = summary.excluded
    self.labels = labels
    self.source = source
    let selection = filter?.trimmingCharacters(in: .whitespaces)
    self.filter = selection?.isEmpty == false ? selection : nil
    warnings = summary.warnings
  }

  /// One group: its codes, then suspects, repeaters, share and interval (none if suppressed).
  struct Record: Encodable {
    var record: SummaryRecord

    init(_ record: SummaryRecord) { self.record = record }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: JSONKey.self)
      for key in record.keys { try container.encode(key.code, forKey: .init(key.variable)) }
      try container.encode(record.suppressed, forKey: .init("suppressed"))
      guard !record.suppressed else { return }
      try container.encodeIfPresent(record.persons, forKey: .init("suspects"))
      try container.encodeIfPresent(record.repeaters, forKey: .init("repeaters"))
      try container.encode(record.share, forKey: .init("share"))
      try container.encode(record.shareCI, forKey: .init("share_ci"))
    }
  }
}
