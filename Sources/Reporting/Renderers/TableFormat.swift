/// The output formats of the command line's `--format`, each with its default renderer.
///
/// ```
/// let renderer = TableFormat(rawValue: "xlsx")!.renderer()   // XLSXRenderer()
/// try renderer.write(tables, to: url)
/// ```
public enum TableFormat: String, Sendable, CaseIterable, Codable {
  case md, csv, json, html, tex, xlsx

  /// The renderer with its documented defaults (CSV: RFC 4180; HTML: a whole document;
  /// LaTeX: the table float only; JSON and XLSX: numbers as displayed).
  public func renderer() -> any TableRenderer {
    switch self {
    case .md: MarkdownRenderer()
    case .csv: CSVRenderer()
    case .json: JSONRenderer()
    case .html: HTMLRenderer()
    case .tex: LaTeXRenderer()
    case .xlsx: XLSXRenderer()
    }
  }

  /// Whether the format is text (everything but XLSX), so it can go to standard output.
  public var isText: Bool { self != .xlsx }
}
