import Microdata
import RegressionModels

extension LikelihoodRatioTest {
  /// A comparison of nested models, as R's `anova(m1, m2, m3, test = "Chisq")`: one row per
  /// model with its number of coefficients, deviance, AIC and BIC, and, from the second row
  /// on, the likelihood-ratio test against the model in the row above.
  ///
  /// ```
  /// Model                       Coefficients   Deviance   AIC      BIC      χ²     df   p
  /// 1  misstankt ~ kon          2              9 812,3    9 816,3  9 838,1
  /// 2  misstankt ~ kon * fodelse 4             9 702,0    9 710,0  9 753,6  110,3  2    <0,001
  /// ```
  /// - Parameters:
  ///   - models: each model's label (e.g. its formula) and fit, in order.
  ///   - tests: the test of model k against model k − 1 for k ≥ 1 (`tests[k − 1]`); `nil` where
  ///     the two are not comparable.
  public static func comparisonTable(
    models: [(label: String, fit: GLMFit)], tests: [LikelihoodRatioTest?], title: String,
    language: Language
  ) -> ReportTable {
    let columns = [
      ReportColumn(language.text(.coefficients), role: .count),
      ReportColumn(language.text(.deviance), role: .estimate, decimals: 1),
      ReportColumn("AIC", role: .estimate, decimals: 1),
      ReportColumn("BIC", role: .estimate, decimals: 1),
      ReportColumn("χ²", role: .statistic, decimals: 2),
      ReportColumn(language.text(.degreesOfFreedomShort), role: .count),
      ReportColumn("p", role: .pValue),
    ]
    var rows: [ReportRow] = []
    for (k, model) in models.enumerated() {
      var cells: [ReportCell] = [
        .count(model.fit.rank), finiteCell(model.fit.deviance, .estimate),
        finiteCell(model.fit.aic, .estimate), finiteCell(model.fit.bic, .estimate),
      ]
      if k > 0, k - 1 < tests.count, let test = tests[k - 1] {
        cells += [
          finiteCell(test.statistic, .estimate), .count(test.degreesOfFreedom),
          finiteCell(test.pValue, .pValue),
        ]
      } else {
        cells += [.missing, .missing, .missing]
      }
      rows.append(ReportRow(labels: ["\(k + 1)", model.label], cells: cells))
    }
    let note = language.text(.modelComparisonNote)
    return ReportTable(
      title: title, language: language,
      stubHeaders: [language.text(.model), language.text(.formula)], columns: columns,
      rows: rows, footnotes: [.note(note)])
  }
}
