import Microdata
import RegressionModels
import Tabulation

/// Persons and cases per stratum, ready for `MAIHDA.fit`, with what the output says about them.
public struct CountedStrata: Sendable {
  public var data: StratumData
  /// What a case is.
  public var outcome: ModelOutcome
  /// Variables the filter restricts the cases by that the unfiltered population also has.
  public var populationNotFilteredBy: [String] = []
  public var population: PopulationSummary?
  public var excluded: CaseCells.Exclusions
  public var codebook: Codebook
  /// The stratifying factors, for labels of variables the codebook does not declare.
  public var factors: [Factor]
  public var warnings: [String]
}

extension MAIHDARequest {
  /// Cases = distinct persons of the data per stratum (those meeting `outcome`, if given),
  /// persons = the population of the stratum.
  package func countAgainstPopulation(_ loaded: LoadedData) throws -> CountedStrata {
    guard let population else { preconditionFailure("countAgainstPopulation without a population") }
    let dataset = loaded.dataset
    let include = try outcome.map { try dataset.rowMask(RowFilter(parsing: $0, as: "outcome")) }
    let populationData = try population.load(filter: populationFilter)
    var warnings = populationData.warnings
    var notFilteredBy: [String] = []
    if let filter, populationFilter == nil {
      warnings += populationFilterWarning(filter: filter, population: populationData.dataset)
      notFilteredBy = populationFilterVariables(filter: filter, population: populationData.dataset)
    }
    let cells = try CaseCells.count(
      data: dataset, include: include, population: populationData.dataset,
      variables: strata + covariates, categorical: Set(strata + covariates))
    warnings += cells.warnings
    let what = ModelOutcome(
      outcome.map { .personsWith(condition: $0, againstPopulation: true) }
        ?? .personsOfData(variable: nil), source: dataset.source)
    let summary = PopulationSummary(
      file: populationData.dataset.source, cells: cells.population.filter { $0 > 0 }.count,
      persons: cells.population.reduce(0, +), cases: cells.cases.reduce(0, +))
    if !covariates.isEmpty {
      // Cells of strata × covariates as grouped rows: cases out of the population.
      let indices = cells.cases.indices.map { cells.levelIndices(ofCell: $0) }
      let factors = zip(cells.names, cells.levels).enumerated().map { v, pair in
        Factor(name: pair.0, levels: pair.1, codes: indices.map { Int32($0[v]) })
      }
      let data = try StratumData.tabulating(
        factors: Array(factors.prefix(strata.count)),
        covariates: Array(factors.dropFirst(strata.count)),
        outcome: cells.cases.map(Double.init), trials: cells.population, family: family)
      return CountedStrata(
        data: data, outcome: what, populationNotFilteredBy: notFilteredBy, population: summary,
        excluded: cells.excluded, codebook: dataset.codebook, factors: factors,
        warnings: warnings)
    }
    var rows: [StratumData.Stratum] = []
    for cell in cells.cases.indices {
      rows.append(
        StratumData.Stratum(
          levels: cells.levelIndices(ofCell: cell), persons: Int(cells.population[cell]),
          cases: cells.cases[cell]))
    }
    let variables = zip(cells.names, cells.levels).map {
      StratumData.Variable(name: $0, levels: $1)
    }
    let data = try StratumData(variables: variables, strata: rows)
    return CountedStrata(
      data: data, outcome: what, populationNotFilteredBy: notFilteredBy,
      population: summary,
      excluded: cells.excluded, codebook: dataset.codebook,
      factors: variables.map { Factor(name: $0.name, levels: $0.levels, codes: []) },
      warnings: warnings)
  }

  /// Person-level data: every row is a person, a case when `outcome` holds. Rows where the
  /// outcome is unknown (a missing value in it) are left out and counted.
  package func countOutcome(_ loaded: LoadedData) throws -> CountedStrata {
    guard let outcome else {
      throw ModelJobError.outcome(
        "maihda needs --population POP (cases are the persons of the data, counted against the population) or --outcome EXPR (person-level data, e.g. --outcome 'antal_misstankar >= 2')."
      )
    }
    let dataset = loaded.dataset
    let holds = try dataset.rowMask(RowFilter(parsing: outcome, as: "outcome"))
    let fails = try dataset.rowMask(RowFilter(parsing: "!(\(outcome))", as: "outcome"))
    var warnings: [String] = []
    let unknown = holds.indices.filter { !holds[$0] && !fails[$0] }.count
    if unknown > 0 {
      warnings.append(
        "\(unknown) rows of \(dataset.source) have a missing value in the outcome `\(outcome)` and were left out."
      )
    }
    if dataset.hasVariable("lopnr") {
      let persons = try dataset.factor("lopnr").levels.count
      if persons < dataset.rowCount - unknown {
        warnings.append(
          "\(dataset.source) has several rows for some persons (\(persons) persons in \(dataset.rowCount) rows); each row counts as one observation. Filter to one row per person (e.g. one offence type) for person-level MAIHDA."
        )
      }
    }
    let factors = try strata.map { try dataset.factor($0) }
    var excluded = CaseCells.Exclusions()
    var keep: [Int] = []
    keep.reserveCapacity(dataset.rowCount)
    for row in 0..<dataset.rowCount where holds[row] || fails[row] {
      if factors.contains(where: { $0.codes[row] < 0 }) {
        Self.note(row: row, factors: factors, into: &excluded.population)
        if holds[row] { Self.note(row: row, factors: factors, into: &excluded.cases) }
        continue
      }
      keep.append(row)
    }
    if excluded.population.rows > 0 {
      warnings.append(
        "\(excluded.population.rows) rows of \(dataset.source) (\(excluded.cases.rows) of them cases) with a missing or out-of-range value of \(strata.joined(separator: ", ")) were left out."
      )
    }
    let kept = factors.map { f in
      Factor(name: f.name, levels: f.levels, codes: keep.map { f.codes[$0] })
    }
    let tabulated = try StratumData.tabulating(factors: kept, outcome: keep.map { holds[$0] })
    let data = try StratumData(variables: tabulated.variables, strata: tabulated.strata)
    return CountedStrata(
      data: data,
      outcome: ModelOutcome(
        .personsWith(condition: outcome, againstPopulation: false), source: dataset.source),
      population: nil,
      excluded: excluded, codebook: dataset.codebook, factors: factors, warnings: warnings)
  }

  /// Whether person-level rows carry values (a count, a measurement, trials, weights or
  /// covariates) rather than a 0/1 condition counted per stratum.
  var usesRowValues: Bool {
    family != .binomial || trials != nil || weight != nil || !covariates.isEmpty
  }

  /// Fails on the first row of a large person-level file, before it is read whole, when the
  /// outcome condition, trials, weight, strata or covariates name a variable the file lacks
  /// (``DataInput/preflight(filter:_:)``), in the order and with the errors of counting the
  /// rows after the load. Counts against a population, and a numeric outcome the file lacks
  /// (its message names the family), are left to the count.
  package func preflightRows() throws {
    guard population == nil, let outcome else { return }
    try data.preflight(filter: filter) { first in
      if family == .binomial && trials == nil {
        let condition = try RowFilter(parsing: outcome, as: "outcome")
        if condition.variables.contains(where: { !first.hasVariable($0) }) {
          _ = try first.rowMask(condition)
        }
      } else if !first.hasVariable(outcome) {
        return
      }
      let numerics = usesRowValues ? [trials, weight].compactMap { $0 } : []
      for name in numerics where !first.hasVariable(name) { _ = try first.numeric(name) }
      for name in strata + (usesRowValues ? covariates : []) where !first.hasVariable(name) {
        _ = try first.factor(name)
      }
    }
  }

  /// Person-level or grouped rows with values: the outcome is a condition (binomial without
  /// `trials`) or a numeric column (successes with `trials`, a count for Poisson, a
  /// measurement for Gaussian); `weight` are frequency weights; `covariates` categorical.
  /// Rows with a missing value in any of them are left out and counted.
  package func countRows(_ loaded: LoadedData) throws -> CountedStrata {
    guard let outcome else {
      throw ModelJobError.outcome(
        "maihda needs --outcome: a condition (binomial) or a numeric column (successes with --trials, a count for --family poisson, a measurement for --family gaussian)."
      )
    }
    let dataset = loaded.dataset
    var warnings: [String] = []
    let values: [Double]
    let what: ModelOutcome
    if family == .binomial && trials == nil {
      let holds = try dataset.rowMask(RowFilter(parsing: outcome, as: "outcome"))
      let fails = try dataset.rowMask(RowFilter(parsing: "!(\(outcome))", as: "outcome"))
      values = zip(holds, fails).map { $0 ? 1 : ($1 ? 0 : .nan) }
      what = ModelOutcome(
        .personsWith(condition: outcome, againstPopulation: false), source: dataset.source)
    } else {
      guard dataset.hasVariable(outcome) else {
        throw ModelJobError.outcome(
          "With --family \(family.rawValue)\(trials == nil ? "" : " and --trials") the outcome is a numeric column of \(dataset.source); `\(outcome)` is not one."
        )
      }
      values = try dataset.numeric(outcome)
      what = ModelOutcome(.rows(response: outcome), source: dataset.source)
    }
    let trialValues = try trials.map { try dataset.numeric($0) }
    let weightValues = try weight.map { try dataset.numeric($0) }
    let factors = try strata.map { try dataset.factor($0) }
    let covariateFactors = try covariates.map { try dataset.factor($0) }
    var excluded = CaseCells.Exclusions()
    for row in 0..<dataset.rowCount
    where (factors + covariateFactors).contains(where: { $0.codes[row] < 0 }) {
      Self.note(row: row, factors: factors + covariateFactors, into: &excluded.population)
    }
    let unknown = (0..<dataset.rowCount).filter {
      !values[$0].isFinite || !(trialValues?[$0].isFinite ?? true)
        || !(weightValues?[$0].isFinite ?? true)
    }.count
    if unknown > 0 {
      warnings.append(
        "\(unknown) rows of \(dataset.source) have a missing value in the outcome\(trials == nil ? "" : ", the trials")\(weight == nil ? "" : " or the weight") and were left out."
      )
    }
    if excluded.population.rows > 0 {
      warnings.append(
        "\(excluded.population.rows) rows of \(dataset.source) with a missing or out-of-range value of \((strata + covariates).joined(separator: ", ")) were left out."
      )
    }
    let data: StratumData
    do {
      let tabulated = try StratumData.tabulating(
        factors: factors, covariates: covariateFactors, outcome: values, trials: trialValues,
        weights: weightValues, family: family)
      // The rows left out are warned about above, naming the file.
      data = try StratumData(
        variables: tabulated.variables, strata: tabulated.strata,
        covariateTerms: tabulated.covariateTerms, cells: tabulated.cells,
        casesBoundedByPersons: family == .binomial)
    } catch {
      guard case .invalidOutcome(let description, let row?) = error else { throw error }
      throw ModelJobError.outcome(
        "\(description) in \(dataset.source), line \(dataset.sourceLine(ofRow: row)).")
    }
    return CountedStrata(
      data: data, outcome: what, population: nil, excluded: excluded,
      codebook: dataset.codebook, factors: factors + covariateFactors, warnings: warnings)
  }

  /// Counts the variables that make a row missing (code −1) or outside (−2).
  private static func note(row: Int, factors: [Factor], into side: inout CaseCells.Exclusions.Side)
  {
    side.rows += 1
    for factor in factors {
      if factor.codes[row] == Factor.missing {
        side.missing[factor.name, default: 0] += 1
      } else if factor.codes[row] == Factor.outside {
        side.outside[factor.name, default: 0] += 1
      }
    }
  }
}
