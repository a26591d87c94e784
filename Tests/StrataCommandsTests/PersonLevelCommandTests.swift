import Analysis
import Foundation
import Reports
import StatsTestSupport
import Testing

@testable import StrataCommands

/// `--per-person` on the command line and `per_person:` in a recipe: persons derived from
/// suspicions, with the injured party's sex and `parrelation`.
@Suite struct PersonLevelCommandTests {
  @Test func optionsParseIntoTheDataInput() throws {
    let parsed = try Strata.parseAsRoot([
      "logit", "suspicions.csv", "--per-person", "brottstyp,parrelation", "--person-register",
      "persons.csv", "--from", "2016-01-01", "--to", "2017-12-31", "--formula",
      "parrelation == \"samkonad\" ~ kon + aldersgrupp3",
    ])
    let job = try #require(parsed as? LogitCommand).job()
    #expect(
      job.data.personLevel
        == DataInput.PersonLevel(
          persons: "persons.csv", by: ["brottstyp", "parrelation"], from: "2016-01-01",
          to: "2017-12-31"))
  }

  @Test(arguments: [
    ["tabulate", "s.csv", "--rows", "kon", "--from", "2016-01-01"],
    ["tabulate", "s.csv", "--rows", "kon", "--person-register", "p.csv"],
    ["repeat", "s.csv", "--per-person", ""],
  ])
  func usageErrors(arguments: [String]) {
    #expect(throws: (any Error).self) { try Strata.parseAsRoot(arguments) }
  }

  @Test func recipeDataFilesTakePerPerson() throws {
    let parsed = try recipe(
      """
      title: T
      data:
        partner:
          path: suspicions.csv
          per_person: {persons: persons.csv, by: [brottstyp, parrelation], from: 2016-01-01}
      analyses:
        - {analysis: tabulate, title: T, data: partner, rows: [parrelation]}
      """)
    let level = try #require(parsed.data.first?.input.personLevel)
    #expect(level.by == ["brottstyp", "parrelation"])
    #expect(level.from == "2016-01-01" && level.to == nil)
    #expect(level.persons?.hasSuffix("/persons.csv") == true)
    #expect(
      recipeError(
        """
        title: T
        data:
          partner: {path: s.csv, per_person: {persons: p.csv, by: [kon], till: 2017-01-01}}
        analyses:
          - {analysis: tabulate, title: T, data: partner, rows: [kon]}
        """)?.description.contains("till") == true)
    #expect(
      recipeError(
        """
        title: T
        data:
          partner: {path: s.csv, per_person: {persons: p.csv}}
        analyses:
          - {analysis: tabulate, title: T, data: partner, rows: [kon]}
        """)?.description.contains("needs `by:`") == true)
  }
}
