import Foundation
import Microdata
import RegressionModels

extension CoefficientTable {
  /// The coefficient table as a publication table: term labels from the codebook, the
  /// estimate β̂, its standard error, z, the odds ratio exp(β̂) with its interval, and p.
  ///
  /// ```
  /// Term              β̂       Std. error   z      OR     Lower   Upper   p
  /// Sex: Man          ref.
  /// Sex: Woman        −1.550   0.040       −38.7   0.21   0.20    0.23    <0.001
  /// ```
  /// Odds ratios and their bounds get two significant digits at least (0.0027, not 0.00).
  /// Without odds ratios (a link other than the logit) the interval is that of β̂. An aliased
  /// coefficient shows "–" with a note. The reference level of a treatment-coded factor (the
  /// one its main-effect terms carry) gets a "ref." row just before the factor's first
  /// main-effect coefficient, as Stata's `base` rows and most published regression tables do.
  /// - Parameters:
  ///   - title: the table's title.
  ///   - labels: term labels in the table's language.
  ///   - footnotes: further notes (e.g. the fit statistics) put before the interval note.
  ///   - separated: terms of a separated or boundary fit (``GLMFit/separatedTerms``), shown as
  ///     "–" in every cell with a note saying why.
  ///   - ratioHeader: the header of the exp(β̂) column (default: the odds ratio's; the rate
  ///     ratio's for a log-linear model).
  public func reportTable(
    title: String, labels: TermLabeler, subtitle: String? = nil, footnotes: [Footnote] = [],
    separated: Set<ModelTerm> = [], ratioHeader: String? = nil
  ) -> ReportTable {
    let language = labels.language
    let ratios = rows.contains { $0.oddsRatio != nil }
    var columns = [
      ReportColumn(language.text(.estimate), role: .estimate),
      ReportColumn(language.text(.standardError), role: .standardError),
      ReportColumn("z", role: .statistic, decimals: 2),
    ]
    if ratios {
      columns.append(ReportColumn(ratioHeader ?? language.text(.oddsRatio), role: .ratio))
    }
    columns += [
      ReportColumn(language.text(.lower), role: .ciLower),
      ReportColumn(language.text(.upper), role: .ciUpper),
      ReportColumn("p", role: .pValue),
    ]
    let intervalHeader = confidenceLabel(level, labels.language)
    let groups = [
      HeaderSpan("", span: ratios ? 4 : 3), HeaderSpan(intervalHeader, span: 2),
      HeaderSpan("", span: 1),
    ]
    var notes = footnotes
    let aliasedMarker = "a"
    var usesAliased = false
    let separatedMarker = "b"
    var usesSeparated = false
    var referenced: Set<String> = []
    var body: [ReportRow] = []
    for row in rows {
      if case .level(let level) = row.modelTerm.kind, let reference = level.reference,
        referenced.insert(level.variable).inserted
      {
        let label = labels.levelLabel(
          ModelTerm.FactorLevel(variable: level.variable, code: reference, reference: reference))
        body.append(
          ReportRow(
            labels: [label],
            cells: [.text("ref.")] + Array(repeating: .missing, count: columns.count - 1)))
      }
      let label = labels.termLabel(row.modelTerm)
      guard let estimate = row.estimate, let se = row.standardError else {
        usesAliased = true
        body.append(
          ReportRow(
            labels: [label],
            cells: [ReportCell.text("–").noted(aliasedMarker)]
              + Array(repeating: .missing, count: columns.count - 1)))
        continue
      }
      if separated.contains(row.modelTerm) {
        usesSeparated = true
        body.append(
          ReportRow(
            labels: [label],
            cells: [ReportCell.text("–").noted(separatedMarker)]
              + Array(repeating: .text("–"), count: columns.count - 1)))
        continue
      }
      var cells: [ReportCell] = [
        .estimate(estimate), .estimate(se), finiteCell(row.statistic, .estimate),
      ]
      if ratios, let ratio = row.oddsRatio {
        let decimals = Self.ratioDecimals(ratio)
        let interval = row.oddsRatioInterval
        cells += [
          .ratio(ratio, decimals: decimals), finiteCell(interval?.lower, .ratio, decimals),
          finiteCell(interval?.upper, .ratio, decimals),
        ]
      } else if ratios {
        cells += [.missing, .missing, .missing]
      } else {
        cells += [finiteCell(row.lower, .estimate), finiteCell(row.upper, .estimate)]
      }
      cells.append(finiteCell(row.pValue, .pValue))
      body.append(ReportRow(labels: [label], cells: cells))
    }
    if usesAliased {
      notes.append(
        .note(language.text(.aliasedNote), marker: aliasedMarker))
    }
    if usesSeparated {
      notes.append(.note(language.text(.separatedEstimateNote), marker: separatedMarker))
    }
    notes.append(.note(intervalNote(language)))
    return ReportTable(
      title: title, subtitle: subtitle, language: labels.language,
      stubHeaders: [language.text(.term)], columnGroups: [groups], columns: columns, rows: body,
      footnotes: notes)
  }

  /// Rows of a forest plot of the odds ratios (the intercept left out): label, OR, interval.
  /// Aliased terms, and the `separated` terms of a separated or boundary fit, are listed with
  /// NaN, which the plot shows as "–".
  public func forestRows(labels: TermLabeler, separated: Set<ModelTerm> = []) -> [ForestRow] {
    rows.filter { $0.modelTerm.kind != .intercept }.map { row in
      if separated.contains(row.modelTerm) {
        return ForestRow(
          term: labels.termLabel(row.modelTerm), estimate: .nan, lower: .nan, upper: .nan)
      }
      let interval = row.oddsRatioInterval
      return ForestRow(
        term: labels.termLabel(row.modelTerm), estimate: row.oddsRatio ?? .nan,
        lower: interval?.lower ?? .nan, upper: interval?.upper ?? .nan)
    }
  }

  /// How the intervals and standard errors were computed, as a sentence.
  private func intervalNote(_ language: Language) -> String {
    let label = confidenceLabel(level, language)
    let method = intervals == .profile ? language.text(.profileLikelihood) : "Wald"
    var text = language.text(.confidenceIntervalsNote(interval: label, method: method))
    switch covariance {
    case .model: break
    case .hc0, .hc1:
      text += " " + language.text(.robustStandardErrors(kind: covariance.rawValue.uppercased()))
    case .cluster:
      text += " " + language.text(.clusterRobustStandardErrors)
    }
    return text
  }

  /// Decimals that show a ratio with at least two significant digits (2 for ratios ≥ 0.1).
  static func ratioDecimals(_ ratio: Double) -> Int {
    guard ratio.isFinite, ratio > 0, ratio < 0.1 else { return 2 }
    return min(8, 1 - Int(Foundation.log10(ratio).rounded(.down)))
  }
}

/// A number cell, or an empty cell for a missing or non-finite value.
func finiteCell(_ value: Double?, _ kind: NumberKind, _ decimals: Int? = nil) -> ReportCell {
  guard let value, value.isFinite else { return .missing }
  return .number(value, kind: kind, decimals: decimals)
}
