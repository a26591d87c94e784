import Foundation
import Microdata
import StatsTestSupport
import Tabulation
import Testing

@testable import Reporting

/// Tables that fit a page and exports that continue elsewhere: the long layout, figure and
/// decimal choices, tidy CSV in both styles (read back by pandas and by Python's csv module),
/// the sidecar, and the workbook's contents links.
@Suite struct TidyExportTests {
  let conversions = CrossTabConversionTests()

  /// kon × (fodelse, aldersgrupp3) with rates: 2 + 1 rows × (2 × 3 + 2 + 1) column entries.
  func wide() throws -> (CrossTabSummary, ReportTable) {
    let s = try conversions.summary(
      rows: ["kon"], cols: ["fodelse", "aldersgrupp3"], population: true)
    return (s, try ReportTable(crossTab: s, options: conversions.options))
  }

  @Test func theLongLayoutHasOneRowPerCellWithTheSameCells() throws {
    let (summary, table) = try wide()
    #expect(table.hasColumnCategories)
    let long = table.longLayout()
    #expect(long.stubHeaders == ["Kön", "Födelse", "Åldersgrupp"])
    #expect(long.stubVariables == ["kon", "fodelse", "aldersgrupp3"])
    #expect(long.columnGroups.isEmpty)
    #expect(long.columns.map(\.role) == [.count, .population, .rate, .ciLower, .ciUpper])
    let columnEntries = Set(table.columnKeys!.map(\.codes)).count
    #expect(long.rows.count == table.rows.count * columnEntries)
    // Every cell of the summary is a row, with its figures and its suppression.
    for record in summary.cells {
      let codes = ["kon", "fodelse", "aldersgrupp3"].map { record.code(of: $0) ?? "" }
      let row = try #require(long.rows.first { $0.codes == codes }, "\(codes)")
      if record.suppressed {
        #expect(row.cells.allSatisfy { $0.content == .suppressed })
      } else {
        #expect(row.cells[0].number?.value == record.count)
        #expect(row.cells[2].number?.value == record.rate)
      }
    }
    #expect(summary.cells.contains { $0.suppressed })
    // The total row of the long layout says "Totalt" in every stub column.
    let total = try #require(long.rows.last)
    #expect(total.labels == ["Totalt", "Totalt", "Totalt"] && total.codes == ["", "", ""])
  }

  @Test func presentationChoosesLayoutFiguresAndDecimals() throws {
    let (_, table) = try wide()
    let entries = Set(table.columnKeys!.map(\.codes)).count
    #expect(entries == 7)  // 2 × 3 categories and the total
    // 7 column entries × 5 figures = 35 figure columns: automatically long.
    #expect(table.presented(TablePresentation()).columnGroups.isEmpty)
    #expect(table.presented(TablePresentation(layout: .wide)) == table)
    let chosen = table.presented(
      TablePresentation(layout: .wide, columns: ["count", "rate"], decimals: ["rate": 3]))
    let pair: [ColumnRole] = [.count, .rate]
    #expect(chosen.columns.map(\.role) == Array(repeating: pair, count: entries).flatMap { $0 })
    #expect(chosen.columnGroups.allSatisfy { $0.map(\.span).reduce(0, +) == 2 * entries })
    try chosen.validate()
    let markdown = try MarkdownRenderer().render(chosen)
    #expect(markdown.contains("285,016"))  // the total: 175 / 61 400 × 100 000, 3 decimals
    #expect(!markdown.contains("KI nedre"))
    let long = table.presented(TablePresentation(layout: .long, columns: ["rate", "interval"]))
    #expect(long.columns.map(\.role) == [.rate, .ciLower, .ciUpper])
    // A choice of figures the table does not have keeps it whole.
    #expect(table.presented(TablePresentation(layout: .wide, columns: ["p_value"])) == table)
  }

  @Test(arguments: [CSVRenderer.Style.rfc4180, .excelSwedish])
  func tidyCSVReadsBackAsOneTableWithARowPerCell(style: CSVRenderer.Style) throws {
    let (summary, table) = try wide()
    let long = table.longLayout()
    let renderer = TidyCSVRenderer(style: style)
    let text = try renderer.render(long)
    let directory = temporaryDirectory()
    let file = directory.appendingPathComponent("cells.csv")
    try Data(text.utf8).write(to: file)
    #expect(text.hasPrefix("\u{FEFF}") == (style == .excelSwedish))
    #expect(!text.contains(table.title))
    let header = [
      "kon", "kon_label", "fodelse", "fodelse_label", "aldersgrupp3", "aldersgrupp3_label",
      "count", "population", "rate", "ci_lower", "ci_upper", "suppressed",
    ]
    // Python's csv module: one header row, one record per row of the long table.
    let sep = style == .rfc4180 ? "," : ";"
    let csvScript = """
      import csv, json, sys
      with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
          rows = list(csv.reader(f, delimiter="\(sep)"))
      print(json.dumps({"header": rows[0], "records": rows[1:]}))
      """
    let parsed = try Self.python(csvScript, file)
    #expect(parsed["header"] as? [String] == header)
    let records = try #require(parsed["records"] as? [[String]])
    #expect(records.count == long.rows.count)
    #expect(records.count >= summary.cells.count)
    // Every cell of the summary is one record with its codes; its rate as exported, or empty
    // and flagged when suppressed.
    for cell in summary.cells {
      let codes = ["kon", "fodelse", "aldersgrupp3"].map { cell.code(of: $0) ?? "" }
      let record = try #require(records.first { [$0[0], $0[2], $0[4]] == codes })
      if cell.suppressed {
        #expect(record[11] == "true" && record[6].isEmpty && record[8].isEmpty)
      } else {
        let shown = NumberFormat.exportString(cell.rate!, kind: .rate)!
        let expected = style == .rfc4180 ? shown : shown.replacingOccurrences(of: ".", with: ",")
        #expect(record[8] == expected)
        #expect(record[11] == "false")
      }
    }
    #expect(records.contains { $0[1] == "Man" && $0[3] == "Inrikes född" })
    #expect(records.contains { $0[11] == "false" } && records.contains { $0[11] == "true" })
    // pandas, as an analyst would read it.
    let pandasScript = """
      import json, sys
      try:
          import pandas
      except ImportError:
          print(json.dumps({"skipped": "pandas is not installed"})); sys.exit(0)
      kwargs = {"sep": ";", "decimal": ","} if "\(sep)" == ";" else {}
      frame = pandas.read_csv(sys.argv[1], dtype={"kon": str, "fodelse": str, "aldersgrupp3": str}, **kwargs)
      print(json.dumps({"columns": list(frame.columns), "rows": len(frame),
        "rate_is_number": str(frame["rate"].dtype).startswith("float"),
        "count_sum": float(frame.loc[frame["kon"].notna() & frame["fodelse"].notna() & frame["aldersgrupp3"].notna(), "count"].sum()),
        "suppressed": int(frame["suppressed"].sum())}))
      """
    let read = try Self.python(pandasScript, file)
    if let skipped = read["skipped"] as? String {
      // CI images without pandas still check the file with the csv module above.
      print("pandas check skipped: \(skipped)")
    } else {
      #expect(read["columns"] as? [String] == header)
      #expect(read["rows"] as? Int == long.rows.count)
      #expect(read["rate_is_number"] as? Bool == true)
      let published = summary.cells.filter { !$0.suppressed }.compactMap(\.count).reduce(0, +)
      #expect(read["count_sum"] as? Double == published)
      #expect(read["suppressed"] as? Int == records.filter { $0[11] == "true" }.count)
    }
  }

  @Test func theSidecarHoldsTitleNotesAndColumns() throws {
    let (_, table) = try wide()
    let long = table.longLayout()
    let data = try TidyCSVRenderer(style: .excelSwedish).metadata([("cells.csv", long)])
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["delimiter"] as? String == ";" && json["decimal"] as? String == ",")
    let tables = try #require(json["tables"] as? [[String: Any]])
    #expect(tables.first?["title"] as? String == table.title)
    #expect(tables.first?["file"] as? String == "cells.csv")
    let notes = try #require(tables.first?["notes"] as? [String])
    #expect(!notes.isEmpty)
    let columns = try #require(tables.first?["columns"] as? [[String: String]])
    #expect(columns.first?["name"] == "kon" && columns.first?["label"] == "Kön")
  }

  @Test func theContentsSheetLinksToEachSheet() throws {
    let contents = try {
      var table = ReportTable(
        title: "Innehåll", stubHeaders: ["Blad"],
        columns: [ReportColumn("Tabell", role: .label)])
      try table.appendRow(["1 Våld"], [.text("Våld i nära relation")])
      try table.appendRow(["2 Logit"], [.text("Logistisk regression")])
      return table
    }()
    var first = SampleTables.suspects
    first.shortTitle = "1 Våld"
    var second = SampleTables.coefficients
    second.shortTitle = "2 Logit"
    let url = temporaryDirectory().appendingPathComponent("links.xlsx")
    try XLSXRenderer().write([contents, first, second], to: url)
    let archive = try XLSXArchive(contentsOf: url)
    let sheet = try #require(archive.parts["xl/worksheets/sheet1.xml"])
    #expect(sheet.contains("<hyperlink ref=\"A4\" location=\"'1 Våld'!A1\""))
    #expect(sheet.contains("location=\"'2 Logit'!A1\""))
    let other = try #require(archive.parts["xl/worksheets/sheet2.xml"])
    #expect(!other.contains("<hyperlink"))
  }

  @Test func aPageShowsTheTopAndBottomRowsOfALongRankedTable() throws {
    var table = ReportTable(
      title: "Strata", stubHeaders: ["Stratum"], columns: [ReportColumn("Fall", role: .count)])
    for index in 0..<30 { try table.appendRow(["S\(index)"], [.count(100 - index)]) }
    table.pageRows = ReportTable.topAndBottom(Array(0..<30), count: 10)
    let page = table.pageExcerpt()
    #expect(page.rows.count == 21)  // 10, the "…" row, 10
    #expect(page.rows[10].labels == ["…"] && page.rows[10].cells == [.missing])
    #expect(page.rows.first?.labels == ["S0"] && page.rows.last?.labels == ["S29"])
    #expect(page.footnotes.first?.text.contains("20 av tabellens 30 rader") == true)
    // Files hold every row: the table itself is unchanged, and a short table is shown whole.
    #expect(table.rows.count == 30)
    #expect(ReportTable.topAndBottom(Array(0..<15), count: 10) == Array(0..<15))
    let markdown = try MarkdownRenderer().render(table)
    #expect(markdown.contains("S15"))
  }

  /// Runs a Python script with `file` as its argument and parses its JSON output.
  static func python(_ script: String, _ file: URL) throws -> [String: Any] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      Issue.record("python3 failed: \(String(decoding: message, as: UTF8.self))")
      return [:]
    }
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }
}
