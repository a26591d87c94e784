import Foundation
import Microdata
import RegressionModels

extension InteractionEffect {
  /// The effects of the levels of an interaction within the other levels as a publication
  /// table, one row per effect: the combined log odds (β̂ main effect + β̂ interaction), its
  /// standard error from the covariance matrix, the odds ratio with its Wald interval, and p.
  ///
  /// ```
  /// Effekt                                        β̂      Medelfel  Oddskvot  Nedre  Övre   p
  /// Kön: Kvinna, inom gruppen Utrikes född        −1,20   0,10      0,30      0,25   0,37   <0,001
  /// ```
  public static func reportTable(
    _ effects: [InteractionEffect], title: String, labels: TermLabeler
  ) -> ReportTable {
    let language = labels.language
    let level = effects.first?.combination.level ?? 0.95
    let columns = [
      ReportColumn(language.text(.estimate), role: .estimate),
      ReportColumn(language.text(.standardError), role: .standardError),
      ReportColumn(language.text(.oddsRatio), role: .ratio),
      ReportColumn(language.text(.lower), role: .ciLower),
      ReportColumn(language.text(.upper), role: .ciUpper),
      ReportColumn("p", role: .pValue),
    ]
    let rows = effects.map { effect -> ReportRow in
      let within = effect.within.map {
        labels.levelLabel(variable: $0.variable, code: $0.code)
      }.joined(separator: ", ")
      let label = language.text(
        .effectWithin(labels.termLabel(effect.effect), within))
      let c = effect.combination
      let ratio = c.oddsRatio
      let decimals = ratio.map { CoefficientTable.ratioDecimals($0) }
      return ReportRow(
        labels: [label],
        cells: [
          finiteCell(c.estimate, .estimate), finiteCell(c.standardError, .estimate),
          finiteCell(ratio, .ratio, decimals),
          finiteCell(c.oddsRatioInterval?.lowerBound, .ratio, decimals),
          finiteCell(c.oddsRatioInterval?.upperBound, .ratio, decimals),
          finiteCell(c.pValue, .pValue),
        ])
    }
    return ReportTable(
      title: title, language: language, stubHeaders: [language.text(.effect)],
      columnGroups: [
        [
          HeaderSpan("", span: 3), HeaderSpan(confidenceLabel(level, language), span: 2),
          HeaderSpan("", span: 1),
        ]
      ],
      columns: columns, rows: rows,
      footnotes: [.note(language.text(.interactionEffectsNote))])
  }
}
