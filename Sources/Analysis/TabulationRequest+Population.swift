import Foundation
import Microdata
import Tabulation

/// The population over the table's variables, and how it was obtained.
public struct PopulationCount: Sendable {
  public var table: CrossTab
  /// The file name.
  public var file: String
  /// `antal` for an SCB-style aggregate, `nil` for a person register (rows counted).
  public var weight: String?
  /// The filter applied to the population's rows, if any.
  public var filter: String?
  public var warnings: [String]
  /// The years (`ar`) of its rows, when it has the variable.
  public var years: Set<String>?
}

extension TabulationRequest {
  /// The name of the population count column in an SCB-style aggregate.
  package static let populationCountVariable = PopulationRecords.countVariable

  /// Aggregates the population file over the counted variables: the sum of `antal` per cell,
  /// or the number of rows when the file has no `antal` (a person register such as
  /// persons.csv). A population that lists a cell or a person twice is an error naming both
  /// lines (``PopulationRecords``).
  ///
  /// Its rows are selected by `populationFilter`, else by `filter` when the population has
  /// the variables it names (`alder >= 18` restricts both files alike); a filter on variables
  /// the population lacks (`brottstyp == "vbek"`) is not applied to it, and a warning says so.
  package func countPopulation(_ input: DataInput, codebook: Codebook) throws -> PopulationCount {
    var warnings: [String] = []
    let file = URL(fileURLWithPath: input.path).lastPathComponent
    let selection = filter.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    var loaded: LoadedData
    var applied: String?
    if let populationFilter {
      loaded = try input.load(filter: populationFilter)
      applied = populationFilter
    } else if let selection {
      do {
        loaded = try input.load(filter: selection)
        applied = selection
      } catch let error as MicrodataError where error.kind == "invalidFilter" {
        loaded = try input.load()
        warnings.append(
          "The filter `\(selection)` was not applied to the population \(file) (\(Self.reason(error))); "
            + "the rates are per the whole population of each cell. Give --population-filter to "
            + "select population rows.")
      }
    } else {
      loaded = try input.load()
    }
    warnings = loaded.warnings + warnings
    let dataset = loaded.dataset
    try PopulationRecords.check(dataset)
    let weight =
      dataset.hasVariable(Self.populationCountVariable) ? Self.populationCountVariable : nil
    let table: CrossTab
    do {
      table = try Self.crossTab(of: dataset, variables: countedVariables, weight: weight)
    } catch InputError.unknownVariable(let file, let name, let suggestions) {
      throw InputError.population(
        file: file,
        problem:
          "the population has no variable or grouping `\(name)`, so it cannot be aggregated "
          + "over the table's variables"
          + (suggestions.isEmpty ? "" : " (did you mean `\(suggestions[0])`?)")
          + "; tabulate variables both files have.")
    }
    warnings += table.excluded.warnings.map { "The population \(file): \($0)" }
    if let persons = table.excluded.weight, persons > 0 {
      warnings.append(
        "The population \(file): the excluded rows hold \(Self.format(persons)) persons.")
    }
    if weight == nil {
      warnings.append(
        "The population \(file) has no `\(Self.populationCountVariable)` column: each of its rows "
          + "counts as one person.")
    }
    return PopulationCount(
      table: table, file: file, weight: weight, filter: applied, warnings: warnings,
      years: try Self.years(of: dataset))
  }

  /// The message of a filter error without the expression and caret lines.
  package static func reason(_ error: MicrodataError) -> String {
    if case .invalidFilter(_, _, let message) = error { return message }
    return error.description
  }
}
