import Foundation
import Reporting
import StatsTestSupport
import Testing

/// A suppressed cell holds no value, so no format can print it. The sample table hid
/// 4321 behind a suppressed cell; no rendering, in any language or style, may contain it in
/// any spelling (`4321`, `4 321`, `4,321`, `4321.0`).
@Suite("Suppression never leaks")
struct SuppressionLeakTests {
  static let spellings = ["4321", "4\u{00A0}321", "4,321", "4 321", "4\\,321"]

  static func expectNoLeak(
    _ text: String, _ format: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for spelling in spellings {
      #expect(
        !text.contains(spelling), "\(format) contains \(spelling)", sourceLocation: sourceLocation)
    }
  }

  @Test("The table itself no longer holds the value")
  func modelHoldsNoValue() throws {
    let table = SampleTables.suspects
    #expect(table.rows[1].cells[0] == .suppressed)
    let encoded = String(decoding: try JSONEncoder().encode(table), as: UTF8.self)
    Self.expectNoLeak(encoded, "Codable JSON")
    #expect(encoded.contains("\"suppressed\":true"))
  }

  @Test("No text format contains the hidden value")
  func textFormats() throws {
    let table = SampleTables.suspects
    var english = table
    english.language = .en
    for candidate in [table, english] {
      let renderers: [(String, any TextTableRenderer)] = [
        ("md", MarkdownRenderer()), ("csv", CSVRenderer()),
        ("excel csv", CSVRenderer(style: .excelSwedish)), ("json", JSONRenderer()),
        ("json full", JSONRenderer(precision: .full)), ("html", HTMLRenderer()),
        ("tex", LaTeXRenderer(standalone: true)),
      ]
      for (name, renderer) in renderers {
        let text = try renderer.render(candidate)
        Self.expectNoLeak(text, "\(name) (\(candidate.language))")
        #expect(text.contains(".."), "\(name) shows the suppression symbol")
      }
    }
  }

  @Test(
    "No part of the XLSX archive contains the hidden value",
    arguments: [NumericPrecision.asDisplayed, .full])
  func workbook(precision: NumericPrecision) throws {
    let url = temporaryDirectory().appendingPathComponent("leak.xlsx")
    try XLSXRenderer(precision: precision).write([SampleTables.suspects], to: url)
    let archive = try XLSXArchive(contentsOf: url)
    #expect(archive.parts.keys.contains("xl/worksheets/sheet1.xml"))
    Self.expectNoLeak(archive.allText, "xlsx")
    #expect(archive.cells(sheet: 1)["C8"] == .text(".."))
  }

  @Test("Suppressing drops flags and notes too")
  func suppressDropsEverything() throws {
    var table = ReportTable(
      title: "t", stubHeaders: ["g"], columns: [ReportColumn("n", role: .count)])
    try table.appendRow(["a"], [ReportCell.count(4321).flagged(.uncertain).noted("x")])
    table.suppress(row: 0, column: 0)
    #expect(table.rows[0].cells[0] == .suppressed)
    #expect(table.rows[0].cells[0].number == nil)
  }
}
