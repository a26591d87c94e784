import Microdata
import Tabulation

extension ReportTable {
  /// Repeat offending as a table, one row per group (with a subtotal after each outer level
  /// and the total last): the suspects, those with at least the minimum number of suspicions,
  /// their share in per cent and its Wilson interval. Suppressed groups are `..`.
  public init(repeatOffending summary: RepeatOffendingSummary, options: TabulationReportOptions) {
    let l = options.language
    let index = SummaryRecordIndex(summary.groups + summary.margins + [summary.total])
    let variables = summary.variables
    let entries = index.stubEntries(variables, subtotals: true)
    let minimum = summary.minimumSuspicions
    var notes = [l.text(.repeatNote(minimum: minimum, level: Self.levelText(options)))]
    let threshold = options.suppressionThreshold
    if ([summary.total] + summary.groups + summary.margins).contains(where: \.suppressed) {
      notes.append(TabulationText.suppressionNote(threshold: threshold, l))
    }
    notes += TabulationText.exclusionNotes(
      missing: summary.excluded.missing, outside: summary.excluded.outside, threshold: threshold,
      label: options.variableLabel, l)
    self.init(
      title: options.title
        ?? l.text(
          variables.isEmpty
            ? .repeatSuspects : .repeatSuspectsBy(variables: options.joinedLabels(variables))),
      subtitle: options.subtitle, language: l,
      stubHeaders: variables.isEmpty
        ? [l.text(.group)] : variables.map { options.variableLabel($0) },
      columns: [
        ReportColumn(l.text(.suspects), role: .count),
        ReportColumn(l.text(.repeatSuspects), role: .count),
        ReportColumn(l.text(.sharePercent), role: .percent),
        ReportColumn(TabulationText.lower(l), role: .ciLower),
        ReportColumn(TabulationText.upper(l), role: .ciUpper),
      ],
      footnotes: options.footnotes(notes))
    for entry in entries {
      let record = index.record(rows: variables, entry)
      let labels =
        variables.isEmpty ? [TabulationText.total(l)] : entry.labels(variables, options: options)
      let cells = Self.shareCells(
        record, total: record?.persons, successes: record?.repeaters, share: record?.share,
        interval: record?.shareCI)
      try? appendRow(labels, cells, isTotal: entry.isTotal)
      if !variables.isEmpty {
        rows[rows.count - 1].codes = StubEntry.padded(entry.codes, to: variables.count)
      }
    }
    if !variables.isEmpty { stubVariables = variables }
  }

  /// Persons, those with the outcome, the share in per cent and its interval; `..` for a
  /// suppressed record.
  static func shareCells(
    _ record: SummaryRecord?, total: Int?, successes: Int?, share: Double?, interval: Interval?
  ) -> [ReportCell] {
    guard let record else { return Array(repeating: .missing, count: 5) }
    if record.suppressed { return Array(repeating: .suppressed, count: 5) }
    return [
      cell(total.map(Double.init), .count), cell(successes.map(Double.init), .count),
      percentCell(share), percentCell(interval?.lower), percentCell(interval?.upper),
    ]
  }

  /// A proportion as a percentage cell. A proportion within 10⁻⁹ of 0 or 1 is taken as exactly
  /// 0 or 1: such a difference is rounding error (e.g. `1 − S` of an interval capped at 1), and
  /// shown as `0,0` it would claim a value above zero.
  static func percentCell(_ proportion: Double?) -> ReportCell {
    guard var p = proportion, p.isFinite else { return .missing }
    if abs(p) < 1e-9 { p = 0 }
    if abs(p - 1) < 1e-9 { p = 1 }
    return .percent(100 * p)
  }
}
