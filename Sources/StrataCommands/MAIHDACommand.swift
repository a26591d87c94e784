import Analysis
import ArgumentParser
import Foundation
import Microdata
import RegressionModels
import Reporting
import Reports

/// `strata maihda`: intersectional multilevel analysis (MAIHDA) over strata.
struct MAIHDACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "maihda",
    abstract: "Intersectional MAIHDA: between-stratum variance (VPC), PCV, AUC and ranked strata.",
    discussion: """
      Fits two models with a random intercept per intersectional stratum (the crossing \
      of the --strata variables): the null model (VPC, MOR, AUC, stratum predictions) and the \
      main-effects model (PCV, the intersectional interaction of each stratum).

      --family binomial (default: logistic), poisson (log-linear; with --population the \
      population is the exposure, log(population) the offset; VPC on the log scale, MRR) or \
      gaussian (linear, for a numeric --outcome COLUMN; REML, or --ml; VPC = σ²_u/(σ²_u + σ²_e), \
      no AUC). --covariates adds categorical fixed effects outside the strata to both models \
      (lme4's y ~ period + (1 | stratum)); strata are then predicted at the mean covariates. \
      Grouped rows: --outcome SUCCESSES --trials COLUMN (binomial, as cbind(y, n − y)) or the \
      exposure of a Poisson count; --weight COLUMN gives frequency weights.

      With --population, cases are the distinct persons (lopnr) of DATA in each stratum (select \
      e.g. one offence type with --filter) and persons the population's `antal` summed over the \
      stratum. With --outcome, DATA is person-level and the condition marks the cases.

      Disclosure control, in every format (JSON included): a stratum with persons or cases from \
      1 to --suppress − 1 is suppressed (`..`; in the JSON `"suppressed": true` with its keys \
      and n): no cases, shares, prediction, interval or interaction, and it is not drawn. A \
      single such stratum takes the one with the fewest cases with it, and while any is \
      suppressed the total of cases, the AUCs and the log-likelihoods are withheld. Model 2 is \
      withheld when its main effects would reveal a category's count below --suppress. \
      --suppress 0 turns this off (internal output, "disclosure": {"protected": false}).

      Examples:
        strata maihda suspects.csv --population population.csv \\
          --strata kon,aldersgrupp,utbildningsniva,fodelse \\
          --filter 'brottstyp == "vbek"'
        strata maihda suspects.csv --strata kon,aldersgrupp,fodelse \\
          --outcome 'antal_misstankar >= 2' --filter 'brottstyp == "vnr_partner"'
        strata maihda suspects.csv --population population.csv --family poisson \\
          --strata kon,aldersgrupp,utbildningsniva,fodelse
        strata maihda persons.csv --family gaussian --outcome antal_misstankar \\
          --strata kon,aldersgrupp --covariates fodelse

      Exit status: 0 success; 1 data or model error (e.g. fewer than two strata); 2 usage error.
      """)

  @Argument(
    help: "The data file: suspects (with --population) or person-level rows (with --outcome).")
  var data: String

  @Option(help: "The stratifying variables, comma-separated, e.g. kon,aldersgrupp,fodelse.")
  var strata: String

  @Option(help: "Population file (`antal` per row, or a person register): persons per stratum.")
  var population: String?

  @Option(
    name: .customLong("population-filter"),
    help: "Select rows of the population file, e.g. 'alder >= 18' to match a filter of DATA.")
  var populationFilter: String?

  @Option(
    help:
      "The case condition: with --population it selects the persons of DATA who count; without it DATA is person-level."
  )
  var outcome: String?

  @Option(help: "The outcome's family: binomial, poisson or gaussian.")
  var family: MixedFamily = .binomial

  @Flag(help: "Gaussian: maximum likelihood instead of REML.")
  var ml = false

  @Option(
    help: "Categorical fixed effects outside the strata, comma-separated, e.g. period,lan.")
  var covariates: String?

  @Option(
    help:
      "A column of trials per row (binomial: --outcome counts successes) or of exposure (poisson)."
  )
  var trials: String?

  @Option(help: "A column of frequency weights per row.")
  var weight: String?

  @Option(
    name: .customLong("nagq"),
    parsing: .unconditional,
    help:
      "Quadrature nodes per stratum: 1 Laplace (as lme4's default), 2–25 adaptive Gauss–Hermite.")
  var nAGQ = 1

  @Option(parsing: .unconditional, help: "Confidence level of the intervals.")
  var level = 0.95

  @Option(
    parsing: .unconditional,
    help: "Suppress strata with persons or cases below this (0 turns suppression off).")
  var suppress = 5

  @Option(help: "Title of the tables and the chart.")
  var title: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var personLevel: PersonLevelOptions
  @OptionGroup var outputOptions: OutputOptions
  /// `--csv-style` and `--chart` (the chart is the caterpillar plot of the strata).
  @OptionGroup var rendering: AnalysisOutputOptions

  /// `--strata kon, aldersgrupp` as `["kon", "aldersgrupp"]`.
  var strataVariables: [String] {
    strata.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
  }

  /// A request's usage problem is a usage error (exit 2), with the request's sentence.
  func validate() throws {
    do {
      try job().validate()
    } catch let error as InputError {
      throw ValidationError(error.description)
    }
  }

  /// The job these options describe.
  func job() -> MAIHDARequest {
    MAIHDARequest(
      data: personLevel.apply(to: input.input(data)), filter: input.filter, strata: strataVariables,
      population: population.map { input.input($0) }, populationFilter: populationFilter,
      outcome: outcome, family: family, ml: ml,
      covariates: (covariates ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }, trials: trials, weight: weight, nAGQ: nAGQ, level: level,
      suppress: suppress, title: title,
      language: outputOptions.lang)
  }

  func run() throws {
    try writeAnalysisResult(try job().publish(), output: outputOptions, rendering: rendering)
  }
}

extension MixedFamily: ExpressibleByArgument {}
