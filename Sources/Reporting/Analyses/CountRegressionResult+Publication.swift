import Analysis
import Foundation
import Localization
import Microdata
import RegressionModels

extension CountRegressionResult: PublishableResult {
  /// The JSON, tables and forest plot of a Poisson or negative-binomial fit: the logit's JSON with
  /// `"family": "poisson" | "negbin"`, `rate_ratio` in place of `odds_ratio` (with `ci` on the
  /// ratio scale), θ and α for the negative binomial, and the test of overdispersion.
  ///
  /// Disclosure as the logit (``ModelDisclosure``): a log-linear model reproduces the counts of
  /// each indicator column of its design, so a model with such a count from 1 to `suppress` − 1
  /// is withheld: terms with `..`, the contract's keys as null, no θ, no test, no marginal
  /// effects, no comparison.
  public func publication() throws -> AnalysisPublication {
    let language = request.language
    let labels = TermLabeler(
      codebook: fits.codebook, language: language, factors: fits.labelFactors)
    let disclosure = self.disclosure
    let comparisonWithheld =
      disclosure.withheld || comparison.models.contains { self.disclosure(of: $0.fit).withheld }
    let compare = !comparison.models.isEmpty && !comparisonWithheld
    let main = fits.main
    let summary = try main.summary(
      level: request.level, intervals: request.intervalMethod,
      marginalEffects: request.ame && !disclosure.withheld)
    let json = LogitJSON(
      summary: summary, warnings: fits.warnings, excluded: fits.excluded,
      outcome: fits.outcome.description,
      population: fits.population, comparisons: compare ? comparison.entries : nil,
      comparedModels: compare ? comparison.modelEntries : nil, interactionEffects: [],
      disclosure: disclosure,
      reason: disclosure.withheld ? ModelDisclosureText.reason(disclosure, labels: labels) : nil,
      overdispersion: disclosure.withheld ? nil : overdispersion,
      dispersion: disclosure.withheld ? nil : main.pearsonDispersion.ratio,
      scale: request.population == nil ? "rows" : "cells", logLikelihoodScale: logLikelihoodScale)
    let name =
      request.title
      ?? language.text(
        request.family == .poisson
          ? .poissonTitle(formula: request.formula)
          : .negativeBinomialTitle(formula: request.formula))
    let table = try main.coefficientTable(level: request.level, intervals: request.intervalMethod)
    let ratioHeader = language.text(.rateRatio)
    if disclosure.withheld {
      var withheld = table.reportTable(
        title: name, labels: labels,
        subtitle: fits.outcome.subtitle(codebook: fits.codebook, language: language),
        footnotes: [.note(ModelDisclosureText.footnote(disclosure, labels: labels))],
        ratioHeader: ratioHeader)
      withheld.withholdNumbers()
      return try AnalysisPublication(
        json: try FiniteJSON.encode(json), tables: [withheld], charts: [], warnings: fits.warnings
      ).disclosed(threshold: request.suppress, language: language)
    }
    var notes = [main.fitStatisticsNote(language: language)]
    if let note = dispersionNote(language: language) { notes.append(note) }
    var tables = [
      table.reportTable(
        title: name, labels: labels,
        subtitle: fits.outcome.subtitle(codebook: fits.codebook, language: language),
        footnotes: notes,
        ratioHeader: ratioHeader)
    ]
    if let effects = summary.marginalEffects {
      let format = NumberFormat(language: language)
      let interval = confidenceLabel(request.level, language)
      let per = format.string(request.per, kind: .count)
      let rate = main.hasOffset
      tables.append(
        MarginalEffect.reportTable(
          effects, title: language.text(.marginalEffectsTitle(formula: request.formula)),
          labels: labels, level: request.level, multiplier: rate ? request.per : 1,
          column: language.text(rate ? .ameRateColumn(per: per) : .ameCountColumn),
          note: language.text(
            rate ? .ameRateNote(per: per, interval: interval) : .ameCountNote(interval: interval))))
    }
    if compare {
      tables.append(
        LikelihoodRatioTest.comparisonTable(
          models: comparison.models, tests: comparison.tests,
          title: language.text(.modelComparisonTitle), language: language))
    }
    return try AnalysisPublication(
      json: try FiniteJSON.encode(json), tables: tables,
      charts: forestChart(table: table, labels: labels, title: name), warnings: fits.warnings
    ).disclosed(threshold: request.suppress, language: language)
  }

  /// The forest plot of the rate ratios (the logit's plot with ``ForestMeasure/rateRatio(level:)``),
  /// or none when no term has a ratio. Terms with infinite estimates are listed with "–".
  private func forestChart(table: CoefficientTable, labels: TermLabeler, title: String)
    -> [PublishedChart]
  {
    let rows = table.forestRows(labels: labels, separated: fits.main.separatedTerms)
    guard table.rows.contains(where: { $0.oddsRatio != nil }), !rows.isEmpty else { return [] }
    let kind = request.family == .poisson ? "poisson" : "nbreg"
    let plot = ForestPlot(
      rows,
      labels: ChartLabels(
        title: title,
        subtitle: fits.outcome.subtitle(codebook: fits.codebook, language: request.language)),
      options: ChartOptions(language: request.language, idPrefix: kind),
      measure: .rateRatio(level: request.level))
    return [PublishedChart(name: "\(kind)-forest", title: title, svg: plot.svg())]
  }

  /// θ and the test of overdispersion (negative binomial), or Pearson's χ²/df and the test
  /// (Poisson).
  private func dispersionNote(language: Language) -> Footnote? {
    let format = NumberFormat(language: language)
    func value(_ x: Double, _ decimals: Int = 3) -> String {
      x.isFinite ? format.string(x, kind: .estimate, decimals: decimals) : "–"
    }
    func pText(_ p: Double) -> String {
      let text = format.string(p, kind: .pValue)
      return text.hasPrefix("<")
        ? "p \(text.replacingOccurrences(of: "<", with: "< "))" : "p = \(text)"
    }
    let statistic = overdispersion.map { value($0.statistic, 1) } ?? "–"
    let p = overdispersion.map { pText($0.pValue) } ?? "p = –"
    if let theta = fits.main.theta, let alpha = fits.main.alpha {
      return .note(
        language.text(
          .negativeBinomialNote(
            theta: fits.main.thetaIsUnbounded ? "∞" : value(theta),
            thetaError: value(fits.main.thetaStandardError ?? .nan),
            alpha: value(alpha.estimate), statistic: statistic, p: p)))
    }
    return .note(
      language.text(
        .poissonDispersionNote(
          ratio: value(fits.main.pearsonDispersion.ratio, 2), statistic: statistic, p: p)))
  }
}
