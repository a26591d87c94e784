import Microdata

/// Intersectional MAIHDA: null and main-effects random-intercept models over the strata of the
/// given variables. Behind `strata maihda` and a recipe's `maihda` entries.
struct MAIHDAJob: Sendable, Codable {
  var data: DataInput
  var filter: String?
  var strata: [String]
  /// Persons in `data` per stratum against this population (cases = suspects).
  var population: DataInput?
  /// Outcome condition for person-level data, e.g. `antal_misstankar >= 2`.
  var outcome: String?
  var nAGQ: Int = 1
  var level: Double = 0.95
  var suppress: Int = 5
  var title: String?
  var language: Language = .sv

  func run() throws -> JobResult {
    throw JobError.invalidOption("maihda is not wired yet")
  }
}
