import Foundation
import Reporting
import StatsTestSupport
import Testing

@Suite("XLSX renderer")
struct XLSXRendererTests {
  /// Writes both sample tables, reads the workbook back, and checks every body cell against
  /// the value the JSON renderer emits for it: numbers equal as doubles, symbols as text,
  /// missing cells absent.
  @Test(
    "Read-back: every cell equals the JSON renderer's value",
    arguments: [NumericPrecision.asDisplayed, .full])
  func readBack(precision: NumericPrecision) throws {
    let tables = [SampleTables.suspects, SampleTables.coefficients]
    let url = temporaryDirectory().appendingPathComponent("tables.xlsx")
    try XLSXRenderer(precision: precision).write(tables, to: url)
    let archive = try XLSXArchive(contentsOf: url)

    for (sheetIndex, table) in tables.enumerated() {
      let sheet = archive.cells(sheet: sheetIndex + 1)
      #expect(sheet["A1"] == .text(table.title), "title in A1")
      let json =
        try JSONSerialization.jsonObject(
          with: Data(JSONRenderer(precision: precision).render(table).utf8)) as! [String: Any]
      let rows = json["rows"] as! [[String: Any]]
      // The body starts on the row after the last header row: find the first row label.
      let firstBodyRow = try #require(
        (0..<40).first {
          sheet[cellReference(row: $0, column: 0)] == .text(table.rows[0].labels[0])
        })
      let stubCount = table.stubHeaders.count
      var compared = 0
      for (rowIndex, row) in rows.enumerated() {
        let labels = row["labels"] as! [String]
        for (stub, label) in labels.enumerated() where !label.isEmpty {
          #expect(sheet[cellReference(row: firstBodyRow + rowIndex, column: stub)] == .text(label))
        }
        for (column, value) in (row["cells"] as! [Any]).enumerated() {
          let reference = cellReference(row: firstBodyRow + rowIndex, column: stubCount + column)
          let expected = Self.expectedValue(value)
          #expect(sheet[reference] == expected, "sheet \(sheetIndex + 1) \(reference)")
          compared += 1
        }
      }
      #expect(compared == table.rows.count * table.columns.count)
    }
  }

  static func expectedValue(_ json: Any) -> XLSXValue? {
    switch json {
    case let number as NSNumber: return .number(number.doubleValue)
    case let text as String: return .text(text)
    case let object as [String: Any]:
      if object["suppressed"] as? Bool == true { return .text("..") }
      if object["cannot_occur"] as? Bool == true { return .text("-") }
      if let value = object["value"] { return expectedValue(value) }
      return nil
    default: return nil
    }
  }

  @Test("Structure: sheet names, merged headers, frozen panes, number formats, footnotes")
  func structure() throws {
    let tables = [SampleTables.suspects, SampleTables.coefficients]
    let url = temporaryDirectory().appendingPathComponent("structure.xlsx")
    try XLSXRenderer().write(tables, to: url)
    let archive = try XLSXArchive(contentsOf: url)
    let workbook = try #require(archive.parts["xl/workbook.xml"])
    #expect(workbook.contains("name=\"Våld i nära relation\""))
    #expect(workbook.contains("name=\"Logistic regression suspected o\""))
    let sheet1 = try #require(archive.parts["xl/worksheets/sheet1.xml"])
    // Title, subtitle, unit, blank row, two header rows: the body starts on row 7.
    #expect(sheet1.contains("<pane xSplit=\"2\" ySplit=\"6\" topLeftCell=\"C7\""))
    #expect(sheet1.contains("state=\"frozen\""))
    for merge in ["A5:A6", "B5:B6", "C5:D5", "E5:F5"] {
      #expect(sheet1.contains("<mergeCell ref=\"\(merge)\"/>"), "merged \(merge)")
    }
    let styles = try #require(archive.parts["xl/styles.xml"])
    for code in [
      "#,##0", "#,##0.0", "#,##0.00", "#,##0.0&quot;*&quot;",
      "[&lt;0.001]&quot;&lt;0.001&quot;;0.000",
    ] {
      #expect(styles.contains("formatCode=\"\(code)\""), "number format \(code)")
    }
    let cells = archive.cells(sheet: 1)
    #expect(cells["A13"] == .text("a Exklusive personer med okänt födelseland."))
    #expect(
      cells["A18"] == .text("Källa: Brå, misstänkta personer 2023; SCB, befolkningsstatistik"))
  }

  @Test("A fixed creation date makes the workbook byte-for-byte reproducible")
  func reproducible() throws {
    let renderer = XLSXRenderer(creationDate: Date(timeIntervalSince1970: 1_700_000_000))
    let first = try renderer.data(for: [SampleTables.suspects])
    let second = try renderer.data(for: [SampleTables.suspects])
    #expect(first == second)
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a ZIP local file header
  }

  @Test("Errors: no tables, an unwritable path")
  func errors() {
    let missing = URL(fileURLWithPath: "/nonexistent-folder-\(UUID().uuidString)/x.xlsx")
    #expect(throws: ReportingError.emptyWorkbook(path: missing.path)) {
      try XLSXRenderer().write([], to: missing)
    }
    do {
      try XLSXRenderer().write([SampleTables.suspects], to: missing)
      Issue.record("writing into a missing folder succeeded")
    } catch {
      guard case .fileWrite(let path, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(path == missing.path)
      #expect(error.description.contains("does not exist or is not writable"))
    }
  }
}
