import Foundation
import Microdata
import RegressionModels
import Reporting

/// Intersectional MAIHDA: null and main-effects random-intercept models over the strata of the
/// given variables. Behind `strata maihda` and a recipe's `maihda` entries.
///
/// Two ways to get persons and cases per stratum:
/// - with `population`: cases are the distinct persons (`lopnr`) of `data` in the stratum (after
///   `filter`, e.g. one offence type), persons the population's `antal` summed over the stratum;
/// - with `outcome`: `data` is person-level (one row per person) and the condition marks the
///   cases, e.g. `antal_misstankar >= 2` among suspects.
///
/// Disclosure control (`suppress`) applies to the published tables (md, csv, html, tex, xlsx):
/// persons and cases from 1 to `suppress` − 1 are shown as `..`. The JSON keeps every number
/// (the contract requires `n`, `cases` and `predicted` on each stratum) and lists the threshold
/// and the strata below it under `disclosure`; it is for analysis, not for publication.
struct MAIHDAJob: Sendable, Codable {
  var data: DataInput
  var filter: String?
  var strata: [String]
  /// Persons in `data` per stratum against this population (cases = suspects).
  var population: DataInput?
  /// A filter for the population file (e.g. `alder >= 18`), applied before counting.
  var populationFilter: String?
  /// Outcome condition for person-level data, e.g. `antal_misstankar >= 2`.
  var outcome: String?
  var nAGQ: Int = 1
  var level: Double = 0.95
  var suppress: Int = 5
  var title: String?
  var language: Language = .sv

  func run() throws -> JobResult {
    guard !strata.isEmpty else {
      throw JobError.invalidOption("give the stratifying variables (--strata)")
    }
    let loaded = try data.load(filter: filter)
    var counted =
      population == nil
      ? try countOutcome(loaded)
      : try countAgainstPopulation(loaded)
    counted.warnings = loaded.warnings + counted.warnings
    let options = MixedModelOptions(nAGQ: nAGQ, confidenceLevel: level)
    let result = try MAIHDA.fit(strata: counted.data, options: options)
    let warnings = counted.warnings + result.warnings
    return try output(result: result, counted: counted, warnings: warnings)
  }

  /// The JSON, tables and chart of a fit.
  func output(result: MAIHDAResult, counted: CountedStrata, warnings: [String]) throws -> JobResult
  {
    let small = result.strata.filter {
      suppress > 0
        && (($0.cases > 0 && $0.cases < suppress) || ($0.persons > 0 && $0.persons < suppress))
    }
    let json = MAIHDAJSON(
      result: result, warnings: warnings, outcome: counted.outcome, population: counted.population,
      excluded: counted.excluded,
      disclosure: MAIHDAJSON.Disclosure(
        threshold: suppress, appliesTo: "tables", stratumIndices: small.map(\.index)))
    let labels = TermLabeler(
      codebook: counted.codebook, language: language, factors: counted.factors)
    let sv = language == .sv
    let variables = strata.map { labels.variableLabel($0) }.joined(separator: " × ")
    let name = title ?? "MAIHDA: \(variables)"
    let tables = [
      result.summaryReportTable(
        title: name, language: language, subtitle: counted.outcome),
      result.strataReportTable(
        title: (sv ? "Strata efter predicerad andel: " : "Strata by predicted share: ") + variables,
        labels: labels, suppress: suppress, subtitle: counted.outcome),
      result.mainEffectsReportTable(
        title: (sv ? "Huvudeffekter (modell 2): " : "Main effects (model 2): ") + variables,
        labels: labels),
    ]
    let plot = result.caterpillarPlot(title: name, labels: labels, subtitle: counted.outcome)
    return JobResult(
      json: try FiniteJSON.encode(json), tables: tables,
      charts: [JobChart(name: "maihda-caterpillar", title: name, svg: plot.svg())],
      warnings: warnings)
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
