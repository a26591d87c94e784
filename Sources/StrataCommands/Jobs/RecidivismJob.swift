import Microdata

/// Recidivism with follow-up from event-level suspicions: crude share among persons with full
/// follow-up and Kaplan–Meier cumulative incidence at the window, by group. Behind
/// `strata recidivism` and a recipe's `recidivism` entries.
struct RecidivismJob: Sendable, Codable {
  enum IndexRule: String, Sendable, Codable, CaseIterable { case first, each }

  var suspicions: DataInput
  /// A person file joined by `lopnr` for the grouping variables (kon, alder, ...).
  var persons: DataInput?
  var filter: String?
  var windowDays: Int
  var by: [String] = []
  var index: IndexRule = .first
  /// Start of the period from which index suspicions are taken (`YYYY-MM-DD`; default: first date).
  var start: String?
  /// End of the index period (`YYYY-MM-DD`).
  var indexEnd: String?
  /// End of data (`YYYY-MM-DD`; default: the last event date).
  var end: String?
  var suppress: Int = 5
  var level: Double = 0.95
  var title: String?
  var language: Language = .sv

  func run() throws -> JobResult {
    throw JobError.invalidOption("recidivism is not wired yet")
  }
}
