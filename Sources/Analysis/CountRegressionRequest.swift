import Foundation
import Localization
import Microdata
import RegressionModels
import Tabulation

/// Poisson or negative-binomial regression of counts and rates from a formula, with a log link.
/// Behind `strata poisson` and `strata nbreg`.
///
/// Modes, decided by the outcome and `population`:
/// - a count column on the rows of `data` (`antal_misstankar ~ kon + alder`), optionally with
///   `offset(log(x))` in the formula or an `offset` column (already on the log scale, Stata's
///   `offset()`);
/// - with `population`: `misstankt ~ …` counts the distinct persons (`lopnr`) of `data` per cell
///   of the predictors (a condition counts only the persons who meet it), fitted against
///   log(population of the cell) as offset: the rate ratios are those of the persons' rates.
///   The fit is on the cells (n = cells with a population).
///
/// Every fit is accompanied by the other family's fit of the same formula for the test of
/// overdispersion (α = 0, Stata's "LR test of alpha=0").
public struct CountRegressionRequest: Sendable, Codable, RegressionJob {
  /// The response distribution of a count model.
  public enum CountFamily: String, Sendable, Codable, CaseIterable {
    case poisson
    case negativeBinomial = "negbin"

    /// The GLM family.
    public var family: Family { self == .poisson ? .poisson : .negativeBinomial }
  }

  public var family: CountFamily
  public var data: DataInput
  public var filter: String?
  public var formula: String
  /// With `misstankt ~ ...`: persons in `data` per cell against this population.
  public var population: DataInput?
  /// A filter for the population file, applied before counting.
  public var populationFilter: String?
  /// A column added to the linear predictor as it is (log exposure), as `offset(column)`.
  public var offset: String?
  public var weight: String?
  /// Robust (sandwich) standard errors: `.hc0` or `.hc1`; `cluster` takes precedence.
  public var robust: CovarianceType?
  public var cluster: String?
  public var level: Double = 0.95
  /// Reference levels, `variable → code`.
  public var reference: [String: String] = [:]
  public var ame: Bool = false
  /// Interval method; `nil` is Wald.
  public var interval: CoefficientTable.IntervalMethod?
  /// Nested formulas to compare by likelihood-ratio tests (`--compare`).
  public var compare: [String] = []
  public var maxIterations: Int = 25
  public var epsilon: Double = 1e-8
  /// Rates and marginal effects on rates are shown per this many persons (default 100 000).
  public var per: Double = 100_000
  /// Disclosure threshold (``ModelDisclosure``); 0 publishes every model (internal output).
  public var suppress: Int = 5
  public var title: String?
  public var language: Language = .sv

  public init(
    family: CountFamily, data: DataInput, filter: String? = nil, formula: String,
    population: DataInput? = nil, populationFilter: String? = nil, offset: String? = nil,
    weight: String? = nil, robust: CovarianceType? = nil, cluster: String? = nil,
    level: Double = 0.95, reference: [String: String] = [:], ame: Bool = false,
    interval: CoefficientTable.IntervalMethod? = nil, compare: [String] = [],
    maxIterations: Int = 25, epsilon: Double = 1e-8, per: Double = 100_000, suppress: Int = 5,
    title: String? = nil, language: Language = .sv
  ) {
    self.family = family
    self.data = data
    self.filter = filter
    self.formula = formula
    self.population = population
    self.populationFilter = populationFilter
    self.offset = offset
    self.weight = weight
    self.robust = robust
    self.cluster = cluster
    self.level = level
    self.reference = reference
    self.ame = ame
    self.interval = interval
    self.compare = compare
    self.maxIterations = maxIterations
    self.epsilon = epsilon
    self.per = per
    self.suppress = suppress
    self.title = title
    self.language = language
  }

  /// The GLM options of the job for `family`.
  public func glmOptions(_ family: Family) -> GLMOptions {
    var options = sharedGLMOptions
    options.family = family
    return options
  }

  /// The interval method of the coefficient table.
  public var intervalMethod: CoefficientTable.IntervalMethod { interval ?? .wald }

  /// Checks the options that need no file.
  public func validate() throws {
    try validateEstimation()
    guard per > 0, per.isFinite else {
      throw InputError.invalidOptions("--per must be a positive number.")
    }
    try validateDesign(
      rowOptions: [weight, offset, cluster],
      conflict:
        "--weight, --offset and --cluster describe rows of individual data; with --population the offset is log(population) of each cell."
    )
  }

  public func run() throws -> CountRegressionResult {
    try validate()
    var (main, others) = try parseFormulas()
    if let offset {
      main.offsets.append(.variable(offset))
      for k in others.indices { others[k].offsets.append(.variable(offset)) }
    }
    try preflightRows(
      data, filter: filter, formulas: [main] + others, rowOptions: [weight, cluster])
    let loaded = try data.load(filter: filter)
    var fits =
      population == nil
      ? try fitRows(main: main, others: others, loaded: loaded)
      : try fitAgainstPopulation(main: main, others: others, loaded: loaded)
    fits.fits.warnings = loaded.warnings + fits.fits.warnings + fits.fits.main.warnings
    let comparison = try ModelComparison(models: fits.fits.models)
    fits.fits.warnings += comparison.warnings
    return CountRegressionResult(
      request: self, fits: fits.fits, comparison: comparison, overdispersion: fits.overdispersion,
      otherFamily: fits.other)
  }
}

/// A finished count regression: the main fit, the compared ones, and the test of
/// overdispersion against the other family's fit of the same formula.
public struct CountRegressionResult: Sendable {
  public var request: CountRegressionRequest
  /// The fits with the data behind them (the main model is of `request.family`).
  public var fits: LogitFits
  /// Likelihood-ratio tests of `compare`.
  public var comparison: ModelComparison
  /// The LR test of α = 0 (Poisson against negative binomial); `nil` when the other fit failed.
  public var overdispersion: OverdispersionTest?
  /// The main formula fitted with the other family (negative binomial for a Poisson job).
  public var otherFamily: GLMFit?

  public var warnings: [String] { fits.warnings }

  /// Whether the main model may be published (``ModelDisclosure``, the logit's rule: the
  /// counts of each indicator column are what a log-linear model reproduces).
  public var disclosure: ModelDisclosure { disclosure(of: fits.main) }

  /// Whether one of the job's fits may be published.
  public func disclosure(of fit: GLMFit) -> ModelDisclosure {
    ModelDisclosure.check(
      fit, threshold: request.suppress, nonCasesArePersons: request.population == nil)
  }
}
