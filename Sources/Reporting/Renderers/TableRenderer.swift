import Foundation
import Microdata

/// A format that one or more `ReportTable`s are rendered into: Markdown, CSV, JSON, HTML,
/// LaTeX or XLSX.
///
/// Every renderer checks each table with `ReportTable.validate()` first, formats numbers
/// with `NumberFormat` in the table's language, and never writes the value of a suppressed
/// cell (a suppressed cell holds none).
public protocol TableRenderer: Sendable {
  /// The file extension of the format, without a dot: `md`, `csv`, `json`, `html`, `tex`,
  /// `xlsx`.
  var fileExtension: String { get }

  /// The bytes of one file holding `tables`.
  ///
  /// - Throws: `ReportingError` when a table is malformed or the format cannot be produced.
  func data(for tables: [ReportTable]) throws(ReportingError) -> Data
}

/// A renderer whose output is text.
public protocol TextTableRenderer: TableRenderer {
  /// One table as text.
  func render(_ table: ReportTable) throws(ReportingError) -> String

  /// Several tables as one text (by default: each rendered, separated by a blank line).
  func render(_ tables: [ReportTable]) throws(ReportingError) -> String
}

extension TextTableRenderer {
  public func render(_ tables: [ReportTable]) throws(ReportingError) -> String {
    var parts: [String] = []
    for table in tables { parts.append(try render(table)) }
    return parts.joined(separator: "\n")
  }

  public func data(for tables: [ReportTable]) throws(ReportingError) -> Data {
    Data(try render(tables).utf8)
  }
}

extension TableRenderer {
  /// Writes `tables` to the file at `url`, replacing it.
  ///
  /// - Throws: `ReportingError.fileWrite` when the file cannot be written, or the renderer's
  ///   own errors.
  public func write(_ tables: [ReportTable], to url: URL) throws(ReportingError) {
    let data = try data(for: tables)
    do {
      try writeReplacingFile(data, to: url)
    } catch {
      throw .fileWrite(path: url.path, reason: fileErrorReason(error, path: url.path))
    }
  }
}
