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
    let sv = l == .sv
    let variables = summary.variables
    let index = SummaryRecordIndex(summary.groups + [summary.total])
    let entries = index.stubEntries(variables, subtotals: false)
    let days = NumberFormat(language: l).string(Double(summary.windowDays), decimals: 0)
    let end = CalendarDay(dayNumber: summary.endDay).description
    let rule =
      summary.index == .first
      ? (sv ? "den första i perioden" : "the first in the period")
      : (sv ? "varje misstankedatum i perioden" : "every suspicion date in the period")
    let level = Self.levelText(options)
    var notes = [
      sv
        ? "Återfall: en ny misstanke inom \(days) dagar efter indexmisstanken (\(rule)). Andel "
          + "bland dem som kan följas hela tiden (uppgifterna räcker till \(end)); "
          + "Kaplan–Meier-skattningen använder även de censurerade. KI: \(level) % (Wilson; för "
          + "Kaplan–Meier Greenwood, log-skala)."
        : "Recidivism: a new suspicion within \(days) days of the index suspicion (\(rule)). "
          + "Share among those followed for the whole window (the data run to \(end)); the "
          + "Kaplan–Meier estimate also uses the censored. CI: \(level) % (Wilson; for "
          + "Kaplan–Meier Greenwood, log scale)."
    ]
    if ([summary.total] + summary.groups).contains(where: \.suppressed) {
      notes.append(TabulationText.suppressionNote(threshold: options.suppressionThreshold, l))
    }
    notes += TabulationText.exclusionNotes(
      missing: summary.excluded.missing, outside: summary.excluded.outside,
      threshold: options.suppressionThreshold, label: options.variableLabel, l)
    self.init(
      title: options.title
        ?? (variables.isEmpty
          ? (sv ? "Återfall inom \(days) dagar" : "Recidivism within \(days) days")
          : (sv
            ? "Återfall inom \(days) dagar efter \(options.joinedLabels(variables))"
            : "Recidivism within \(days) days by \(options.joinedLabels(variables))")),
      subtitle: options.subtitle, language: l,
      stubHeaders: variables.isEmpty
        ? [sv ? "Grupp" : "Group"] : variables.map { options.variableLabel($0) },
      columnGroups: [
        [
          HeaderSpan("", span: 1), HeaderSpan(sv ? "Full uppföljning" : "Full follow-up", span: 5),
          HeaderSpan("Kaplan–Meier", span: 3), HeaderSpan("", span: 1),
        ]
      ],
      columns: [
        ReportColumn(sv ? "Indexmisstankar" : "Index suspicions", role: .count),
        ReportColumn(sv ? "Personer" : "Persons", role: .count),
        ReportColumn(sv ? "Återfall" : "Reoffended", role: .count),
        ReportColumn(sv ? "Andel, %" : "Share, %", role: .percent),
        ReportColumn(TabulationText.lower(l), role: .ciLower),
        ReportColumn(TabulationText.upper(l), role: .ciUpper),
        ReportColumn(sv ? "Kumulativ andel, %" : "Cumulative incidence, %", role: .percent),
        ReportColumn(TabulationText.lower(l), role: .ciLower),
        ReportColumn(TabulationText.upper(l), role: .ciUpper),
        ReportColumn(sv ? "Censurerade" : "Censored", role: .count),
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
    }
  }
}
