/// Renders a table as CSV, one header row with flattened column headers, then one record per
/// body row with every row label repeated.
///
/// | style            | delimiter | decimal | line end | BOM | for                           |
/// |------------------|-----------|---------|----------|-----|-------------------------------|
/// | `.rfc4180`       | `,`       | `.`     | CRLF     | no  | R, Python, any CSV reader     |
/// | `.excelSwedish`  | `;`       | `,`     | CRLF     | yes | Excel with Swedish settings   |
///
/// Numbers are written without thousands separators (a separator would make them text to
/// most readers), `-` as the minus sign, `Inf`/`-Inf` for infinities. `.rfc4180` writes the
/// same numbers as `JSONRenderer` (rounded as displayed, trailing zeros dropped, p-values
/// below the display threshold unrounded); `.excelSwedish` writes them as displayed
/// (`12,30`, `<0,001`).
/// Symbols are written as text (`..`, `-`); a missing cell is an empty field. Flag and note
/// markers are left out so that numbers stay numbers; the legend lines explain the symbols
/// when `includeMetadata` is on (a marker and its text in two fields).
///
/// Line ends are CRLF as RFC 4180 prescribes; fields are quoted when they hold the delimiter,
/// a quote or a line break.
public struct CSVRenderer: TextTableRenderer {
  /// The dialect.
  public enum Style: String, Sendable, CaseIterable {
    /// RFC 4180: comma-separated, decimal point, UTF-8 without BOM.
    case rfc4180
    /// Swedish Excel: semicolon-separated, decimal comma, UTF-8 with BOM.
    case excelSwedish

    /// The style by its name on the command line and in recipes: `rfc4180` or `excel-sv`.
    public init?(recipeName: String) {
      switch recipeName {
      case "rfc4180": self = .rfc4180
      case "excel-sv": self = .excelSwedish
      default: return nil
      }
    }
  }

  public var style: Style
  /// Whether to write the title (and subtitle, unit) above the header and the footnotes
  /// below the body, each as a one-field record.
  public var includeMetadata: Bool
  /// The separator between levels of a flattened column header.
  public var headerSeparator: String

  /// A renderer. `includeMetadata` defaults to false for `.rfc4180` (a plain data file) and
  /// true for `.excelSwedish` (a file a person opens).
  public init(
    style: Style = .rfc4180, includeMetadata: Bool? = nil, headerSeparator: String = " · "
  ) {
    self.style = style
    self.includeMetadata = includeMetadata ?? (style == .excelSwedish)
    self.headerSeparator = headerSeparator
  }

  public var fileExtension: String { "csv" }

  var delimiter: Character { style == .rfc4180 ? "," : ";" }
  var lineEnd: String { "\r\n" }
  var byteOrderMark: String { style == .excelSwedish ? "\u{FEFF}" : "" }

  public func render(_ table: ReportTable) throws(ReportingError) -> String {
    byteOrderMark + (try records(table)).joined()
  }

  public func render(_ tables: [ReportTable]) throws(ReportingError) -> String {
    var parts: [String] = []
    for table in tables { parts.append(try records(table).joined()) }
    return byteOrderMark + parts.joined(separator: lineEnd)
  }

  func records(_ table: ReportTable) throws(ReportingError) -> [String] {
    try table.validate()
    let layout = TableLayout(table)
    let format = NumberFormat(language: style == .excelSwedish ? .sv : .en, style: .plain)
    func record(_ fields: [String]) -> String {
      fields.map { Escaping.csv($0, delimiter: delimiter) }.joined(separator: String(delimiter))
        + lineEnd
    }
    var lines: [String] = []
    if !includeMetadata, let warning = table.footnotes.first(where: \.saysNotProtected) {
      // An internal table says so even in a plain data file: its first record.
      lines.append(record([warning.plainText(table.language)]))
    }
    if includeMetadata {
      lines.append(record([table.title]))
      if let subtitle = table.subtitle { lines.append(record([subtitle])) }
      if let unit = table.unit {
        lines.append(record([ReportingText.unitPrefix(table.language) + unit]))
      }
    }
    lines.append(
      record(
        table.stubHeaders
          + table.columns.indices.map { layout.flatLabel(ofColumn: $0, separator: headerSeparator) }
      ))
    for (rowIndex, row) in table.rows.enumerated() {
      let cells = table.columns.indices.map { column in
        if style == .rfc4180, let number = row.cells[column].number,
          let exported = NumberFormat.exportString(
            number.value, kind: number.kind, decimals: table.decimals(of: number, column: column))
        {
          return exported
        }
        return DisplayCell(table, row: rowIndex, column: column, format: format).text
      }
      lines.append(record(row.labels + cells))
    }
    if includeMetadata {
      // A marker gets its own field: a field starting "- text" would be a formula to Excel.
      for footnote in table.renderedFootnotes {
        if footnote.kind != .source, let marker = footnote.marker {
          lines.append(record([marker, footnote.text]))
        } else {
          lines.append(record([footnote.plainText(table.language)]))
        }
      }
    }
    return lines
  }
}
