/// The geometry shared by the renderers: header levels with their column ranges, the
/// flattened header path of each column, and runs of repeated outer row labels.
struct TableLayout {
  /// One header cell: its label and the leaf columns it covers.
  struct HeaderCell: Equatable {
    var label: String
    var start: Int
    var span: Int
    var end: Int { start + span }
  }

  let table: ReportTable
  /// Header levels, top first; the last level is the leaf columns.
  let levels: [[HeaderCell]]

  init(_ table: ReportTable) {
    self.table = table
    var levels: [[HeaderCell]] = []
    for spans in table.columnGroups {
      var start = 0
      var level: [HeaderCell] = []
      for span in spans {
        level.append(HeaderCell(label: span.label, start: start, span: span.span))
        start += span.span
      }
      levels.append(level)
    }
    levels.append(
      table.columns.enumerated().map {
        HeaderCell(label: $0.element.label, start: $0.offset, span: 1)
      })
    self.levels = levels
  }

  /// The number of header rows.
  var headerRowCount: Int { levels.count }

  /// The non-empty labels above and of leaf column `column`, top first, e.g.
  /// `["18–24 år", "Antal"]`.
  func path(ofColumn column: Int) -> [String] {
    levels.compactMap { level in
      level.first { $0.start <= column && column < $0.end }?.label
    }.filter { !$0.isEmpty }
  }

  /// The flattened header of a leaf column, e.g. "18–24 år · Antal".
  func flatLabel(ofColumn column: Int, separator: String = " · ") -> String {
    path(ofColumn: column).joined(separator: separator)
  }

  /// For stub column `stub` and each row: the number of rows the label spans when it starts a
  /// run of equal labels (equal in this and every outer stub column), or 0 when it repeats the
  /// row above. The innermost stub column never merges.
  func stubRuns(_ stub: Int) -> [Int] {
    let rows = table.rows
    var runs = Array(repeating: 1, count: rows.count)
    guard stub < table.stubHeaders.count - 1 else { return runs }
    var start = 0
    while start < rows.count {
      var end = start + 1
      while end < rows.count && rows[end].labels[...stub] == rows[start].labels[...stub]
        && !rows[end].isTotal && !rows[start].isTotal
      {
        end += 1
      }
      runs[start] = end - start
      for index in (start + 1)..<max(start + 1, end) { runs[index] = 0 }
      start = end
    }
    return runs
  }

  /// For each stub column of `row`, the number of stub columns its label covers: trailing
  /// empty labels (a "Totalt" row with no inner label) are absorbed by the last non-empty
  /// label when that label does not span several rows; absorbed columns get 0.
  func stubColumnSpans(row: Int, runs: [[Int]]) -> [Int] {
    let labels = table.rows[row].labels
    var spans = Array(repeating: 1, count: labels.count)
    guard let last = labels.lastIndex(where: { !$0.isEmpty }), last < labels.count - 1,
      runs[last][row] == 1
    else { return spans }
    spans[last] = labels.count - last
    for index in (last + 1)..<labels.count { spans[index] = 0 }
    return spans
  }

  /// The column's role is numeric (numbers are right-aligned).
  func isNumeric(column: Int) -> Bool {
    let role = table.columns[column].role
    return role != .label && role != .other
      || table.rows.contains { $0.cells[column].number != nil }
  }
}

/// A cell as text for one format: its text, its markers, and what it is.
struct DisplayCell {
  enum Kind { case number, text, symbol, empty }

  var text: String
  /// Flag markers (`*`, `p`, `r`) then footnote markers.
  var markers: [String]
  /// How many of `markers` are flag markers.
  var flagMarkerCount: Int
  var kind: Kind
  /// The legend of a symbol (for `title` attributes), if the cell is one.
  var symbolLegend: String?

  /// The cell at (`row`, `column`) of `table`, with numbers in `format`.
  init(_ table: ReportTable, row: Int, column: Int, format: NumberFormat) {
    let cell = table.rows[row].cells[column]
    markers = cell.markers
    flagMarkerCount = cell.flags.markers.count
    symbolLegend = nil
    switch cell.content {
    case .number(let number):
      text = format.string(
        number.value, kind: number.kind, decimals: table.decimals(of: number, column: column))
      kind = number.value.isNaN ? .empty : .number
    case .text(let value):
      text = value
      kind = .text
    case .suppressed:
      text = ReportingText.suppressedSymbol
      kind = .symbol
      symbolLegend = ReportingText.suppressedLegend(table.language)
    case .cannotOccur:
      text = ReportingText.cannotOccurSymbol
      kind = .symbol
      symbolLegend = ReportingText.cannotOccurLegend(table.language)
    case .missing:
      text = ""
      kind = .empty
    }
  }

  /// The text with its markers for plain-text formats: flag markers appended directly, note
  /// markers in parentheses, e.g. `12,3*` and `12,3 (a)`.
  var plainWithMarkers: String {
    let flags = markers.prefix(flagMarkerCount).joined()
    let notes = markers.dropFirst(flagMarkerCount).map { " (\($0))" }.joined()
    return text + flags + notes
  }
}
