import Foundation
import Microdata
import Tabulation

/// Recidivism with follow-up from event-level suspicions: crude share among persons with full
/// follow-up and Kaplan–Meier cumulative incidence at the window, by group. Behind
/// `strata recidivism` and a recipe's `recidivism` entries.
///
/// The suspicions are joined to `persons` by `lopnr` for the group variables (suspicions of
/// persons not in the register are left out and counted); `filter` then selects suspicions
/// (it may name person variables). Suspicions before `start`, after `end`, or dated before
/// the person's birth (known from a birth year or date column of the persons, else bounded by
/// `ar − alder − 1`) are left out and counted; so are rows without a person or a date.
public struct RecidivismRequest: Sendable, Codable {

  public var suspicions: DataInput
  /// A person file joined by `lopnr` for the grouping variables (kon, alder, ...).
  public var persons: DataInput?
  public var filter: String?
  public var windowDays: Int
  public var by: [String] = []
  public var index: IndexRule = .first
  /// Start of the period from which index suspicions are taken (`YYYY-MM-DD`; default: first date).
  public var start: String?
  /// End of the index period (`YYYY-MM-DD`).
  public var indexEnd: String?
  /// End of data (`YYYY-MM-DD`; default: the last event date).
  public var end: String?
  public var suppress: Int = 5
  public var level: Double = 0.95
  public var title: String?
  public var language: Language = .sv

  public init(
    suspicions: DataInput,
    persons: DataInput? = nil,
    filter: String? = nil,
    windowDays: Int,
    by: [String] = [],
    index: IndexRule = .first,
    start: String? = nil,
    indexEnd: String? = nil,
    end: String? = nil,
    suppress: Int = 5,
    level: Double = 0.95,
    title: String? = nil,
    language: Language = .sv
  ) {
    self.suspicions = suspicions
    self.persons = persons
    self.filter = filter
    self.windowDays = windowDays
    self.by = by
    self.index = index
    self.start = start
    self.indexEnd = indexEnd
    self.end = end
    self.suppress = suppress
    self.level = level
    self.title = title
    self.language = language
  }

  public func run() throws -> RecidivismResult {
    try validate()
    let window = try studyWindow()
    var events = try loadEvents(window: window)
    let analysis = try Recidivism(
      persons: events.persons, dates: events.dates, groups: events.groups,
      options: RecidivismOptions(
        windowDays: windowDays, index: index,
        endDay: window.end?.dayNumber,
        indexPeriod: window.indexPeriod, level: level,
        disclosure: suppress > 0 ? DisclosureControl(threshold: Double(suppress)) : .off))
    var summary = analysis.summary
    let suppressed = (summary.groups + [summary.total]).filter(\.suppressed).count
    if suppressed > 0 {
      events.warnings.append(
        "\(suppressed) \(suppressed == 1 ? "group is" : "groups are") suppressed: fewer than "
          + "\(suppress) persons with or without recidivism, or would reveal such a group.")
    }
    // The library names the end as a day number; say it as a date.
    let libraryAfterEnd = "\(summary.eventsAfterEnd) suspicions after the end of the data"
    summary.warnings =
      events.warnings
      + summary.warnings.map { warning in
        guard warning.hasPrefix(libraryAfterEnd) else { return warning }
        let n = summary.eventsAfterEnd
        return "\(n) \(n == 1 ? "suspicion" : "suspicions") dated after the end "
          + "\(CalendarDay(dayNumber: summary.endDay)) \(n == 1 ? "was" : "were") left out."
      }
    return RecidivismResult(request: self, summary: summary, events: events)
  }

  /// Checks the options that need no file.
  public func validate() throws {
    guard windowDays >= 1 else {
      throw InputError.invalidOptions("--window must be at least 1 day, e.g. 365.")
    }
    try InputError.checkSuppression(suppress)
    guard level > 0, level < 1 else {
      throw InputError.invalidOptions("The confidence level must lie strictly between 0 and 1.")
    }
    if let repeated = by.first(where: { name in by.filter { $0 == name }.count > 1 }) {
      throw InputError.invalidOptions("`\(repeated)` is named twice in --by.")
    }
    _ = try studyWindow()
  }
}

/// Recidivism by group after disclosure control, with the events it was computed from.
public struct RecidivismResult: Sendable {
  /// What was asked.
  public var request: RecidivismRequest
  /// Groups and total: persons, recidivists, crude shares and Kaplan–Meier incidence.
  public var summary: RecidivismSummary
  /// The suspicions used, with their codebook, labels and what was left out.
  public var events: RecidivismEvents

  public var warnings: [String] { summary.warnings }
}
