import Analysis
import Foundation
import Microdata
import RegressionModels

extension MAIHDAResult {
  /// The measures of both MAIHDA models side by side, each with its interval:
  ///
  /// ```
  ///                         Model 1 (null)             Model 2 (main effects)
  /// Measure                 Estimate  Lower   Upper    Estimate  Lower   Upper
  /// Between-stratum σ²      0.812     0.55    1.26     0.121     0.07    0.21
  /// VPC, %                  19.8      …
  /// MOR                     2.36      …
  /// PCV, %                                             85.1
  /// AUC                     0.741     0.73    0.75     0.745     …
  /// AUC, main effects only                             0.733     …
  /// ```
  /// σ², VPC and MOR have profile-likelihood intervals, the AUC DeLong's.
  ///
  /// Under a `disclosure` with suppressed strata the AUCs and the total of cases are `..`
  /// (each is an exact function of every stratum's cases); a withheld model 2 leaves out its
  /// columns and the rows only it has (PCV, AUC of the main effects).
  public func summaryReportTable(
    title: String, language: Language, subtitle: String? = nil,
    disclosure: MAIHDADisclosure? = nil
  )
    -> ReportTable
  {
    let casesWithheld = disclosure?.totalCasesWithheld ?? false
    let mainWithheld = disclosure?.mainEffectsWithheld ?? false
    let level = nullSummary.randomIntercept.level ?? nullSummary.auc?.level ?? 0.95
    // A withheld model 2 leaves out its columns (and the rows only it has), rather than fill
    // them with `..`; the note says why.
    let columns = (0..<(mainWithheld ? 1 : 2)).flatMap { _ in
      [
        ReportColumn(language.text(.estimate), role: .estimate),
        ReportColumn(language.text(.lower), role: .ciLower),
        ReportColumn(language.text(.upper), role: .ciUpper),
      ]
    }
    let groups =
      [HeaderSpan(language.text(.maihdaNullModel), span: 3)]
      + (mainWithheld ? [] : [HeaderSpan(language.text(.maihdaMainEffectsModel), span: 3)])
    func triple(
      _ value: Double?, _ interval: ClosedRange<Double>?, _ kind: NumberKind, scale: Double = 1
    )
      -> [ReportCell]
    {
      guard let value else { return [.missing, .missing, .missing] }
      return [
        finiteCell(value * scale, kind), finiteCell(interval.map { $0.lowerBound * scale }, kind),
        finiteCell(interval.map { $0.upperBound * scale }, kind),
      ]
    }
    let null = nullSummary.randomIntercept
    let main = mainEffectsSummary.randomIntercept
    var rows: [(String, [ReportCell])] = [
      (
        language.text(.betweenStratumVariance),
        triple(null.variance, null.varianceInterval, .estimate)
          + triple(main.variance, main.varianceInterval, .estimate)
      ),
      (
        "VPC, %",
        triple(null.vpc, null.vpcInterval, .percent, scale: 100)
          + triple(main.vpc, main.vpcInterval, .percent, scale: 100)
      ),
      (
        language.text(family == .poisson ? .medianRateRatio : .medianOddsRatio),
        triple(null.medianOddsRatio, null.medianOddsRatioInterval, .ratio)
          + triple(main.medianOddsRatio, main.medianOddsRatioInterval, .ratio)
      ),
      ("PCV, %", triple(nil, nil, .percent) + triple(pcv, nil, .percent, scale: 100)),
      (
        "AUC",
        triple(nullSummary.auc?.auc, nullSummary.auc?.interval, .estimate)
          + triple(mainEffectsSummary.auc?.auc, mainEffectsSummary.auc?.interval, .estimate)
      ),
      (
        language.text(.aucMainEffectsOnly),
        triple(nil, nil, .estimate)
          + triple(mainEffectsFixedPartAUC?.auc, mainEffectsFixedPartAUC?.interval, .estimate)
      ),
    ]
    if casesWithheld {
      for k in [4, 5] {
        rows[k].1 = rows[k].1.map { $0.content == .missing ? $0 : .suppressed }
      }
    }
    // A Gaussian model has a residual variance and neither MOR nor AUC; a Poisson model of
    // event counts no AUC.
    if family == .gaussian {
      rows[2] = (
        language.text(.withinStratumVariance),
        triple(null.residualVariance, nil, .estimate)
          + triple(main.residualVariance, nil, .estimate)
      )
    }
    if nullSummary.auc == nil { rows.removeSubrange(4...5) }
    if mainWithheld {
      rows = rows.map { ($0.0, Array($0.1.prefix(3))) }
        .filter { !$0.1.allSatisfy { $0.content == .missing } }
    }
    let persons = strata.reduce(0) { $0 + $1.persons }
    let cases = strata.reduce(0) { $0 + $1.cases }
    let format = NumberFormat(language: language)
    let casesShown = !casesWithheld && family != .gaussian
    let personsWithheld = disclosure?.totalPersonsWithheld ?? false
    let strataText = format.string(Double(strata.count), kind: .count)
    let personsText = personsWithheld ? ".." : format.string(Double(persons), kind: .count)
    let counts: Message =
      switch (casesShown, personsWithheld) {
      case (false, true): .maihdaStrataCount(strata: strataText)
      case (false, false): .maihdaCountsWithoutCases(strata: strataText, persons: personsText)
      case (true, _):
        .maihdaCounts(
          strata: strataText, persons: personsText,
          cases: format.string(Double(cases), kind: .count))
      }
    let methodText: String
    switch method {
    case .laplace: methodText = language.text(.laplaceApproximation)
    case .adaptiveGaussHermite: methodText = language.text(.adaptiveQuadrature(nodes: nAGQ))
    case .reml: methodText = language.text(.remlEstimation)
    case .ml: methodText = language.text(.mlEstimation)
    }
    let interval = confidenceLabel(level, language)
    let aucShown = nullSummary.auc != nil && !casesWithheld
    var note: String
    switch family {
    case .binomial:
      note = language.text(
        .maihdaSummaryNote(
          method: methodText, interval: interval, bothModels: !mainWithheld, auc: aucShown))
    case .poisson:
      note = language.text(
        .maihdaPoissonSummaryNote(
          method: methodText, interval: interval, bothModels: !mainWithheld, auc: aucShown))
    case .gaussian:
      note = language.text(
        .maihdaGaussianSummaryNote(method: methodText, bothModels: !mainWithheld))
    }
    if !covariates.isEmpty {
      let names = mainEffectsModel.modelTerms.filter { covariates.contains($0.name) }
        .compactMap { $0.factorLevels.first?.variable }
      var unique: [String] = []
      for name in names where !unique.contains(name) { unique.append(name) }
      note += " " + language.text(.maihdaCovariatesNote(unique.joined(separator: ", ")))
    }
    return ReportTable(
      title: title, subtitle: subtitle, language: language,
      stubHeaders: [language.text(.measure)], columnGroups: [groups], columns: columns,
      rows: rows.map { ReportRow(labels: [$0.0], cells: $0.1) },
      footnotes: [.note(language.text(counts)), .note(note)]
        + (casesWithheld && family != .gaussian
          ? [.note(language.text(.maihdaMeasuresWithheld))] : [])
        + (mainWithheld
          ? [.note(language.text(.maihdaMainEffectsWithheld(maximum: disclosure!.threshold - 1)))]
          : []))
  }

  /// The fixed effects of model 2 (the additive main effects of the stratifying variables) as
  /// odds ratios with their Wald intervals.
  /// When `disclosure` withholds model 2, every cell is `..` and a note says why (a publication
  /// leaves such a table out).
  public func mainEffectsReportTable(
    title: String, labels: TermLabeler, disclosure: MAIHDADisclosure? = nil
  ) -> ReportTable {
    let withheld = disclosure?.mainEffectsWithheld ?? false
    let language = labels.language
    let coefficients = mainEffectsSummary.coefficients
    let level = coefficients.first?.level ?? 0.95
    let ratioHeader: Message =
      switch family {
      case .binomial: .oddsRatio
      case .poisson: .rateRatio
      case .gaussian: .difference
      }
    let columns = [
      ReportColumn(language.text(.estimate), role: .estimate),
      ReportColumn(language.text(.standardError), role: .standardError),
      ReportColumn(language.text(ratioHeader), role: family == .gaussian ? .estimate : .ratio),
      ReportColumn(language.text(.lower), role: .ciLower),
      ReportColumn(language.text(.upper), role: .ciUpper),
      ReportColumn("p", role: .pValue),
    ]
    let mainEffectsNote: Message =
      switch family {
      case .binomial: .maihdaMainEffectsNote
      case .poisson: .maihdaPoissonMainEffectsNote
      case .gaussian: .maihdaGaussianMainEffectsNote
      }
    let separatedMarker = "b"
    let usesSeparated = !withheld && coefficients.contains { $0.separation }
    let rows = coefficients.map { c in
      let decimals = CoefficientTable.ratioDecimals(c.oddsRatio)
      if withheld {
        return ReportRow(
          labels: [labels.termLabel(c.modelTerm)], cells: Array(repeating: .suppressed, count: 6))
      }
      if c.separation {
        return ReportRow(
          labels: [labels.termLabel(c.modelTerm)],
          cells: [ReportCell.text("–").noted(separatedMarker)]
            + Array(repeating: .text("–"), count: 5))
      }
      if family == .gaussian {
        return ReportRow(
          labels: [labels.termLabel(c.modelTerm)],
          cells: [
            finiteCell(c.estimate, .estimate), finiteCell(c.standardError, .estimate),
            finiteCell(c.estimate, .estimate),
            finiteCell(c.estimateInterval.lowerBound, .estimate),
            finiteCell(c.estimateInterval.upperBound, .estimate), finiteCell(c.pValue, .pValue),
          ])
      }
      return ReportRow(
        labels: [labels.termLabel(c.modelTerm)],
        cells: [
          finiteCell(c.estimate, .estimate), finiteCell(c.standardError, .estimate),
          finiteCell(c.oddsRatio, .ratio, decimals),
          finiteCell(c.oddsRatioInterval.lowerBound, .ratio, decimals),
          finiteCell(c.oddsRatioInterval.upperBound, .ratio, decimals),
          finiteCell(c.pValue, .pValue),
        ])
    }
    return ReportTable(
      title: title, language: labels.language, stubHeaders: [language.text(.term)],
      columnGroups: [
        [
          HeaderSpan("", span: 3), HeaderSpan(confidenceLabel(level, labels.language), span: 2),
          HeaderSpan("", span: 1),
        ]
      ],
      columns: columns, rows: rows,
      footnotes: [.note(language.text(mainEffectsNote))]
        + (usesSeparated
          ? [.note(language.text(.separatedEstimateNote), marker: separatedMarker)] : [])
        + (withheld
          ? [.note(language.text(.maihdaMainEffectsWithheld(maximum: disclosure!.threshold - 1)))]
          : []))
  }
}

/// "95 % KI" / "95% CI".
func confidenceLabel(_ level: Double, _ language: Language) -> String {
  let percent = level * 100
  let text = NumberFormat(language: language).string(
    percent, decimals: percent == percent.rounded() ? 0 : 1)
  return language.text(.confidenceLabel(percent: text))
}
