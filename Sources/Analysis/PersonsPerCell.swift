import Microdata
import RegressionModels
import Tabulation

/// The distinct persons (`lopnr`) of the data per cell of the predictors, against the
/// population of the cell: what a logit or count job fits with `--population`. Only cells with
/// a population are kept; the fits of the job's formulas share them, so that compared models
/// have the same observations.
package struct PersonsPerCell {
  /// Which persons of the data are cases, from the outcome of the formula.
  package struct Cases {
    /// Rows of the data that count (a condition's rows); `nil` counts every row.
    var include: [Bool]?
    var outcome: ModelOutcome

    /// `misstankt ~ …` counts every person of the data; a condition (`antal_misstankar >= 2 ~
    /// …`) only the persons who meet it. A variable of the data as the outcome is an error.
    package init(_ response: Formula.Response, data: Dataset) throws {
      switch response {
      case .variable(let name):
        if data.hasVariable(name) {
          throw ModelJobError.outcome(
            "With --population the outcome is `misstankt` (every person of the data is a case) or a condition on the data such as `antal_misstankar >= 2`; `\(name)` is a variable of \(data.source): write `\(name) == 1` to count the persons with that value."
          )
        }
        outcome = ModelOutcome(.personsOfData(variable: name), source: data.source)
      case .condition(let variable, let comparison, let value):
        let condition = "\(variable) \(comparison.rawValue) \(value)"
        include = try data.rowMask(RowFilter(parsing: condition, as: "outcome"))
        outcome = ModelOutcome(
          .personsWith(condition: condition, againstPopulation: true), source: data.source)
      default:
        throw ModelJobError.outcome(
          "With --population the outcome is `misstankt` or a condition on the data, not `\(response)`."
        )
      }
    }
  }

  /// One factor a predictor variable, over the kept cells.
  package var predictors: [Factor]
  /// Cases per kept cell.
  package var cases: [Double]
  /// Population per kept cell.
  package var persons: [Double]
  /// What a case is.
  package var outcome: ModelOutcome
  /// Rows left out of the data and of the population file.
  package var excluded: CaseCells.Exclusions
  /// Variables the data filter restricts the cases by that the unfiltered population also has.
  package var populationNotFilteredBy: [String]
  /// Cells, persons and cases.
  package var summary: PopulationSummary
  /// For each predictor, the codes of its levels in the kept cells.
  package var levels: [String: [String]]
  /// The population file's and the counting's warnings.
  package var warnings: [String]

  /// Counts the cases of `data` in the cells of every predictor variable of `formulas` (in
  /// order of first appearance) against the population loaded from `population`.
  /// - Parameters:
  ///   - filter: the filter of the data; when the population is not filtered, a warning names
  ///     the variables of it that the population has too.
  package init(
    cases: Cases, data: Dataset, formulas: [Formula], population: DataInput,
    populationFilter: String?, filter: String?
  ) throws {
    let populationData = try population.load(filter: populationFilter)
    var warnings = populationData.warnings
    populationNotFilteredBy = []
    if let filter, populationFilter == nil {
      warnings += populationFilterWarning(filter: filter, population: populationData.dataset)
      populationNotFilteredBy = populationFilterVariables(
        filter: filter, population: populationData.dataset)
    }
    var variables: [String] = []
    for f in formulas {
      for v in f.predictorVariables where !variables.contains(v) { variables.append(v) }
    }
    let categorical = formulas.reduce(into: Set<String>()) { $0.formUnion($1.categoricalVariables) }
    let cells = try CaseCells.count(
      data: data, include: cases.include, population: populationData.dataset,
      variables: variables, categorical: categorical)
    warnings += cells.warnings
    let kept = cells.population.indices.filter { cells.population[$0] > 0 }
    let indices = kept.map { cells.levelIndices(ofCell: $0) }
    predictors = variables.indices.map { k in
      Factor(name: variables[k], levels: cells.levels[k], codes: indices.map { Int32($0[k]) })
    }
    self.cases = kept.map { Double(cells.cases[$0]) }
    persons = kept.map { cells.population[$0] }
    outcome = cases.outcome
    excluded = cells.excluded
    summary = PopulationSummary(
      file: populationData.dataset.source, cells: kept.count, persons: persons.reduce(0, +),
      cases: Int(self.cases.reduce(0, +)))
    levels = [:]
    for factor in predictors {
      let counts = factor.levelCounts()
      levels[factor.name] = factor.levels.indices.filter { counts[$0] > 0 }.map {
        factor.levels[$0].code
      }
    }
    self.warnings = warnings
  }
}
