/// Every error of the Reporting module. Each case says where, and `description` is a sentence
/// for the analyst.
public enum ReportingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A row's numbers of labels or cells do not match the table's stub headers or columns.
  case rowShape(
    table: String, row: Int, labels: Int, expectedLabels: Int, cells: Int, expectedCells: Int)
  /// A spanning header level does not cover exactly the table's columns.
  case headerSpans(table: String, level: Int, spannedColumns: Int, columns: Int)
  /// Decimals outside 0...15 on a column (`row` nil) or a cell.
  case decimals(table: String, row: Int?, column: Int, decimals: Int)
  /// A workbook was asked for with no table in it.
  case emptyWorkbook(path: String)
  /// libxlsxwriter reported an error while building or writing a workbook.
  case xlsxWrite(path: String, sheet: String?, code: Int32, message: String)
  /// A file could not be written.
  case fileWrite(path: String, reason: String)
  /// A decoded table (JSON or another Codable format) was malformed.
  case decoding(reason: String)

  public var description: String {
    switch self {
    case .rowShape(let table, let row, let labels, let expectedLabels, let cells, let expected):
      return """
        Table "\(table)", row \(row + 1): it has \(labels) row label(s) and \(cells) cell(s), \
        but the table has \(expectedLabels) stub column(s) and \(expected) column(s).
        """
    case .headerSpans(let table, let level, let spanned, let columns):
      return """
        Table "\(table)": header level \(level + 1) spans \(spanned) column(s) (or has an \
        empty span), but the table has \(columns) column(s).
        """
    case .decimals(let table, let row, let column, let decimals):
      let place = row.map { "row \($0 + 1), column \(column + 1)" } ?? "column \(column + 1)"
      return "Table \"\(table)\", \(place): \(decimals) decimals is outside 0–15."
    case .emptyWorkbook(let path):
      return "No tables to write to the workbook \(path)."
    case .xlsxWrite(let path, let sheet, let code, let message):
      let place = sheet.map { " (sheet \"\($0)\")" } ?? ""
      return
        "Could not write the workbook \(path)\(place): \(message) (libxlsxwriter error \(code))."
    case .fileWrite(let path, let reason):
      return "Could not write \(path): \(reason)."
    case .decoding(let reason):
      return "Could not read the table: \(reason)."
    }
  }
}
