import Foundation
import Reporting
import StatsTestSupport
import Testing

/// Golden files for every text renderer on the shared sample tables (re-record with
/// RECORD_SNAPSHOTS=1 and review the diff).
@Suite("Renderer snapshots")
struct RendererSnapshotTests {
  static let tables: [(name: String, table: ReportTable)] = [
    ("suspects", SampleTables.suspects),
    ("coefficients", SampleTables.coefficients),
  ]

  @Test("Markdown", arguments: tables.map(\.name))
  func markdown(name: String) throws {
    assertSnapshot(try MarkdownRenderer().render(Self.table(name)), named: "\(name).md")
  }

  @Test("CSV, RFC 4180", arguments: tables.map(\.name))
  func csv(name: String) throws {
    assertSnapshot(try CSVRenderer().render(Self.table(name)), named: "\(name).csv")
  }

  @Test("CSV, Swedish Excel", arguments: tables.map(\.name))
  func csvExcel(name: String) throws {
    let csv = try CSVRenderer(style: .excelSwedish).render(Self.table(name))
    #expect(csv.hasPrefix("\u{FEFF}"), "UTF-8 byte order mark for Excel")
    #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends only")
    // Foundation drops a BOM when reading a snapshot back: compare the rest.
    assertSnapshot(String(csv.dropFirst()), named: "\(name).excel.csv")
  }

  @Test("JSON", arguments: tables.map(\.name))
  func json(name: String) throws {
    assertSnapshot(try JSONRenderer().render(Self.table(name)), named: "\(name).json")
  }

  @Test("HTML document", arguments: tables.map(\.name))
  func html(name: String) throws {
    assertSnapshot(try HTMLRenderer().render(Self.table(name)), named: "\(name).html")
  }

  @Test("LaTeX", arguments: tables.map(\.name))
  func latex(name: String) throws {
    assertSnapshot(try LaTeXRenderer().render(Self.table(name)), named: "\(name).tex")
  }

  @Test("Several tables in one file")
  func several() throws {
    let both = [SampleTables.suspects, SampleTables.coefficients]
    assertSnapshot(try JSONRenderer().render(both), named: "both.json")
    assertSnapshot(try HTMLRenderer(mode: .fragment).render(both), named: "both.fragment.html")
    assertSnapshot(try LaTeXRenderer(standalone: true).render(both), named: "both.standalone.tex")
  }

  static func table(_ name: String) -> ReportTable {
    tables.first { $0.name == name }!.table
  }
}

@Suite("Documentation example")
struct DocumentationExampleTests {
  /// The example in Reporting.docc/Reporting.md, run as written.
  @Test("The overview example prints the table shown in the documentation")
  func overview() throws {
    var table = ReportTable(
      title: "Misstänkta för våld i nära relation, 2023",
      unit: "antal och per 100 000 invånare",
      language: .sv,
      stubHeaders: ["Kön"],
      columnGroups: [[HeaderSpan("18–24 år", span: 2)]],
      columns: [ReportColumn("Antal", role: .count), ReportColumn("Per 100 000", role: .rate)],
      footnotes: [.source("Brå")])
    try table.appendRow(["Män"], [.count(1_234), .rate(132.65)])
    try table.appendRow(["Kvinnor"], [.suppressed, .rate(19.95)])
    let lines = try MarkdownRenderer().render(table).split(separator: "\n").map(String.init)
    #expect(
      Array(lines[2...5]) == [
        "| Kön     | 18–24 år · Antal | 18–24 år · Per 100 000 |",
        "|:--------|-----------------:|-----------------------:|",
        "| Män     |            1\u{00A0}234 |                  132,7 |",
        "| Kvinnor |               .. |                   20,0 |",
      ])
  }
}
