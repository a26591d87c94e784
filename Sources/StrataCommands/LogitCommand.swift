import Analysis
import ArgumentParser
import Foundation
import Microdata
import RegressionModels
import Reporting
import Reports

/// `strata logit`: logistic regression from a formula.
struct LogitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logit",
    abstract:
      "Logistic regression: odds ratios with intervals, marginal effects, model comparisons.",
    discussion: """
      The outcome is a 0/1 column, a condition such as `antal_misstankar >= 2`, or, with \
      --population, the word `misstankt`: the distinct persons (lopnr) of DATA counted per cell \
      of the predictors against the population of the cell (the population's `antal` summed), \
      fitted as the individual-level model of the population (n = persons). With --population a \
      condition counts only the persons of DATA who meet it.

      Terms are named `(Intercept)`, `kon: 2`, `alder`, `kon: 2 & fodelse: utrikes`. Tables use \
      the codebook's labels in --lang; --format json gives the contract JSON.

      Disclosure control: a logistic regression reproduces the cases in each category of its \
      design (and outside it), so a model with such a count from 1 to --suppress − 1 (a \
      saturated `kon * fodelse` with a small cell, an age group with few suspects) is withheld \
      in every format: the terms are listed with `..` and a note says why, and the JSON has \
      "disclosure": {"withheld": true, "reason": ...} with n, converged and the term names only. \
      For person-level data the non-cases count too. --suppress 0 publishes every model.

      Examples:
        strata logit suspects.csv --population population.csv \\
          --formula "misstankt ~ kon * fodelse + aldersgrupp"
        strata logit suspects.csv --ame \\
          --formula "antal_misstankar >= 2 ~ kon + alder + fodelse"
        strata logit suspects.csv --population population.csv \\
          --formula "misstankt ~ kon * fodelse" \\
          --compare "misstankt ~ kon" "misstankt ~ kon + fodelse" --format json

      Exit status: 0 success (warnings such as separation go to stderr and the JSON); 1 data or \
      model error; 2 usage error.
      """)

  @Argument(help: "The data file: suspects (with --population) or person-level rows.")
  var data: String

  @Option(help: "The model formula, e.g. \"misstankt ~ kon * fodelse + aldersgrupp\".")
  var formula: String

  @Option(
    help:
      "Population file (SCB-style, `antal` per row; or a person register): count persons of DATA against it."
  )
  var population: String?

  @OptionGroup var model: ModelOptions

  @Option(help: "A column of binomial trials: the outcome column counts successes out of them.")
  var trials: String?

  @Flag(help: "Firth's penalised likelihood (finite estimates under separation).")
  var firth = false

  @Flag(help: "Average marginal effects on the probability (delta-method standard errors).")
  var ame = false

  @Option(help: "Interval method: wald or profile (default: profile with --firth, else wald).")
  var ci: CoefficientTable.IntervalMethod?

  @Flag(name: .customLong("no-collapse"), help: "Fit on the rows instead of covariate patterns.")
  var noCollapse = false

  @Option(help: "Title of the tables and the chart.")
  var title: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var personLevel: PersonLevelOptions
  @OptionGroup var outputOptions: OutputOptions
  /// `--csv-style` and `--chart` (the chart is the forest plot of the odds ratios).
  @OptionGroup var rendering: AnalysisOutputOptions

  func validate() throws { try validateAsUsage(job) }

  /// The job these options describe.
  func job() throws -> LogitRequest {
    LogitRequest(
      data: personLevel.apply(to: input.input(data)), filter: input.filter, formula: formula,
      population: population.map { input.input($0) }, populationFilter: model.populationFilter,
      trials: trials, weight: model.weight, firth: firth, robust: model.robust,
      cluster: model.cluster, level: model.level, reference: try model.referenceLevels(),
      ame: ame, interval: ci, compare: model.compare, collapse: !noCollapse,
      maxIterations: model.maxIterations, epsilon: model.epsilon, suppress: model.suppress,
      title: title, language: outputOptions.lang)
  }

  func run() throws {
    try writeAnalysisResult(try job().publish(), output: outputOptions, rendering: rendering)
  }
}
