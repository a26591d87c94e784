import Foundation
import Microdata
import Reporting
import Tabulation

/// Repeat offending (upprepad brottslighet): the share of suspects with at least `threshold`
/// suspicions of the offence type in the period, by group, with Wilson intervals. Behind
/// `strata repeat` and a recipe's `repeat` entries.
///
/// Each row of `data` is one suspect (a person and offence type, as in suspects.csv) with its
/// count of suspicions in `countVariable`; rows whose group code or count is missing are left
/// out and counted. Disclosure control works on the table group × repeat suspect (see
/// `RepeatOffending`).
struct RepeatOffendingJob: Sendable, Codable {
  var data: DataInput
  var filter: String?
  var by: [String]
  /// The count column (default `antal_misstankar`).
  var countVariable: String = "antal_misstankar"
  var threshold: Int = 2
  var suppress: Int = 5
  var level: Double = 0.95
  var title: String?
  var language: Language = .sv

  func run() throws -> JobResult {
    try validate()
    let loaded = try data.load(filter: filter)
    let dataset = loaded.dataset
    var factors: [Factor] = []
    for name in by { factors.append(try TabulationJob.factor(name, of: dataset)) }
    let counts = try TabulationJob.naming(dataset) { () throws(MicrodataError) in
      try dataset.numeric(countVariable)
    }
    let analysis = try analyse(factors: factors, counts: counts, dataset: dataset)
    var summary = analysis.summary
    let suppressed = (summary.groups + summary.margins + [summary.total]).filter(\.suppressed).count
    if suppressed > 0 {
      summary.warnings.append(
        "\(suppressed) \(suppressed == 1 ? "group is" : "groups are") suppressed: fewer than "
          + "\(suppress) suspects, repeat suspects or others, or would reveal such a group.")
    }
    summary.warnings = loaded.warnings + summary.warnings
    let labels = Dictionary(
      factors.map { factor in
        (
          factor.name,
          Dictionary(
            factor.levels.map { ($0.code, $0.label(language)) }, uniquingKeysWith: { a, _ in a })
        )
      }, uniquingKeysWith: { a, _ in a })
    let output = RepeatOffendingOutput(
      summary: summary, countVariable: countVariable, labels: labels,
      source: URL(fileURLWithPath: data.path).lastPathComponent, filter: filter)
    var options = TabulationReportOptions(
      codebook: dataset.codebook, variables: by + [countVariable], language: language,
      title: title, filter: filter, sources: [data.path], suppression: suppress)
    options.levelLabels.merge(labels, uniquingKeysWith: { codebook, _ in codebook })
    options.confidenceLevel = level
    let chart = TabulationChart(repeatOffending: summary, options: options)
    return JobResult(
      json: try FiniteJSON.encode(output),
      tables: [ReportTable(repeatOffending: summary, options: options)],
      charts: chart.map {
        [
          JobChart(
            name: (["repeat"] + by).joined(separator: "-"), title: $0.labels.title, svg: $0.svg())
        ]
      } ?? [],
      warnings: summary.warnings)
  }

  /// Repeat offending of the rows; a count below 1 is an error naming its line.
  func analyse(factors: [Factor], counts: [Double], dataset: Dataset) throws -> RepeatOffending {
    do {
      return try RepeatOffending(
        groups: factors, suspicions: counts, suspicionVariable: countVariable,
        options: RepeatOffendingOptions(
          minimumSuspicions: threshold, level: level,
          disclosure: suppress > 0 ? DisclosureControl(threshold: Double(suppress)) : .off))
    } catch {
      if case .invalidWeight(let variable, let row, let value) = error {
        throw InputError.invalidValue(
          file: dataset.source, line: dataset.sourceLine(ofRow: row), variable: variable,
          value: TabulationJob.format(value),
          expected: "a whole number of suspicions of 1 or more")
      }
      throw error
    }
  }

  func validate() throws {
    guard threshold >= 2 else {
      throw InputError.invalidOptions(
        "--threshold must be 2 or more: a repeat suspect has at least two suspicions.")
    }
    guard suppress >= 0 else {
      throw InputError.invalidOptions("The suppression threshold must be 0 (off) or more.")
    }
    guard level > 0, level < 1 else {
      throw InputError.invalidOptions("The confidence level must lie strictly between 0 and 1.")
    }
    if let repeated = by.first(where: { name in by.filter { $0 == name }.count > 1 }) {
      throw InputError.invalidOptions("`\(repeated)` is named twice in --by.")
    }
  }
}

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
