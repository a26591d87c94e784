import Foundation
import Microdata
import RegressionModels
import Tabulation

/// Logistic regression from a formula: individual 0/1 outcomes, a condition, or "is a suspect"
/// against a population (grouped binomial). Behind `strata logit` and a recipe's `logit` entries.
///
/// Modes, decided by the outcome and `population`:
/// - a 0/1 column or a condition (`antal_misstankar >= 2 ~ kon + alder`) on the rows of `data`;
///   with `trials`, successes out of trials per row;
/// - with `population`: `misstankt ~ …` counts the distinct persons (`lopnr`) of `data` per cell
///   of the predictors against the population of the cell (`antal` summed), a condition counts
///   only the persons who meet it. The fit is the individual-level model of the population
///   (n = persons), estimated on the cells.
public struct LogitRequest: Sendable, Codable, RegressionJob {

  public var data: DataInput
  public var filter: String?
  public var formula: String
  /// With `misstankt ~ ...`: persons in `data` per cell against this population.
  public var population: DataInput?
  /// A filter for the population file (e.g. `alder >= 18`), applied before counting.
  public var populationFilter: String?
  public var trials: String?
  public var weight: String?
  public var firth: Bool = false
  /// Robust (sandwich) standard errors: `.hc0` or `.hc1`; `cluster` takes precedence.
  public var robust: CovarianceType?
  public var cluster: String?
  public var level: Double = 0.95
  /// Reference levels, `variable → code`.
  public var reference: [String: String] = [:]
  public var ame: Bool = false
  /// Interval method; `nil` is profile likelihood for Firth fits and Wald otherwise.
  public var interval: CoefficientTable.IntervalMethod?
  /// Nested formulas to compare by likelihood-ratio tests (`--compare`).
  public var compare: [String] = []
  public var collapse: Bool = true
  public var maxIterations: Int = 25
  public var epsilon: Double = 1e-8
  /// Disclosure threshold: a model whose design would reveal a count from 1 to `suppress` − 1
  /// is withheld (``ModelDisclosure``); 0 publishes every model (internal output).
  public var suppress: Int = 5
  public var title: String?
  public var language: Language = .sv

  public init(
    data: DataInput,
    filter: String? = nil,
    formula: String,
    population: DataInput? = nil,
    populationFilter: String? = nil,
    trials: String? = nil,
    weight: String? = nil,
    firth: Bool = false,
    robust: CovarianceType? = nil,
    cluster: String? = nil,
    level: Double = 0.95,
    reference: [String: String] = [:],
    ame: Bool = false,
    interval: CoefficientTable.IntervalMethod? = nil,
    compare: [String] = [],
    collapse: Bool = true,
    maxIterations: Int = 25,
    epsilon: Double = 1e-8,
    suppress: Int = 5,
    title: String? = nil,
    language: Language = .sv
  ) {
    self.data = data
    self.filter = filter
    self.formula = formula
    self.population = population
    self.populationFilter = populationFilter
    self.trials = trials
    self.weight = weight
    self.firth = firth
    self.robust = robust
    self.cluster = cluster
    self.level = level
    self.reference = reference
    self.ame = ame
    self.interval = interval
    self.compare = compare
    self.collapse = collapse
    self.maxIterations = maxIterations
    self.epsilon = epsilon
    self.suppress = suppress
    self.title = title
    self.language = language
  }

  public func run() throws -> LogitResult {
    try validate()
    let (main, others) = try parseFormulas()
    try preflightRows(
      data, filter: filter, formulas: [main] + others, rowOptions: [weight, trials, cluster])
    let loaded = try data.load(filter: filter)
    var fits =
      population == nil
      ? try fitRows(main: main, others: others, loaded: loaded)
      : try fitAgainstPopulation(main: main, others: others, loaded: loaded)
    fits.warnings = loaded.warnings + fits.warnings + fits.main.warnings
    let comparison = try compareModels(fits)
    fits.warnings += comparison.warnings
    return LogitResult(request: self, fits: fits, comparison: comparison)
  }

  /// The GLM options of the job.
  public var glmOptions: GLMOptions {
    var options = sharedGLMOptions
    options.method = firth ? .firth : .irls
    options.collapse = collapse
    return options
  }

  /// The interval method of the coefficient table.
  public var intervalMethod: CoefficientTable.IntervalMethod {
    interval ?? (firth ? .profile : .wald)
  }

  /// Checks the options that need no file.
  public func validate() throws {
    try validateEstimation()
    try validateDesign(
      rowOptions: [weight, trials, cluster],
      conflict:
        "--weight, --trials and --cluster describe rows of individual data; they cannot be combined with --population."
    )
  }
}

/// The fits of a logit job with what the output needs besides them.
public struct LogitFits: Sendable {
  /// The model of `--formula`.
  public var main: GLMFit
  /// Every model (the `--compare` formulas and the main one), each with its formula text.
  public var models: [(label: String, fit: GLMFit)]
  /// Rows left out: the model frame's, or the data's and the population's when counting
  /// persons against a population.
  public var excluded: LogitExclusions
  /// What the outcome counts.
  public var outcome: ModelOutcome
  /// Variables the filter restricts the cases by that the unfiltered population also has
  /// (``populationFilterVariables(filter:population:)``): its denominators are not restricted.
  public var populationNotFilteredBy: [String] = []
  /// Cells, persons and cases when fitted against a population.
  public var population: PopulationSummary?
  /// For each factor of the main model, the level codes present in the data used.
  public var levels: [String: [String]]
  /// Factors for labels of variables the codebook does not declare.
  public var labelFactors: [Factor]
  public var codebook: Codebook
  public var warnings: [String]
}

/// The persons behind a fit against a population.
public struct PopulationSummary: Sendable, Equatable, Encodable {
  public var file: String
  /// Cells of the predictors with a population.
  public var cells: Int
  public var persons: Double
  public var cases: Int
}

/// The `excluded` object of the JSON.
public enum LogitExclusions: Encodable, Sendable {
  case frame(ModelFrame.Exclusions?)
  case cells(CaseCells.Exclusions)

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .frame(let exclusions): try exclusions.encode(to: encoder)
    case .cells(let exclusions): try exclusions.encode(to: encoder)
    }
  }
}

/// A finished logistic regression: the main fit and the compared ones, with what was counted
/// and left out.
public struct LogitResult: Sendable {
  /// What was asked.
  public var request: LogitRequest
  /// The fits with the data behind them.
  public var fits: LogitFits
  /// Likelihood-ratio tests of `compare`.
  public var comparison: ModelComparison

  public var warnings: [String] { fits.warnings }

  /// Whether the main model may be published (``ModelDisclosure``).
  public var disclosure: ModelDisclosure { disclosure(of: fits.main) }

  /// Whether one of the job's fits may be published: person-level fits protect their
  /// non-cases too.
  public func disclosure(of fit: GLMFit) -> ModelDisclosure {
    ModelDisclosure.check(
      fit, threshold: request.suppress, nonCasesArePersons: request.population == nil)
  }
}
