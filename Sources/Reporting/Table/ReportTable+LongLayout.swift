import Microdata

extension ReportTable {
  /// Whether the leaf columns are figures of column categories (`columnKeys`), so that
  /// `longLayout()` has something to move into the stub.
  public var hasColumnCategories: Bool {
    guard let keys = columnKeys, let variables = columnVariables else { return false }
    return keys.count == columns.count && !variables.isEmpty
      && keys.allSatisfy { $0.codes.count == variables.count && $0.labels.count == variables.count }
  }

  /// The table in its long layout: the column categories moved into the stub, one row per
  /// row × column category, the figures (count, rate, …) as the columns.
  ///
  /// ```
  ///          Inrikes född      Utrikes född            Kön     Födelse       Antal  Per 100 000
  /// Kön      Antal  Per 100 000 Antal  Per 100 000  →  Man     Inrikes född    812        132,6
  /// Man        812        132,6    ..          ..      Man     Utrikes född     ..           ..
  /// ```
  ///
  /// Cells move as they are (a suppressed cell stays `..`, markers stay), so the long table
  /// publishes exactly what the wide one does; title, notes and source are the same. A table
  /// without column categories is returned unchanged. Blank labels of total rows become
  /// "Totalt"/"Total", since in the long layout each row stands alone.
  public func longLayout() -> ReportTable {
    guard hasColumnCategories, let keys = columnKeys, let variables = columnVariables else {
      return self
    }
    var groups: [(codes: [String], labels: [String], columns: [Int])] = []
    for (index, key) in keys.enumerated() {
      if let group = groups.firstIndex(where: { $0.codes == key.codes }) {
        groups[group].columns.append(index)
      } else {
        groups.append((key.codes, key.labels, [index]))
      }
    }
    var measures: [ReportColumn] = []
    for key in keys where !measures.contains(key.measure) { measures.append(key.measure) }
    var table = ReportTable(
      title: title, subtitle: subtitle, unit: unit, shortTitle: shortTitle, language: language,
      stubHeaders: stubHeaders + (columnVariableHeaders ?? variables), columns: measures,
      footnotes: footnotes)
    let total = language.text(.total)
    let rowsHaveCodes = stubVariables != nil && rows.allSatisfy { $0.codes != nil }
    if rowsHaveCodes, let stubVariables { table.stubVariables = stubVariables + variables }
    for row in rows {
      let rowLabels = row.labels.enumerated().map { index, label in
        label.isEmpty && (row.isTotal || row.codes?[index] == "") ? total : label
      }
      for group in groups {
        let cells = measures.map { measure in
          group.columns.first { keys[$0].measure == measure }.map { row.cells[$0] } ?? .missing
        }
        var long = ReportRow(
          labels: rowLabels + group.labels, cells: cells,
          isTotal: row.isTotal || group.codes.contains(""))
        if rowsHaveCodes, let codes = row.codes { long.codes = codes + group.codes }
        table.rows.append(long)
      }
    }
    return table
  }
}
