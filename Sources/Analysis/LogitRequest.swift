import Foundation
import Microdata
import RegressionModels
import Reporting

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
struct LogitJob: Sendable, Codable {
  enum Interval: String, Sendable, Codable, CaseIterable { case wald, profile }
  enum Robust: String, Sendable, Codable, CaseIterable { case hc0, hc1 }

  var data: DataInput
  var filter: String?
  var formula: String
  /// With `misstankt ~ ...`: persons in `data` per cell against this population.
  var population: DataInput?
  /// A filter for the population file (e.g. `alder >= 18`), applied before counting.
  var populationFilter: String?
  var trials: String?
  var weight: String?
  var firth: Bool = false
  var robust: Robust?
  var cluster: String?
  var level: Double = 0.95
  /// Reference levels, `variable → code`.
  var reference: [String: String] = [:]
  var ame: Bool = false
  /// Interval method; `nil` is profile likelihood for Firth fits and Wald otherwise.
  var interval: Interval?
  /// Nested formulas to compare by likelihood-ratio tests (`--compare`).
  var compare: [String] = []
  var collapse: Bool = true
  var maxIterations: Int = 25
  var epsilon: Double = 1e-8
  var title: String?
  var language: Language = .sv

  func run() throws -> JobResult {
    let main = try Formula(formula)
    var others: [Formula] = []
    for text in compare {
      let other = try Formula(text)
      guard other.response == main.response else {
        throw ModelJobError.differentOutcomes(main.response.description, other.response.description)
      }
      others.append(other)
    }
    let loaded = try data.load(filter: filter)
    var fits =
      population == nil
      ? try fitRows(main: main, others: others, loaded: loaded)
      : try fitAgainstPopulation(main: main, others: others, loaded: loaded)
    fits.warnings = loaded.warnings + fits.warnings + fits.main.warnings
    let comparison = try compareModels(fits)
    fits.warnings += comparison.warnings
    return try output(fits: fits, comparison: comparison)
  }

  /// The GLM options of the job.
  var glmOptions: GLMOptions {
    var options = GLMOptions()
    options.method = firth ? .firth : .irls
    options.maxIterations = maxIterations
    options.epsilon = epsilon
    options.collapse = collapse
    options.reference = reference
    options.weights = weight
    options.cluster = cluster
    options.level = level
    if cluster != nil {
      options.covariance = .cluster
    } else if let robust {
      options.covariance = robust == .hc0 ? .hc0 : .hc1
    }
    return options
  }

  /// The interval method of the coefficient table.
  var intervalMethod: CoefficientTable.IntervalMethod {
    switch interval {
    case .wald: .wald
    case .profile: .profile
    case nil: firth ? .profile : .wald
    }
  }
}

/// The fits of a logit job with what the output needs besides them.
struct LogitFits {
  /// The model of `--formula`.
  var main: GLMFit
  /// Every model (the `--compare` formulas and the main one), each with its formula text.
  var models: [(label: String, fit: GLMFit)]
  /// Rows left out: the model frame's, or the data's and the population's when counting
  /// persons against a population.
  var excluded: LogitExclusions
  /// What the outcome counts, in words.
  var outcome: String
  /// Cells, persons and cases when fitted against a population.
  var population: PopulationSummary?
  /// For each factor of the main model, the level codes present in the data used.
  var levels: [String: [String]]
  /// Factors for labels of variables the codebook does not declare.
  var labelFactors: [Factor]
  var codebook: Codebook
  var warnings: [String]
}

/// The persons behind a fit against a population.
struct PopulationSummary: Sendable, Equatable, Encodable {
  var file: String
  /// Cells of the predictors with a population.
  var cells: Int
  var persons: Double
  var cases: Int
}

/// The `excluded` object of the JSON.
enum LogitExclusions: Encodable {
  case frame(ModelFrame.Exclusions?)
  case cells(CaseCells.Exclusions)

  func encode(to encoder: any Encoder) throws {
    switch self {
    case .frame(let exclusions): try exclusions.encode(to: encoder)
    case .cells(let exclusions): try exclusions.encode(to: encoder)
    }
  }
}
