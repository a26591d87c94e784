import Analysis
import Foundation
import Microdata
import RegressionModels
import Tabulation

extension MAIHDAAnalysisResult: PublishableResult {
  /// The JSON, tables and chart of a fit.
  public func publication() throws -> AnalysisPublication {
    let small = result.strata.filter {
      request.suppress > 0
        && (($0.cases > 0 && $0.cases < request.suppress)
          || ($0.persons > 0 && $0.persons < request.suppress))
    }
    let json = MAIHDAJSON(
      result: result, warnings: warnings, outcome: counted.outcome, population: counted.population,
      excluded: counted.excluded,
      disclosure: MAIHDAJSON.Disclosure(
        threshold: request.suppress, appliesTo: "tables", stratumIndices: small.map(\.index)))
    let labels = TermLabeler(
      codebook: counted.codebook, language: request.language, factors: counted.factors)
    let variables = request.strata.map { labels.variableLabel($0) }.joined(separator: " × ")
    let name = request.title ?? "MAIHDA: \(variables)"
    let tables = [
      result.summaryReportTable(
        title: name, language: request.language, subtitle: counted.outcome),
      result.strataReportTable(
        title: request.language.text(.maihdaStrataTitle(variables: variables)),
        labels: labels, suppress: request.suppress, subtitle: counted.outcome),
      result.mainEffectsReportTable(
        title: request.language.text(.maihdaMainEffectsTitle(variables: variables)),
        labels: labels),
    ]
    let plot = result.caterpillarPlot(title: name, labels: labels, subtitle: counted.outcome)
    return try AnalysisPublication(
      json: try FiniteJSON.encode(json), tables: tables,
      charts: [PublishedChart(name: "maihda-caterpillar", title: name, svg: plot.svg())],
      warnings: warnings
    ).disclosed(threshold: request.suppress, language: request.language)
  }
}

/// The JSON of `strata maihda`: the library's contract JSON of the result, with the job's
/// warnings (data and model) and extras: the outcome, the population counted, rows left out,
/// and the disclosure threshold of the tables.
struct MAIHDAJSON: Encodable {
  var result: MAIHDAResult
  var warnings: [String]
  var outcome: String
  var population: PopulationSummary?
  var excluded: CaseCells.Exclusions
  var disclosure: Disclosure

  /// Disclosure control of the tables; the JSON itself keeps every count.
  struct Disclosure: Encodable {
    var threshold: Int
    var appliesTo: String
    /// `stratum_index` of the strata whose persons or cases are below the threshold.
    var stratumIndices: [Int]

    enum CodingKeys: String, CodingKey {
      case threshold
      case appliesTo = "applies_to"
      case stratumIndices = "strata_below_threshold"
    }
  }

  enum CodingKeys: String, CodingKey {
    case warnings, outcome, population, excluded, disclosure
  }

  func encode(to encoder: any Encoder) throws {
    try result.encode(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(outcome, forKey: .outcome)
    try c.encodeIfPresent(population, forKey: .population)
    try c.encode(excluded, forKey: .excluded)
    try c.encode(disclosure, forKey: .disclosure)
  }
}
