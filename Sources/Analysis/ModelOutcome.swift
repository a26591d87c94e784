import Microdata

/// What the outcome of a model counts, as a typed value: a report words it from the codebook in
/// its language without file names or filter code, and the JSON keeps the English contract text
/// (``description``), e.g. `persons in suspects.csv with antal_misstankar >= 2`.
public struct ModelOutcome: Sendable, Equatable, CustomStringConvertible {
  /// What is counted.
  public enum Kind: Sendable, Equatable {
    /// A 0/1 column, a condition or successes of the rows of individual data (`antal_misstankar
    /// >= 2`).
    case rows(response: String)
    /// The persons of the data (cases) against the population of the same cells; `variable`
    /// names the outcome in the formula (`misstankt`), `nil` for MAIHDA.
    case personsOfData(variable: String?)
    /// The persons of the data meeting a condition, against the population, or among the
    /// persons of person-level data (`againstPopulation` false).
    case personsWith(condition: String, againstPopulation: Bool)
  }

  public var kind: Kind
  /// The data file the outcome is counted in (for the JSON and the data appendix only).
  public var source: String

  public init(_ kind: Kind, source: String) {
    self.kind = kind
    self.source = source
  }

  /// The English contract text: `misstankt: persons in suspects.csv`, `persons in suspects.csv
  /// with antal_misstankar >= 2`, `y (data.csv)`.
  public var description: String {
    switch kind {
    case .rows(let response): "\(response) (\(source))"
    case .personsOfData(let variable?): "\(variable): persons in \(source)"
    case .personsOfData(nil): "persons in \(source)"
    case .personsWith(let condition, _): "persons in \(source) with \(condition)"
    }
  }
}
