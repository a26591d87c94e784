import ArgumentParser
import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// `strata check` on Brå's published table 811 (notebooks-scripts/bra-tabell-811-aterfall.yaml):
/// the 45 printed percentages are recomputed from the counts, and women + men (a weighted
/// tabulation of the aggregated rows) are checked against the printed totals of 5 years.
@Suite("Published figures: Brå table 811")
struct CheckBraTableTests {
  static let recipeURL = projectRoot().appendingPathComponent(
    "notebooks-scripts/bra-tabell-811-aterfall.yaml")

  @Test func allButTheDocumentedMismatchesReproduce() throws {
    let r = try Recipe(contentsOf: Self.recipeURL)
    let run = try ReportRunner(
      recipe: r, language: .sv, runChecks: true, onlyWithExpectations: true
    ).run()
    let checks = run.checks
    #expect(checks.count == 50)
    #expect(checks.filter { $0.analysis == 1 }.count == 45)
    #expect(run.failingChecks.isEmpty)
    let known = checks.filter { if case .knownMismatch = $0.status { true } else { false } }
    #expect(
      known.map(\.figure.cellText) == [
        "grupp=Samtliga, ar=2005, numerator=aterfall_2ar",
        "grupp=Kvinnor, ar=2004, numerator=aterfall_3ar",
        "grupp=Män, ar=2006, numerator=aterfall_3ar",
      ])
    #expect(checks.filter { $0.status == .reproduced }.count == 47)
    let totals = checks.filter { $0.figure.measure == .count }
    #expect(totals.map(\.rounded) == ["73315", "74021", "78759", "79755", "84640"])
    // The computed values are exact shares of the published counts.
    let women2004 = try #require(
      checks.first { $0.figure.cellText == "grupp=Kvinnor, ar=2004, numerator=aterfall_2ar" })
    expectApproximatelyEqual(
      women2004.computed ?? .nan, 100.0 * 3654 / 14929, relative: 1e-15, "2004 women 2 yr")
    #expect(women2004.rounded == "25")
    #expect(women2004.figure.rounding == .double)
  }

  @Test func checkCommandPassesAndPrintsTheDiffTable() throws {
    var printed = ""
    try CheckCommand.parse([Self.recipeURL.path]).execute { printed += $0 }
    #expect(printed.contains("47 av 50 uppgifter stämmer; 3 kända avvikelser; inga fel."))
    #expect(printed.contains(" 28,4480 | 28 "))
    var json = ""
    try CheckCommand.parse([Self.recipeURL.path, "--format", "json"]).execute { json += $0 }
    let summary = try JSONValue.parse(Data(json.utf8))
    guard case .object(let root) = summary, case .object(let counts)? = root["summary"] else {
      Issue.record("no summary in \(json.prefix(200))")
      return
    }
    #expect(counts["figures"] == .number(50))
    #expect(counts["reproduced"] == .number(47))
    #expect(counts["known_mismatches"] == .number(3))
    #expect(counts["failures"] == .number(0))
  }

  @Test func aWrongPublishedFigureFailsTheCheck() throws {
    let directory = temporaryDirectory("strata-bra")
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = try String(contentsOf: Self.recipeURL, encoding: .utf8)
    let altered = original.replacingOccurrences(
      of: "{cell: {grupp: Män, ar: \"2008\", numerator: aterfall_1ar}, published: 27}",
      with: "{cell: {grupp: Män, ar: \"2008\", numerator: aterfall_1ar}, published: 28}")
    #expect(altered != original)
    let url = Self.recipeURL.deletingLastPathComponent().appendingPathComponent(
      ".test-\(UUID().uuidString).yaml")
    try altered.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    var printed = ""
    #expect(throws: ExitCode(1)) { try CheckCommand.parse([url.path]).execute { printed += $0 } }
    #expect(printed.contains("AVVIKER"))
    #expect(printed.contains("46 av 50 uppgifter stämmer; 3 kända avvikelser; 1 fel."))
  }
}
