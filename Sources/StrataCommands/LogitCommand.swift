import Analysis
import ArgumentParser
import Foundation
import Microdata
import RegressionModels
import Reporting
import Reports

extension CovarianceType: ExpressibleByArgument {
  /// `--robust` takes the sandwich estimators only (clusters come with `--cluster`).
  public static var allValueStrings: [String] { ["hc0", "hc1"] }
}
extension CoefficientTable.IntervalMethod: ExpressibleByArgument {}

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

  @Option(
    name: .customLong("population-filter"),
    help: "Select rows of the population file, e.g. 'alder >= 18' to match a filter of DATA.")
  var populationFilter: String?

  @Option(help: "A column of binomial trials: the outcome column counts successes out of them.")
  var trials: String?

  @Option(help: "A column of prior (frequency) weights.")
  var weight: String?

  @Flag(help: "Firth's penalised likelihood (finite estimates under separation).")
  var firth = false

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

  @Flag(help: "Average marginal effects on the probability (delta-method standard errors).")
  var ame = false

  @Option(help: "Interval method: wald or profile (default: profile with --firth, else wald).")
  var ci: CoefficientTable.IntervalMethod?

  @Option(
    parsing: .upToNextOption,
    help: "Further formulas; likelihood-ratio tests between consecutive nested models.")
  var compare: [String] = []

  @Flag(name: .customLong("no-collapse"), help: "Fit on the rows instead of covariate patterns.")
  var noCollapse = false

  @Option(name: .customLong("max-iterations"), help: "The most IRLS iterations.")
  var maxIterations = 25

  @Option(help: "Convergence: |dev − dev_old| / (|dev| + 0.1) < epsilon.")
  var epsilon = 1e-8

  @Option(
    help:
      "Withhold a model that would reveal a count from 1 to this − 1 (0 publishes every model).")
  var suppress = 5

  @Option(help: "Title of the tables and the chart.")
  var title: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var personLevel: PersonLevelOptions
  @OptionGroup var outputOptions: OutputOptions
  /// `--csv-style` and `--chart` (the chart is the forest plot of the odds ratios).
  @OptionGroup var rendering: AnalysisOutputOptions

  /// A request's usage problem is a usage error (exit 2), with the request's sentence.
  func validate() throws {
    do {
      try job().validate()
    } catch let error as InputError {
      throw ValidationError(error.description)
    }
  }

  /// `--reference kon=2` as `["kon": "2"]`.
  func referenceLevels() throws -> [String: String] {
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
    return levels
  }

  /// The job these options describe.
  func job() throws -> LogitRequest {
    LogitRequest(
      data: personLevel.apply(to: input.input(data)), filter: input.filter, formula: formula,
      population: population.map { input.input($0) }, populationFilter: populationFilter,
      trials: trials, weight: weight, firth: firth, robust: robust, cluster: cluster, level: level,
      reference: try referenceLevels(), ame: ame, interval: ci, compare: compare,
      collapse: !noCollapse, maxIterations: maxIterations, epsilon: epsilon, suppress: suppress,
      title: title,
      language: outputOptions.lang)
  }

  func run() throws {
    try writeAnalysisResult(try job().publish(), output: outputOptions, rendering: rendering)
  }
}
