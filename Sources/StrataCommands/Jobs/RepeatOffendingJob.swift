import Microdata

/// Repeat offending (upprepad brottslighet): the share of suspects with at least `threshold`
/// suspicions of the offence type in the period, by group, with Wilson intervals. Behind
/// `strata repeat` and a recipe's `repeat` entries.
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
    throw JobError.invalidOption("repeat offending is not wired yet")
  }
}
