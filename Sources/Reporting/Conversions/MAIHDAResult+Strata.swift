import Microdata
import RegressionModels

extension MAIHDAResult {
  /// The scale on which stratum proportions are shown: per 100 000 when the overall proportion
  /// is below 1 % (as Brå publishes rates of suspects), otherwise per cent.
  public var proportionScale: (factor: Double, kind: NumberKind) {
    let persons = strata.reduce(0) { $0 + $1.persons }
    let cases = strata.reduce(0) { $0 + $1.cases }
    let overall = persons > 0 ? Double(cases) / Double(persons) : 0
    return overall < 0.01 ? (100_000, .rate) : (100, .percent)
  }

  /// The strata ranked by model 1's prediction, with disclosure control:
  ///
  /// ```
  /// Kön     Ålder      Födelse   Rank  Persons  Cases  Observed  Predicted  …  û     …
  /// Man     18–24 år   Utrikes   1     10 234   60     586.3     571.2      …  0.21  …
  /// Kvinna  65+ år     Inrikes   112   41 003   ..     ..        2.1        …  −0.4  …
  /// ```
  /// Persons and cases from 1 to `suppress` − 1 are shown as `..`, and so is the observed
  /// proportion of such a stratum (it would reveal the count); a true zero is shown. The
  /// predictions are model-based and always shown. `suppress` 0 turns suppression off.
  public func strataReportTable(
    title: String, labels: TermLabeler, suppress: Int, subtitle: String? = nil
  ) -> ReportTable {
    let language = labels.language
    let (scale, kind) = proportionScale
    let unit = language.text(kind == .rate ? .per100000 : .sharePercent)
    let level = nullSummary.auc.level
    let columns = [
      ReportColumn(language.text(.rank), role: .count),
      ReportColumn(language.text(.persons), role: .population),
      ReportColumn(language.text(.cases), role: .count),
      ReportColumn(language.text(.observed), role: kind == .rate ? .rate : .percent),
      ReportColumn(language.text(.predicted), role: kind == .rate ? .rate : .percent),
      ReportColumn(language.text(.lower), role: .ciLower),
      ReportColumn(language.text(.upper), role: .ciUpper),
      ReportColumn(language.text(.mainEffects), role: kind == .rate ? .rate : .percent),
      ReportColumn("û", role: .estimate),
      ReportColumn(language.text(.lower), role: .ciLower),
      ReportColumn(language.text(.upper), role: .ciUpper),
    ]
    let groups = [
      HeaderSpan("", span: 3), HeaderSpan(unit, span: 5),
      HeaderSpan(language.text(.interactionLogOdds), span: 3),
    ]
    func small(_ count: Int) -> Bool { suppress > 0 && count > 0 && count < suppress }
    var anySuppressed = false
    let rows = strata.map { stratum -> ReportRow in
      let hidePersons = small(stratum.persons)
      let hideCases = small(stratum.cases) || hidePersons
      anySuppressed = anySuppressed || hideCases
      let cells: [ReportCell] = [
        .count(stratum.rank),
        hidePersons ? .suppressed : .count(stratum.persons),
        hideCases ? .suppressed : .count(stratum.cases),
        hideCases ? .suppressed : finiteCell(stratum.observed * scale, kind),
        finiteCell(stratum.predicted * scale, kind),
        finiteCell(stratum.predictedInterval.lowerBound * scale, kind),
        finiteCell(stratum.predictedInterval.upperBound * scale, kind),
        finiteCell(stratum.mainEffectsPredicted * scale, kind),
        finiteCell(stratum.interaction, .estimate),
        finiteCell(stratum.interactionInterval.lowerBound, .estimate),
        finiteCell(stratum.interactionInterval.upperBound, .estimate),
      ]
      let labelsOfRow = zip(variables, stratum.codes).map {
        labels.levelLabel(variable: $0, code: $1)
      }
      return ReportRow(labels: labelsOfRow, cells: cells)
    }
    var notes: [Footnote] = [
      .note(language.text(.maihdaStrataNote(interval: confidenceLabel(level, language))))
    ]
    if anySuppressed {
      notes.append(.note(language.text(.maihdaSuppressedNote(maximum: suppress - 1))))
    }
    return ReportTable(
      title: title, subtitle: subtitle, language: labels.language,
      stubHeaders: variables.map { labels.variableLabel($0) }, columnGroups: [groups],
      columns: columns, rows: rows, footnotes: notes)
  }

  /// A caterpillar plot of model 1's stratum predictions with their intervals, on the scale of
  /// `proportionScale`, with the overall observed proportion as the reference line.
  public func caterpillarPlot(
    title: String, labels: TermLabeler, subtitle: String? = nil, source: String? = nil
  ) -> CaterpillarPlot {
    let language = labels.language
    let (scale, kind) = proportionScale
    let points = strata.map { stratum in
      CaterpillarPoint(
        label: zip(variables, stratum.codes).map { labels.levelLabel(variable: $0, code: $1) }
          .joined(separator: ", "),
        estimate: stratum.predicted * scale, lower: stratum.predictedInterval.lowerBound * scale,
        upper: stratum.predictedInterval.upperBound * scale)
    }
    let persons = strata.reduce(0) { $0 + $1.persons }
    let cases = strata.reduce(0) { $0 + $1.cases }
    let overall = persons > 0 ? Double(cases) / Double(persons) * scale : 0
    let axis = language.text(kind == .rate ? .predictedPer100000 : .predictedSharePercent)
    return CaterpillarPlot(
      points,
      labels: ChartLabels(title: title, subtitle: subtitle, source: source, valueAxis: axis),
      options: ChartOptions(language: labels.language, idPrefix: "maihda"),
      reference: ReferenceLine(value: overall, label: language.text(.all)))
  }
}
