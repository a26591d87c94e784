import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// Bad input (issue #3): unknown codes, missing or zero population cells, negative counts,
/// unknown variables and contradictory options end with exit status 1 (data) or 2 (usage) and
/// a message naming the file, line and value; run through the built executable.
@Suite struct TabulateBadInputTests {
  /// suspects.csv with line 11's `kon` replaced by 7.
  static let unknownCodeFile: String = {
    var lines = try! String(contentsOfFile: TestCounty.path("suspects"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    var fields = lines[10].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    fields[2] = "7"
    lines[10] = fields.joined(separator: ";")
    return writeTemporary("suspects-bad.csv", lines.joined(separator: "\n") + "\n")
  }()

  @Test(arguments: [false, true])
  func unknownCodeExitsOneNamingTheLine(stream: Bool) throws {
    let result = try TestCounty.run(
      ["tabulate", Self.unknownCodeFile, "--rows", "kon", "--format", "json"]
        + (stream ? ["--stream"] : []))
    #expect(result.status == 1)
    #expect(result.stderr.contains("suspects-bad.csv, line 11"))
    #expect(result.stderr.contains("`7`"))
    #expect(result.stdout.isEmpty)
  }

  @Test func missingPopulationCellIsAnErrorNamingTheCell() throws {
    // The population without men aged 15: suspects of that age have no population.
    let population = try String(contentsOfFile: TestCounty.path("population"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("2016;1;15;") }.joined(separator: "\n")
    let path = writeTemporary("population-gap.csv", population + "\n")
    let suspects = TestCounty.records("suspects")
    let h = suspects.header
    let menAged15 = suspects.rows.filter {
      $0[h.firstIndex(of: "kon")!] == "1" && $0[h.firstIndex(of: "alder")!] == "15"
    }.count
    try #require(menAged15 > 0)
    let failed = try TestCounty.run(
      [
        "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--cols", "alder", "--population",
        path,
      ])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("population-gap.csv"))
    #expect(failed.stderr.contains("kon = 1, alder = 15 counts \(menAged15)"))
    #expect(failed.stderr.contains("--allow-missing-population"))

    let allowed = try TestCounty.run(
      [
        "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--cols", "alder", "--population",
        path,
        "--allow-missing-population", "--format", "json",
      ])
    #expect(allowed.status == 0)
    let json = try TestCounty.object(Data(allowed.stdout.utf8))
    let unmatched = jsonRecords(json, "unmatched")
    #expect(unmatched.count == 1)
    #expect(
      unmatched.first?["alder"] as? String == "15"
        && unmatched.first?["reason"] as? String == "missing")
    #expect(
      (json["warnings"] as? [String])?.contains {
        $0.contains("kon = 1, alder = 15 has a count but no population record")
      } == true)
    #expect(allowed.stderr.contains("kon = 1, alder = 15"))
    // The margin over the cell has no rate; the other margin of that age has.
    let men = try #require(record(jsonRecords(json, "margins"), ["kon": "1"]))
    #expect(men["rate"] == nil && men["count"] != nil)
  }

  @Test func zeroPopulationWithSuspectsIsAnError() throws {
    let population = writeTemporary(
      "population-zero.csv",
      "ar;kon;alder;utbildning;fodelseland;antal\n2016;1;30;3;1;0\n2016;2;30;3;1;100\n")
    let suspects = writeTemporary(
      "suspects-two.csv",
      "lopnr;ar;kon;alder;utbildning;fodelseland;brottstyp;antal_misstankar\n1;2016;1;30;3;1;vbek;1\n2;2016;2;30;3;1;vbek;1\n"
    )
    let result = try TestCounty.run([
      "tabulate", suspects, "--rows", "kon", "--population", population,
    ])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "population-zero.csv: the cell kon = 1 counts 1 in suspects-two.csv but has a population of zero"
      ))
  }

  @Test func negativeCountsNameTheirLine() throws {
    // Declared counts are range-checked when read; an undeclared weight when counted.
    let declared = writeTemporary(
      "population-negative.csv",
      "ar;kon;alder;utbildning;fodelseland;antal\n2016;1;30;3;1;10\n2016;2;30;3;1;-4\n")
    let read = try TestCounty.run(["tabulate", declared, "--rows", "kon", "--weight", "antal"])
    #expect(read.status == 1)
    #expect(read.stderr.contains("population-negative.csv, line 3"))
    #expect(read.stderr.contains("-4"))
    let undeclared = writeTemporary("weights.csv", "kon;vikt\n1;2.5\n2;-1.5\n")
    let counted = try TestCounty.run(["tabulate", undeclared, "--rows", "kon", "--weight", "vikt"])
    #expect(counted.status == 1)
    #expect(counted.stderr.contains("weights.csv, line 3: `vikt` is -1.5"))
  }

  @Test func unknownVariableIsAnErrorWithASuggestion() throws {
    let result = try TestCounty.run([
      "tabulate", TestCounty.path("suspects"), "--rows", "aldersgrup",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("suspects.csv has no variable or grouping named `aldersgrup`"))
    #expect(result.stderr.contains("aldersgrupp"))
  }

  @Test(arguments: [
    ["--rows", "kon", "--test"],
    ["--rows", "kon", "--cols", "kon"],
    ["--rows", "kon", "--standardize-by", "aldersgrupp"],
    ["--rows", "kon", "--suppress", "-1"],
    ["--rows", "kon,"],
    ["--cols", "kon"],
  ])
  func contradictoryOptionsAreUsageErrors(options: [String]) throws {
    let result = try TestCounty.run(["tabulate", TestCounty.path("suspects")] + options)
    #expect(result.status == 2, "\(options): \(result.stderr)")
  }

  @Test func filterOnVariablesThePopulationLacksIsNotAppliedToItAndSaysSo() throws {
    let job = TabulationRequest(
      data: DataInput(path: TestCounty.path("suspects")), filter: "brottstyp == \"vbek\"",
      rows: ["kon"], population: DataInput(path: TestCounty.path("population")), suppress: 0)
    let json = try TestCounty.object(try job.publish().json)
    #expect(
      (json["warnings"] as? [String])?.contains {
        $0.contains("was not applied to the population population.csv")
      } == true)
    #expect((json["population"] as? [String: Any])?["filter"] == nil)
  }

  @Test(arguments: [false, true])
  func headerOnlyFileWarnsThatItHasNoRows(stream: Bool) throws {
    let header = try String(contentsOfFile: TestCounty.path("suspects"), encoding: .utf8)
      .split(separator: "\n")[0]
    let path = writeTemporary("suspects-header-only.csv", header + "\n")
    let result = try TestCounty.run(
      ["tabulate", path, "--rows", "kon", "--format", "json"] + (stream ? ["--stream"] : []))
    #expect(result.status == 0)
    let warning = "suspects-header-only.csv: the file has no data rows, only a header"
    #expect(result.stderr.contains(warning))
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect((json?["warnings"] as? [String])?.contains(warning) == true)
    // A file with rows says nothing of the kind.
    let full = try TestCounty.run(["tabulate", TestCounty.path("suspects"), "--rows", "kon"])
    #expect(!full.stderr.contains("no data rows"))
  }
}
