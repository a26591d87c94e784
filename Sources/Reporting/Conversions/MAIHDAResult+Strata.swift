import Analysis
import Microdata
import RegressionModels

extension MAIHDAResult {
  /// The scale on which stratum proportions are shown: per 100 000 when the overall proportion
  /// is below 1 % (as Brå publishes rates of suspects), otherwise per cent.
  ///
  /// A Poisson outcome is always a rate per 100 000, a Gaussian one its own scale (a mean).
  public var proportionScale: (factor: Double, kind: NumberKind) {
    if family == .gaussian { return (1, .estimate) }
    if family == .poisson { return (100_000, .rate) }
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
  /// Disclosure control (``MAIHDADisclosure``, `suppress` 0 turns it off): a suppressed
  /// stratum (cases or persons from 1 to `suppress` − 1, or chosen to protect one) shows `..`
  /// in every column but its persons (unless they are small themselves), comes after the
  /// published strata and has no rank, so that neither its position nor a gap in the ranks
  /// brackets its prediction. When model 2 is withheld, its four columns are left out.
  /// A true zero is shown.
  public func strataReportTable(
    title: String, labels: TermLabeler, suppress: Int, subtitle: String? = nil,
    disclosure: MAIHDADisclosure? = nil
  ) -> ReportTable {
    let disclosure =
      disclosure ?? MAIHDADisclosure(self, threshold: suppress, nonCasesArePersons: false)
    let language = labels.language
    let (scale, kind) = proportionScale
    let unit = language.text(
      family == .gaussian ? .stratumMean : kind == .rate ? .per100000 : .sharePercent)
    let level = nullSummary.randomIntercept.level ?? nullSummary.auc?.level ?? 0.95
    let showsCases = family != .gaussian
    func role(_ kind: NumberKind) -> ColumnRole {
      switch kind {
      case .rate: .rate
      case .percent: .percent
      default: .estimate
      }
    }
    // A withheld model 2 (see ``MAIHDADisclosure``) leaves out its four columns rather than
    // fill them with `..`; the note says why.
    let withheld = disclosure.mainEffectsWithheld
    let columns =
      [
        ReportColumn(language.text(.rank), role: .count),
        ReportColumn(language.text(.persons), role: .population),
      ] + (showsCases ? [ReportColumn(language.text(.cases), role: .count)] : []) + [
        ReportColumn(language.text(.observed), role: role(kind)),
        ReportColumn(language.text(.predicted), role: role(kind)),
        ReportColumn(language.text(.lower), role: .ciLower),
        ReportColumn(language.text(.upper), role: .ciUpper),
      ]
      + (withheld
        ? []
        : [
          ReportColumn(language.text(.mainEffects), role: role(kind)),
          ReportColumn("û", role: .estimate),
          ReportColumn(language.text(.lower), role: .ciLower),
          ReportColumn(language.text(.upper), role: .ciUpper),
        ])
    let interaction: Message =
      switch family {
      case .binomial: .interactionLogOdds
      case .poisson: .interactionLogRate
      case .gaussian: .interactionOutcomeScale
      }
    let groups =
      [HeaderSpan("", span: showsCases ? 3 : 2)]
      + (withheld
        ? [HeaderSpan(unit, span: 4)]
        : [HeaderSpan(unit, span: 5), HeaderSpan(language.text(interaction), span: 3)])
    let hidden = disclosure.suppressed
    let published = strata.filter { !hidden.contains($0.index) }
    let suppressed = strata.filter { hidden.contains($0.index) }.sorted { $0.index < $1.index }
    func labelsOfRow(_ stratum: MAIHDAStratum) -> [String] {
      zip(variables, stratum.codes).map { labels.levelLabel(variable: $0, code: $1) }
    }
    var rows = published.enumerated().map { position, stratum -> ReportRow in
      let mainEffects: [ReportCell] =
        withheld
        ? []
        : [
          finiteCell(stratum.mainEffectsPredicted * scale, kind),
          finiteCell(stratum.interaction, .estimate),
          finiteCell(stratum.interactionInterval.lowerBound, .estimate),
          finiteCell(stratum.interactionInterval.upperBound, .estimate),
        ]
      let cells: [ReportCell] =
        [
          .count(hidden.isEmpty ? stratum.rank : position + 1),
          .count(stratum.persons),
        ] + (showsCases ? [.count(stratum.cases)] : []) + [
          finiteCell(stratum.observed * scale, kind),
          finiteCell(stratum.predicted * scale, kind),
          finiteCell(stratum.predictedInterval.lowerBound * scale, kind),
          finiteCell(stratum.predictedInterval.upperBound * scale, kind),
        ] + mainEffects
      return ReportRow(labels: labelsOfRow(stratum), cells: cells)
    }
    rows += suppressed.map { stratum in
      let persons: ReportCell =
        disclosure.personsHidden.contains(stratum.index) ? .suppressed : .count(stratum.persons)
      return ReportRow(
        labels: labelsOfRow(stratum),
        cells: [.missing, persons] + Array(repeating: .suppressed, count: columns.count - 2))
    }
    let interval = confidenceLabel(level, language)
    let strataNote: Message =
      switch family {
      case .binomial: .maihdaStrataNote(interval: interval)
      case .poisson: .maihdaPoissonStrataNote(interval: interval)
      case .gaussian: .maihdaGaussianStrataNote(interval: interval)
      }
    let model2Note = withheld ? "" : " " + language.text(.maihdaStrataModel2Note)
    var notes: [Footnote] = [.note(language.text(strataNote) + model2Note)]
    if !hidden.isEmpty {
      notes.append(.note(language.text(.maihdaSuppressedNote(maximum: suppress - 1))))
    }
    if withheld {
      notes.append(.note(language.text(.maihdaMainEffectsWithheld(maximum: suppress - 1))))
    }
    var table = ReportTable(
      title: title, subtitle: subtitle, language: labels.language,
      stubHeaders: variables.map { labels.variableLabel($0) }, columnGroups: [groups],
      columns: columns, rows: rows, footnotes: notes)
    // A page shows the 10 highest and 10 lowest ranked published strata; files hold all.
    if published.count > 2 * Self.pageStrata {
      table.pageRows = ReportTable.topAndBottom(
        Array(0..<published.count), count: Self.pageStrata)
    }
    return table
  }

  /// The ranked strata a page shows at each end of the stratum table.
  public static let pageStrata = 10

  /// A caterpillar plot of model 1's stratum predictions with their intervals, on the scale of
  /// `proportionScale`, with the overall observed proportion as the reference line.
  ///
  /// Suppressed strata of `disclosure` are not drawn (the chart's note says how many), and
  /// while any is, the reference line (the total of cases over the persons) is not drawn either.
  public func caterpillarPlot(
    title: String, labels: TermLabeler, subtitle: String? = nil, source: String? = nil,
    disclosure: MAIHDADisclosure? = nil
  ) -> CaterpillarPlot {
    let language = labels.language
    let (scale, kind) = proportionScale
    let hidden = disclosure?.suppressed ?? []
    let points = strata.filter { !hidden.contains($0.index) }.map { stratum in
      CaterpillarPoint(
        label: zip(variables, stratum.codes).map { labels.levelLabel(variable: $0, code: $1) }
          .joined(separator: ", "),
        estimate: stratum.predicted * scale, lower: stratum.predictedInterval.lowerBound * scale,
        upper: stratum.predictedInterval.upperBound * scale)
    }
    let persons = strata.reduce(0) { $0 + $1.persons }
    let cases = strata.reduce(0) { $0 + $1.cases }
    let overall =
      family == .gaussian
      ? (persons > 0
        ? strata.reduce(0) { $0 + Double($1.persons) * $1.observed } / Double(persons) : 0)
      : persons > 0 ? Double(cases) / Double(persons) * scale : 0
    let axis = language.text(
      family == .gaussian
        ? .predictedMean : kind == .rate ? .predictedPer100000 : .predictedSharePercent)
    let note =
      hidden.isEmpty ? nil : language.text(.caterpillarSuppressedNote(count: hidden.count))
    return CaterpillarPlot(
      points,
      labels: ChartLabels(
        title: title,
        subtitle: note.map { [subtitle, $0].compactMap { $0 }.joined(separator: ". ") } ?? subtitle,
        source: source, valueAxis: axis),
      options: ChartOptions(language: labels.language, idPrefix: "maihda"),
      reference: hidden.isEmpty ? ReferenceLine(value: overall, label: language.text(.all)) : nil)
  }
}
