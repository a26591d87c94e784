import Foundation
import Microdata

/// Writes tables as an Excel workbook (`.xlsx`) through libxlsxwriter, one worksheet per
/// table.
///
/// Each sheet: the title in A1 (bold), subtitle and unit below it, a blank row, the header
/// (bold; spanning headers as merged, centred cells; stub headers merged down the header
/// rows), the body, a blank row, then the footnotes (notes, symbol legend, source). Panes are
/// frozen below the header and right of the row stub; column widths follow the content.
///
/// Numbers are stored as numbers (see `NumericPrecision`; default as displayed, so the sheet
/// holds what the printed table shows) with an Excel number format matching their decimals
/// (`#,##0`, `#,##0.0`, … — Swedish Excel shows `1 234,5`), `0` for a true zero,
/// `[<0.001]"<0,001";0.000` for p-values, and flag or note markers as a quoted suffix in the
/// format (`#,##0.0"*"`), so a flagged number stays a number. Suppressed cells are the text
/// `..`, cells that cannot occur `-`, missing cells and NaN are left empty, ±∞ are `∞`/`−∞`
/// text. Row labels are repeated on every row so the sheet can be sorted and filtered.
///
/// Sheet names come from `shortTitle` or the title, made valid (≤ 31 characters, none of
/// `[]:*?/\`) and unique. When the first table lists the other sheets by name in its row
/// stub (a contents sheet, as `strata report` writes), each name links to its sheet.
public struct XLSXRenderer: TableRenderer {
  /// The numbers stored: as displayed (default) or full precision.
  public var precision: NumericPrecision
  /// The creation time written into the workbook's properties; a fixed date makes the file
  /// byte-for-byte reproducible. `nil` uses the time of writing.
  public var creationDate: Date?

  public init(precision: NumericPrecision = .asDisplayed, creationDate: Date? = nil) {
    self.precision = precision
    self.creationDate = creationDate
  }

  public var fileExtension: String { "xlsx" }

  /// Writes `tables` as a workbook at `url` (replacing it), one sheet per table.
  ///
  /// - Throws: `ReportingError.emptyWorkbook` for no tables, `.fileWrite` when the folder
  ///   does not exist or is not writable, `.xlsxWrite` when libxlsxwriter fails, or a table's
  ///   validation error.
  public func write(_ tables: [ReportTable], to url: URL) throws(ReportingError) {
    guard !tables.isEmpty else { throw .emptyWorkbook(path: url.path) }
    for table in tables { try table.validate() }
    let folder = url.deletingLastPathComponent().path
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw .fileWrite(
        path: url.path, reason: "the folder \(folder) does not exist or is not writable")
    }
    let names = XLSXSheetNames.unique(tables.map { $0.shortTitle ?? $0.title }) { index in
      tables[index - 1].language.text(.sheetName(index: index))
    }
    var plans = zip(tables, names).map { plan(for: $0, name: $1) }
    if plans.count > 1 {
      // The first sheet, when it lists the others by name (a contents sheet), links to them.
      plans[0] = plans[0].linkingSheetNames(
        Set(names.dropFirst()), stubColumns: tables[0].stubHeaders.count)
    }
    try XLSXWorkbook.write(
      plans, to: url.path, title: tables[0].title, creationDate: creationDate)
  }

  /// The workbook's bytes (written to a temporary file and read back).
  public func data(for tables: [ReportTable]) throws(ReportingError) -> Data {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("strata-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: url) }
    try write(tables, to: url)
    do {
      return try Data(contentsOf: url)
    } catch {
      throw .fileWrite(path: url.path, reason: fileErrorReason(error, path: url.path))
    }
  }
}
