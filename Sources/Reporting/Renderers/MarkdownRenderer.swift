/// Renders a table as a GitHub-flavoured Markdown pipe table, padded so that the raw text is
/// readable too.
///
/// Spanning headers are flattened into each leaf header ("18–24 år · Antal"); a repeated
/// outer row label is shown once; numbers are right-aligned; total rows are bold; the title
/// is bold above the table and the footnotes (notes, symbol legend, source) follow it.
///
/// ```
/// **Misstänkta efter kön och födelseland**
///
/// | Kön | Födelse | 18–24 år · Antal | 18–24 år · Andel |
/// |:----|:--------|-----------------:|-----------------:|
/// | Män | Inrikes |              812 |             61,2 |
/// |     | Utrikes |               .. |             38,8 |
/// ```
public struct MarkdownRenderer: TextTableRenderer {
  /// The separator between levels of a flattened column header.
  public var headerSeparator: String

  /// A renderer; `headerSeparator` joins spanning and leaf headers (default " · ").
  public init(headerSeparator: String = " · ") {
    self.headerSeparator = headerSeparator
  }

  public var fileExtension: String { "md" }

  public func render(_ table: ReportTable) throws(ReportingError) -> String {
    try table.validate()
    let layout = TableLayout(table)
    let format = NumberFormat(language: table.language, style: .typographic)
    let stubCount = table.stubHeaders.count

    var header = table.stubHeaders.map(Escaping.markdown)
    header += table.columns.indices.map {
      Escaping.markdown(layout.flatLabel(ofColumn: $0, separator: headerSeparator))
    }
    let rightAligned =
      Array(repeating: false, count: stubCount)
      + table.columns.indices.map { layout.isNumeric(column: $0) }

    let runs = (0..<stubCount).map { layout.stubRuns($0) }
    var body: [[String]] = []
    for (rowIndex, row) in table.rows.enumerated() {
      var line: [String] = []
      for (stub, label) in row.labels.enumerated() {
        let shown = runs[stub][rowIndex] > 0 ? Escaping.markdown(label) : ""
        line.append(row.isTotal && !shown.isEmpty ? "**\(shown)**" : shown)
      }
      for column in table.columns.indices {
        let cell = DisplayCell(table, row: rowIndex, column: column, format: format)
        let text = Escaping.markdown(cell.plainWithMarkers)
        line.append(row.isTotal && !text.isEmpty ? "**\(text)**" : text)
      }
      body.append(line)
    }

    let widths = header.indices.map { column in
      max(3, ([header] + body).map { $0[column].count }.max() ?? 3)
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { index, text in
        let padding = String(repeating: " ", count: widths[index] - text.count)
        return rightAligned[index] ? padding + text : text + padding
      }
      return "| " + padded.joined(separator: " | ") + " |"
    }
    let rule = widths.enumerated().map { index, width in
      rightAligned[index]
        ? String(repeating: "-", count: width + 1) + ":"
        : ":" + String(repeating: "-", count: width + 1)
    }

    var lines = ["**\(Escaping.markdown(table.title))**", ""]
    if let subtitle = table.subtitle { lines += [Escaping.markdownParagraph(subtitle), ""] }
    if let unit = table.unit {
      lines += [Escaping.markdownParagraph(ReportingText.unitPrefix(table.language) + unit), ""]
    }
    lines.append(line(header))
    lines.append("|" + rule.joined(separator: "|") + "|")
    lines += body.map(line)
    for footnote in table.renderedFootnotes {
      lines += ["", Escaping.markdownParagraph(footnote.plainText(table.language))]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
