import Microdata
import Tabulation

extension ReportTable {
  /// A cross-tabulation as a publication table, in its two-dimensional layout: the row
  /// variables nested in the stub (with a subtotal after each outer level and the total last),
  /// the column variables nested in spanning headers (with a total column), and under each
  /// column combination the figures the summary holds:
  ///
  /// ```
  ///                      Inrikes född                         Utrikes född            Totalt
  /// Kön      Antal Befolkning Per 100 000 KI nedre KI övre   Antal …                  Antal …
  /// Man        812    612 345       132,6    123,7   142,0     …
  /// Kvinna      ..         ..          ..       ..      ..     …
  /// Totalt   1 326 …
  /// ```
  ///
  /// The count is always shown; the percentage when the summary has one (`percentBase`); the
  /// population, the rate and its interval when it has rates (`per`). With a count alone the
  /// innermost column variable's levels are the leaf columns. A suppressed entry is `..` in
  /// every one of its columns: the table shows exactly what the summary publishes. Footnotes
  /// explain percentages, rates, weights, suppression and excluded rows (a count below the
  /// suppression threshold is written "färre än 5" there too), then the source.
  ///
  /// - Throws: `ReportingError` when the table would be malformed (it never is for a summary
  ///   of a table).
  public init(crossTab summary: CrossTabSummary, options: TabulationReportOptions)
    throws(ReportingError)
  {
    let l = options.language
    let index = SummaryRecordIndex(summary.cells + summary.margins + [summary.total])
    let measures = CrossTabMeasure.measures(of: summary)
    let rowEntries = index.stubEntries(summary.rows, subtotals: true)
    let columnEntries =
      summary.cols.isEmpty
      ? [StubEntry(codes: [], isTotal: false)] : index.stubEntries(summary.cols, subtotals: false)
    let layout = CrossTabColumnLayout(
      cols: summary.cols, entries: columnEntries, measures: measures, summary: summary,
      options: options)

    self.init(
      title: options.title ?? Self.crossTabTitle(summary, options: options),
      subtitle: options.subtitle, language: l,
      stubHeaders: summary.rows.map { options.variableLabel($0) },
      columnGroups: layout.groups, columns: layout.columns,
      footnotes: options.footnotes(Self.crossTabNotes(summary, options: options)))
    // The codes behind the labels, for the long layout and tidy exports.
    stubVariables = summary.rows
    if !summary.cols.isEmpty {
      columnVariables = summary.cols
      columnVariableHeaders = summary.cols.map { options.variableLabel($0) }
      columnKeys = columnEntries.flatMap { entry in
        let labels = entry.labels(summary.cols, options: options, fallback: summary.labels)
        return measures.map { measure in
          ColumnKey(
            codes: StubEntry.padded(entry.codes, to: summary.cols.count),
            labels: labels.map { $0.isEmpty ? TabulationText.total(l) : $0 },
            measure: measure.column(summary, l))
        }
      }
    }
    for rowEntry in rowEntries {
      var cells: [ReportCell] = []
      for columnEntry in columnEntries {
        let record = index.record(
          rows: summary.rows, rowEntry, cols: summary.cols, columnEntry)
        cells += measures.map { $0.cell(record) }
      }
      try appendRow(
        rowEntry.labels(summary.rows, options: options, fallback: summary.labels), cells,
        isTotal: rowEntry.isTotal)
      rows[rows.count - 1].codes = StubEntry.padded(rowEntry.codes, to: summary.rows.count)
    }
  }

  /// "Antal efter kön och födelse" / "Count and rate per 100 000 by sex and birth".
  static func crossTabTitle(_ summary: CrossTabSummary, options: TabulationReportOptions)
    -> String
  {
    let l = options.language
    let variables = options.joinedLabels(summary.rows + summary.cols)
    if let per = summary.per {
      let perText = NumberFormat(language: l).string(per, decimals: 0)
      return l.text(.crossTabRateTitle(per: perText, variables: variables))
    }
    return l.text(.countBy(variables: variables))
  }

  /// The standard notes of a cross-tabulation.
  static func crossTabNotes(_ summary: CrossTabSummary, options: TabulationReportOptions)
    -> [String]
  {
    let l = options.language
    var notes: [String] = []
    if let weight = summary.weight {
      let label = TabulationText.lowercasedStart(options.variableLabel(weight))
      notes.append(l.text(.weightedCountNote(label: label, weight: weight)))
    }
    if let base = summary.percentBase { notes.append(TabulationText.percentNote(base, l)) }
    if let per = summary.per {
      notes.append(TabulationText.rateNote(per, level: options.confidenceLevel, l))
    }
    if let unmatched = summary.unmatched, !unmatched.isEmpty {
      notes.append(l.text(.unmatchedCellsNote(count: unmatched.count)))
    }
    if summary.suppression.primary + summary.suppression.secondary > 0 {
      notes.append(TabulationText.suppressionNote(threshold: summary.suppression.threshold, l))
      let hidden = summary.cells.filter(\.suppressed).count
      if hidden > 0 {
        let number = NumberFormat(language: l, style: .typographic)
        notes.append(
          l.text(
            .hiddenCellsNote(
              hidden: number.string(Double(hidden), decimals: 0),
              cells: number.string(Double(summary.cells.count), decimals: 0))))
      }
    }
    notes += TabulationText.exclusionNotes(
      missing: summary.excluded.missing, outside: summary.excluded.outside,
      threshold: summary.suppression.threshold, label: options.variableLabel, l)
    return notes
  }
}

/// A figure shown for each entry of a cross-tabulation.
enum CrossTabMeasure: CaseIterable {
  case count, percent, population, rate, lower, upper

  /// The figures a summary holds, in display order.
  static func measures(of summary: CrossTabSummary) -> [CrossTabMeasure] {
    var measures: [CrossTabMeasure] = [.count]
    if summary.percentBase != nil { measures.append(.percent) }
    if summary.per != nil { measures += [.population, .rate, .lower, .upper] }
    return measures
  }

  /// The leaf column of this figure.
  func column(_ summary: CrossTabSummary, _ l: Language) -> ReportColumn {
    switch self {
    case .count: ReportColumn(TabulationText.count(l), role: .count)
    case .percent:
      ReportColumn(TabulationText.percent(summary.percentBase ?? .total, l), role: .percent)
    case .population: ReportColumn(TabulationText.population(l), role: .population)
    case .rate: ReportColumn(TabulationText.per(summary.per ?? 100_000, l), role: .rate)
    case .lower: ReportColumn(TabulationText.lower(l), role: .ciLower)
    case .upper: ReportColumn(TabulationText.upper(l), role: .ciUpper)
    }
  }

  /// The cell of an entry: `..` when suppressed, empty when the figure does not exist (a
  /// percentage of an empty base, the rate of a cell without population).
  func cell(_ record: SummaryRecord?) -> ReportCell {
    guard let record else { return .missing }
    if record.suppressed { return .suppressed }
    let value: Double? =
      switch self {
      case .count: record.count
      case .percent: record.percent
      case .population: record.population
      case .rate: record.rate
      case .lower: record.rateCI?.lower
      case .upper: record.rateCI?.upper
      }
    guard let value, value.isFinite else { return .missing }
    switch self {
    case .count, .population: return .count(value)
    case .percent: return .percent(value)
    case .rate, .lower, .upper: return .rate(value)
    }
  }
}

/// The header of a cross-tabulation: one block of measure columns per column combination (or,
/// with a single measure, the combinations themselves as leaf columns) under spanning headers
/// of the column variables.
struct CrossTabColumnLayout {
  var groups: [[HeaderSpan]] = []
  var columns: [ReportColumn] = []

  init(
    cols: [String], entries: [StubEntry], measures: [CrossTabMeasure], summary: CrossTabSummary,
    options: TabulationReportOptions
  ) {
    let l = options.language
    guard !cols.isEmpty else {
      columns = measures.map { $0.column(summary, l) }
      return
    }
    let single = measures.count == 1
    let labels = entries.map { $0.labels(cols, options: options, fallback: summary.labels) }
    if single {
      columns = entries.indices.map { i in
        let leaf = entries[i].codes.count < cols.count ? TabulationText.total(l) : labels[i].last!
        var column = measures[0].column(summary, l)
        column.label = leaf
        return column
      }
    } else {
      columns = entries.flatMap { _ in measures.map { $0.column(summary, l) } }
    }
    let spannedLevels = single ? cols.count - 1 : cols.count
    for level in 0..<spannedLevels {
      var spans: [HeaderSpan] = []
      var previous: String?
      for (i, entry) in entries.enumerated() {
        let key =
          entry.isTotal ? "\u{1F}total\(i)" : entry.codes[0...level].joined(separator: "\u{1F}")
        let label = entry.isTotal ? (level == 0 && !single ? labels[i][0] : "") : labels[i][level]
        if key == previous, let last = spans.indices.last {
          spans[last].span += measures.count
        } else {
          spans.append(HeaderSpan(label, span: measures.count))
        }
        previous = key
      }
      groups.append(spans)
    }
  }
}
