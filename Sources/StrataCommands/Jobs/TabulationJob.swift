import Microdata

/// A cross-tabulation of suspects (or any file) by codebook variables and groupings, optionally
/// against a population: the analysis behind `strata tabulate` and a recipe's `tabulate` and
/// `rates` entries.
struct TabulationJob: Sendable, Codable {
  enum PercentBase: String, Sendable, Codable, CaseIterable { case row, col, total }

  var data: DataInput
  var filter: String?
  /// Row variables (outer first), e.g. `["kon", "fodelse"]`.
  var rows: [String]
  /// Column variables (outer first); may be empty.
  var cols: [String] = []
  /// Population file: rates per `per`, population shares and representation ratios.
  var population: DataInput?
  /// Count a column's values instead of rows (`antal_misstankar` counts suspicions; a count
  /// column makes aggregated input work).
  var weight: String?
  /// Disclosure control: counts below this are suppressed (0 turns it off).
  var suppress: Int = 5
  var percent: PercentBase?
  var per: Double = 100_000
  /// χ², G², Cramér's V and adjusted residuals (and Fisher's exact test for 2 × 2).
  var test: Bool = false
  /// Report, rather than fail on, population cells missing for cells with suspects.
  var allowMissingPopulation: Bool = false
  /// Direct age standardisation by this grouping (e.g. `aldersgrupp`), to the study population.
  var standardizeBy: String?
  var title: String?
  var language: Language = .sv

  func run() throws -> JobResult {
    throw JobError.invalidOption("tabulation is not wired yet")
  }
}
