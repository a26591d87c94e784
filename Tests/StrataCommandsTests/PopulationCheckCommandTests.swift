import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import StrataCommands
@testable import Tabulation

/// Issue #12, "accepted silently": a population that repeats a cell or a person, or is smaller
/// than its cases, ends with exit status 1 and a message naming the files and lines, through
/// the library and the built executable alike.
@Suite struct PopulationCheckCommandTests {
  /// The county's file `name` with its data line `line` (2 = the first after the header)
  /// appended again at the end; returns the path and the line number of the copy.
  static func repeating(_ name: String, line: Int, as file: String) throws -> (
    path: String, copy: Int
  ) {
    let lines = try String(contentsOfFile: TestCounty.path(name), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    return (
      TestCounty.write((lines + [lines[line - 1]]).joined(separator: "\n") + "\n", named: file),
      lines.count + 1
    )
  }

  /// Runs strata and returns its standard error, expecting `status`.
  func run(_ arguments: [String], status: Int32) throws -> String {
    let result = try TestCounty.run(arguments)
    #expect(result.status == status, "\(arguments.prefix(2)): \(result.stderr.prefix(400))")
    if status != 0 { #expect(result.stdout.isEmpty) }
    return result.stderr
  }

  @Test func duplicatePopulationCellIsAnErrorInTabulateLogitAndMAIHDA() throws {
    let (population, copy) = try Self.repeating("population", line: 2, as: "population-twice.csv")
    let expected = "population-twice.csv lists the cell"
    let lines = "on line 2 and again on line \(copy)"
    let suspects = TestCounty.path("suspects")
    // The library: the same error from the tabulation's population and the models' CaseCells.
    let request = TabulationRequest(
      data: DataInput(path: suspects), rows: ["kon"], population: DataInput(path: population))
    #expect { try request.run() } throws: {
      "\($0)".contains(expected) && "\($0)".contains(lines)
    }
    let logit = LogitRequest(
      data: DataInput(path: suspects), formula: "misstankt ~ kon",
      population: DataInput(path: population))
    #expect { try logit.publish() } throws: { "\($0)".contains(lines) }
    // The command line.
    for arguments in [
      ["tabulate", suspects, "--rows", "kon", "--population", population],
      ["tabulate", suspects, "--rows", "kon", "--population", population, "--stream"],
      ["logit", suspects, "--formula", "misstankt ~ kon", "--population", population],
      ["maihda", suspects, "--strata", "kon,fodelse", "--population", population],
    ] {
      let stderr = try run(arguments, status: 1)
      #expect(stderr.contains(expected) && stderr.contains(lines), "\(arguments[0])")
    }
  }

  @Test func personRegisterWithARepeatedLopnrIsAnError() throws {
    let (persons, copy) = try Self.repeating("persons", line: 5, as: "persons-twice.csv")
    let stderr = try run(
      ["tabulate", TestCounty.path("suspects"), "--rows", "kon", "--population", persons],
      status: 1)
    #expect(stderr.contains("persons-twice.csv lists the person (lopnr)"))
    #expect(stderr.contains("on line 5 and again on line \(copy)"))
    // The register itself is accepted.
    _ = try run(
      [
        "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--population",
        TestCounty.path("persons"),
      ], status: 0)
  }

  @Test func populationSmallerThanItsSuspectsIsAnErrorNamingBothFiles() throws {
    let population = TestCounty.write(
      "ar;kon;alder;utbildning;fodelseland;antal\n2016;1;30;4;1;1\n2016;2;30;4;1;100000\n",
      named: "population-small.csv")
    let suspects = TestCounty.path("suspects")
    let request = TabulationRequest(
      data: DataInput(path: suspects), rows: ["kon"], population: DataInput(path: population))
    #expect { try request.run() } throws: { error in
      guard
        case .moreCasesThanPopulation(let cell, _, let persons, let file, let other)? =
          error as? PopulationCountError
      else { return false }
      return cell == "kon = 1" && persons == 1 && file == "suspects.csv"
        && other == "population-small.csv"
    }
    let stderr = try run(
      ["tabulate", suspects, "--rows", "kon", "--population", population], status: 1)
    #expect(stderr.contains("The cell kon = 1 has"))
    #expect(stderr.contains("in suspects.csv but a population of only 1 in population-small.csv"))
    // The models say it in the same words.
    let logit = try run(
      ["logit", suspects, "--formula", "misstankt ~ kon", "--population", population], status: 1)
    #expect(logit.contains("in suspects.csv but a population of only 1 in population-small.csv"))
    // Suspicions (--weight) may outnumber the persons of a cell: rates above 100 000 are
    // legitimate for events.
    _ = try run(
      [
        "tabulate", suspects, "--rows", "kon", "--population", population, "--weight",
        "antal_misstankar", "--suppress", "0",
      ], status: 0)
  }

  @Test func recidivismPersonsWithARepeatedLopnrIsAnError() throws {
    let persons = try String(
      contentsOf: fixture("Fixtures/recidivism-persons.csv"), encoding: .utf8)
    let lines = persons.split(separator: "\n").map(String.init)
    let path = TestCounty.write(
      (lines + [lines[2]]).joined(separator: "\n") + "\n", named: "persons-twice.csv")
    let stderr = try run(
      [
        "recidivism", fixture("Fixtures/recidivism-suspicions.csv").path, "--persons", path,
        "--window", "365",
      ], status: 1)
    #expect(stderr.contains("persons-twice.csv"))
    #expect(stderr.contains("on line 3 and again on line \(lines.count + 1)"))
  }
}
