/// Problems of counting the persons of a data file against a population, cell by cell
/// (`CaseCells`): the two files do not describe the same people, or a variable cannot make cells.
public enum PopulationCountError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A cell of the predictors has persons in the data but none in the population.
  case populationMissing(cell: String, cases: Int, file: String, line: Int)
  /// A cell has more persons in the data than in the population.
  case moreCasesThanPopulation(cell: String, cases: Int, population: Double, file: String)
  /// A variable counted against a population must be categorical.
  case notCategorical(variable: String)
  /// The population's count column holds a negative or fractional number.
  case invalidPopulationCount(file: String, line: Int, value: Double)

  public var description: String {
    switch self {
    case .populationMissing(let cell, let cases, let file, let line):
      return
        "The population has no persons in the cell \(cell), but the data has \(cases) \(cases == 1 ? "person" : "persons") there (first in \(file), line \(line)). Check that both files use the same codes, or group the variables more coarsely."
    case .moreCasesThanPopulation(let cell, let cases, let population, let file):
      return
        "The cell \(cell) has \(cases) persons in \(file) but a population of only \(Int(population)); the files do not match (another year or region?)."
    case .notCategorical(let variable):
      return
        "`\(variable)` is numeric; persons are counted against a population in cells of categorical variables. Use a grouping (e.g. `aldersgrupp` for `alder`) or write `C(\(variable))`."
    case .invalidPopulationCount(let file, let line, let value):
      return
        "The population count `antal` in \(file), line \(line), is \(value); it must be a whole number ≥ 0."
    }
  }
}
