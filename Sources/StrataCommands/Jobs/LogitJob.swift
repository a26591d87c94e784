import Microdata

/// Logistic regression from a formula: individual 0/1 outcomes, a condition, or "is a suspect"
/// against a population (grouped binomial). Behind `strata logit` and a recipe's `logit` entries.
struct LogitJob: Sendable, Codable {
  enum Interval: String, Sendable, Codable, CaseIterable { case wald, profile }
  enum Robust: String, Sendable, Codable, CaseIterable { case hc0, hc1 }

  var data: DataInput
  var filter: String?
  var formula: String
  /// With `misstankt ~ ...`: persons in `data` per cell against this population.
  var population: DataInput?
  var trials: String?
  var weight: String?
  var firth: Bool = false
  var robust: Robust?
  var cluster: String?
  var level: Double = 0.95
  /// Reference levels, `variable → code`.
  var reference: [String: String] = [:]
  var ame: Bool = false
  var interval: Interval = .wald
  /// Nested formulas to compare by likelihood-ratio tests (`--compare`).
  var compare: [String] = []
  var collapse: Bool = true
  var maxIterations: Int = 25
  var epsilon: Double = 1e-8
  var title: String?
  var language: Language = .sv

  func run() throws -> JobResult {
    throw JobError.invalidOption("logit is not wired yet")
  }
}
