/// A synthetic county held in memory: the same rows as the files, in the same order.
public struct County: Sendable, Equatable {
  /// The model the county was drawn from (what `truth.json` holds).
  public let model: CountyModel
  /// `persons.csv`, by `lopnr`.
  public let persons: [Person]
  /// `population.csv`: nonzero cells sorted by kon, alder, utbildning, fodelseland.
  public let population: [PopulationCell]
  /// `suspects.csv`: by `lopnr`, then offence in `OffenceType.allCases` order.
  public let suspects: [Suspect]
  /// `suspicions.csv`: by `lopnr`, then date.
  public let suspicions: [Suspicion]
}
