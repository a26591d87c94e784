import Microdata
import Tabulation

/// A finished cross-tabulation: the summary (cells, margins, total, rates, shares, test) after
/// disclosure control, with the population it was counted against and the standardised rates.
public struct TabulationResult: Sendable {
  /// What was asked.
  public var request: TabulationRequest
  /// Cells, margins and total with counts, rates, percentages, the test and the warnings.
  public var summary: CrossTabSummary
  /// The population over the table's variables, when there is one.
  public var population: PopulationCount?
  /// Directly standardised rates (`standardizeBy`).
  public var standardization: DirectStandardization?
  /// The groups of ``standardization`` (codes of its group variables, `nil` = all levels)
  /// whose rates are withheld because a stratum count of the group is primarily suppressed
  /// (``DirectStandardization/groupsWithSmallStrata(in:control:)``); groups whose count is
  /// suppressed in ``summary`` are withheld too.
  public var standardizedWithheld: Set<[String?]> = []
  /// The codebook the data was read through (labels).
  public var codebook: Codebook
  /// Whether the counts are distinct persons per cell (`lopnr`), not rows.
  public var countsPersons: Bool = false
  /// Variables replaced by coarser groupings (`TabulationRequest.coarsen`).
  public var coarsened: [Coarsening] = []

  /// Every warning of the analysis (rows excluded, population problems, the test's).
  public var warnings: [String] { summary.warnings }
}
