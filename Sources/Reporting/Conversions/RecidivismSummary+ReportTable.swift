import Microdata
import Tabulation

extension ReportTable {
  /// Recidivism as a table, one row per group and the total: the index suspicions, those
  /// followed for the whole window (persons, with the first-suspicion rule), the recidivists
  /// among them with the share in per cent and its Wilson interval, the Kaplan–Meier
  /// cumulative incidence at the window in per cent with its interval, and the index suspicions
  /// censored before the window ends. Suppressed groups are `..`.
  public init(recidivism summary: RecidivismSummary, options: TabulationReportOptions) {
    let l = options.language
    let variables = summary.variables
    let index = SummaryRecordIndex(summary.groups + [summary.total])
    let entries = index.stubEntries(variables, subtotals: false)
    let days = NumberFormat(language: l).string(Double(summary.windowDays), decimals: 0)
    let end = CalendarDay(dayNumber: summary.endDay).description
    let rule = l.text(summary.index == .first ? .recidivismFirstIndex : .recidivismEveryIndex)
    let level = Self.levelText(options)
    var notes = [l.text(.recidivismNote(days: days, rule: rule, end: end, level: level))]
    if ([summary.total] + summary.groups).contains(where: \.suppressed) {
      notes.append(TabulationText.suppressionNote(threshold: options.suppressionThreshold, l))
    }
    notes += TabulationText.exclusionNotes(
      missing: summary.excluded.missing, outside: summary.excluded.outside,
      threshold: options.suppressionThreshold, label: options.variableLabel, l)
    self.init(
      title: options.title
        ?? l.text(
          variables.isEmpty
            ? .recidivismTitle(days: days)
            : .recidivismTitleBy(days: days, variables: options.joinedLabels(variables))),
      subtitle: options.subtitle, language: l,
      stubHeaders: variables.isEmpty
        ? [l.text(.group)] : variables.map { options.variableLabel($0) },
      columnGroups: [
        [
          HeaderSpan("", span: 1), HeaderSpan(l.text(.fullFollowUp), span: 5),
          HeaderSpan("Kaplan–Meier", span: 3), HeaderSpan("", span: 1),
        ]
      ],
      columns: [
        ReportColumn(l.text(.indexSuspicions), role: .count),
        ReportColumn(l.text(.persons), role: .count),
        ReportColumn(l.text(.reoffended), role: .count),
        ReportColumn(l.text(.sharePercent), role: .percent),
        ReportColumn(TabulationText.lower(l), role: .ciLower),
        ReportColumn(TabulationText.upper(l), role: .ciUpper),
        ReportColumn(l.text(.cumulativeIncidence), role: .percent),
        ReportColumn(TabulationText.lower(l), role: .ciLower),
        ReportColumn(TabulationText.upper(l), role: .ciUpper),
        ReportColumn(l.text(.censored), role: .count),
      ],
      footnotes: options.footnotes(notes))
    for entry in entries {
      let record = index.record(rows: variables, entry)
      let labels =
        variables.isEmpty ? [TabulationText.total(l)] : entry.labels(variables, options: options)
      var cells: [ReportCell]
      if let record, record.suppressed {
        cells = Array(repeating: .suppressed, count: 10)
      } else {
        cells = [Self.cell(record?.indexEvents.map(Double.init), .count)]
        cells += Self.shareCells(
          record, total: record?.persons, successes: record?.recidivists, share: record?.rate,
          interval: record?.rateCI)
        cells += [
          Self.percentCell(record?.km), Self.percentCell(record?.kmCI?.lower),
          Self.percentCell(record?.kmCI?.upper),
          Self.cell(record?.censored.map(Double.init), .count),
        ]
      }
      try? appendRow(labels, cells, isTotal: entry.isTotal)
      if !variables.isEmpty {
        rows[rows.count - 1].codes = StubEntry.padded(entry.codes, to: variables.count)
      }
    }
    if !variables.isEmpty { stubVariables = variables }
  }
}
