import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("Report suppression in every format")
struct ReportSuppressionTests {
  @Test func noCountBelowTheThresholdInAnyFormat() throws {
    let out = temporaryDirectory("strata-suppression")
    defer { try? FileManager.default.removeItem(at: out) }
    let recipe = fixture("Fixtures/Report/small-aggregate.yaml")
    try ReportCommand.parse([recipe.path, "--out", out.path, "--only", "andel,per-grupp"]).execute {
      _ in
    }
    let scan = ReportSuppressionScan(directory: out, threshold: 5)
    #expect(try scan.problems() == [])
    // The fixture has counts 2, 3 and 4: they are suppressed, not absent from the test.
    let table = try TableShape(
      json: String(contentsOf: out.appendingPathComponent("01-andel.table.json"), encoding: .utf8))
    #expect(table.rows.flatMap { $0 }.filter { $0 == .suppressed }.count == 5)
    let workbook = try XLSXArchive(contentsOf: out.appendingPathComponent("tables.xlsx"))
    let sheet = TableNumbers.fromSheet(workbook.cells(sheet: 2))
    #expect(sheet.suppressed == 5)
    #expect(!sheet.numbers.contains { $0 > 0 && $0 < 5 })
    let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    for small in [
      "<td class=\"num\">2</td>", "<td class=\"num\">3</td>", "<td class=\"num\">4</td>",
    ] {
      #expect(!index.contains(small))
    }
  }

  @Test func theScanFindsALeak() throws {
    let out = temporaryDirectory("strata-suppression")
    defer { try? FileManager.default.removeItem(at: out) }
    let recipe = fixture("Fixtures/Report/small-aggregate.yaml")
    try ReportCommand.parse([recipe.path, "--out", out.path, "--only", "andel"]).execute { _ in }
    // Put a suppressed count back into the CSV: the scan must notice.
    let csv = out.appendingPathComponent("01-andel.csv")
    let text = try String(contentsOf: csv, encoding: .utf8)
    #expect(text.contains("Grupp A,2020,100,,,true"))
    try text.replacingOccurrences(
      of: "Grupp A,2020,100,,,true", with: "Grupp A,2020,100,3,3.0,true"
    )
    .write(to: csv, atomically: true, encoding: .utf8)
    let problems = try ReportSuppressionScan(directory: out, threshold: 5).problems()
    #expect(problems.contains { $0.hasPrefix("01-andel.csv: row 1, Återfall · Antal = 3") })
  }

  @Test func theModelReportsJSONIsProtectedByTheAnalyses() throws {
    // The report writes each analysis's JSON as the analysis published it (no redaction
    // afterwards): MAIHDA's suppressed strata carry no cases, and the scan finds no small count.
    let out = temporaryDirectory("strata-suppression")
    defer { try? FileManager.default.removeItem(at: out) }
    let recipe = projectRoot().appendingPathComponent(
      "notebooks-scripts/vem-misstanks-for-vald.yaml")
    try ReportCommand.parse([recipe.path, "--out", out.path, "--only", "vnr-partner-maihda"])
      .execute { _ in }
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: out.path).first {
        $0.hasSuffix("maihda.json")
      })
    let json = try TestCounty.object(Data(contentsOf: out.appendingPathComponent(name)))
    let strata = try #require(json["strata"] as? [[String: Any]])
    let suppressed = strata.filter { $0["suppressed"] as? Bool == true }
    #expect(!suppressed.isEmpty)
    #expect(suppressed.allSatisfy { $0["cases"] == nil && $0["predicted"] == nil })
    #expect(json["report_disclosure"] == nil)
    #expect(try ReportSuppressionScan(directory: out, threshold: 5).problems() == [])
  }
}
