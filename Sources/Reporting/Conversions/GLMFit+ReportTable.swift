import Foundation
import Microdata
import RegressionModels

extension GLMFit {
  /// The fit statistics as one note under a coefficient table:
  ///
  /// ```
  /// n = 1 543 210; devians 23 456,7; AIC 23 482,7; BIC 23 640,2;
  /// LR-test mot nollmodellen: χ²(12) = 812,3, p < 0,001.
  /// ```
  /// For a fit on grouped rows that stand for individuals (covariate patterns, or cells of
  /// persons against a population) n is the number of individuals.
  public func fitStatisticsNote(language: Language) -> Footnote {
    let format = NumberFormat(language: language)
    let test = likelihoodRatioTestAgainstNull
    func value(_ x: Double) -> String { format.string(x, kind: .estimate, decimals: 1) }
    let p = format.string(test.pValue, kind: .pValue)
    let pText = p.hasPrefix("<") ? "p \(p.replacingOccurrences(of: "<", with: "< "))" : "p = \(p)"
    let n = format.string(Double(observationCount), kind: .count)
    let text = language.text(
      .fitStatistics(
        n: n, deviance: value(deviance), aic: value(aic), bic: value(bic),
        degreesOfFreedom: test.degreesOfFreedom, statistic: value(test.statistic), p: pText))
    return .note(text)
  }
}

extension MarginalEffect {
  /// Average marginal effects as a publication table, in percentage points (×100 on the
  /// probability scale): a factor level against its reference, or dy/dx of a numeric variable.
  ///
  /// ```
  /// Variable         Contrast              AME (pp)   Std. error   Lower   Upper   p
  /// Sex              Woman − Man           −0.212     0.006        …
  /// ```
  /// Decimals follow the size of the largest effect (three significant digits).
  /// - Parameters:
  ///   - multiplier: the effects are shown times this (100: percentage points of a probability;
  ///     100 000: a rate per 100 000), with `column` and `note` saying so (default: the
  ///     probability's texts).
  public static func reportTable(
    _ effects: [MarginalEffect], title: String, labels: TermLabeler, level: Double,
    subtitle: String? = nil, multiplier: Double = 100, column: String? = nil,
    note customNote: String? = nil
  ) -> ReportTable {
    let language = labels.language
    let largest = effects.map { abs($0.estimate * multiplier) }.filter(\.isFinite).max() ?? 1
    let decimals =
      largest > 0 ? min(8, max(2, 2 - Int(Foundation.log10(largest).rounded(.down)))) : 3
    let interval = confidenceLabel(level, labels.language)
    let columns = [
      ReportColumn(language.text(.contrast), role: .label),
      ReportColumn(column ?? language.text(.ameColumn), role: .estimate, decimals: decimals),
      ReportColumn(language.text(.standardError), role: .standardError, decimals: decimals),
      ReportColumn(language.text(.lower), role: .ciLower, decimals: decimals),
      ReportColumn(language.text(.upper), role: .ciUpper, decimals: decimals),
      ReportColumn("p", role: .pValue),
    ]
    let rows = effects.map { effect -> ReportRow in
      let contrast: String
      if let level = effect.level, let reference = effect.reference {
        contrast =
          "\(labels.levelLabel(variable: effect.variable, code: level)) − \(labels.levelLabel(variable: effect.variable, code: reference))"
      } else {
        contrast = "dy/dx"
      }
      return ReportRow(
        labels: [labels.variableLabel(effect.variable)],
        cells: [
          .text(contrast), finiteCell(effect.estimate * multiplier, .estimate),
          finiteCell(effect.standardError * multiplier, .estimate),
          finiteCell(effect.lower * multiplier, .estimate),
          finiteCell(effect.upper * multiplier, .estimate), finiteCell(effect.pValue, .pValue),
        ])
    }
    let note = customNote ?? language.text(.ameNote(interval: interval))
    return ReportTable(
      title: title, subtitle: subtitle, language: labels.language,
      stubHeaders: [language.text(.variable)],
      columnGroups: [
        [
          HeaderSpan("", span: 3), HeaderSpan(interval, span: 2),
          HeaderSpan("", span: 1),
        ]
      ],
      columns: columns, rows: rows, footnotes: [.note(note)])
  }
}
