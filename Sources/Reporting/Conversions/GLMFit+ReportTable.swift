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
    let sv = language == .sv
    let test = likelihoodRatioTestAgainstNull
    func value(_ x: Double) -> String { format.string(x, kind: .estimate, decimals: 1) }
    let p = format.string(test.pValue, kind: .pValue)
    let pText = p.hasPrefix("<") ? "p \(p.replacingOccurrences(of: "<", with: "< "))" : "p = \(p)"
    let n = format.string(Double(observationCount), kind: .count)
    let text =
      sv
      ? "n = \(n); devians \(value(deviance)); AIC \(value(aic)); BIC \(value(bic)); LR-test mot nollmodellen: χ²(\(test.degreesOfFreedom)) = \(value(test.statistic)), \(pText)."
      : "n = \(n); deviance \(value(deviance)); AIC \(value(aic)); BIC \(value(bic)); LR test against the null model: χ²(\(test.degreesOfFreedom)) = \(value(test.statistic)), \(pText)."
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
  public static func reportTable(
    _ effects: [MarginalEffect], title: String, labels: TermLabeler, level: Double,
    subtitle: String? = nil
  ) -> ReportTable {
    let sv = labels.language == .sv
    let largest = effects.map { abs($0.estimate * 100) }.filter(\.isFinite).max() ?? 1
    let decimals =
      largest > 0 ? min(8, max(2, 2 - Int(Foundation.log10(largest).rounded(.down)))) : 3
    let interval = confidenceLabel(level, labels.language)
    let columns = [
      ReportColumn(sv ? "Kontrast" : "Contrast", role: .label),
      ReportColumn(
        sv ? "AME, procentenheter" : "AME, percentage points", role: .estimate, decimals: decimals),
      ReportColumn(sv ? "Medelfel" : "Std. error", role: .standardError, decimals: decimals),
      ReportColumn(sv ? "Nedre" : "Lower", role: .ciLower, decimals: decimals),
      ReportColumn(sv ? "Övre" : "Upper", role: .ciUpper, decimals: decimals),
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
          .text(contrast), finiteCell(effect.estimate * 100, .estimate),
          finiteCell(effect.standardError * 100, .estimate),
          finiteCell(effect.lower * 100, .estimate),
          finiteCell(effect.upper * 100, .estimate), finiteCell(effect.pValue, .pValue),
        ])
    }
    let note =
      sv
      ? "Genomsnittliga marginaleffekter på sannolikheten i procentenheter; en faktornivå jämförs med referensnivån. Deltametodens medelfel; Wald-intervall (\(interval))."
      : "Average marginal effects on the probability in percentage points; a factor level is compared with the reference level. Delta-method standard errors; Wald intervals (\(interval))."
    return ReportTable(
      title: title, subtitle: subtitle, language: labels.language,
      stubHeaders: [sv ? "Variabel" : "Variable"],
      columnGroups: [
        [
          HeaderSpan("", span: 3), HeaderSpan(interval, span: 2),
          HeaderSpan("", span: 1),
        ]
      ],
      columns: columns, rows: rows, footnotes: [.note(note)])
  }
}
