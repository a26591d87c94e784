import CXLSXWriter
import Foundation

/// The only place that calls libxlsxwriter: turns sheet plans into a workbook file. Every
/// pointer lives inside `write(_:to:title:creationDate:)`.
enum XLSXWorkbook {
  static func write(
    _ plans: [XLSXSheetPlan], to path: String, title: String, creationDate: Date?
  ) throws(ReportingError) {
    guard let workbook = workbook_new(path) else {
      throw .xlsxWrite(
        path: path, sheet: nil, code: -1, message: "libxlsxwriter could not create a workbook")
    }
    var closed = false
    // On an error, free the workbook without writing a partial file.
    defer { if !closed { lxw_workbook_free(workbook) } }

    var formats: [XLSXSheetPlan.Style: UnsafeMutablePointer<lxw_format>] = [:]
    func format(_ style: XLSXSheetPlan.Style) -> UnsafeMutablePointer<lxw_format>? {
      if let existing = formats[style] { return existing }
      guard let made = workbook_add_format(workbook) else { return nil }
      if let code = style.numberFormat { format_set_num_format(made, code) }
      if style.bold { format_set_bold(made) }
      if style.italic { format_set_italic(made) }
      if let size = style.fontSize { format_set_font_size(made, size) }
      switch style.alignment {
      case .left: format_set_align(made, UInt8(LXW_ALIGN_LEFT.rawValue))
      case .center: format_set_align(made, UInt8(LXW_ALIGN_CENTER.rawValue))
      case .right: format_set_align(made, UInt8(LXW_ALIGN_RIGHT.rawValue))
      case nil: break
      }
      if style.topBorder { format_set_top(made, UInt8(LXW_BORDER_THIN.rawValue)) }
      if style.bottomBorder { format_set_bottom(made, UInt8(LXW_BORDER_THIN.rawValue)) }
      formats[style] = made
      return made
    }

    for plan in plans {
      guard let sheet = workbook_add_worksheet(workbook, plan.name) else {
        throw .xlsxWrite(
          path: path, sheet: plan.name, code: -1, message: "invalid or duplicate sheet name")
      }
      func check(_ error: lxw_error) throws(ReportingError) {
        guard error == LXW_NO_ERROR else {
          throw .xlsxWrite(
            path: path, sheet: plan.name, code: Int32(error.rawValue),
            message: String(cString: lxw_strerror(error)))
        }
      }
      for merge in plan.merges {
        try check(
          worksheet_merge_range(
            sheet, lxw_row_t(merge.firstRow), lxw_col_t(merge.firstColumn),
            lxw_row_t(merge.lastRow),
            lxw_col_t(merge.lastColumn), merge.text, format(merge.style)))
      }
      for cell in plan.cells {
        let row = lxw_row_t(cell.row)
        let column = lxw_col_t(cell.column)
        switch cell.value {
        case .number(let value):
          try check(worksheet_write_number(sheet, row, column, value, format(cell.style)))
        case .text(let text) where text.isEmpty:
          try check(worksheet_write_blank(sheet, row, column, format(cell.style)))
        case .text(let text):
          try check(worksheet_write_string(sheet, row, column, text, format(cell.style)))
        case .sheetLink(let text, let target):
          // An internal link: internal:'Sheet name'!A1 (an apostrophe in the name doubled).
          let url = "internal:'" + target.replacingOccurrences(of: "'", with: "''") + "'!A1"
          try check(
            worksheet_write_url_opt(sheet, row, column, url, format(cell.style), text, nil))
        }
      }
      for (column, width) in plan.columnWidths.enumerated() {
        try check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil))
      }
      worksheet_freeze_panes(sheet, lxw_row_t(plan.freezeRow), lxw_col_t(plan.freezeColumn))
    }

    let status: lxw_error = title.withCString { titlePointer in
      var properties = lxw_doc_properties()
      properties.title = UnsafeMutablePointer(mutating: titlePointer)
      if let creationDate { properties.created = time_t(creationDate.timeIntervalSince1970) }
      return workbook_set_properties(workbook, &properties)
    }
    guard status == LXW_NO_ERROR else {
      throw .xlsxWrite(
        path: path, sheet: nil, code: Int32(status.rawValue),
        message: String(cString: lxw_strerror(status)))
    }
    closed = true
    let result = workbook_close(workbook)
    guard result == LXW_NO_ERROR else {
      throw .xlsxWrite(
        path: path, sheet: nil, code: Int32(result.rawValue),
        message: String(cString: lxw_strerror(result)))
    }
  }
}
