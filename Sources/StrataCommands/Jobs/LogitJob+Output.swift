import Foundation
import Microdata
import RegressionModels
import Reporting

/// Likelihood-ratio tests between consecutive models of `--compare`, ordered by their number of
/// estimated coefficients (as R's `anova(m1, m2, …)` with the models given smallest first).
struct ModelComparison {
  /// The models in test order.
  var models: [(label: String, fit: GLMFit)] = []
  /// `tests[k]` compares `models[k]` (reduced) with `models[k + 1]` (full).
  var tests: [LikelihoodRatioTest?] = []
  /// Whether the terms of each reduced model are among those of the full one.
  var nested: [Bool] = []
  var warnings: [String] = []

  /// The `comparisons` array of the JSON.
  struct Entry: Encodable {
    var reduced: String
    var full: String
    var chi2: Double?
    var df: Int?
    var pValue: Double?
    var nested: Bool

    enum CodingKeys: String, CodingKey {
      case reduced, full, chi2, df, nested
      case pValue = "p_value"
    }
  }

  /// The `compared_models` array of the JSON.
  struct Model: Encodable {
    var formula: String
    var n: Int
    var coefficients: Int
    var deviance: Double
    var logLikelihood: Double
    var aic: Double
    var bic: Double
    var converged: Bool

    enum CodingKeys: String, CodingKey {
      case formula, n, coefficients, deviance, aic, bic, converged
      case logLikelihood = "log_likelihood"
    }
  }

  var entries: [Entry] {
    tests.indices.map { k in
      Entry(
        reduced: models[k].label, full: models[k + 1].label, chi2: tests[k]?.statistic,
        df: tests[k]?.degreesOfFreedom, pValue: tests[k]?.pValue, nested: nested[k])
    }
  }

  var modelEntries: [Model] {
    models.map {
      Model(
        formula: $0.label, n: $0.fit.observationCount, coefficients: $0.fit.rank,
        deviance: $0.fit.deviance, logLikelihood: $0.fit.logLikelihood, aic: $0.fit.aic,
        bic: $0.fit.bic, converged: $0.fit.converged)
    }
  }
}

extension LogitJob {
  func compareModels(_ fits: LogitFits) throws -> ModelComparison {
    var comparison = ModelComparison()
    guard fits.models.count > 1 else { return comparison }
    comparison.models = fits.models.enumerated().sorted {
      ($0.element.fit.rank, $0.offset) < ($1.element.fit.rank, $1.offset)
    }.map(\.element)
    for k in 0..<(comparison.models.count - 1) {
      let (reduced, full) = (comparison.models[k], comparison.models[k + 1])
      let nested =
        Set(reduced.fit.formula?.terms ?? []).isSubset(of: full.fit.formula?.terms ?? [])
        && (full.fit.formula?.hasIntercept ?? true || !(reduced.fit.formula?.hasIntercept ?? false))
      comparison.nested.append(nested)
      if reduced.fit.rank == full.fit.rank {
        comparison.tests.append(nil)
        comparison.warnings.append(
          "`\(reduced.label)` and `\(full.label)` have the same number of coefficients; they are not compared."
        )
        continue
      }
      comparison.tests.append(try LikelihoodRatioTest(reduced: reduced.fit, full: full.fit))
      if !nested {
        comparison.warnings.append(
          "The terms of `\(reduced.label)` are not all among those of `\(full.label)`; the likelihood-ratio test assumes the first model is nested in the second."
        )
      }
      if !reduced.fit.converged || !full.fit.converged {
        comparison.warnings.append(
          "A compared model did not converge (`\(reduced.label)` or `\(full.label)`); its test is unreliable."
        )
      }
    }
    return comparison
  }

  /// The JSON, tables and chart of the fits.
  func output(fits: LogitFits, comparison: ModelComparison) throws -> JobResult {
    let summary = try fits.main.summary(
      level: level, intervals: intervalMethod, marginalEffects: ame)
    let json = LogitJSON(
      summary: summary, warnings: fits.warnings, excluded: fits.excluded, outcome: fits.outcome,
      population: fits.population,
      comparisons: comparison.models.isEmpty ? nil : comparison.entries,
      comparedModels: comparison.models.isEmpty ? nil : comparison.modelEntries)
    let labels = TermLabeler(
      codebook: fits.codebook, language: language, factors: fits.labelFactors)
    let sv = language == .sv
    let name = title ?? ((sv ? "Logistisk regression: " : "Logistic regression: ") + formula)
    let table = try fits.main.coefficientTable(level: level, intervals: intervalMethod)
    var tables = [
      table.reportTable(
        title: name, labels: labels,
        subtitle: fits.outcome, footnotes: [fits.main.fitStatisticsNote(language: language)])
    ]
    if let effects = summary.marginalEffects {
      tables.append(
        MarginalEffect.reportTable(
          effects,
          title: (sv ? "Genomsnittliga marginaleffekter: " : "Average marginal effects: ")
            + formula,
          labels: labels, level: level))
    }
    if !comparison.models.isEmpty {
      tables.append(
        LikelihoodRatioTest.comparisonTable(
          models: comparison.models, tests: comparison.tests,
          title: sv ? "Jämförelse av modeller" : "Model comparison", language: language))
    }
    var charts: [JobChart] = []
    let rows = table.forestRows(labels: labels)
    if table.rows.contains(where: { $0.oddsRatio != nil }), !rows.isEmpty {
      let plot = ForestPlot(
        rows, labels: ChartLabels(title: name, subtitle: fits.outcome),
        options: ChartOptions(language: language, idPrefix: "logit"))
      charts.append(JobChart(name: "logit-forest", title: name, svg: plot.svg()))
    }
    return JobResult(
      json: try FiniteJSON.encode(json), tables: tables, charts: charts, warnings: fits.warnings)
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

  enum CodingKeys: String, CodingKey {
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
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let s = summary
    try c.encode(s.n, forKey: .n)
    try c.encode(s.dfResidual, forKey: .dfResidual)
    try c.encode(s.dfNull, forKey: .dfNull)
    try c.encode(s.converged, forKey: .converged)
    try c.encode(s.iterations, forKey: .iterations)
    try c.encode(s.method, forKey: .method)
    try c.encode(s.separation, forKey: .separation)
    try c.encode(s.deviance, forKey: .deviance)
    try c.encode(s.nullDeviance, forKey: .nullDeviance)
    try c.encode(s.logLikelihood, forKey: .logLikelihood)
    try c.encode(s.aic, forKey: .aic)
    try c.encode(s.bic, forKey: .bic)
    try c.encode(s.coefficients, forKey: .coefficients)
    try c.encode(excluded, forKey: .excluded)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(s.family, forKey: .family)
    try c.encode(s.link, forKey: .link)
    try c.encode(s.formula, forKey: .formula)
    try c.encode(outcome, forKey: .outcome)
    try c.encode(s.level, forKey: .level)
    try c.encode(s.covariance, forKey: .covariance)
    try c.encode(s.intervals, forKey: .intervals)
    try c.encode(s.trials, forKey: .trials)
    try c.encode(s.aliased, forKey: .aliased)
    try c.encodeIfPresent(s.separationDetail, forKey: .separationDetail)
    try c.encodeIfPresent(s.grouped, forKey: .grouped)
    try c.encodeIfPresent(s.marginalEffects, forKey: .marginalEffects)
    try c.encode(s.likelihoodRatioTest, forKey: .likelihoodRatioTest)
    try c.encodeIfPresent(population, forKey: .population)
    try c.encodeIfPresent(comparisons, forKey: .comparisons)
    try c.encodeIfPresent(comparedModels, forKey: .comparedModels)
  }
}
