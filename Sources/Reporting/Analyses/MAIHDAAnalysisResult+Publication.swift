import Analysis
import Foundation
import Microdata
import RegressionModels
import Tabulation

extension MAIHDAAnalysisResult: PublishableResult {
  /// The JSON, tables and chart of a fit, every one under the same disclosure control
  /// (``MAIHDADisclosure``): a suppressed stratum is `{"suppressed": true}` with its keys and
  /// `n` in the JSON, `..` in the tables and absent from the chart.
  public func publication() throws -> AnalysisPublication {
    let disclosure = self.disclosure
    let outcome = counted.outcome.subtitle(codebook: counted.codebook, language: request.language)
    let labels = TermLabeler(
      codebook: counted.codebook, language: request.language, factors: counted.factors)
    let redaction =
      disclosure.suppressed.isEmpty && !disclosure.mainEffectsWithheld
      ? nil
      : MAIHDARedaction(
        suppressedStrata: disclosure.suppressed, personsHidden: disclosure.personsHidden,
        mainEffectsWithheld: disclosure.mainEffectsWithheld
          ? ModelDisclosureText.reason(disclosure.mainEffects, labels: labels) : nil,
        measuresWithheld: !disclosure.suppressed.isEmpty)
    let json = MAIHDAJSON(
      result: result, warnings: warnings, outcome: counted.outcome.description,
      population: counted.population,
      excluded: counted.excluded, disclosure: disclosure)
    let variables = request.strata.map { labels.variableLabel($0) }.joined(separator: " × ")
    let name = request.title ?? "MAIHDA: \(variables)"
    var summary = result.summaryReportTable(
      title: name, language: request.language, subtitle: outcome,
      disclosure: disclosure)
    summary.footnotes += result.readingNotes(
      language: request.language, mainEffectsWithheld: disclosure.mainEffectsWithheld,
      aucWithheld: disclosure.totalCasesWithheld)
    let strataTitle: Message =
      switch result.family {
      case .binomial: .maihdaStrataTitle(variables: variables)
      case .poisson: .maihdaStrataTitleRate(variables: variables)
      case .gaussian: .maihdaStrataTitleMean(variables: variables)
      }
    var tables = [
      summary,
      result.strataReportTable(
        title: request.language.text(strataTitle),
        labels: labels, suppress: request.suppress, subtitle: outcome,
        disclosure: disclosure),
    ]
    // A withheld model 2 would be a table of `..` only: it is left out, and the summary's note
    // says why.
    if !disclosure.mainEffectsWithheld {
      tables.append(
        result.mainEffectsReportTable(
          title: request.language.text(.maihdaMainEffectsTitle(variables: variables)),
          labels: labels, disclosure: disclosure))
    }
    let plot = result.caterpillarPlot(
      title: name, labels: labels, subtitle: outcome, disclosure: disclosure)
    var publication = AnalysisPublication(
      json: try FiniteJSON.encode(json, redaction: redaction), tables: tables,
      charts: [PublishedChart(name: "maihda-caterpillar", title: name, svg: plot.svg())],
      warnings: warnings)
    var notices = PublicationNotices(labels: labels, threshold: request.suppress)
    notices.populationNotFiltered(by: counted.populationNotFilteredBy)
    notices.rowsLeftOut(counted.excluded)
    let models = [
      (result.nullModel, request.language.text(.maihdaNullModel), true),
      (
        result.mainEffectsModel, request.language.text(.maihdaMainEffectsModel),
        !disclosure.mainEffectsWithheld
      ),
    ]
    for (fit, model, shown) in models where shown {
      if fit.boundary { notices.boundaryFit(model: model) }
      if !fit.converged { notices.notConverged() }
    }
    if !disclosure.mainEffectsWithheld {
      notices.separated(
        result.mainEffectsSummary.coefficients.filter(\.separation).map(\.modelTerm))
    }
    publication.notices = notices.texts
    return try publication.titled(request.title).disclosed(
      threshold: request.suppress, language: request.language)
  }
}

/// The JSON of `strata maihda`: the library's contract JSON of the result (redacted by the
/// encoder's ``MAIHDARedaction`` when strata are suppressed), with the job's warnings (data and
/// model) and extras: the outcome, the population counted (its cases and persons withheld with
/// the strata's totals), rows left out, and the disclosure control applied:
/// `{"protected": true, "threshold": 5, "suppressed_strata": 3, "main_effects_withheld": false}`,
/// or `{"protected": false}` for `--suppress 0`.
struct MAIHDAJSON: Encodable {
  var result: MAIHDAResult
  var warnings: [String]
  var outcome: String
  var population: PopulationSummary?
  var excluded: CaseCells.Exclusions
  var disclosure: MAIHDADisclosure

  enum CodingKeys: String, CodingKey {
    case warnings, outcome, population, excluded, disclosure
  }

  enum DisclosureKeys: String, CodingKey {
    case protected, threshold
    case suppressedStrata = "suppressed_strata"
    case mainEffectsWithheld = "main_effects_withheld"
  }

  enum PopulationKeys: String, CodingKey {
    case file, cells, persons, cases
  }

  func encode(to encoder: any Encoder) throws {
    try result.encode(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(outcome, forKey: .outcome)
    if let population {
      var p = c.nestedContainer(keyedBy: PopulationKeys.self, forKey: .population)
      try p.encode(population.file, forKey: .file)
      try p.encode(population.cells, forKey: .cells)
      if !disclosure.totalPersonsWithheld { try p.encode(population.persons, forKey: .persons) }
      if !disclosure.totalCasesWithheld { try p.encode(population.cases, forKey: .cases) }
    }
    try c.encode(excluded, forKey: .excluded)
    var d = c.nestedContainer(keyedBy: DisclosureKeys.self, forKey: .disclosure)
    try d.encode(disclosure.threshold > 0, forKey: .protected)
    if disclosure.threshold > 0 {
      try d.encode(disclosure.threshold, forKey: .threshold)
      try d.encode(disclosure.suppressed.count, forKey: .suppressedStrata)
      try d.encode(disclosure.mainEffectsWithheld, forKey: .mainEffectsWithheld)
    }
  }
}
