extension ReportTable {
  /// Checks the table's shape: every row has one label per stub header and one cell per
  /// column, every header level spans exactly the columns, and decimals are in 0...15.
  ///
  /// - Throws: `ReportingError.rowShape`, `.headerSpans` or `.decimals`.
  public func validate() throws(ReportingError) {
    for (level, spans) in columnGroups.enumerated() {
      let total = spans.reduce(0) { $0 + $1.span }
      if total != columns.count || spans.contains(where: { $0.span < 1 }) {
        throw .headerSpans(
          table: title, level: level, spannedColumns: total, columns: columns.count)
      }
    }
    for (index, column) in columns.enumerated() {
      if let decimals = column.decimals, !(0...15).contains(decimals) {
        throw .decimals(table: title, row: nil, column: index, decimals: decimals)
      }
    }
    for (index, row) in rows.enumerated() {
      try checkRow(row, index: index)
    }
  }

  func checkRow(_ row: ReportRow, index: Int) throws(ReportingError) {
    if row.labels.count != stubHeaders.count || row.cells.count != columns.count {
      throw .rowShape(
        table: title, row: index, labels: row.labels.count, expectedLabels: stubHeaders.count,
        cells: row.cells.count, expectedCells: columns.count)
    }
    for (column, cell) in row.cells.enumerated() {
      if let decimals = cell.number?.decimals, !(0...15).contains(decimals) {
        throw .decimals(table: title, row: index, column: column, decimals: decimals)
      }
    }
  }
}
