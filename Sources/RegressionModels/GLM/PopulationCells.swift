import Microdata

/// Cells of the predictors with the number of persons who have the outcome (e.g. are suspects)
/// and the population of the cell: the "is a suspect" model of `strata logit --population`.
///
/// Each person in the population is one Bernoulli trial, so the model is the individual-level
/// logistic regression of the person register, fitted on its covariate patterns: cases are the
/// successes and the population the trials of each cell.
///
/// ```swift
/// let fit = try GLM.fitAgainstPopulation(
///   formula: Formula("misstankt ~ kon * fodelse + aldersgrupp"),
///   predictors: [kon, fodelse, aldersgrupp],   // one Factor per predictor, one code per cell
///   cases: suspectsPerCell, population: populationPerCell)
/// ```
public struct PopulationCells: VariableSource, Sendable {
  /// The predictors, one code per cell.
  public let predictors: [Factor]
  /// Persons with the outcome per cell.
  public let cases: [Double]
  /// Population per cell.
  public let population: [Double]
  /// The names under which the counts are read.
  let casesName: String
  let populationName: String

  /// - Throws: `.invalidOutcome` naming the first cell whose counts are negative, not whole,
  ///   or have more cases than population; `.invalidOption` for mismatched lengths.
  public init(
    predictors: [Factor], cases: [Double], population: [Double], casesName: String = "cases",
    populationName: String = "population"
  ) throws(ModelError) {
    let n = cases.count
    guard population.count == n, predictors.allSatisfy({ $0.codes.count == n }) else {
      throw .invalidOption("every predictor and the counts need one value per cell (\(n) cells)")
    }
    for i in 0..<n {
      let (c, p) = (cases[i], population[i])
      guard c >= 0, p >= 0, c == c.rounded(), p == p.rounded() else {
        throw .invalidOutcome(
          description: "cell counts must be whole numbers ≥ 0 (cases \(c), population \(p))", row: i
        )
      }
      guard c <= p else {
        throw .invalidOutcome(
          description: "a cell has \(Int(c)) cases but a population of \(Int(p))", row: i)
      }
    }
    self.predictors = predictors
    self.cases = cases
    self.population = population
    self.casesName = casesName
    self.populationName = populationName
  }

  public var rowCount: Int { cases.count }
  public var variableNames: [String] { predictors.map(\.name) + [casesName, populationName] }
  public func hasVariable(_ name: String) -> Bool { variableNames.contains(name) }
  public func isCategorical(_ name: String) -> Bool { predictors.contains { $0.name == name } }

  public func factor(_ name: String) throws -> Factor {
    guard let f = predictors.first(where: { $0.name == name }) else {
      throw ModelError.unknownVariable(
        name: name, suggestions: suggestions(for: name, among: variableNames))
    }
    return f
  }

  public func numeric(_ name: String) throws -> [Double] {
    if name == casesName { return cases }
    if name == populationName { return population }
    throw ModelError.invalidOption("`\(name)` is categorical")
  }
}

extension GLM {
  /// Fits the "has the outcome" model of persons against the population of their cells:
  /// cases are the successes and the population the trials of each cell, reported as the
  /// individual-level model of the persons (n = total population). The response name of
  /// `formula` (e.g. `misstankt`) names the cases. Cells with no population are left out.
  /// - Throws: as ``PopulationCells/init(predictors:cases:population:casesName:populationName:)``
  ///   and ``fit(formula:data:options:)``.
  public static func fitAgainstPopulation(
    formula: Formula, predictors: [Factor], cases: [Double], population: [Double],
    options: GLMOptions = GLMOptions()
  ) throws(ModelError) -> GLMFit {
    let name = formula.response.variables.first ?? "cases"
    let trialsName = name == "population" ? "population_total" : "population"
    let cells = try PopulationCells(
      predictors: predictors, cases: cases, population: population, casesName: name,
      populationName: trialsName)
    var grouped = formula
    grouped.response = .successes(name, trials: trialsName)
    try validate(options)
    let schema = try ModelSchema(formula: grouped, data: cells, reference: options.reference)
    let frame = try ModelFrame(
      schema: schema, data: cells, weights: nil, cluster: nil, family: .binomial)
    return try fit(frame: frame, options: options, trialsAreIndividuals: true)
  }
}
