import Analysis
import Foundation
import Microdata
import RegressionModels

extension LogitResult: PublishableResult {
  /// The JSON, tables and chart of the fits.
  ///
  /// A model that ``ModelDisclosure`` withholds (its estimates would reproduce a count from 1 to
  /// `suppress` − 1) is published without any value computed from the outcome: the table keeps
  /// the terms with `..` and a footnote saying why, the JSON keeps `n`, `converged` and the term
  /// names under `"disclosure": {"withheld": true, "reason": …}`, and there is no forest plot,
  /// marginal-effects table or model comparison. When a compared model is withheld, the
  /// comparison is left out.
  public func publication() throws -> AnalysisPublication {
    let labels = TermLabeler(
      codebook: fits.codebook, language: request.language, factors: fits.labelFactors)
    let disclosure = self.disclosure
    let outcome = fits.outcome.subtitle(codebook: fits.codebook, language: request.language)
    let comparisonWithheld =
      disclosure.withheld || comparison.models.contains { self.disclosure(of: $0.fit).withheld }
    let compare = !comparison.models.isEmpty && !comparisonWithheld
    let summary = try fits.main.summary(
      level: request.level, intervals: request.intervalMethod,
      marginalEffects: request.ame && !disclosure.withheld)
    let json = LogitJSON(
      summary: summary, warnings: fits.warnings, excluded: fits.excluded,
      outcome: fits.outcome.description,
      population: fits.population,
      comparisons: compare ? comparison.entries : nil,
      comparedModels: compare ? comparison.modelEntries : nil,
      interactionEffects: disclosure.withheld
        ? [] : try fits.main.interactionEffects(level: request.level),
      disclosure: disclosure,
      reason: disclosure.withheld ? ModelDisclosureText.reason(disclosure, labels: labels) : nil,
      logLikelihoodScale: logLikelihoodScale)
    let name = request.title ?? request.language.text(.logitTitle(formula: request.formula))
    let table = try fits.main.coefficientTable(
      level: request.level, intervals: request.intervalMethod)
    if disclosure.withheld {
      var withheld = table.reportTable(
        title: name, labels: labels, subtitle: outcome,
        footnotes: [.note(ModelDisclosureText.footnote(disclosure, labels: labels))])
      withheld.withholdNumbers()
      var publication = AnalysisPublication(
        json: try FiniteJSON.encode(json), tables: [withheld], charts: [],
        warnings: fits.warnings)
      publication.notices = notices(labels: labels, fitted: false)
      return try publication.titled(request.title).disclosed(
        threshold: request.suppress, language: request.language)
    }
    let separated = fits.main.separatedTerms
    let interactions = try fits.main.interactionEffects(level: request.level)
      .filter { effect in !effect.combination.terms.contains { separated.contains($0) } }
    var notes = [fits.main.fitStatisticsNote(language: request.language)]
    if !interactions.isEmpty {
      notes.append(.note(request.language.text(.interactionMainEffectNote)))
    }
    var tables = [
      table.reportTable(
        title: name, labels: labels, subtitle: outcome, footnotes: notes,
        separated: separated)
    ]
    if !interactions.isEmpty {
      tables.append(
        InteractionEffect.reportTable(
          interactions, title: request.language.text(.interactionEffectsTitle), labels: labels))
    }
    if let effects = summary.marginalEffects {
      tables.append(
        MarginalEffect.reportTable(
          effects,
          title: request.language.text(.marginalEffectsTitle(formula: request.formula)),
          labels: labels, level: request.level))
    }
    if compare {
      tables.append(
        LikelihoodRatioTest.comparisonTable(
          models: comparison.models, tests: comparison.tests,
          title: request.language.text(.modelComparisonTitle), language: request.language))
    }
    var charts: [PublishedChart] = []
    let rows = table.forestRows(labels: labels, separated: separated)
    if table.rows.contains(where: { $0.oddsRatio != nil }), !rows.isEmpty {
      let plot = ForestPlot(
        rows, labels: ChartLabels(title: name, subtitle: outcome),
        options: ChartOptions(language: request.language, idPrefix: "logit"))
      charts.append(PublishedChart(name: "logit-forest", title: name, svg: plot.svg()))
    }
    var publication = AnalysisPublication(
      json: try FiniteJSON.encode(json), tables: tables, charts: charts, warnings: fits.warnings)
    publication.notices = notices(labels: labels, fitted: true)
    return try publication.titled(request.title).disclosed(
      threshold: request.suppress, language: request.language)
  }

  /// Rows left out and, for a published fit, its separated terms and convergence.
  private func notices(labels: TermLabeler, fitted: Bool) -> [String] {
    var notices = PublicationNotices(labels: labels, threshold: request.suppress)
    notices.populationNotFiltered(by: fits.populationNotFilteredBy)
    switch fits.excluded {
    case .frame(let exclusions?):
      notices.rowsLeftOut(
        rows: exclusions.rows, missing: exclusions.missing, outside: exclusions.outside,
        population: false)
    case .frame(nil): break
    case .cells(let exclusions): notices.rowsLeftOut(exclusions)
    }
    if fitted { fits.main.addNotices(to: &notices) }
    return notices.texts
  }
}

/// The JSON of `strata logit` (the CLI contract's fields, then extras).
struct LogitJSON: Encodable {
  var summary: GLMSummary
  var warnings: [String]
  var excluded: LogitExclusions
  var outcome: String
  var population: PopulationSummary?
  var comparisons: [ModelComparison.Entry]?
  var comparedModels: [ModelComparison.Model]?
  /// The effect of each level of an interaction within the other levels (Stata's `lincom`).
  var interactionEffects: [InteractionEffect]
  /// The disclosure check of the main model.
  var disclosure: ModelDisclosure
  /// Why the model is withheld (English), when it is.
  var reason: String?
  /// Count models: the LR test of α = 0 and Pearson's χ²/df of the main fit.
  var overdispersion: OverdispersionTest? = nil
  var dispersion: Double? = nil
  /// Count models: what the log-likelihood and n are of ("rows" of the data, or "cells" of
  /// persons against a population).
  var scale: String? = nil
  /// What the log-likelihood, AIC and BIC are of (`"individual"` or `"grouped"`).
  var logLikelihoodScale: GLMLogLikelihoodScale = .individual

  enum DisclosureKeys: String, CodingKey {
    case protected, threshold, withheld, reason
  }

  enum PopulationKeys: String, CodingKey {
    case file, cells, persons
  }

  /// The fields of a withheld coefficient: its name only.
  enum TermKeys: String, CodingKey {
    case term, estimate, ci, z
    case standardError = "std_error"
    case pValue = "p_value"
    case oddsRatio = "odds_ratio"
    case rateRatio = "rate_ratio"
  }

  enum CodingKeys: String, CodingKey {
    case disclosure
    case n, converged, iterations, method, separation, deviance, aic, bic, coefficients, warnings
    case excluded, family, link, formula, level, covariance, intervals, trials, aliased, grouped
    case outcome, population, comparisons
    case dfResidual = "df_residual"
    case dfNull = "df_null"
    case nullDeviance = "null_deviance"
    case logLikelihood = "log_likelihood"
    case separationDetail = "separation_detail"
    case marginalEffects = "marginal_effects"
    case likelihoodRatioTest = "lr_test"
    case comparedModels = "compared_models"
    case interactionEffects = "interaction_effects"
    case theta, alpha, overdispersion, scale
    case logLikelihoodScale = "loglik_scale"
    case thetaStandardError = "theta_std_error"
    case alphaStandardError = "alpha_std_error"
    case pearsonDispersion = "pearson_dispersion"
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let s = summary
    var d = c.nestedContainer(keyedBy: DisclosureKeys.self, forKey: .disclosure)
    try d.encode(disclosure.threshold > 0, forKey: .protected)
    if disclosure.threshold > 0 {
      try d.encode(disclosure.threshold, forKey: .threshold)
      try d.encode(disclosure.withheld, forKey: .withheld)
      try d.encodeIfPresent(reason, forKey: .reason)
    }
    if disclosure.withheld {
      try encodeWithheld(summary: s, in: &c)
      return
    }
    try encodeDesign(summary: s, in: &c)
    try c.encode(s.separation, forKey: .separation)
    try c.encode(s.deviance, forKey: .deviance)
    try c.encode(s.nullDeviance, forKey: .nullDeviance)
    try c.encode(s.logLikelihood, forKey: .logLikelihood)
    try c.encode(s.aic, forKey: .aic)
    try c.encode(s.bic, forKey: .bic)
    try c.encode(s.coefficients, forKey: .coefficients)
    try c.encode(s.covariance, forKey: .covariance)
    try c.encode(s.intervals, forKey: .intervals)
    try c.encode(s.trials, forKey: .trials)
    try c.encodeIfPresent(s.separationDetail, forKey: .separationDetail)
    try c.encodeIfPresent(s.grouped, forKey: .grouped)
    try c.encodeIfPresent(s.marginalEffects, forKey: .marginalEffects)
    try c.encode(s.likelihoodRatioTest, forKey: .likelihoodRatioTest)
    if s.family == .negativeBinomial {
      try c.encode(s.theta, forKey: .theta)
      try c.encode(s.thetaStandardError, forKey: .thetaStandardError)
      try c.encode(s.alpha, forKey: .alpha)
      try c.encode(s.alphaStandardError, forKey: .alphaStandardError)
    }
    try c.encodeIfPresent(overdispersion, forKey: .overdispersion)
    try c.encodeIfPresent(dispersion, forKey: .pearsonDispersion)
    try c.encodeIfPresent(population, forKey: .population)
    try c.encodeIfPresent(comparisons, forKey: .comparisons)
    try c.encodeIfPresent(comparedModels, forKey: .comparedModels)
    if !interactionEffects.isEmpty {
      try c.encode(interactionEffects, forKey: .interactionEffects)
    }
  }

  /// What a model publishes whether or not it is withheld: its design, size, convergence and
  /// what was left out (none of it depends on the outcome's counts).
  private func encodeDesign(summary s: GLMSummary, in c: inout KeyedEncodingContainer<CodingKeys>)
    throws
  {
    try c.encode(s.n, forKey: .n)
    try c.encode(s.dfResidual, forKey: .dfResidual)
    try c.encode(s.dfNull, forKey: .dfNull)
    try c.encode(s.converged, forKey: .converged)
    try c.encode(s.iterations, forKey: .iterations)
    try c.encode(s.method, forKey: .method)
    try c.encode(excluded, forKey: .excluded)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(s.family, forKey: .family)
    try c.encode(s.link, forKey: .link)
    try c.encode(s.formula, forKey: .formula)
    try c.encode(outcome, forKey: .outcome)
    try c.encode(s.level, forKey: .level)
    try c.encode(s.aliased, forKey: .aliased)
    try c.encodeIfPresent(scale, forKey: .scale)
    try c.encode(logLikelihoodScale, forKey: .logLikelihoodScale)
  }

  /// A withheld model: what does not depend on the outcome.
  private func encodeWithheld(summary s: GLMSummary, in c: inout KeyedEncodingContainer<CodingKeys>)
    throws
  {
    try encodeDesign(summary: s, in: &c)
    // The contract's keys stay, as null ("missing is null"): scripts keep their shape.
    for key in [CodingKeys.deviance, .nullDeviance, .logLikelihood, .aic, .bic] {
      try c.encodeNil(forKey: key)
    }
    if s.family == .negativeBinomial {
      for key in [CodingKeys.theta, .thetaStandardError, .alpha, .alphaStandardError] {
        try c.encodeNil(forKey: key)
      }
    }
    let ratioKey: TermKeys = s.link == .log ? .rateRatio : .oddsRatio
    var terms = c.nestedUnkeyedContainer(forKey: .coefficients)
    for coefficient in s.coefficients {
      var term = terms.nestedContainer(keyedBy: TermKeys.self)
      try term.encode(coefficient.term, forKey: .term)
      for key in [TermKeys.estimate, .standardError, .z, .pValue, ratioKey, .ci] {
        try term.encodeNil(forKey: key)
      }
    }
    if let population {  // the population without its cases
      var p = c.nestedContainer(keyedBy: PopulationKeys.self, forKey: .population)
      try p.encode(population.file, forKey: .file)
      try p.encode(population.cells, forKey: .cells)
      try p.encode(population.persons, forKey: .persons)
    }
  }
}
