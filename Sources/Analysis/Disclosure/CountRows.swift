import Microdata

/// The rows a count table counts when they are not a file's rows as they stand: the index
/// suspicions of a recidivism analysis, with who was followed up for the whole window and who
/// reoffended. Linked suppression builds the population's cover from them
/// (``PopulationCover``) and joins it to the other populations through the persons.
public struct CountRows: Sendable {
  /// Names the population (unique within a report).
  public var name: String
  /// The person of each row (`nil`: unknown, counted on its own).
  public var persons: [KeyColumn.Key?]
  /// Whether the tables count distinct persons (once per cell) rather than rows.
  public var countsPersons: Bool
  /// The variables' codes per row (missing or outside codes: rows the tables leave out).
  public var factors: [Factor]
  /// Named subsets of the rows; a table's `filter` names one (`nil`: all rows).
  public var subsets: [String: [Bool]]
  /// The filter expressions that selected the rows (e.g. the analysis's `--filter`), which a
  /// reader knows every row satisfies.
  public var filters: [String]

  public init(
    name: String, persons: [KeyColumn.Key?], countsPersons: Bool, factors: [Factor],
    subsets: [String: [Bool]], filters: [String] = []
  ) {
    self.name = name
    self.persons = persons
    self.countsPersons = countsPersons
    self.factors = factors
    self.subsets = subsets
    self.filters = filters
  }
}
