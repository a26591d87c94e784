import Analysis
import ArgumentParser
import Foundation
import RegressionModels

extension CovarianceType: ExpressibleByArgument {
  /// `--robust` takes the sandwich estimators only (clusters come with `--cluster`).
  public static var allValueStrings: [String] { ["hc0", "hc1"] }
}
extension CoefficientTable.IntervalMethod: ExpressibleByArgument {}

/// The options `strata logit`, `strata poisson` and `strata nbreg` share: the population
/// filter, weights, standard errors, reference levels, compared formulas, convergence and
/// disclosure.
struct ModelOptions: ParsableArguments {
  @Option(
    name: .customLong("population-filter"),
    help: "Select rows of the population file, e.g. 'alder >= 18' to match a filter of DATA.")
  var populationFilter: String?

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

  @Option(
    parsing: .upToNextOption,
    help: "Further formulas; likelihood-ratio tests between consecutive nested models.")
  var compare: [String] = []

  @Option(
    name: .customLong("max-iterations"), parsing: .unconditional, help: "The most IRLS iterations.")
  var maxIterations = 25

  @Option(parsing: .unconditional, help: "Convergence: |dev − dev_old| / (|dev| + 0.1) < epsilon.")
  var epsilon = 1e-8

  @Option(
    parsing: .unconditional,
    help:
      "Withhold a model that would reveal a count from 1 to this − 1 (0 publishes every model).")
  var suppress = 5

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
}

/// A request's usage problem is a usage error (exit 2), with the request's sentence.
func validateAsUsage(_ request: () throws -> some AnalysisRequest) throws {
  do {
    try request().validate()
  } catch let error as InputError {
    throw ValidationError(error.description)
  }
}
