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
    try text.replacingOccurrences(of: "Grupp A,2020,100,..,..", with: "Grupp A,2020,100,3,3.0")
      .write(to: csv, atomically: true, encoding: .utf8)
    let problems = try ReportSuppressionScan(directory: out, threshold: 5).problems()
    #expect(problems.contains { $0.hasPrefix("01-andel.csv: row 1, column 2") })
  }

  @Test func publishedJSONSuppressesSmallCountsKeptForAnalysis() throws {
    // As MAIHDA writes its strata: every number kept, disclosure left to the tables.
    let json = Data(
      """
      {"disclosure": {"applies_to": "tables", "threshold": 5},
       "null_model": {"vpc": 0.2},
       "strata": [
         {"kon": "1", "n": 3066, "cases": 22, "observed": 0.0072, "predicted": 0.0069},
         {"kon": "2", "n": 4, "cases": 1, "observed": 0.25, "predicted": 0.008, "ci": [0.001, 0.15]},
         {"kon": "3", "n": 470, "cases": 0, "observed": 0, "predicted": 0.002}
       ]}
      """.utf8)
    let published = PublishedJSON.redacted(json, threshold: 5)
    guard case .object(let root) = try JSONValue.parse(published),
      case .array(let strata)? = root["strata"],
      case .object(let small) = strata[1], case .object(let large) = strata[0],
      case .object(let zero) = strata[2]
    else {
      Issue.record("unexpected JSON \(String(decoding: published, as: UTF8.self))")
      return
    }
    #expect(small["n"] == nil && small["cases"] == nil && small["observed"] == nil)
    #expect(small["suppressed"] == .bool(true))
    #expect(small["predicted"] == .number(0.008))  // model-based, kept
    #expect(small["kon"] == .string("2"))
    #expect(large["n"] == .number(3066) && large["suppressed"] == nil)
    #expect(zero["cases"] == .number(0))  // a true zero is not suppressed
    #expect(
      root["null_model"] == .object(JSONObject(values: ["vpc": .number(0.2)], order: ["vpc"])))
    guard case .object(let note)? = root["report_disclosure"] else {
      Issue.record("no report_disclosure note")
      return
    }
    #expect(note["suppressed_objects"] == .number(1))
    // JSON with nothing to suppress is published byte for byte.
    let clean = Data(#"{"cells": [{"kon": "1", "count": 812}], "total": {"count": 812}}"#.utf8)
    #expect(PublishedJSON.redacted(clean, threshold: 5) == clean)
    #expect(PublishedJSON.redacted(json, threshold: 0) == json)
  }
}
