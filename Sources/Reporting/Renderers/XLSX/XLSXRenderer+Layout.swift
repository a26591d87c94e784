extension XLSXRenderer {
  /// Lays out one table as a worksheet (no libxlsxwriter calls).
  func plan(for table: ReportTable, name: String) -> XLSXSheetPlan {
    typealias Style = XLSXSheetPlan.Style
    let layout = TableLayout(table)
    let format = NumberFormat(language: table.language, style: .typographic)
    let stubCount = table.stubHeaders.count
    var plan = XLSXSheetPlan(name: name)
    var widths = Array(repeating: 6.0, count: table.totalColumnCount)
    func widen(_ column: Int, _ text: String, span: Int = 1) {
      let needed = Double(text.count) * 1.1 + 2
      let share = needed / Double(span)
      for index in column..<(column + span) where index < widths.count {
        widths[index] = max(widths[index], min(share, 50))
      }
    }

    var row = 0
    plan.cells.append(
      .init(row: row, column: 0, value: .text(table.title), style: Style(bold: true, fontSize: 12)))
    row += 1
    if let subtitle = table.subtitle {
      plan.cells.append(.init(row: row, column: 0, value: .text(subtitle), style: Style()))
      row += 1
    }
    if let unit = table.unit {
      plan.cells.append(
        .init(
          row: row, column: 0, value: .text(ReportingText.unitPrefix(table.language) + unit),
          style: Style()))
      row += 1
    }
    row += 1

    // Header.
    let headerTop = row
    let headerBottom = row + layout.headerRowCount - 1
    let stubHeaderStyle = Style(bold: true, alignment: .left, topBorder: true, bottomBorder: true)
    for (column, header) in table.stubHeaders.enumerated() {
      widen(column, header)
      if headerBottom > headerTop {
        plan.merges.append(
          .init(
            firstRow: headerTop, firstColumn: column, lastRow: headerBottom, lastColumn: column,
            text: header, style: stubHeaderStyle))
      } else {
        plan.cells.append(
          .init(row: headerTop, column: column, value: .text(header), style: stubHeaderStyle))
      }
    }
    for (levelIndex, level) in layout.levels.enumerated() {
      let isLeaf = levelIndex == layout.headerRowCount - 1
      for cell in level {
        let column = stubCount + cell.start
        let style = Style(
          bold: true, alignment: isLeaf && layout.isNumeric(column: cell.start) ? .right : .center,
          topBorder: levelIndex == 0, bottomBorder: isLeaf)
        widen(column, cell.label, span: cell.span)
        if cell.span > 1 {
          plan.merges.append(
            .init(
              firstRow: headerTop + levelIndex, firstColumn: column,
              lastRow: headerTop + levelIndex,
              lastColumn: column + cell.span - 1, text: cell.label, style: style))
        } else {
          plan.cells.append(
            .init(
              row: headerTop + levelIndex, column: column, value: .text(cell.label), style: style))
        }
      }
    }
    row = headerBottom + 1
    plan.freezeRow = row
    plan.freezeColumn = stubCount

    // Body.
    for (rowIndex, tableRow) in table.rows.enumerated() {
      let isLast = rowIndex == table.rows.count - 1
      for (column, label) in tableRow.labels.enumerated() {
        widen(column, label)
        plan.cells.append(
          .init(
            row: row, column: column, value: .text(label),
            style: Style(bold: tableRow.isTotal, alignment: .left, bottomBorder: isLast)))
      }
      for column in table.columns.indices {
        let cell = tableRow.cells[column]
        var style = Style(
          bold: tableRow.isTotal, italic: cell.flags.contains(.uncertain), bottomBorder: isLast)
        let value: XLSXSheetPlan.Value?
        switch cell.content {
        case .number(let number):
          let decimals = table.decimals(of: number, column: column)
          if let literal = precision.literal(number, decimals: decimals),
            let stored = Double(literal)
          {
            value = .number(stored)
            style.numberFormat = XLSXSheetPlan.numberFormat(
              kind: number.kind, decimals: decimals, isZero: number.value == 0, format: format,
              markers: cell.markers)
            widen(
              stubCount + column,
              format.string(number.value, kind: number.kind, decimals: decimals)
                + cell.markers.joined())
          } else if number.value.isNaN {
            value = nil
          } else {
            value = .text(format.string(number.value, kind: number.kind) + cell.markers.joined())
            style.alignment = .right
          }
        case .text(let text):
          value = .text(text + cell.markers.joined())
          widen(stubCount + column, text)
        case .suppressed:
          value = .text(ReportingText.suppressedSymbol + cell.markers.joined())
          style.alignment = .right
        case .cannotOccur:
          value = .text(ReportingText.cannotOccurSymbol + cell.markers.joined())
          style.alignment = .right
        case .missing:
          value = cell.markers.isEmpty ? nil : .text(cell.markers.joined())
        }
        if let value {
          plan.cells.append(.init(row: row, column: stubCount + column, value: value, style: style))
        } else if isLast {
          plan.cells.append(
            .init(row: row, column: stubCount + column, value: .text(""), style: style))
        }
      }
      row += 1
    }

    // Footnotes.
    let notes = table.renderedFootnotes
    if !notes.isEmpty { row += 1 }
    for note in notes {
      plan.cells.append(
        .init(
          row: row, column: 0, value: .text(note.plainText(table.language)),
          style: Style(fontSize: 9)))
      row += 1
    }
    plan.columnWidths = widths.map { max(8, $0) }
    return plan
  }
}
