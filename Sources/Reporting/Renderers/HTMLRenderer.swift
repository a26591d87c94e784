/// Renders tables as an accessible HTML5 `<table>`: a self-contained document with a small
/// inline style sheet (no external assets), or a fragment to embed.
///
/// Structure: `<caption>` holds title, subtitle and unit; `<colgroup>`s mirror the top header
/// level; `<thead>` has one row per header level with `<th scope="colgroup" colspan>` for
/// spanning top-level headers, `<th scope="col">` below (a `colspan` header cell covers the
/// columns it spans in HTML's header-assignment algorithm); each outer row group is a
/// `<tbody>` whose label is `<th scope="rowgroup" rowspan>`, the innermost row label is
/// `<th scope="row">`; footnotes are rows of `<tfoot>`. Symbols carry their legend as an
/// `<abbr title>`, markers are `<sup>`. All text is escaped.
public struct HTMLRenderer: TextTableRenderer {
  /// What to produce.
  public enum Mode: String, Sendable, CaseIterable {
    /// `<!DOCTYPE html>` … `</html>` with `<meta charset>`, `<title>` and the style sheet.
    case document
    /// The `<table>` elements only, for embedding in a page that styles `.strata-table`.
    case fragment
  }

  public var mode: Mode

  public init(mode: Mode = .document) {
    self.mode = mode
  }

  public var fileExtension: String { "html" }

  /// The inline style sheet of a document.
  static let styleSheet = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;margin:2rem}
    .strata-table{border-collapse:collapse;font-size:0.9rem;margin:0 0 2rem 0}
    \(captionStyle)
    .strata-title{font-weight:bold;font-size:1.05rem}
    \(cellStyle)
    .strata-table tfoot td{font-size:0.8rem;color:#333;padding-top:0.3rem}
    """

  /// The rules of a table's caption that every page showing `.strata-table` shares (a page
  /// sets the sizes of the table, its title and its footnotes itself).
  package static let captionStyle = """
    .strata-table caption{caption-side:top;text-align:left;padding-bottom:0.5rem}
    .strata-table{min-width:min(30rem,100%)}
    .strata-table caption span{display:block;max-width:min(60rem,calc(100vw - 4rem))}
    """

  /// The rules of a table's subtitle, rules, cells and totals that every page showing
  /// `.strata-table` shares.
  package static let cellStyle = """
    .strata-subtitle,.strata-unit{color:#333}
    .strata-table th,.strata-table td{padding:0.2rem 0.6rem;vertical-align:top}
    .strata-table thead{border-top:2px solid #111;border-bottom:1px solid #111}
    .strata-table thead th{font-weight:bold;text-align:center;vertical-align:bottom}
    .strata-table tbody th{font-weight:normal;text-align:left}
    .strata-table tbody+tbody{border-top:1px solid #bbb}
    .strata-table tbody:last-of-type{border-bottom:2px solid #111}
    .strata-table .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .strata-table .total th,.strata-table .total td{font-weight:bold}
    .strata-table abbr{text-decoration:none}
    """

  public func render(_ table: ReportTable) throws(ReportingError) -> String {
    try render([table])
  }

  public func render(_ tables: [ReportTable]) throws(ReportingError) -> String {
    var parts: [String] = []
    for table in tables { parts.append(try tableElement(table)) }
    let body = parts.joined(separator: "\n")
    guard mode == .document else { return body + "\n" }
    let language = tables.first?.language.rawValue ?? "sv"
    let title = tables.first.map { Escaping.xml($0.title) } ?? ""
    return """
      <!DOCTYPE html>
      <html lang="\(language)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title)</title>
      <style>
      \(Self.styleSheet)
      </style>
      </head>
      <body>
      \(body)
      </body>
      </html>

      """
  }

  func tableElement(_ table: ReportTable) throws(ReportingError) -> String {
    try table.validate()
    let layout = TableLayout(table)
    let x = Escaping.xml
    var html = ["<table class=\"strata-table\">"]
    var caption = "<caption><span class=\"strata-title\">\(x(table.title))</span>"
    if let subtitle = table.subtitle {
      caption += "<span class=\"strata-subtitle\">\(x(subtitle))</span>"
    }
    if let unit = table.unit {
      caption +=
        "<span class=\"strata-unit\">\(x(ReportingText.unitPrefix(table.language) + unit))</span>"
    }
    html.append(caption + "</caption>")
    html += colgroups(table, layout)
    html.append("<thead>")
    html += headerRows(table, layout)
    html.append("</thead>")
    html += bodyGroups(table, layout)
    let footnotes = table.renderedFootnotes
    if !footnotes.isEmpty {
      html.append("<tfoot>")
      for note in footnotes {
        html.append(
          "<tr><td colspan=\"\(table.totalColumnCount)\">\(footnoteHTML(note, table))</td></tr>")
      }
      html.append("</tfoot>")
    }
    html.append("</table>")
    return html.joined(separator: "\n")
  }

  private func colgroups(_ table: ReportTable, _ layout: TableLayout) -> [String] {
    var groups: [String] = []
    if !table.stubHeaders.isEmpty {
      groups.append("<colgroup span=\"\(table.stubHeaders.count)\"></colgroup>")
    }
    for cell in layout.levels[0] { groups.append("<colgroup span=\"\(cell.span)\"></colgroup>") }
    return groups
  }

  private func headerRows(_ table: ReportTable, _ layout: TableLayout) -> [String] {
    let x = Escaping.xml
    let levelCount = layout.headerRowCount
    var rows: [String] = []
    // Empty header cells of span 1 are merged with the first labelled cell below them.
    var covered: Set<[Int]> = []  // [level, column] slots already emitted by a rowspan
    for (level, cells) in layout.levels.enumerated() {
      var row = "<tr>"
      if level == 0 {
        for header in table.stubHeaders {
          let rowspan = levelCount > 1 ? " rowspan=\"\(levelCount)\"" : ""
          row += "<th scope=\"col\"\(rowspan)>\(x(header))</th>"
        }
      }
      for cell in cells where !covered.contains([level, cell.start]) {
        var label = cell.label
        var rowspan = 1
        if label.isEmpty && cell.span == 1 {
          var below = level + 1
          while below < levelCount,
            let next = layout.levels[below].first(where: { $0.start == cell.start }),
            next.span == 1
          {
            covered.insert([below, cell.start])
            rowspan += 1
            label = next.label
            if !label.isEmpty { break }
            below += 1
          }
        }
        let spanText =
          (cell.span > 1 ? " colspan=\"\(cell.span)\"" : "")
          + (rowspan > 1 ? " rowspan=\"\(rowspan)\"" : "")
        if label.isEmpty {
          row += "<td\(spanText)></td>"
        } else {
          let scope = level == 0 && cell.span > 1 ? "colgroup" : "col"
          row += "<th scope=\"\(scope)\"\(spanText)>\(x(label))</th>"
        }
      }
      rows.append(row + "</tr>")
    }
    return rows
  }

  private func bodyGroups(_ table: ReportTable, _ layout: TableLayout) -> [String] {
    let format = NumberFormat(language: table.language, style: .typographic)
    let stubCount = table.stubHeaders.count
    let runs = (0..<stubCount).map { layout.stubRuns($0) }
    var html: [String] = []
    var open = false
    for (rowIndex, row) in table.rows.enumerated() {
      let startsGroup =
        rowIndex == 0 || (stubCount > 1 && runs[0][rowIndex] > 0)
        || row.isTotal != table.rows[rowIndex - 1].isTotal
      if startsGroup {
        if open { html.append("</tbody>") }
        html.append("<tbody>")
        open = true
      }
      var line = row.isTotal ? "<tr class=\"total\">" : "<tr>"
      let colspans = layout.stubColumnSpans(row: rowIndex, runs: runs)
      for (stub, label) in row.labels.enumerated() {
        let span = runs[stub][rowIndex]
        guard span > 0, colspans[stub] > 0 else { continue }
        // The outermost label of a multi-row group heads its <tbody>; others head their row.
        let scope = stub == 0 && stubCount > 1 && span > 1 ? "rowgroup" : "row"
        let rowspan = span > 1 ? " rowspan=\"\(span)\"" : ""
        let colspan = colspans[stub] > 1 ? " colspan=\"\(colspans[stub])\"" : ""
        line += "<th scope=\"\(scope)\"\(colspan)\(rowspan)>\(Escaping.xml(label))</th>"
      }
      for column in table.columns.indices {
        line += cellHTML(
          DisplayCell(table, row: rowIndex, column: column, format: format),
          numeric: layout.isNumeric(column: column))
      }
      html.append(line + "</tr>")
    }
    if open { html.append("</tbody>") }
    return html
  }

  private func cellHTML(_ cell: DisplayCell, numeric: Bool) -> String {
    var content = Escaping.xml(cell.text)
    if let legend = cell.symbolLegend {
      content = "<abbr title=\"\(Escaping.xml(legend))\">\(content)</abbr>"
    }
    content += cell.markers.map { "<sup>\(Escaping.xml($0))</sup>" }.joined()
    let classes: String
    switch cell.kind {
    case .number, .empty: classes = numeric ? " class=\"num\"" : ""
    case .symbol: classes = " class=\"num sym\""
    case .text: classes = ""
    }
    return "<td\(classes)>\(content)</td>"
  }

  private func footnoteHTML(_ note: Footnote, _ table: ReportTable) -> String {
    let text = Escaping.xml(note.text)
    switch note.kind {
    case .source: return Escaping.xml(ReportingText.sourcePrefix(table.language)) + text
    case .symbol: return note.marker.map { "<b>\(Escaping.xml($0))</b> " }.map { $0 + text } ?? text
    case .note:
      return note.marker.map { "<sup>\(Escaping.xml($0))</sup> " }.map { $0 + text } ?? text
    }
  }
}
