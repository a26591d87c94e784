import Microdata
import Tabulation

extension ReportTable {
  /// Directly standardised rates as a table, one row per group of the group variables (with a
  /// subtotal after each outer level and the total last): the count, the population, the crude
  /// rate, the standardised rate and its Fay–Feuer interval.
  ///
  /// - Parameters:
  ///   - standardized: the standardisation.
  ///   - suppressed: the groups (codes of the group variables, `nil` = all levels) whose figures
  ///     disclosure control withholds; they are `..` in every column.
  ///   - threshold: the suppression threshold, for the note.
  public init(
    standardized: DirectStandardization, suppressed: Set<[String?]>, threshold: Double,
    options: TabulationReportOptions
  ) {
    let l = options.language
    let variables = standardized.groupVariables
    var levels: [String: [String]] = [:]
    for group in standardized.groups {
      for (variable, code) in zip(variables, group.codes) {
        if let code, !(levels[variable]?.contains(code) ?? false) {
          levels[variable, default: []].append(code)
        }
      }
    }
    let index = SummaryRecordIndex(levels: levels)
    let entries = index.stubEntries(variables, subtotals: true)
    let per = TabulationText.per(standardized.options.per, l)
    let stratum = TabulationText.lowercasedStart(options.variableLabel(standardized.stratum))
    var notes = [l.text(.standardizationStudyNote(stratum: stratum))]
    if case .weights = standardized.options.standard {
      notes[0] = l.text(.standardizationGivenNote(stratum: stratum))
    }
    if !suppressed.isEmpty {
      notes.append(TabulationText.suppressionNote(threshold: threshold, l))
    }
    self.init(
      title: options.title
        ?? l.text(
          .standardizationTitle(variables: options.joinedLabels(variables), stratum: stratum)),
      subtitle: options.subtitle, language: l,
      stubHeaders: variables.isEmpty
        ? [l.text(.group)] : variables.map { options.variableLabel($0) },
      columns: [
        ReportColumn(TabulationText.count(l), role: .count),
        ReportColumn(TabulationText.population(l), role: .population),
        ReportColumn(l.text(.crudeRate(per: per.lowercased())), role: .rate),
        ReportColumn(l.text(.standardizedRate(per: per.lowercased())), role: .rate),
        ReportColumn(TabulationText.lower(l), role: .ciLower),
        ReportColumn(TabulationText.upper(l), role: .ciUpper),
      ],
      footnotes: options.footnotes(notes))
    for entry in entries {
      let codes: [String?] = variables.indices.map {
        $0 < entry.codes.count ? entry.codes[$0] : nil
      }
      let labels =
        variables.isEmpty ? [TabulationText.total(l)] : entry.labels(variables, options: options)
      guard let rate = standardized.rate(codes: codes) else { continue }
      let cells: [ReportCell] =
        suppressed.contains(codes)
        ? Array(repeating: .suppressed, count: 6)
        : [
          Self.cell(rate.count, .count), Self.cell(rate.population, .count),
          Self.cell(rate.crudeRate, .rate), Self.cell(rate.adjustedRate, .rate),
          Self.cell(rate.interval.lower, .rate), Self.cell(rate.interval.upper, .rate),
        ]
      try? appendRow(labels, cells, isTotal: entry.isTotal)
    }
  }
}
