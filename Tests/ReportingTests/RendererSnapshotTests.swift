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
