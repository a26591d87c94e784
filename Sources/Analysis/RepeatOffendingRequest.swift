import Foundation
import Microdata
import Tabulation

/// Repeat offending (upprepad brottslighet): the share of suspects with at least `threshold`
/// suspicions of the offence type in the period, by group, with Wilson intervals. Behind
/// `strata repeat` and a recipe's `repeat` entries.
///
/// Each row of `data` is one suspect (a person and offence type, as in suspects.csv) with its
/// count of suspicions in `countVariable`; rows whose group code or count is missing are left
/// out and counted. Disclosure control works on the table group × repeat suspect (see
/// `RepeatOffending`).
public struct RepeatOffendingRequest: Sendable, Codable {
  public var data: DataInput
  public var filter: String?
  public var by: [String]
  /// The count column (default `antal_misstankar`).
  public var countVariable: String = "antal_misstankar"
  public var threshold: Int = 2
  public var suppress: Int = 5
  public var level: Double = 0.95
  public var title: String?
  public var language: Language = .sv

  public init(
    data: DataInput,
    filter: String? = nil,
    by: [String],
    countVariable: String = "antal_misstankar",
    threshold: Int = 2,
    suppress: Int = 5,
    level: Double = 0.95,
    title: String? = nil,
    language: Language = .sv
  ) {
    self.data = data
    self.filter = filter
    self.by = by
    self.countVariable = countVariable
    self.threshold = threshold
    self.suppress = suppress
    self.level = level
    self.title = title
    self.language = language
  }

  public func run() throws -> RepeatOffendingResult {
    try validate()
    let loaded = try data.load(filter: filter)
    let dataset = loaded.dataset
    var factors: [Factor] = []
    for name in by { factors.append(try TabulationRequest.factor(name, of: dataset)) }
    let counts = try TabulationRequest.naming(dataset) { () throws(MicrodataError) in
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
    return RepeatOffendingResult(
      request: self, summary: summary, labels: labels, codebook: dataset.codebook)
  }

  /// Repeat offending of the rows; a count below 1 is an error naming its line.
  package func analyse(factors: [Factor], counts: [Double], dataset: Dataset) throws
    -> RepeatOffending
  {
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
          value: TabulationRequest.format(value),
          expected: "a whole number of suspicions of 1 or more")
      }
      throw error
    }
  }

  public func validate() throws {
    guard threshold >= 2 else {
      throw InputError.invalidOptions(
        "--threshold must be 2 or more: a repeat suspect has at least two suspicions.")
    }
    try InputError.checkSuppression(suppress)
    guard level > 0, level < 1 else {
      throw InputError.invalidOptions("The confidence level must lie strictly between 0 and 1.")
    }
    if let repeated = by.first(where: { name in by.filter { $0 == name }.count > 1 }) {
      throw InputError.invalidOptions("`\(repeated)` is named twice in --by.")
    }
  }
}

/// Repeat offending by group, after disclosure control.
public struct RepeatOffendingResult: Sendable {
  /// What was asked.
  public var request: RepeatOffendingRequest
  /// Groups, margins and total: suspects, repeat suspects, shares with intervals, warnings.
  public var summary: RepeatOffendingSummary
  /// Level labels (`variable → code → label`) of the group variables in the request's language.
  public var labels: [String: [String: String]]
  /// The codebook the data was read through.
  public var codebook: Codebook

  public var warnings: [String] { summary.warnings }
}
