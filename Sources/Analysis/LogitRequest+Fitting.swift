import Microdata
import RegressionModels
import Tabulation

extension LogitRequest {
  /// Fits the formulas to the rows of the data (0/1 outcome, condition, or successes/trials).
  ///
  /// With `--compare`, every model is fitted to the rows complete in the variables of all of
  /// them, so that the likelihood-ratio tests compare fits of the same observations.
  package func fitRows(main: Formula, others: [Formula], loaded: LoadedData) throws -> LogitFits {
    var dataset = loaded.dataset
    var warnings: [String] = []
    if case .variable(let name) = main.response, !dataset.hasVariable(name),
      name == "misstankt"
    {
      throw ModelJobError.outcome(
        "`misstankt` (is a suspect) counts the persons of the data against a population: give --population POP (e.g. population.csv), or use a 0/1 column or a condition such as `antal_misstankar >= 2` as the outcome."
      )
    }
    var formulas = others + [main]
    if let trials {
      formulas = try formulas.map { f in
        guard case .variable(let successes) = f.response else {
          throw ModelJobError.outcome(
            "--trials \(trials) needs an outcome that is a count of successes (a column), not `\(f.response)`."
          )
        }
        var grouped = f
        grouped.response = .successes(successes, trials: trials)
        return grouped
      }
    }
    if !others.isEmpty {
      let (rows, extra) = try commonRows(formulas, dataset: dataset)
      if extra > 0 {
        dataset = dataset.rows(rows)
        warnings.append(
          "\(extra) rows with a missing value in a variable of another compared model were left out of every model, so that all are fitted to the same observations."
        )
      }
    }
    let options = glmOptions
    var models: [(label: String, fit: GLMFit)] = []
    for (k, f) in formulas.enumerated() {
      let attempt = Result { () throws(ModelError) in
        try GLM.fit(formula: f, data: dataset, options: options)
      }
      switch attempt {
      case .success(let fit):
        models.append((k < others.count ? compare[k] : formula, fit))
      case .failure(let error):
        if case .invalidOutcome = error, let located = invalidOutcome(f, dataset: dataset) {
          throw located
        }
        throw error
      }
    }
    let fit = models[models.count - 1].fit
    var levels: [String: [String]] = [:]
    var labelFactors: [Factor] = []
    for v in main.predictorVariables
    where main.categoricalVariables.contains(v) || dataset.isCategorical(v) {
      let factor = try dataset.factor(v)
      let counts = factor.levelCounts()
      levels[v] = factor.levels.indices.filter { counts[$0] > 0 }.map { factor.levels[$0].code }
      labelFactors.append(factor)
    }
    return LogitFits(
      main: fit, models: models, excluded: .frame(fit.exclusions),
      outcome: ModelOutcome(.rows(response: "\(main.response)"), source: dataset.source),
      population: nil, levels: levels,
      labelFactors: labelFactors, codebook: dataset.codebook, warnings: warnings)
  }

  /// Fits the formulas to persons of the data counted against the population, in the cells of
  /// every predictor of every formula (so that compared models share their observations).
  package func fitAgainstPopulation(main: Formula, others: [Formula], loaded: LoadedData) throws
    -> LogitFits
  {
    guard let population else { preconditionFailure("fitAgainstPopulation without a population") }
    if weight != nil || trials != nil || cluster != nil {
      throw ModelJobError.outcome(
        "--weight, --trials and --cluster describe rows of individual data; with --population every person of the population is one observation."
      )
    }
    let dataset = loaded.dataset
    let formulas = others + [main]
    let cells = try PersonsPerCell(
      cases: try PersonsPerCell.Cases(main.response, data: dataset), data: dataset,
      formulas: formulas, population: population, populationFilter: populationFilter,
      filter: filter)
    let options = glmOptions
    var models: [(label: String, fit: GLMFit)] = []
    for (k, f) in formulas.enumerated() {
      let fit = try GLM.fitAgainstPopulation(
        formula: f, predictors: cells.predictors, cases: cells.cases, population: cells.persons,
        options: options)
      models.append((k < others.count ? compare[k] : formula, fit))
    }
    return LogitFits(
      main: models[models.count - 1].fit, models: models, excluded: .cells(cells.excluded),
      outcome: cells.outcome, populationNotFilteredBy: cells.populationNotFilteredBy,
      population: cells.summary, levels: cells.levels, labelFactors: cells.predictors,
      codebook: dataset.codebook, warnings: cells.warnings)
  }

  /// The first row of a 0/1 outcome column that holds another value, with its file and line.
  package func invalidOutcome(_ formula: Formula, dataset: Dataset) -> ModelJobError? {
    guard case .variable(let name) = formula.response, trials == nil,
      let values = try? dataset.numeric(name),
      let row = values.firstIndex(where: { !$0.isNaN && $0 != 0 && $0 != 1 })
    else { return nil }
    let value =
      values[row] == values[row].rounded() ? String(Int(values[row])) : String(values[row])
    return .outcome(
      "The outcome `\(name)` must be 0 or 1, but it is \(value) in \(dataset.source), line \(dataset.sourceLine(ofRow: row)). Use a condition such as `\(name) >= 1` as the outcome, or --trials for successes out of trials."
    )
  }

  /// The rows complete in every variable of `formulas` (plus weights, trials and clusters), and
  /// how many of them the last formula alone would have kept besides.
  package func commonRows(_ formulas: [Formula], dataset: Dataset) throws -> (
    rows: [Int], extra: Int
  ) {
    try RegressionRows.common(
      formulas, dataset: dataset, extra: [weight, cluster, trials].compactMap { $0 })
  }
}
