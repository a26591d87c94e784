import Foundation
import Microdata
import Reporting
import StatsTestSupport
import Testing

@testable import Reporting

@Suite("ReportTable")
struct ReportTableTests {
  @Test("Shape errors name the table, row and counts")
  func validation() throws {
    var table = ReportTable(
      title: "T", stubHeaders: ["a", "b"], columns: [ReportColumn("n", role: .count)])
    #expect(
      throws: ReportingError.rowShape(
        table: "T", row: 0, labels: 1, expectedLabels: 2, cells: 1, expectedCells: 1)
    ) {
      try table.appendRow(["x"], [.count(1)])
    }
    table.rows.append(ReportRow(labels: ["x", "y"], cells: [.count(1), .count(2)]))
    do {
      try table.validate()
      Issue.record("a row with two cells for one column validated")
    } catch {
      #expect(
        error.description
          == "Table \"T\", row 1: it has 2 row label(s) and 2 cell(s), but the table has 2 stub column(s) and 1 column(s)."
      )
    }
    table.rows = []
    table.columnGroups = [[HeaderSpan("g", span: 2)]]
    #expect(throws: ReportingError.headerSpans(table: "T", level: 0, spannedColumns: 2, columns: 1))
    {
      try table.validate()
    }
    table.columnGroups = []
    table.columns[0].decimals = 16
    #expect(throws: ReportingError.decimals(table: "T", row: nil, column: 0, decimals: 16)) {
      try table.validate()
    }
    // Every renderer validates first.
    #expect(throws: ReportingError.self) { try MarkdownRenderer().render(table) }
    #expect(throws: ReportingError.self) { try XLSXRenderer().data(for: [table]) }
  }

  @Test("Codable round trip; decoding a malformed table fails")
  func codable() throws {
    for table in [SampleTables.suspects, SampleTables.coefficients, SampleTables.awkward] {
      let data = try JSONEncoder().encode(table)
      #expect(try JSONDecoder().decode(ReportTable.self, from: data) == table)
    }
    let malformed = """
      {"title": "T", "stub_headers": ["a"], "columns": [{"label": "n", "role": "count"}],
       "rows": [{"labels": ["x"], "cells": [{"number": 1, "kind": "count"}, {"suppressed": true}], "is_total": false}]}
      """
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(ReportTable.self, from: Data(malformed.utf8))
    }
    let cell = try JSONDecoder().decode(
      ReportCell.self, from: Data(#"{"number": 2.5, "kind": "rate", "flags": ["uncertain"]}"#.utf8))
    #expect(cell == ReportCell.rate(2.5).flagged(.uncertain))
  }

  @Test("The legend explains exactly the symbols used, in a fixed order, in each language")
  func legend() throws {
    let markers = SampleTables.suspects.renderedFootnotes.map { $0.marker ?? "" }
    #expect(markers == ["a", "..", "-", "0,0", "*", ""])
    var english = SampleTables.suspects
    english.language = .en
    let texts = english.standardLegend.map(\.text)
    #expect(
      texts == [
        "Not shown: too few observations, or too uncertain to be published.",
        "Cannot occur.",
        "Less than 0.05 but more than zero; 0 means exactly zero.",
        "Uncertain estimate (few observations): interpret with caution.",
      ])
    // A table's own explanation of a symbol replaces the standard one.
    var custom = SampleTables.suspects
    custom.footnotes.append(Footnote(.symbol, marker: "..", text: "Färre än 5 personer."))
    let suppressedNotes = custom.renderedFootnotes.filter { $0.marker == ".." }
    #expect(suppressedNotes.map(\.text) == ["Färre än 5 personer."])
    // No symbols, no legend.
    var plain = ReportTable(
      title: "T", stubHeaders: ["a"], columns: [ReportColumn("n", role: .count)])
    try plain.appendRow(["x"], [.count(3)])
    #expect(plain.renderedFootnotes.isEmpty)
  }

  @Test("Repeated outer row labels form runs; total rows break them")
  func stubRuns() {
    let layout = TableLayout(SampleTables.suspects)
    #expect(layout.stubRuns(0) == [2, 0, 2, 0, 1])
    #expect(layout.stubRuns(1) == [1, 1, 1, 1, 1])
    #expect(layout.path(ofColumn: 1) == ["18–24 år", "Per 100 000"])
    #expect(layout.path(ofColumn: 4) == ["Andel, %"])
  }

  @Test("Sheet names: forbidden characters, 31 characters, unique ignoring case")
  func sheetNames() {
    let names = XLSXSheetNames.unique(
      [
        "Brott: [alla]/typer?", "", "history", "Samma", "samma", String(repeating: "å", count: 40),
        String(repeating: "å", count: 40), "'citat'",
      ],
      fallback: { "Tabell \($0)" })
    #expect(
      names == [
        "Brott alla typer", "Tabell 2", "history 1", "Samma", "samma (2)",
        String(repeating: "å", count: 31), String(repeating: "å", count: 27) + " (2)", "citat",
      ])
    for name in names {
      #expect(name.utf16.count <= 31)
      #expect(!name.contains { "[]:*?/\\".contains($0) })
    }
  }
}

@Suite("Labels from factor levels")
struct FactorLabelTests {
  @Test("Rows and spanning headers take the level label in the table's language")
  func levels() throws {
    let men = Factor.Level(code: "1", sv: "Män", en: "Men")
    let born = Factor.Level(code: "utrikes", sv: "Utrikes född", en: "Born abroad")
    let age = Factor.Level(code: "18-24", sv: "18–24 år", en: "")
    for language in Language.allCases {
      var table = ReportTable(
        title: "t", language: language, stubHeaders: ["kon", "fodelse"],
        columns: [ReportColumn("n", role: .count), ReportColumn("r", role: .rate)])
      table.columnGroups = [table.headerSpans(levels: [age], span: 2)]
      try table.appendRow(levels: [men, born], [.count(3), .rate(1.5)])
      try table.validate()
      #expect(
        table.rows[0].labels
          == (language == .sv ? ["Män", "Utrikes född"] : ["Men", "Born abroad"]))
      // An empty English label falls back to the code.
      #expect(table.columnGroups[0][0].label == (language == .sv ? "18–24 år" : "18-24"))
    }
  }
}

@Suite("Table formats")
struct TableFormatTests {
  @Test("Every format's renderer writes a file with its extension", arguments: TableFormat.allCases)
  func renderers(format: TableFormat) throws {
    let renderer = format.renderer()
    #expect(renderer.fileExtension == format.rawValue)
    let url = temporaryDirectory().appendingPathComponent("t.\(renderer.fileExtension)")
    try renderer.write([SampleTables.suspects], to: url)
    let data = try Data(contentsOf: url)
    #expect(data.count > 200)
    #expect(format.isText == (String(data: data, encoding: .utf8) != nil))
  }
}
