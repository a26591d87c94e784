import Microdata
import Tabulation

extension ReportTable {
  /// The representation of each cell and margin of a cross-tabulation with a population: its
  /// share of the count, its share of the population, and their ratio with its exact interval
  /// (see `RateTable`), one row per entry:
  ///
  /// ```
  /// Kön     Födelse       Antal  Andel av antalet, %  Befolkning  Andel av befolkningen, %  Representationskvot  KI nedre  KI övre
  /// Man     Inrikes född    812                 61,2     612 345                      40,1                 1,53      1,44     1,61
  /// …
  /// Totalt                1 326                100,0   1 527 000                     100,0                 1,00
  /// ```
  ///
  /// The share of the count is the count over the total of the cells that have a population
  /// (`matchedCount`), so that the ratio is the one share over the other. Suppressed entries are
  /// `..`.
  ///
  /// - Returns: `nil` when the summary has no population.
  public static func representation(
    _ summary: CrossTabSummary, options: TabulationReportOptions
  ) -> ReportTable? {
    guard summary.per != nil, let totalPopulation = summary.total.population,
      totalPopulation > 0
    else { return nil }
    let l = options.language
    let variables = summary.rows + summary.cols
    var table = ReportTable(
      title: options.title.map { $0 + ": representation" }
        ?? l.text(.representationTitle(variables: options.joinedLabels(variables))),
      subtitle: options.subtitle, language: l,
      stubHeaders: variables.map { options.variableLabel($0) },
      columns: [
        ReportColumn(TabulationText.count(l), role: .count),
        ReportColumn(l.text(.shareOfCount), role: .percent),
        ReportColumn(TabulationText.population(l), role: .population),
        ReportColumn(l.text(.shareOfPopulation), role: .percent),
        ReportColumn(l.text(.representationRatio), role: .ratio),
        ReportColumn(TabulationText.lower(l), role: .ciLower),
        ReportColumn(TabulationText.upper(l), role: .ciUpper),
      ],
      footnotes: options.footnotes(
        [
          l.text(.representationNote(level: Self.levelText(options)))
        ]
          + (summary.suppression.primary > 0
            ? [TabulationText.suppressionNote(threshold: summary.suppression.threshold, l)] : [])
      ))
    for record in summary.cells + summary.margins + [summary.total] {
      let labels = variables.enumerated().map { i, variable -> String in
        if let code = record.code(of: variable) {
          return options.levelLabel(variable, code, fallback: summary.labels)
        }
        return record.keys.isEmpty && i > 0 ? "" : TabulationText.total(l)
      }
      var cells: [ReportCell]
      if record.suppressed {
        cells = Array(repeating: .suppressed, count: 7)
      } else {
        cells = [
          Self.cell(record.count, .count),
          Self.cell(summary.countShare(of: record).map { 100 * $0 }, .percent),
          Self.cell(record.population, .count),
          Self.cell(summary.populationShare(of: record).map { 100 * $0 }, .percent),
          Self.cell(record.representationRatio, .ratio),
          // The total's ratio is 1 by definition: no interval.
          Self.cell(record.keys.isEmpty ? nil : record.representationCI?.lower, .ratio),
          Self.cell(record.keys.isEmpty ? nil : record.representationCI?.upper, .ratio),
        ]
      }
      // Every row has the shape of the header, so appending cannot fail.
      try? table.appendRow(labels, cells, isTotal: record.keys.count < variables.count)
      table.rows[table.rows.count - 1].codes = variables.map { record.code(of: $0) ?? "" }
    }
    table.stubVariables = variables
    return table
  }

  /// A number cell, or an empty one for a figure that does not exist.
  static func cell(_ value: Double?, _ kind: NumberKind, decimals: Int? = nil) -> ReportCell {
    guard let value, value.isFinite else { return .missing }
    return .number(value, kind: kind, decimals: decimals)
  }

  /// "95" for a level of 0.95.
  static func levelText(_ options: TabulationReportOptions) -> String {
    let percent = 100 * options.confidenceLevel
    return NumberFormat(language: options.language).string(
      percent, decimals: percent == percent.rounded() ? 0 : 1)
  }
}
