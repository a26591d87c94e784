/// Problems of counting the persons of a data file against a population, cell by cell
/// (`CaseCells`): the two files do not describe the same people, or a variable cannot make cells.
public enum PopulationCountError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A cell of the predictors has persons in the data but none in the population.
  case populationMissing(cell: String, cases: Int, file: String, line: Int)
  /// A cell has more persons in the data (`file`) than in the population (`populationFile`):
  /// the rule shared by rates of persons (``RateTable``) and models (``CaseCells``).
  case moreCasesThanPopulation(
    cell: String, cases: Int, population: Double, file: String, populationFile: String)
  /// An SCB-style aggregate lists the same cell (the same values of every column but
  /// `antal`) on two lines; see ``PopulationRecords``.
  case duplicateCell(file: String, cell: String, firstLine: Int, secondLine: Int)
  /// A person register used as a population lists the same person (in the same year, when it
  /// has `ar`) on two lines; see ``PopulationRecords``.
  case duplicatePerson(file: String, person: String, year: String?, firstLine: Int, secondLine: Int)
  /// A variable counted against a population must be categorical.
  case notCategorical(variable: String)
  /// The population's count column holds a negative or fractional number.
  case invalidPopulationCount(file: String, line: Int, value: Double)

  public var description: String {
    switch self {
    case .populationMissing(let cell, let cases, let file, let line):
      return
        "The population has no persons in the cell \(cell), but the data has \(cases) \(cases == 1 ? "person" : "persons") there (first in \(file), line \(line)). Check that both files use the same codes, or group the variables more coarsely."
    case .moreCasesThanPopulation(let cell, let cases, let population, let file, let other):
      return
        "The cell \(cell) has \(cases) \(cases == 1 ? "person" : "persons") in \(file) but a population of only \(Int(population)) in \(other); the files do not match (another year or region?)."
    case .duplicateCell(let file, let cell, let first, let second):
      return
        "The population \(file) lists the cell \(cell) on line \(first) and again on line \(second); its persons would be counted twice. Remove the repeated row, or add the column that tells the two rows apart."
    case .duplicatePerson(let file, let person, let year, let first, let second):
      let when = year.map { " in the year (ar) \($0)" } ?? ""
      return
        "The population \(file) lists the person (lopnr) \(person)\(when) on line \(first) and again on line \(second); a person register counts each row as one person, so this person would be counted twice. Remove the repeated row."
    case .notCategorical(let variable):
      return
        "`\(variable)` is numeric; persons are counted against a population in cells of categorical variables. Use a grouping (e.g. `aldersgrupp` for `alder`) or write `C(\(variable))`."
    case .invalidPopulationCount(let file, let line, let value):
      return
        "The population count `antal` in \(file), line \(line), is \(value); it must be a whole number ≥ 0."
    }
  }
}
