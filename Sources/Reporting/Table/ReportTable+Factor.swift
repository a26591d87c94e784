import Microdata

/// Labels from the codebook's factor levels, so that conversions from statistics results
/// (a cross-tabulation over `kon × fodelse`, a rate table, MAIHDA strata) write the same
/// Swedish or English labels as every other output.
extension ReportTable {
  /// Appends a row labelled by one factor level per stub column, in the table's language.
  ///
  /// - Throws: `ReportingError.rowShape` when the numbers of levels or cells do not match.
  public mutating func appendRow(
    levels: [Factor.Level], _ cells: [ReportCell], isTotal: Bool = false
  ) throws(ReportingError) {
    try appendRow(levels.map { $0.label(language) }, cells, isTotal: isTotal)
  }

  /// One spanning header per level, each over `span` columns, in the table's language
  /// (e.g. the age groups over "Antal | Per 100 000").
  public func headerSpans(levels: [Factor.Level], span: Int) -> [HeaderSpan] {
    levels.map { HeaderSpan($0.label(language), span: span) }
  }
}
