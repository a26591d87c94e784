import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// The recipe keys of tables that fit a page and exports that continue elsewhere (`layout`,
/// `columns`, `decimals`, `csv_style`), `--format csv` of the analysis subcommands, and an
/// entry's title on every one of its tables.
@Suite struct TablePresentationRecipeTests {
  @Test func recipeKeysChooseLayoutFiguresDecimalsAndCSVStyle() throws {
    let read = try recipe(
      """
      title: T
      csv_style: excel-sv
      data: {tabell: small-aggregate.csv}
      codebook: small-aggregate.codebook.yaml
      analyses:
        - analysis: share
          title: Andel
          data: tabell
          by: [grupp, ar]
          numerators: [aterfall]
          denominator: personer
          layout: long
          columns: [count, interval]
          decimals: {percent: 2, rate: 0}
      """)
    #expect(read.csvStyle == .excelSwedish)
    let presentation = try #require(read.entries.first?.presentation)
    #expect(presentation.layout == .long)
    #expect(presentation.columns == ["count", "interval"])
    #expect(presentation.decimals == ["percent": 2, "rate": 0])
    #expect(
      try recipe(
        """
        title: T
        data: {tabell: small-aggregate.csv}
        analyses: [{analysis: share, title: A, data: tabell, by: [grupp], numerators: [aterfall], denominator: personer}]
        """
      ).csvStyle == .rfc4180)
  }

  @Test func wrongValuesAreErrorsNamingTheLine() {
    let base = """
      title: T
      data: {tabell: small-aggregate.csv}
      analyses:
        - analysis: share
          title: Andel
          data: tabell
          by: [grupp]
          numerators: [aterfall]
          denominator: personer

      """
    let style = recipeError("title: T\ncsv_style: excel\ndata: {tabell: small-aggregate.csv}")
    #expect(style?.description.contains("rfc4180 or excel-sv") == true)
    let column = recipeError(base + "    columns: [antal]")
    #expect(column?.description.contains("`antal`") == true)
    #expect(column?.description.contains("line 10") == true)
    let decimals = recipeError(base + "    decimals: {rate: 9}")
    #expect(decimals?.description.contains("0 to 6") == true)
    let layout = recipeError(base + "    layout: tall")
    #expect(layout != nil)
  }

  @Test func theReportAppliesTheEntrysPresentationAndCSVStyle() throws {
    let out = temporaryDirectory("strata-presentation")
    defer { try? FileManager.default.removeItem(at: out) }
    let yaml = """
      title: Testrapport
      source: Testdata
      language: sv
      suppress: 0
      internal: true
      csv_style: excel-sv
      codebook: small-aggregate.codebook.yaml
      data:
        tabell: small-aggregate.csv
      analyses:
        - analysis: share
          name: andel
          title: Andel som återföll
          data: tabell
          by: [grupp, ar]
          numerators: [aterfall]
          denominator: personer
          columns: [percent]
          decimals: {percent: 2}
      """
    let file = fixture("Fixtures/Report").appendingPathComponent(".presentation-\(UUID()).yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    try ReportCommand.parse([file.path, "--out", out.path]).execute { _ in }
    let table = try String(
      contentsOf: out.appendingPathComponent("01-andel.md"), encoding: .utf8)
    #expect(table.contains("50,00"))  // Grupp A 2022: 40 of 80, two decimals
    #expect(!table.contains("| Personer"))  // only the chosen figure (and the labels)
    let csv = try Data(contentsOf: out.appendingPathComponent("01-andel.csv"))
    let text = String(decoding: csv, as: UTF8.self)
    #expect(text.hasPrefix("\u{FEFF}"))  // excel-sv: BOM, semicolons, decimal comma
    #expect(text.contains(";50,00;") || text.contains(";50;"))
    let meta = try JSONSerialization.jsonObject(
      with: Data(contentsOf: out.appendingPathComponent("01-andel.meta.json")))
    let tables = try #require((meta as? [String: Any])?["tables"] as? [[String: Any]])
    #expect(tables.first?["title"] as? String == "Andel som återföll")
  }

  @Test func formatCSVWritesOneTidyTablePerFileAndASidecar() throws {
    let folder = temporaryDirectory("strata-csv")
    defer { try? FileManager.default.removeItem(at: folder) }
    let request = TabulationRequest(
      data: DataInput(path: TestCounty.path("suspects")), rows: ["kon"], cols: ["fodelse"],
      population: DataInput(path: TestCounty.path("population")), suppress: 5, title: "Misstänkta")
    let publication = try request.publish()
    #expect(publication.tables.count >= 2)
    // Every table after the first says which analysis it belongs to.
    for table in publication.tables.dropFirst() { #expect(table.title.hasPrefix("Misstänkta – ")) }
    let path = folder.appendingPathComponent("tab.csv").path
    try writeTidyCSV(publication.tables, style: .rfc4180, to: path)
    let first = try String(contentsOfFile: path, encoding: .utf8)
    let lines = first.split(separator: "\r\n")
    #expect(lines.first?.hasPrefix("kon,kon_label,fodelse,fodelse_label,count,") == true)
    #expect(!first.contains("Misstänkta"))  // the title is in the sidecar, not in the data
    // One record per cell of kon × fodelse with its margins: (2 + 1) × (2 + 1).
    #expect(lines.count == 1 + 9)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files.contains("tab-2.csv") && files.contains("tab.meta.json"))
    let meta = try JSONSerialization.jsonObject(
      with: Data(contentsOf: folder.appendingPathComponent("tab.meta.json")))
    let tables = try #require((meta as? [String: Any])?["tables"] as? [[String: Any]])
    #expect(tables.count == publication.tables.count)
    #expect(tables.first?["file"] as? String == "tab.csv")
    #expect(tables.first?["title"] as? String == "Misstänkta")
  }
}
