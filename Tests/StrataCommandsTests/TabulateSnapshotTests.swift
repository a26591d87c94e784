import ArgumentParser
import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// Golden outputs of small, hand-made inputs (`Fixtures/tabulate-*.csv`): the Markdown of a
/// rate table, and the help text of the table subcommands.
@Suite struct TabulateSnapshotTests {
  static let suspects = fixture("Fixtures/tabulate-suspects.csv").path
  static let population = fixture("Fixtures/tabulate-population.csv").path

  @Test func markdownOfARateTable() throws {
    let job = TabulationRequest(
      data: DataInput(path: Self.suspects), rows: ["kon"], cols: ["fodelse"],
      population: DataInput(path: Self.population))
    let result = try job.publish()
    assertSnapshot(
      try MarkdownRenderer().render(result.tables), named: "tabulate-kon-fodelse.md")
    #expect(
      result.warnings == [
        // 1 row: too small a count to publish.
        "fewer than 5 rows excluded: fodelse is missing.",
        "1 entry below 5 suppressed, and 3 more that would reveal it.",
      ])
  }

  @Test func markdownOfNestedRowsInEnglish() throws {
    let job = TabulationRequest(
      data: DataInput(path: Self.suspects), rows: ["kon", "fodelse"], cols: ["aldersgrupp3"],
      suppress: 0, percent: .row, language: .en)
    assertSnapshot(
      try MarkdownRenderer().render(try job.publish().tables), named: "tabulate-nested-en.md")
  }

  @Test(arguments: ["tabulate", "repeat", "recidivism"])
  func helpText(command: String) {
    let type: any ParsableCommand.Type =
      switch command {
      case "tabulate": TabulateCommand.self
      case "repeat": RepeatCommand.self
      default: RecidivismCommand.self
      }
    assertSnapshot(type.helpMessage(columns: 100), named: "\(command)-help.txt")
  }
}

/// The subcommands parse their options into the job the report recipes share.
@Suite struct TabulateParsingTests {
  @Test func tabulateOptionsFillTheJob() throws {
    let command = try TabulateCommand.parse([
      "suspects.csv", "--rows", "kon, fodelse", "--cols", "aldersgrupp", "--population", "pop.csv",
      "--weight", "antal_misstankar", "--suppress", "3", "--percent", "col", "--per", "1000",
      "--test", "--allow-missing-population", "--standardize-by", "utbildningsniva", "--stream",
      "--filter", "ar == 2016", "--population-filter", "ar == 2016", "--lang", "en",
      "--delimiter", ";", "--format", "csv", "--csv-style", "excel-sv",
    ])
    let job = command.request
    #expect(job.data.path == "suspects.csv" && job.data.delimiter == ";")
    #expect(job.rows == ["kon", "fodelse"] && job.cols == ["aldersgrupp"])
    #expect(job.population?.path == "pop.csv" && job.population?.delimiter == ";")
    #expect(job.weight == "antal_misstankar" && job.suppress == 3 && job.percent == .column)
    #expect(job.per == 1000 && job.test && job.allowMissingPopulation && job.stream)
    #expect(job.standardizeBy == "utbildningsniva" && job.language == .en)
    #expect(job.filter == "ar == 2016" && job.populationFilter == "ar == 2016")
    #expect(command.rendering.csvStyle == .excelSv)
  }

  @Test func recidivismAndRepeatOptionsFillTheirJobs() throws {
    let recidivism = try RecidivismCommand.parse([
      "suspicions.csv", "--persons", "persons.csv", "--window", "1095", "--by", "kon,aldersgrupp",
      "--index", "each", "--start", "2016-01-01", "--index-end", "2016-12-31", "--end",
      "2019-12-31",
    ]).request
    #expect(recidivism.windowDays == 1095 && recidivism.index == .each)
    #expect(recidivism.by == ["kon", "aldersgrupp"] && recidivism.persons?.path == "persons.csv")
    #expect(recidivism.start == "2016-01-01" && recidivism.indexEnd == "2016-12-31")
    #expect(recidivism.end == "2019-12-31")
    let repeats = try RepeatCommand.parse(["suspects.csv", "--by", "kon", "--threshold", "3"])
      .request
    #expect(repeats.by == ["kon"] && repeats.threshold == 3)
  }

  @Test func jobsDecodeFromRecipeJSON() throws {
    // Recipes decode these structs; fields left out take their defaults.
    let json =
      #"{"data": {"path": "s.csv", "onError": "strict"}, "rows": ["kon"], "suppress": 5, "per": 100000, "test": false, "correct": false, "fisher": false, "seed": 1, "allowMissingPopulation": false, "language": "sv", "stream": false, "level": 0.95, "cols": [], "aggregated": false, "count": "persons", "coarsen": false}"#
    let job = try JSONDecoder().decode(TabulationRequest.self, from: Data(json.utf8))
    #expect(job.rows == ["kon"] && job.population == nil)
  }
}
