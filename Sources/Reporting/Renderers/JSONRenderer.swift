/// Renders a table as JSON with a fixed key order (byte-stable):
///
/// ```
/// {"title": …, "subtitle": …|null, "unit": …|null, "language": "sv",
///  "stub_headers": ["Kön", "Födelse"],
///  "column_groups": [[{"label": "18–24 år", "span": 2}, …]],
///  "columns": [{"label": "Antal", "path": ["18–24 år", "Antal"], "role": "count", "decimals": 0|null}],
///  "rows": [{"labels": ["Män", "Inrikes"], "total": false, "cells": [812, 61.2, …]}],
///  "footnotes": [{"kind": "symbol", "marker": "..", "text": "…"}]}
/// ```
///
/// Cells: a number is a JSON number (see `NumericPrecision`); a number with flags or notes
/// is `{"value": 12.3, "flags": ["uncertain"], "notes": ["a"]}`; text is a string; a
/// suppressed cell is `{"suppressed": true}` with no value; a cell that cannot occur is
/// `{"cannot_occur": true}`; missing and NaN are `null`; ±∞ are the strings `"Infinity"` and
/// `"-Infinity"`. Several tables are written as an array.
public struct JSONRenderer: TextTableRenderer {
  /// The numbers written: as displayed (default) or full precision.
  public var precision: NumericPrecision

  public init(precision: NumericPrecision = .asDisplayed) {
    self.precision = precision
  }

  public var fileExtension: String { "json" }

  public func render(_ table: ReportTable) throws(ReportingError) -> String {
    try object(table, indent: "") + "\n"
  }

  public func render(_ tables: [ReportTable]) throws(ReportingError) -> String {
    var objects: [String] = []
    for table in tables { objects.append("  " + (try object(table, indent: "  "))) }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  func object(_ table: ReportTable, indent: String) throws(ReportingError) -> String {
    try table.validate()
    let layout = TableLayout(table)
    let s = Escaping.jsonString
    func optional(_ text: String?) -> String { text.map(s) ?? "null" }
    func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
    let inner = indent + "  "
    let item = inner + "  "

    let levels = table.columnGroups.map { spans in
      item + array(spans.map { "{\"label\": \(s($0.label)), \"span\": \($0.span)}" })
    }
    let columns = table.columns.enumerated().map { index, column in
      item
        + "{\"label\": \(s(column.label)), \"path\": \(array(layout.path(ofColumn: index).map(s))), "
        + "\"role\": \(s(column.role.rawValue)), \"decimals\": \(column.decimals.map(String.init) ?? "null")}"
    }
    let rows = table.rows.map { row in
      let cells = row.cells.enumerated().map { column, cell in
        self.cell(cell, decimals: cell.number.map { table.decimals(of: $0, column: column) } ?? 0)
      }
      return item + "{\"labels\": \(array(row.labels.map(s))), \"total\": \(row.isTotal), "
        + "\"cells\": \(array(cells))}"
    }
    let footnotes = table.renderedFootnotes.map { note in
      item + "{\"kind\": \(s(note.kind.rawValue)), \"marker\": \(optional(note.marker)), "
        + "\"text\": \(s(note.text))}"
    }
    func block(_ lines: [String]) -> String {
      lines.isEmpty ? "[]" : "[\n" + lines.joined(separator: ",\n") + "\n" + inner + "]"
    }
    let fields = [
      "\"title\": \(s(table.title))",
      "\"subtitle\": \(optional(table.subtitle))",
      "\"unit\": \(optional(table.unit))",
      "\"language\": \(s(table.language.rawValue))",
      "\"stub_headers\": \(array(table.stubHeaders.map(s)))",
      "\"column_groups\": \(block(levels))",
      "\"columns\": \(block(columns))",
      "\"rows\": \(block(rows))",
      "\"footnotes\": \(block(footnotes))",
    ]
    return "{\n" + fields.map { inner + $0 }.joined(separator: ",\n") + "\n" + indent + "}"
  }

  /// One cell as a JSON value.
  func cell(_ cell: ReportCell, decimals: Int) -> String {
    var value: String
    switch cell.content {
    case .number(let number):
      if let literal = precision.literal(number, decimals: decimals) {
        value = literal
      } else if number.value.isNaN {
        value = "null"
      } else {
        value = number.value < 0 ? "\"-Infinity\"" : "\"Infinity\""
      }
    case .text(let text): value = Escaping.jsonString(text)
    case .suppressed: return wrapped(cell, key: "suppressed", value: "true")
    case .cannotOccur: return wrapped(cell, key: "cannot_occur", value: "true")
    case .missing: value = "null"
    }
    return cell.flags.isEmpty && cell.notes.isEmpty
      ? value : wrapped(cell, key: "value", value: value)
  }

  private func wrapped(_ cell: ReportCell, key: String, value: String) -> String {
    var fields = ["\"\(key)\": \(value)"]
    if !cell.flags.isEmpty {
      fields.append(
        "\"flags\": [" + cell.flags.names.map(Escaping.jsonString).joined(separator: ", ") + "]")
    }
    if !cell.notes.isEmpty {
      fields.append(
        "\"notes\": [" + cell.notes.map(Escaping.jsonString).joined(separator: ", ") + "]")
    }
    return "{" + fields.joined(separator: ", ") + "}"
  }
}
