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

  @OptionGroup var model: ModelOptions

  @Option(help: "A column added to the linear predictor as it is (log exposure; Stata's offset()).")
  var offset: String?

  @Flag(help: "Average marginal effects on the rate (with an offset) or the expected count.")
  var ame = false

  @Option(help: "Interval method: wald (default) or profile.")
  var ci: CoefficientTable.IntervalMethod?

  @Option(
    parsing: .unconditional, help: "Marginal effects on rates are shown per this many persons.")
  var per: Double = 100_000

  @Option(help: "Title of the tables.")
  var title: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var outputOptions: OutputOptions
  @OptionGroup var rendering: AnalysisOutputOptions

  /// The job these options describe.
  func job(_ family: CountRegressionRequest.CountFamily) throws -> CountRegressionRequest {
    CountRegressionRequest(
      family: family, data: input.input(data), filter: input.filter, formula: formula,
      population: population.map { input.input($0) }, populationFilter: model.populationFilter,
      offset: offset, weight: model.weight, robust: model.robust, cluster: model.cluster,
      level: model.level, reference: try model.referenceLevels(), ame: ame, interval: ci,
      compare: model.compare, maxIterations: model.maxIterations, epsilon: model.epsilon,
      per: per, suppress: model.suppress, title: title, language: outputOptions.lang)
  }

  func validate(_ family: CountRegressionRequest.CountFamily) throws {
    try validateAsUsage { try job(family) }
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
