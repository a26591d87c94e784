import Foundation
import Microdata

/// Writes a table as one tidy CSV table for R, Stata, pandas and Excel: one header row, then
/// one record per body row (for a long-layout table, one per cell of the tabulation), with
/// nothing else in the file: titles, notes and the source go to the sidecar
/// (`TidyCSVRenderer.metadata`), never between the records.
///
/// Columns, left to right:
/// - for each stub variable, its code (named by the variable, e.g. `kon`; empty for a total)
///   and its label (`kon_label`), when the rows carry codes; else the label under the stub
///   header;
/// - one column per figure, named by its role when each role names one column (`count`,
///   `population`, `rate`, `ci_lower`, `ci_upper`, `percent`, …; a long-layout table), else
///   every figure by its flattened header ("Återfall · Antal");
/// - `suppressed`: `true` when a count of the row is withheld by disclosure control (its
///   withheld figures are empty), else `false`.
///
/// | style           | delimiter | decimal | BOM | read back with                                  |
/// |-----------------|-----------|---------|-----|-------------------------------------------------|
/// | `.rfc4180`      | `,`       | `.`     | no  | `read.csv(f)`, `pandas.read_csv(f)`             |
/// | `.excelSwedish` | `;`       | `,`     | yes | Excel (sv), `read.csv2(f)`, `pandas.read_csv(f, sep=";", decimal=",")` |
///
/// Numbers are the exported numbers of `NumberFormat.exportString` (rounded as displayed, no
/// thousands separators, p-values below the display threshold unrounded), with a decimal
/// comma in `.excelSwedish`. Symbols and missing figures are empty fields (NA).
public struct TidyCSVRenderer: TextTableRenderer {
  public var style: CSVRenderer.Style

  public init(style: CSVRenderer.Style = .rfc4180) {
    self.style = style
  }

  public var fileExtension: String { "csv" }

  var delimiter: Character { style == .rfc4180 ? "," : ";" }

  /// The file's text: the BOM for `.excelSwedish`, the header and the records (CRLF).
  public func render(_ table: ReportTable) throws(ReportingError) -> String {
    try table.validate()
    let head = header(table)
    func record(_ fields: [String]) -> String {
      fields.map { Escaping.csv($0, delimiter: delimiter) }.joined(separator: String(delimiter))
        + "\r\n"
    }
    var lines = [record(head.map(\.name))]
    let codes = hasCodes(table)
    for row in table.rows {
      var fields: [String] = []
      for (index, label) in row.labels.enumerated() {
        if codes { fields.append(row.codes?[index] ?? "") }
        fields.append(label)
      }
      let suppressed = Self.isSuppressed(row, columns: table.columns)
      for (column, cell) in row.cells.enumerated() {
        switch cell.content {
        case .number(let number):
          let text =
            NumberFormat.exportString(
              number.value, kind: number.kind, decimals: table.decimals(of: number, column: column))
            ?? (number.value.isNaN ? "" : number.value > 0 ? "Inf" : "-Inf")
          fields.append(
            style == .excelSwedish ? text.replacingOccurrences(of: ".", with: ",") : text)
        case .text(let text): fields.append(text)
        case .suppressed: fields.append("")
        case .cannotOccur, .missing: fields.append("")
        }
      }
      fields.append(suppressed ? "true" : "false")
      lines.append(record(fields))
    }
    return (style == .excelSwedish ? "\u{FEFF}" : "") + lines.joined()
  }

  /// Only one table per file: several tables are rendered one after another only by mistake,
  /// so this renders the first (callers write each table to its own file).
  public func render(_ tables: [ReportTable]) throws(ReportingError) -> String {
    guard let first = tables.first else { return "" }
    return try render(first)
  }

  /// Whether a row is withheld: a count of it is suppressed (a row without counts: any
  /// figure). A stratum whose persons are shown but cases withheld is suppressed; a row that
  /// only lacks another model's figures is not.
  static func isSuppressed(_ row: ReportRow, columns: [ReportColumn]) -> Bool {
    let counts = columns.indices.filter { columns[$0].role == .count }
    let cells = counts.isEmpty ? Array(row.cells.indices) : counts
    return cells.contains { row.cells[$0].content == .suppressed }
  }

  /// The column names, what each holds and the role of each figure (for the sidecar).
  public func header(_ table: ReportTable) -> [(name: String, label: String, role: String?)] {
    var columns: [(name: String, label: String, role: String?)] = []
    let codes = hasCodes(table)
    for (index, header) in table.stubHeaders.enumerated() {
      if codes, let variable = table.stubVariables?[index] {
        columns.append((variable, header, "code"))
        columns.append((variable + "_label", header, "label"))
      } else {
        columns.append((header, header, "label"))
      }
    }
    let layout = TableLayout(table)
    let roles = table.columns.map(\.role)
    // Figures are named by role when every role names one column (a long table), else all
    // by their headers, so that names never mix the two.
    let byRole = roles.allSatisfy { role in
      role != .label && role != .other && roles.filter { $0 == role }.count == 1
    }
    for (index, column) in table.columns.enumerated() {
      let label = layout.flatLabel(ofColumn: index, separator: " · ")
      columns.append((byRole ? column.role.rawValue : label, label, column.role.rawValue))
    }
    columns.append(("suppressed", table.language.text(.suppressedColumn), nil))
    // Repeated names (two figures with the same header) get a number.
    var seen: [String: Int] = [:]
    return columns.map { column in
      seen[column.name, default: 0] += 1
      let count = seen[column.name]!
      return count == 1 ? column : ("\(column.name)_\(count)", column.label, column.role)
    }
  }

  func hasCodes(_ table: ReportTable) -> Bool {
    guard let variables = table.stubVariables, variables.count == table.stubHeaders.count
    else { return false }
    return table.rows.allSatisfy { $0.codes?.count == variables.count }
  }

  /// The sidecar of tidy CSV files (`*.meta.json`): per file its title, subtitle, unit, the
  /// columns with their labels, the notes and the source, as JSON.
  public func metadata(_ files: [(file: String, table: ReportTable)]) throws -> Data {
    let entries = files.map { file, table in
      CSVMetadata.Table(
        file: file, title: table.title, subtitle: table.subtitle, unit: table.unit,
        language: table.language.rawValue,
        columns: header(table).map {
          CSVMetadata.Column(name: $0.name, label: $0.label, role: $0.role)
        },
        notes: table.renderedFootnotes.filter { $0.kind != .source }.map {
          $0.plainText(table.language)
        },
        source: table.renderedFootnotes.first { $0.kind == .source }?.text)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(
      CSVMetadata(
        style: style == .rfc4180 ? "rfc4180" : "excel-sv",
        delimiter: String(delimiter), decimal: style == .rfc4180 ? "." : ",",
        tables: entries))
  }
}

/// The sidecar of tidy CSV files.
struct CSVMetadata: Encodable {
  struct Column: Encodable {
    var name: String
    var label: String
    /// `code` or `label` for a category column, the figure's role (`count`, `rate`, …).
    var role: String?
  }

  struct Table: Encodable {
    var file: String
    var title: String
    var subtitle: String?
    var unit: String?
    var language: String
    var columns: [Column]
    var notes: [String]
    var source: String?
  }

  var style: String
  var delimiter: String
  var decimal: String
  var tables: [Table]
}
