import Analysis
import ArgumentParser
import Foundation
import RegressionModels
import Reporting

/// The options `strata poisson` and `strata nbreg` share (those of `logit` that apply to counts,
/// plus `--offset` and `--per`).
struct CountModelOptions: ParsableArguments {
  @Argument(help: "The data file: suspects (with --population) or rows with a count column.")
  var data: String

  @Option(
    help:
      "The model formula, e.g. \"misstankt ~ kon * fodelse + aldersgrupp\" or \"antal ~ kon + offset(log(personar))\"."
  )
  var formula: String

  @Option(
    help:
      "Population file: count persons of DATA per cell, with log(population) of the cell as offset."
  )
  var population: String?

  @Option(
    name: .customLong("population-filter"),
    help: "Select rows of the population file, e.g. 'alder >= 18' to match a filter of DATA.")
  var populationFilter: String?

  @Option(help: "A column added to the linear predictor as it is (log exposure; Stata's offset()).")
  var offset: String?

  @Option(help: "A column of prior (frequency) weights.")
  var weight: String?

  @Option(help: "Robust (sandwich) standard errors: hc0 or hc1 (Stata's vce(robust)).")
  var robust: CovarianceType?

  @Option(help: "Cluster-robust standard errors by this variable (e.g. lopnr).")
  var cluster: String?

  @Option(parsing: .unconditional, help: "Confidence level of the intervals.")
  var level: Double = 0.95

  @Option(
    parsing: .upToNextOption,
    help: "Reference levels as VARIABLE=CODE, e.g. --reference kon=2 fodelse=utrikes.")
  var reference: [String] = []

  @Flag(help: "Average marginal effects on the rate (with an offset) or the expected count.")
  var ame = false

  @Option(help: "Interval method: wald (default) or profile.")
  var ci: CoefficientTable.IntervalMethod?

  @Option(
    parsing: .upToNextOption,
    help: "Further formulas; likelihood-ratio tests between consecutive nested models.")
  var compare: [String] = []

  @Option(name: .customLong("max-iterations"), help: "The most IRLS iterations.")
  var maxIterations = 25

  @Option(help: "Convergence: |dev − dev_old| / (|dev| + 0.1) < epsilon.")
  var epsilon = 1e-8

  @Option(help: "Marginal effects on rates are shown per this many persons.")
  var per: Double = 100_000

  @Option(
    help:
      "Withhold a model that would reveal a count from 1 to this − 1 (0 publishes every model).")
  var suppress = 5

  @Option(help: "Title of the tables.")
  var title: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var outputOptions: OutputOptions
  @OptionGroup var rendering: AnalysisOutputOptions

  /// The job these options describe.
  func job(_ family: CountRegressionRequest.CountFamily) throws -> CountRegressionRequest {
    var levels: [String: String] = [:]
    for item in reference {
      let parts = item.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError("--reference takes VARIABLE=CODE (e.g. kon=2), not `\(item)`.")
      }
      levels[parts[0]] = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
    return CountRegressionRequest(
      family: family, data: input.input(data), filter: input.filter, formula: formula,
      population: population.map { input.input($0) }, populationFilter: populationFilter,
      offset: offset, weight: weight, robust: robust, cluster: cluster, level: level,
      reference: levels, ame: ame, interval: ci, compare: compare, maxIterations: maxIterations,
      epsilon: epsilon, per: per, suppress: suppress, title: title, language: outputOptions.lang)
  }

  /// A request's usage problem is a usage error (exit 2), with the request's sentence.
  func validate(_ family: CountRegressionRequest.CountFamily) throws {
    do {
      try job(family).validate()
    } catch let error as InputError {
      throw ValidationError(error.description)
    }
  }

  func run(_ family: CountRegressionRequest.CountFamily) throws {
    try writeAnalysisResult(try job(family).publish(), output: outputOptions, rendering: rendering)
  }
}

/// The part of the help both count commands share.
private let countModelDiscussion = """
  The outcome is a column of counts, or, with --population, the word `misstankt`: the distinct \
  persons (lopnr) of DATA counted per cell of the predictors, fitted against log(population of \
  the cell) as offset, so that exp(β) are rate ratios of persons (n = cells). Without \
  --population, `offset(log(x))` in the formula or --offset COLUMN (already logged) gives rates \
  per unit of x. Formulas take R's factor(), log(), sqrt(), exp(), I() and offset().

  The JSON is that of `logit` with "family", each coefficient's "rate_ratio" and "ci" on the \
  ratio scale, "overdispersion" (the LR test of α = 0 against the other family, half χ²₁) and \
  "pearson_dispersion" (Pearson χ²/df).

  Disclosure control as for `logit`: the model reproduces the counts of each category of its \
  design, so a model with such a count from 1 to --suppress − 1 is withheld in every format.

  Exit status: 0 success (warnings go to stderr and the JSON); 1 data or model error; 2 usage \
  error.
  """

/// `strata poisson`: Poisson regression of counts and rates.
struct PoissonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "poisson",
    abstract: "Poisson regression of counts and rates: rate ratios with intervals.",
    discussion: countModelDiscussion + """


      Examples:
        strata poisson suspects.csv --population population.csv \\
          --formula "misstankt ~ kon * fodelse + aldersgrupp"
        strata poisson persons.csv --robust hc1 \\
          --formula "antal_misstankar ~ kon + aldersgrupp + offset(log(ar_i_lanet))"
      """)

  @OptionGroup var options: CountModelOptions

  func validate() throws { try options.validate(.poisson) }
  func run() throws { try options.run(.poisson) }
}

/// `strata nbreg`: negative-binomial regression (log link, θ by maximum likelihood).
struct NegativeBinomialCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nbreg",
    abstract:
      "Negative binomial regression of overdispersed counts and rates: rate ratios, θ and α = 1/θ.",
    discussion: countModelDiscussion + """


      θ is estimated by maximum likelihood (as R's MASS::glm.nb), with its standard error; \
      Stata's α = 1/θ is reported too.

      Examples:
        strata nbreg suspects.csv --population population.csv \\
          --formula "misstankt ~ kon + fodelse + aldersgrupp"
        strata nbreg persons.csv --formula "antal_misstankar ~ kon + alder" --format json
      """)

  @OptionGroup var options: CountModelOptions

  func validate() throws { try options.validate(.negativeBinomial) }
  func run() throws { try options.run(.negativeBinomial) }
}
