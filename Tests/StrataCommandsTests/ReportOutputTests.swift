import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("Report output")
struct ReportOutputTests {
  @Test func theConsoleNamesEachWarningOnceWithEveryAnalysisItConcerns() throws {
    var outcomes = try SyntheticReport.run().outcomes
    let shared = "The population population.csv: 92 rows excluded: fodelse is missing."
    outcomes[0].result = outcomes[0].result.map { publication in
      var publication = publication
      publication.warnings = [shared, "3 rows excluded"]
      return publication
    }
    outcomes[1].result = outcomes[1].result.map { publication in
      var publication = publication
      publication.warnings = [shared]
      return publication
    }
    #expect(
      ReportRunner.warningLines(outcomes) == [
        "  warning (analyses 1, 2): \(shared)",
        "  warning (1. Misstänkta efter kön): 3 rows excluded",
      ])
  }

  @Test func filesAreNamedPerAnalysisTableAndChart() throws {
    let out = temporaryDirectory("strata-output")
    defer { try? FileManager.default.removeItem(at: out) }
    try ReportWriter(run: try SyntheticReport.run(), directory: out).write()
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
    let expected: Set<String> = [
      "index.html", "tables.xlsx",
      "01-misstankta-efter-kon.json", "01-misstankta-efter-kon.table.json",
      "01-misstankta-efter-kon.md", "01-misstankta-efter-kon.csv",
      "01-misstankta-efter-kon.meta.json",
      "01-misstankta-efter-kon.html", "01-misstankta-efter-kon.tex",
      "01-misstankta-efter-kon-staplar.svg",
      "02-misstankta-efter-kon-och-fodelse.json",
      "02-misstankta-efter-kon-och-fodelse-1.md", "02-misstankta-efter-kon-och-fodelse-2.md",
      "02-misstankta-efter-kon-och-fodelse-1.csv", "02-misstankta-efter-kon-och-fodelse-2.csv",
      "02-misstankta-efter-kon-och-fodelse-1.meta.json",
      "02-misstankta-efter-kon-och-fodelse-2.meta.json",
      "02-misstankta-efter-kon-och-fodelse-1.html", "02-misstankta-efter-kon-och-fodelse-2.html",
      "02-misstankta-efter-kon-och-fodelse-1.tex", "02-misstankta-efter-kon-och-fodelse-2.tex",
      "02-misstankta-efter-kon-och-fodelse-1.table.json",
      "02-misstankta-efter-kon-och-fodelse-2.table.json",
      "02-misstankta-efter-kon-och-fodelse-staplar.svg",
      "02-misstankta-efter-kon-och-fodelse-staplar-2.svg",
    ]
    #expect(files == expected)
    // The analysis JSON is the job's JSON byte for byte.
    let json = try Data(contentsOf: out.appendingPathComponent("01-misstankta-efter-kon.json"))
    #expect(json == (try SyntheticReport.run()).outcomes[0].jobResult?.json)
  }

  @Test func indexHasEveryTableAndChartWithUniqueIds() throws {
    let run = try SyntheticReport.run()
    let page = try ReportIndexPage(run: run).render()
    for table in run.outcomes.compactMap(\.jobResult).flatMap(\.tables) {
      #expect(page.contains("<span class=\"strata-title\">\(table.title)</span>"))
    }
    // The three tables and the data table.
    #expect(page.components(separatedBy: "<table class=\"strata-table\">").count - 1 == 3 + 1)
    #expect(page.components(separatedBy: "<svg ").count - 1 == 3)
    #expect(!page.contains("<?xml"))
    let ids = InlineSVG.ids(in: page)
    #expect(ids.count == Set(ids).count)
    #expect(page.contains("id=\"a01-c1-chart-title\""))
    #expect(page.contains("aria-labelledby=\"a02-c2-chart-title a02-c2-chart-desc\""))
    // The reader's notices, not the analyst's English warnings.
    #expect(page.contains("<li>Färre än 5 rader i data ingår inte.</li>"))
    #expect(!page.contains("3 rows excluded"))
    #expect(
      page.contains(
        "3. En analys som misslyckas</a>: line 10 of syntetisk.yaml: There is no variable"))
    #expect(page.contains("href=\"#a03\""))
    #expect(page.contains("Antal under 5 redovisas inte (..)"))
    #expect(page.contains(ReportIndexPage.generatorMarker))
    #expect(!page.contains("<script"))
  }

  @Test func indexSnapshot() throws {
    var page = ReportIndexPage(run: try SyntheticReport.run())
    page.timeZone = TimeZone(identifier: "UTC")!
    assertSnapshot(try page.render(), named: "report-index.html")
  }

  @Test func workbookNumbersEqualTheTableJSON() throws {
    let out = temporaryDirectory("strata-output")
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try SyntheticReport.run()
    try ReportWriter(run: run, directory: out).write()
    let workbook = try XLSXArchive(contentsOf: out.appendingPathComponent("tables.xlsx"))
    let contents = workbook.cells(sheet: 1)
    #expect(
      contents.values.contains(.text("Innehåll"))
        || contents.values.contains(.text("Syntetisk rapport")))
    let tables = run.outcomes.compactMap(\.jobResult).flatMap(\.tables)
    for (index, table) in tables.enumerated() {
      let sheet = workbook.cells(sheet: index + 2)
      #expect(sheet.values.contains(.text(table.title)), "sheet \(index + 2) holds \(table.title)")
      let fromJSON = try TableNumbers.fromJSON(JSONRenderer().render(table))
      #expect(!fromJSON.numbers.isEmpty)
      #expect(
        TableNumbers.fromSheet(sheet).numbers == fromJSON.numbers, "numbers of \(table.title)")
      #expect(TableNumbers.fromSheet(sheet).suppressed == fromJSON.suppressed)
    }
  }

  @Test func temporariesOfAKilledRunAreRemoved() throws {
    let out = temporaryDirectory("strata-output")
    defer { try? FileManager.default.removeItem(at: out) }
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    // A process that has ended: its temporaries are leftovers. A running process's (this
    // one's parent) and files that are not a report's temporaries stay.
    let gone = try endedProcessIdentifier()
    let running = getppid()
    let names = [
      ".01-misstankta-efter-kon.md.\(gone).tmp", ".index.html.\(gone).tmp",
      ".01-misstankta-efter-kon.csv.\(running).tmp", ".anteckningar.txt.\(gone).tmp",
      ".index.html.tmp",
    ]
    for name in names {
      try "partial".write(to: out.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }
    let run = try SyntheticReport.run()
    try ReportWriter(run: run, directory: out).write()
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
    #expect(!files.contains(names[0]) && !files.contains(names[1]))
    #expect(files.isSuperset(of: names[2...]))
    #expect(replacingWriteTemporary(".01-a.md.12.tmp")! == ("01-a.md", 12))
    #expect(replacingWriteTemporary(".01-a.md.tmp") == nil)
    // A single table written where a killed command left its temporary.
    let single = out.appendingPathComponent("tabell.md")
    let leftover = ".tabell.md.\(gone).tmp"
    try "partial".write(
      to: out.appendingPathComponent(leftover), atomically: false, encoding: .utf8)
    let table = try #require(run.outcomes.compactMap(\.jobResult).first?.tables.first)
    try MarkdownRenderer().write([table], to: single)
    let after = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
    #expect(after.contains("tabell.md") && !after.contains(leftover))
    #expect(after.contains(names[2]))
    // Through a symbolic link: the link stays, the file it points to gets the table.
    let link = out.appendingPathComponent("länk.md")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: single)
    try "old".write(to: single, atomically: false, encoding: .utf8)
    try MarkdownRenderer().write([table], to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == single.path)
    #expect(try String(contentsOf: single, encoding: .utf8).contains(table.title))
  }

  @Test func aRerunReplacesTheFilesOfTheEarlierReportOnly() throws {
    let out = temporaryDirectory("strata-output")
    defer { try? FileManager.default.removeItem(at: out) }
    try ReportWriter(run: try SyntheticReport.run(), directory: out).write()
    try "old".write(
      to: out.appendingPathComponent("07-gammal-analys.md"), atomically: true, encoding: .utf8)
    try "mine".write(
      to: out.appendingPathComponent("anteckningar.txt"), atomically: true, encoding: .utf8)
    try ReportWriter(run: try SyntheticReport.run(), directory: out).write()
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(!files.contains("07-gammal-analys.md"))
    #expect(files.contains("anteckningar.txt"))
    #expect(files.contains("01-misstankta-efter-kon.md"))
  }

  @Test func sheetNamesFitExcel() {
    let name = ReportWriter.sheetName(
      prefix: "12", title: "Misstänkta för våld mot partner eller f.d. partner: kön/ålder")
    #expect(name == "12 Misstänkta för våld mot")
    #expect(name.utf16.count <= 31)
    #expect(ReportWriter.sheetName(prefix: "3.2", title: "a[b]c") == "3.2 a b c")
    // The section heading every sheet of the section repeats is left out, with the little
    // word before it; a word that does not fit is cut with an ellipsis.
    let section = "Våld mot partner eller f.d. partner"
    #expect(
      ReportWriter.sheetName(
        prefix: "2.1", title: "Misstänkta för våld mot partner eller f.d. partner 2016 efter kön",
        omitting: section) == "2.1 Misstänkta 2016 efter kön")
    #expect(
      ReportWriter.sheetName(
        prefix: "8", title: "Ny misstanke om våld mot partner eller f.d. partner inom 365 dagar",
        omitting: section) == "8 Ny misstanke inom 365 dagar")
    #expect(
      ReportWriter.sheetName(
        prefix: "3.1",
        title: "Misstänkta för våld mot partner eller f.d. partner 2016 efter åldersgrupp",
        omitting: section) == "3.1 Misstänkta 2016 efter ålde…")
  }
}

/// The numbers of a table in body order, read back from a format.
struct TableNumbers: Equatable {
  var numbers: [Double] = []
  var suppressed = 0

  /// Equal numbers, except that a p-value below the display threshold (written unrounded)
  /// may differ in the 17th significant digit: libxlsxwriter writes 16 significant digits,
  /// the JSON the shortest form that round-trips (up to 17).
  static func == (a: TableNumbers, b: TableNumbers) -> Bool {
    a.suppressed == b.suppressed && a.numbers.count == b.numbers.count
      && zip(a.numbers, b.numbers).allSatisfy { x, y in
        x == y || abs(x - y) <= 1e-15 * max(abs(x), abs(y))
      }
  }

  /// From `JSONRenderer` output: every numeric cell value, and the suppressed cells.
  static func fromJSON(_ text: String) throws -> TableNumbers {
    var result = TableNumbers()
    guard case .object(let root) = try JSONValue.parse(Data(text.utf8)),
      case .array(let rows)? = root["rows"]
    else {
      return result
    }
    for case .object(let row) in rows {
      guard case .array(let cells)? = row["cells"] else { continue }
      for cell in cells {
        switch cell {
        case .number(let value): result.numbers.append(value)
        case .object(let object):
          if case .number(let value)? = object["value"] { result.numbers.append(value) }
          if object["suppressed"] == .bool(true) { result.suppressed += 1 }
        default: break
        }
      }
    }
    return result
  }

  /// From a worksheet: numbers in row-major order, and the `..` cells.
  static func fromSheet(_ cells: [String: XLSXValue]) -> TableNumbers {
    var result = TableNumbers()
    let ordered = cells.keys.compactMap { reference -> (Int, Int, String)? in
      let letters = reference.prefix { $0.isLetter }
      guard let row = Int(reference.dropFirst(letters.count)) else { return nil }
      let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
      return (row, column, reference)
    }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    for (_, _, reference) in ordered {
      switch cells[reference]! {
      case .number(let value): result.numbers.append(value)
      case .text(".."): result.suppressed += 1
      case .text: break
      }
    }
    return result
  }
}
