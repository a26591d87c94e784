import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// The model report (notebooks-scripts/vem-misstanks-for-vald.yaml) on the shipped sample
/// county, end to end: every analysis runs, every table and chart reaches index.html and the
/// workbook, and no format shows a count below the threshold.
@Suite("Report end to end: the model report", .serialized)
struct ReportEndToEndTests {
  static let recipeURL = projectRoot().appendingPathComponent(
    "notebooks-scripts/vem-misstanks-for-vald.yaml")

  /// The report folder, written once for the tests of this suite.
  static let output: Result<(URL, ReportRun), any Error> = Result {
    let out = temporaryDirectory("strata-model-report")
    let recipe = try Recipe(contentsOf: recipeURL)
    let run = try ReportRunner(recipe: recipe, language: .sv).run()
    try ReportWriter(run: run, directory: out).write()
    return (out, run)
  }

  @Test func everyAnalysisRuns() throws {
    let (_, run) = try Self.output.get()
    #expect(run.outcomes.count == 57)
    for outcome in run.failures {
      Issue.record("\(outcome.failure!)")
    }
    for outcome in run.outcomes {
      guard let result = outcome.jobResult else { continue }
      #expect(!result.tables.isEmpty, "\(outcome.analysis.name) has tables")
      if outcome.analysis.entry.kind == .logit {
        // A forest plot, unless the model is withheld (it would reveal a count below 5: on
        // the sample county, suspects aged 65+ are that few) and its table says why.
        let withheld = result.tables[0].footnotes.contains {
          $0.text.hasPrefix("Modellen redovisas inte")
        }
        #expect(
          result.charts.isEmpty == withheld, "\(outcome.analysis.name) has a forest plot")
      }
    }
    // Five offence types, each with the same ten analyses, under its own heading, and the six
    // analyses of violence in same-sex relationships.
    let sections = run.outcomes.compactMap(\.analysis.sectionTitle)
    #expect(Set(sections).count == 6)
    #expect(sections.count == 56)
    #expect(sections.filter { $0 == "Våld i samkönade relationer" }.count == 6)
    // Each data file was read once: the four files and the two person-level tables derived
    // from the suspicions (which share the person register).
    #expect(run.files.count == 6)
    // The person register is indexed by `lopnr` once, for the recidivism analyses and both
    // person-level tables.
    #expect(run.indexesBuilt == 1)
  }

  @Test("a person-level table joins the person register through the report's one index")
  func personLevelTableUsesTheSharedIndex() throws {
    let recipe = try Recipe(contentsOf: Self.recipeURL)
    let run = try ReportRunner(recipe: recipe, language: .sv, only: ["samkonad-kon"]).run()
    #expect(run.failures.isEmpty)
    #expect(run.indexesBuilt == 1)
  }

  @Test("two person-level tables derive from one reading of the suspicions")
  func personLevelTablesShareTheFileTheyDeriveFrom() throws {
    let recipe = try Recipe(contentsOf: Self.recipeURL)
    let run = try ReportRunner(
      recipe: recipe, language: .sv, only: ["samkonad-kon", "samkonad-upprepad"]
    ).run()
    #expect(run.failures.isEmpty)
    func name(_ record: DatasetCache.FileRecord) -> String {
      URL(fileURLWithPath: record.input.path).lastPathComponent
    }
    // The suspicions as they are (read once, through the report's cache), the person register,
    // and the two tables derived from them.
    #expect(
      run.files.filter { $0.input.personLevel == nil }.map(name).sorted()
        == ["persons.csv.gz", "suspicions.csv"])
    #expect(run.files.filter { $0.input.personLevel != nil }.count == 2)
    #expect(run.indexesBuilt == 1)
    // The register is read in full only for the persons the suspicions name.
    let register = try #require(run.files.first { name($0) == "persons.csv.gz" })
    #expect(register.selectedBy == "suspicions.csv")
    #expect(register.report.rowsSkipped > register.rows)
    #expect(register.report.rowsRead == register.rows + register.report.rowsSkipped)
  }

  @Test func indexHasEveryTableAndChart() throws {
    let (out, run) = try Self.output.get()
    let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    let results = run.outcomes.compactMap(\.jobResult)
    let tables = results.flatMap(\.tables)
    let charts = results.flatMap(\.charts)
    #expect(
      page.components(separatedBy: "<table class=\"strata-table\">").count - 1 == tables.count + 1)
    #expect(page.components(separatedBy: "<svg ").count - 1 == charts.count)
    for table in tables {
      #expect(page.contains("<span class=\"strata-title\">\(Escaping.xml(table.title))</span>"))
    }
    let ids = InlineSVG.ids(in: page)
    #expect(ids.count == Set(ids).count, "element ids are unique")
  }

  @Test func workbookHasEveryTableWithTheSameNumbers() throws {
    let (out, run) = try Self.output.get()
    let workbook = try XLSXArchive(contentsOf: out.appendingPathComponent("tables.xlsx"))
    let tables = run.outcomes.compactMap(\.jobResult).flatMap(\.tables)
    #expect(workbook.parts["xl/worksheets/sheet\(tables.count + 1).xml"] != nil)
    #expect(workbook.parts["xl/worksheets/sheet\(tables.count + 2).xml"] == nil)
    for (index, table) in tables.enumerated() {
      let fromJSON = try TableNumbers.fromJSON(JSONRendererOutput.text(table))
      let fromSheet = TableNumbers.fromSheet(workbook.cells(sheet: index + 2))
      #expect(fromSheet == fromJSON, "sheet \(index + 2): \(table.title)")
    }
  }

  @Test func noFormatShowsACountBelowTheThreshold() throws {
    let (out, _) = try Self.output.get()
    let problems = try ReportSuppressionScan(directory: out, threshold: 5).problems()
    #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
  }
}

/// A table as `JSONRenderer` writes it.
enum JSONRendererOutput {
  static func text(_ table: Reporting.ReportTable) throws -> String {
    try Reporting.JSONRenderer().render(table)
  }
}
