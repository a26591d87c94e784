import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// Disclosure control reaches every output: no count below the threshold is published in the
/// JSON or in any rendered format, and a suppressed entry carries no values.
@Suite struct TabulateSuppressionTests {
  /// kon × brottstyp × aldersgrupp3 of 103 suspects: many small cells.
  func job(suppress: Int, population: Bool = false) -> TabulationRequest {
    TabulationRequest(
      data: DataInput(path: TestCounty.path("suspects")), rows: ["kon", "aldersgrupp3"],
      cols: ["fodelse"],
      population: population ? DataInput(path: TestCounty.path("population")) : nil,
      suppress: suppress)
  }

  static let valueFields = [
    "count", "population", "rate", "rate_ci", "percent", "population_share", "count_share",
    "representation_ratio", "representation_ci",
  ]

  @Test(arguments: [false, true])
  func jsonWithholdsSmallCounts(population: Bool) throws {
    let open = try TestCounty.object(try job(suppress: 0, population: population).publish().json)
    let json = try TestCounty.object(try job(suppress: 5, population: population).publish().json)
    let all = jsonRecords(json, "cells") + jsonRecords(json, "margins")
    let openAll = jsonRecords(open, "cells") + jsonRecords(open, "margins")
    #expect(all.count == openAll.count)
    var suppressed = 0
    for (record, reference) in zip(all, openAll) {
      if record["suppressed"] as? Bool == true {
        suppressed += 1
        for field in Self.valueFields { #expect(record[field] == nil, "\(field) leaked") }
      } else {
        let count = try #require(record["count"] as? Double)
        #expect(count == 0 || count >= 5, "published count \(count)")
        #expect(count == reference["count"] as? Double)
      }
    }
    // The county has cells of 1–4 suspects, so something must have been suppressed, and every
    // one of those small cells is among the suppressed.
    let small = openAll.filter { ($0["count"] as? Double).map { $0 > 0 && $0 < 5 } ?? false }
    #expect(!small.isEmpty)
    #expect(suppressed >= small.count)
    let summary = try #require(json["suppression"] as? [String: Any])
    #expect(summary["primary"] as? Int == small.count)
  }

  /// The body cells of a rendered table in every count column must be `..`, `0` or ≥ 5.
  @Test(arguments: ["md", "csv", "html"])
  func renderedFormatsWithholdSmallCounts(format: String) throws {
    let result = try job(suppress: 5, population: true).publish()
    let table = result.tables[0]
    let countColumns = table.columns.indices.filter { table.columns[$0].role == .count }
    #expect(!countColumns.isEmpty)
    let bodies: [[String]]
    switch format {
    case "md":
      let text = try MarkdownRenderer().render(table)
      bodies = text.split(separator: "\n").filter { $0.hasPrefix("|") }.dropFirst(2).map { line in
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
          .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "*", with: "") }
          .dropFirst(table.stubHeaders.count).map { $0 }
      }
    case "csv":
      let text = try CSVRenderer().render(table)
      bodies = text.split(separator: "\r\n").dropFirst().map { line in
        line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
          .dropFirst(table.stubHeaders.count).map { $0 }
      }
    default:
      let text = try HTMLRenderer().render(table)
      let body = text[text.range(of: "<tbody>")!.lowerBound..<text.range(of: "<tfoot>")!.lowerBound]
      bodies = body.components(separatedBy: "<tr").dropFirst().map { row in
        row.components(separatedBy: "<td").dropFirst().map { cell in
          let content = cell[cell.index(after: cell.firstIndex(of: ">")!)...]
          return String(content.prefix { $0 != "<" })
            .replacingOccurrences(of: "<abbr", with: "")
        }.map { $0.isEmpty ? ".." : $0 }
      }
    }
    #expect(bodies.count == table.rows.count)
    var checked = 0
    for (row, cells) in bodies.enumerated() {
      #expect(cells.count == table.columns.count, "row \(row) of \(format)")
      for column in countColumns where column < cells.count {
        if cells[column] == ".." { continue }
        let digits = cells[column].filter(\.isASCII).filter(\.isNumber)
        #expect(digits.count == cells[column].filter { $0.isASCII && !$0.isWhitespace }.count)
        let value = try #require(Double(digits), "\(format) row \(row): `\(cells[column])`")
        #expect(value == 0 || value >= 5, "\(format) row \(row) column \(column) shows \(value)")
        checked += 1
      }
    }
    #expect(checked > 0)
  }

  @Test func notesPublishNoSmallExclusionCounts() throws {
    // 10 persons lack fodelseland; with a threshold above that the note says "färre än".
    let persons = TabulationRequest(
      data: DataInput(path: TestCounty.path("persons")), rows: ["kon"], cols: ["fodelse"],
      suppress: 11)
    let result = try persons.publish()
    let notes = result.tables[0].footnotes.map(\.text)
    #expect(notes.contains { $0.hasPrefix("Färre än 11 rader ingår inte") })
    #expect(!notes.contains { $0.hasPrefix("10 rader") })
  }

  @Test func chartMarksSuppressedCellsInsteadOfDrawingThem() throws {
    let result = try job(suppress: 5, population: true).publish()
    let json = try TestCounty.object(result.json)
    let cells = jsonRecords(json, "cells")
    let suppressed = cells.filter { $0["suppressed"] as? Bool == true }
    #expect(!suppressed.isEmpty)
    let chart = try #require(result.charts.first)
    // One bar group per cell; each suppressed cell is a ".." mark without a bar or a number.
    #expect(chart.svg.components(separatedBy: "class=\"bar\"").count - 1 == cells.count)
    #expect(
      chart.svg.components(separatedBy: "data-mark=\"suppressed\"").count - 1 == suppressed.count)
    #expect(chart.svg.contains(Language.sv.text(.chartSuppressedMark)))
  }
}
