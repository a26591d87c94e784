import Microdata
import RegressionModels
import Tabulation

extension CountRegressionRequest {
  /// The fits of a count job with the other family's fit for the overdispersion test.
  package struct CountFits {
    var fits: LogitFits
    var overdispersion: OverdispersionTest?
    var other: GLMFit?
  }

  /// The most rows on which `strata poisson` also fits the negative binomial for the test of
  /// overdispersion.
  static let largestCompanionFit = 200_000

  /// Fits the formulas and, for the main one, the other family; a failure of the other fit only
  /// leaves the test out (with a warning).
  private func fitAll(
    _ formulas: [Formula], labels: [String], fit: (Formula, Family) throws -> GLMFit
  ) throws -> (
    models: [(label: String, fit: GLMFit)], test: OverdispersionTest?, other: GLMFit?,
    warnings: [String]
  ) {
    var models: [(label: String, fit: GLMFit)] = []
    for (f, label) in zip(formulas, labels) {
      models.append((label, try fit(f, family.family)))
    }
    let main = models[models.count - 1].fit
    let otherFamily: Family = family == .poisson ? .negativeBinomial : .poisson
    // The negative binomial cannot be collapsed to covariate patterns: on many rows its fit
    // costs seconds, so `strata poisson` leaves the test to `strata nbreg` there.
    if family == .poisson && main.observationCount > Self.largestCompanionFit {
      return (
        models, nil, nil,
        [
          "The likelihood-ratio test of overdispersion needs a negative binomial fit of all \(main.observationCount) rows and was left out (more than \(Self.largestCompanionFit)); Pearson's χ²/df is reported, and strata nbreg gives the test."
        ]
      )
    }
    do {
      let other = try fit(formulas[formulas.count - 1], otherFamily)
      let test =
        family == .poisson
        ? try OverdispersionTest(poisson: main, negativeBinomial: other)
        : try OverdispersionTest(poisson: other, negativeBinomial: main)
      return (models, test, other, [])
    } catch {
      return (
        models, nil, nil,
        [
          "The test of overdispersion was left out: the \(otherFamily.rawValue) fit failed (\(error))."
        ]
      )
    }
  }

  /// Fits the formulas to the rows of the data (a count column as the outcome).
  package func fitRows(main: Formula, others: [Formula], loaded: LoadedData) throws -> CountFits {
    var dataset = loaded.dataset
    var warnings: [String] = []
    guard case .variable(let name) = main.response else {
      throw ModelJobError.outcome(
        "The outcome of a count model is a column of counts (e.g. `antal_misstankar`), or `misstankt` with --population, not `\(main.response)`."
      )
    }
    if !dataset.hasVariable(name) && name == "misstankt" {
      throw ModelJobError.outcome(
        "`misstankt` (is a suspect) counts the persons of the data against a population: give --population POP (e.g. population.csv), or use a column of counts such as `antal_misstankar` as the outcome."
      )
    }
    if dataset.hasVariable(name) && dataset.isCategorical(name) {
      throw ModelJobError.outcome(
        "The outcome `\(name)` is categorical; a count model needs a column of counts ≥ 0.")
    }
    let formulas = others + [main]
    if !others.isEmpty {
      let (rows, extra) = try RegressionRows.common(
        formulas, dataset: dataset, extra: [weight, cluster].compactMap { $0 })
      if extra > 0 {
        dataset = dataset.rows(rows)
        warnings.append(
          "\(extra) rows with a missing value in a variable of another compared model were left out of every model, so that all are fitted to the same observations."
        )
      }
    }
    let data = dataset
    let all = try fitAll(formulas, labels: compare + [formula]) { f, family in
      do {
        return try GLM.fit(formula: f, data: data, options: glmOptions(family))
      } catch ModelError.invalidOutcome(let description, let row?) {
        throw ModelJobError.outcome(
          "The outcome \(description) in \(data.source), line \(data.sourceLine(ofRow: row)).")
      }
    }
    warnings += all.warnings
    var levels: [String: [String]] = [:]
    var labelFactors: [Factor] = []
    for v in main.predictorVariables
    where main.derivedVariables[v] == nil
      && (main.categoricalVariables.contains(v) || dataset.isCategorical(v))
    {
      let factor = try dataset.factor(v)
      let counts = factor.levelCounts()
      levels[v] = factor.levels.indices.filter { counts[$0] > 0 }.map { factor.levels[$0].code }
      labelFactors.append(factor)
    }
    let fit = all.models[all.models.count - 1].fit
    return CountFits(
      fits: LogitFits(
        main: fit, models: all.models, excluded: .frame(fit.exclusions),
        outcome: ModelOutcome(.rows(response: "\(main.response)"), source: dataset.source),
        population: nil, levels: levels,
        labelFactors: labelFactors, codebook: dataset.codebook, warnings: warnings),
      overdispersion: all.test, other: all.other)
  }

  /// Counts persons of the data per cell of every predictor of every formula and fits the
  /// counts against log(population) as offset.
  package func fitAgainstPopulation(main: Formula, others: [Formula], loaded: LoadedData) throws
    -> CountFits
  {
    guard let population else { preconditionFailure("fitAgainstPopulation without a population") }
    let dataset = loaded.dataset
    let cases = try PersonsPerCell.Cases(main.response, data: dataset)
    let formulas = others + [main]
    for f in formulas {
      if let v = f.predictorVariables.first(where: { f.derivedVariables[$0] != nil })
        ?? f.offsets
        .first.map({ "offset(\($0))" })
      {
        throw ModelJobError.outcome(
          "With --population every predictor is a category of the cells and the offset is log(population); `\(v)` cannot be used there."
        )
      }
    }
    let cells = try PersonsPerCell(
      cases: cases, data: dataset, formulas: formulas, population: population,
      populationFilter: populationFilter, filter: filter)
    var warnings = cells.warnings
    let casesName = main.response.variables.first ?? "cases"
    let populationName = casesName == "population" ? "population_total" : "population"
    let table = try PopulationCells(
      predictors: cells.predictors, cases: cells.cases, population: cells.persons,
      casesName: casesName, populationName: populationName)
    let all = try fitAll(formulas, labels: compare + [formula]) { f, family in
      var counted = f
      counted.response = .variable(casesName)
      counted.offsets = [.call(.log, .variable(populationName))]
      return try GLM.fit(formula: counted, data: table, options: glmOptions(family))
    }
    warnings += all.warnings
    return CountFits(
      fits: LogitFits(
        main: all.models[all.models.count - 1].fit, models: all.models,
        excluded: .cells(cells.excluded), outcome: cells.outcome, population: cells.summary,
        levels: cells.levels, labelFactors: cells.predictors, codebook: dataset.codebook,
        warnings: warnings),
      overdispersion: all.test, other: all.other)
  }
}
