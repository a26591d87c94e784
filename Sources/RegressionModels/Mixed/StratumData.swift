import Microdata

/// Intersectional strata: the cross-classification of a few categorical variables (e.g. kön ×
/// aldersgrupp × utbildningsniva × fodelse), with the persons and cases in each stratum.
///
/// ```swift
/// let data = try StratumData.tabulating(
///   population: [kon, aldersgrupp, utbildningsniva, fodelse], personCounts: antal,
///   cases: [suspectKon, suspectAldersgrupp, suspectUtbildningsniva, suspectFodelse])
/// let result = try MAIHDA.fit(strata: data)
/// ```
public struct StratumData: Sendable, Equatable {
  /// One stratifying variable: its name (e.g. `aldersgrupp`) and levels, the first being the
  /// reference level of the main-effects model.
  public struct Variable: Sendable, Equatable {
    public var name: String
    public var levels: [Factor.Level]

    public init(name: String, levels: [Factor.Level]) {
      self.name = name
      self.levels = levels
    }
  }

  /// One stratum: a level index for each variable, its persons n and its cases y.
  public struct Stratum: Sendable, Equatable {
    /// Index into `Variable.levels`, one per variable.
    public var levels: [Int]
    /// Persons in the stratum (the binomial denominator, the Poisson exposure).
    public var persons: Int
    /// Cases among them (binomial), or the count of events (Poisson).
    public var cases: Int
    /// A Gaussian outcome's mean over the persons (0 for counts).
    public var mean: Double
    /// A Gaussian outcome's sum of squared deviations from `mean` (0 for counts).
    public var sumOfSquares: Double

    public init(
      levels: [Int], persons: Int, cases: Int, mean: Double = 0, sumOfSquares: Double = 0
    ) {
      self.levels = levels
      self.persons = persons
      self.cases = cases
      self.mean = mean
      self.sumOfSquares = sumOfSquares
    }
  }

  /// One cell of a model with covariates outside the strata: the persons of one stratum with
  /// one covariate pattern.
  public struct Cell: Sendable, Equatable {
    /// Index into `strata`.
    public var stratum: Int
    /// The covariate columns (`StratumData.covariateTerms`) of the pattern.
    public var covariates: [Double]
    public var persons: Int
    public var cases: Int
    public var mean: Double
    public var sumOfSquares: Double

    public init(
      stratum: Int, covariates: [Double], persons: Int, cases: Int, mean: Double = 0,
      sumOfSquares: Double = 0
    ) {
      self.stratum = stratum
      self.covariates = covariates
      self.persons = persons
      self.cases = cases
      self.mean = mean
      self.sumOfSquares = sumOfSquares
    }
  }

  /// The stratifying variables.
  public let variables: [Variable]
  /// The strata (possibly with zero persons; `MAIHDA.fit` leaves those out with a warning).
  public let strata: [Stratum]
  /// Population rows left out because a variable was missing or outside its levels.
  public let excludedPopulationRows: Int
  /// Case rows left out because a variable was missing or outside its levels.
  public let excludedCaseRows: Int
  /// Fixed effects that are not stratifying variables (e.g. `period: 2` contrasted with
  /// period 1), the columns of every cell's `covariates`; empty without covariates.
  public let covariateTerms: [ModelTerm]
  /// The cells (stratum × covariate pattern) when there are covariates; empty otherwise (one
  /// cell per stratum). Their persons and cases add up to their strata's.
  public let cells: [Cell]

  /// Strata from their counts.
  /// - Parameters:
  ///   - casesBoundedByPersons: whether cases may not exceed persons (binomial; false for
  ///     Poisson counts of events).
  /// - Throws: `ModelError.invalidOption` for a level index out of range, a wrong number of
  ///   indices, no variables or a stratum listed twice; `.invalidOutcome` for counts out of range.
  public init(
    variables: [Variable], strata: [Stratum], excludedPopulationRows: Int = 0,
    excludedCaseRows: Int = 0, covariateTerms: [ModelTerm] = [], cells: [Cell] = [],
    casesBoundedByPersons: Bool = true
  ) throws(ModelError) {
    guard !variables.isEmpty else { throw .invalidOption("strata need at least one variable") }
    var seen = Set<[Int]>()
    for (j, stratum) in strata.enumerated() {
      guard stratum.levels.count == variables.count else {
        throw .invalidOption(
          "stratum \(j + 1) has \(stratum.levels.count) level indices for \(variables.count) variables"
        )
      }
      for (v, index) in stratum.levels.enumerated()
      where !(0..<variables[v].levels.count).contains(index) {
        throw .invalidOption(
          "stratum \(j + 1) has level index \(index) for `\(variables[v].name)`, which has \(variables[v].levels.count) levels"
        )
      }
      guard seen.insert(stratum.levels).inserted else {
        throw .invalidOption("stratum \(j + 1) repeats the level combination of an earlier stratum")
      }
      guard stratum.persons >= 0, stratum.cases >= 0,
        !casesBoundedByPersons || stratum.cases <= stratum.persons
      else {
        throw .invalidOutcome(
          description: "\(stratum.cases) cases among \(stratum.persons) persons", row: j)
      }
    }
    for (i, cell) in cells.enumerated() {
      guard strata.indices.contains(cell.stratum), cell.covariates.count == covariateTerms.count
      else {
        throw .invalidOption(
          "cell \(i + 1) names stratum \(cell.stratum) or has \(cell.covariates.count) covariates for \(covariateTerms.count)"
        )
      }
    }
    self.variables = variables
    self.strata = strata
    self.excludedPopulationRows = excludedPopulationRows
    self.excludedCaseRows = excludedCaseRows
    self.covariateTerms = covariateTerms
    self.cells = cells
  }

  /// The cells of the model: `cells`, or one per stratum without covariates.
  public var modelCells: [Cell] {
    if !cells.isEmpty { return cells }
    return strata.enumerated().map { j, stratum in
      Cell(
        stratum: j, covariates: [], persons: stratum.persons, cases: stratum.cases,
        mean: stratum.mean, sumOfSquares: stratum.sumOfSquares)
    }
  }

  /// The level codes of stratum `j`, one per variable (e.g. `["1", "18-24", "gymnasial",
  /// "inrikes"]`).
  public func codes(ofStratum j: Int) -> [String] {
    zip(variables, strata[j].levels).map { $0.levels[$1].code }
  }
}
