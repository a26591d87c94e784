/// Renders a table as a LaTeX `table` float with a booktabs `tabular`:
/// `\toprule`, spanning headers as `\multicolumn{n}{c}{…}` underlined by
/// `\cmidrule(lr){a-b}`, `\midrule` under the header and above total rows, `\bottomrule`,
/// then the footnotes in `\footnotesize` below.
///
/// Needs `\usepackage{booktabs}`; with pdfLaTeX also `\usepackage[T1]{fontenc}` for å ä ö,
/// which stay UTF-8 in the source. Text is escaped (`& % $ # _ { } ~ ^ \` and `< > |`);
/// numbers use `NumberFormat`'s `.latex` style (`12\,345`, `$-$1,5`, `$<$0,001`).
/// `standalone` wraps the float in a complete `article` document.
public struct LaTeXRenderer: TextTableRenderer {
  /// Whether to produce a complete document (`\documentclass` … `\end{document}`).
  public var standalone: Bool
  /// The float placement, e.g. `htbp`.
  public var placement: String

  public init(standalone: Bool = false, placement: String = "htbp") {
    self.standalone = standalone
    self.placement = placement
  }

  public var fileExtension: String { "tex" }

  public func render(_ table: ReportTable) throws(ReportingError) -> String {
    try render([table])
  }

  public func render(_ tables: [ReportTable]) throws(ReportingError) -> String {
    var floats: [String] = []
    for table in tables { floats.append(try float(table)) }
    let body = floats.joined(separator: "\n")
    guard standalone else { return body }
    let babel = (tables.first?.language ?? .sv).text(.babelLanguage)
    return """
      \\documentclass{article}
      \\usepackage[T1]{fontenc}
      \\usepackage[utf8]{inputenc}
      \\usepackage[\(babel)]{babel}
      \\usepackage{booktabs}
      \\begin{document}
      \(body)\\end{document}

      """
  }

  func float(_ table: ReportTable) throws(ReportingError) -> String {
    try table.validate()
    let layout = TableLayout(table)
    let e = Escaping.latex
    let format = NumberFormat(language: table.language, style: .latex)
    let stubCount = table.stubHeaders.count
    let columnSpec =
      String(repeating: "l", count: stubCount)
      + table.columns.indices.map { layout.isNumeric(column: $0) ? "r" : "l" }.joined()

    var lines = [
      "% Requires \\usepackage{booktabs}.",
      "\\begin{table}[\(placement)]",
      "\\centering",
      "\\caption{\(e(table.title))}",
    ]
    var context: [String] = []
    if let subtitle = table.subtitle { context.append(e(subtitle)) }
    if let unit = table.unit { context.append(e(ReportingText.unitPrefix(table.language) + unit)) }
    if !context.isEmpty {
      lines.append("{\\small " + context.joined(separator: "\\\\ ") + "\\par}\\smallskip")
    }
    lines.append("\\begin{tabular}{\(columnSpec)}")
    lines.append("\\toprule")

    for level in layout.levels.dropLast() {
      var cells = Array(repeating: "", count: stubCount)
      var rules: [String] = []
      for cell in level {
        cells.append(
          cell.label.isEmpty && cell.span == 1
            ? "" : "\\multicolumn{\(cell.span)}{c}{\(e(cell.label))}")
        if !cell.label.isEmpty {
          rules.append("\\cmidrule(lr){\(stubCount + cell.start + 1)-\(stubCount + cell.end)}")
        }
      }
      lines.append(cells.joined(separator: " & ") + " \\\\")
      if !rules.isEmpty { lines.append(rules.joined(separator: " ")) }
    }
    lines.append(
      (table.stubHeaders.map(e) + table.columns.map { e($0.label) }).joined(separator: " & ")
        + " \\\\")
    lines.append("\\midrule")

    let runs = (0..<stubCount).map { layout.stubRuns($0) }
    for (rowIndex, row) in table.rows.enumerated() {
      if row.isTotal && rowIndex > 0 && !table.rows[rowIndex - 1].isTotal {
        lines.append("\\midrule")
      }
      let colspans = layout.stubColumnSpans(row: rowIndex, runs: runs)
      var cells: [String] = []
      for (stub, label) in row.labels.enumerated() where colspans[stub] > 0 {
        let text = runs[stub][rowIndex] > 0 ? e(label) : ""
        cells.append(colspans[stub] > 1 ? "\\multicolumn{\(colspans[stub])}{l}{\(text)}" : text)
      }
      for column in table.columns.indices {
        let cell = DisplayCell(table, row: rowIndex, column: column, format: format)
        var text = cell.kind == .number ? cell.text : e(cell.text)
        if !cell.markers.isEmpty {
          text += "\\textsuperscript{\(e(cell.markers.joined(separator: ",")))}"
        }
        cells.append(text)
      }
      lines.append(cells.joined(separator: " & ") + " \\\\")
    }
    lines.append("\\bottomrule")
    lines.append("\\end{tabular}")
    let notes = table.renderedFootnotes
    if !notes.isEmpty {
      lines.append("\\par\\smallskip")
      let texts = notes.map { note -> String in
        switch note.kind {
        case .source: return e(ReportingText.sourcePrefix(table.language) + note.text)
        case .symbol:
          return note.marker.map { e($0) + " " }.map { $0 + e(note.text) } ?? e(note.text)
        case .note:
          return note.marker.map { "\\textsuperscript{\(e($0))} " }.map { $0 + e(note.text) }
            ?? e(note.text)
        }
      }
      lines.append("{\\footnotesize\\raggedright")
      lines += texts.map { $0 + "\\par" }
      lines.append("}")
    }
    lines.append("\\end{table}")
    return lines.joined(separator: "\n") + "\n"
  }
}
