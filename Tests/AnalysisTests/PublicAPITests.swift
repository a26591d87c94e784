// Analyses through the public API only (no @testable): what a Swift user of Strata writes.
import Analysis
import Foundation
import Microdata
import Reporting
import StatsTestSupport
import Tabulation
import Testing

@Suite("The analysis API, public symbols only")
struct PublicAPITests {
  static let sample = projectRoot().appendingPathComponent("datasets/sample")
  static let suspects = DataInput(path: sample.appendingPathComponent("suspects.csv").path)
  static let population = suspects.withPath(sample.appendingPathComponent("population.csv").path)

  /// The README's "Use it from Swift" example, line for line.
  @Test func readmeExample() throws {
    let directory = temporaryDirectory()
    let suspects = Self.suspects
    let population = Self.population
    // --- README begins
    let request = LogitRequest(
      data: suspects, filter: #"brottstyp == "vnr_partner""#,
      formula: "misstankt ~ kon * fodelse + aldersgrupp", population: population)
    let result = try request.run()  // LogitResult: the fit, what was left out, warnings
    print(result.fits.main.coefficients, result.fits.excluded, result.warnings)
    let publication = try result.publication()  // tables, charts and JSON, disclosure-protected
    print(try MarkdownRenderer().render(publication.tables[0]))
    try XLSXRenderer().write(publication.tables, to: directory.appendingPathComponent("logit.xlsx"))
    // --- README ends
    #expect(result.fits.main.converged)
    #expect(result.fits.population?.persons ?? 0 > 100_000)
    #expect(try MarkdownRenderer().render(publication.tables[0]).contains("kon"))
    #expect(
      FileManager.default.fileExists(atPath: directory.appendingPathComponent("logit.xlsx").path))
  }

  /// The population logit counts distinct persons per cell against the population, and says
  /// which rows it left out.
  @Test func populationLogitCountsPersonsAndExclusions() throws {
    let result = try LogitRequest(
      data: Self.suspects, formula: "misstankt ~ kon + fodelse + aldersgrupp",
      population: Self.population
    ).run()
    let summary = try #require(result.fits.population)
    // Counted independently: distinct persons, and the persons whose first row has no age
    // group (under 15) or another missing predictor.
    let data = try Dataset.load(
      contentsOf: URL(fileURLWithPath: Self.suspects.path), codebook: .canonical)
    let person = try data.factor("lopnr").codes
    let predictors = try ["kon", "fodelse", "aldersgrupp"].map { try data.factor($0).codes }
    var seen = Set<Int32>()
    var counted = 0
    var left = 0
    for row in 0..<data.rowCount where seen.insert(person[row]).inserted {
      if predictors.allSatisfy({ $0[row] >= 0 }) { counted += 1 } else { left += 1 }
    }
    #expect(summary.cases == counted)
    guard case .cells(let excluded) = result.fits.excluded else {
      Issue.record("a population fit reports the cells' exclusions")
      return
    }
    #expect(excluded.cases.rows == left)
    #expect(left == 0 || result.warnings.contains { $0.contains("left out") })
    #expect(result.fits.main.coefficientNames.contains("kon: 2"))
  }

  /// Streaming gives the same table as reading the file at once.
  @Test func streamedCrossTabEqualsInMemory() throws {
    var request = TabulationRequest(
      data: Self.suspects, filter: #"brottstyp == "vbek""#, rows: ["kon", "fodelse"],
      cols: ["aldersgrupp"], population: Self.population)
    let inMemory = try request.run()
    request.stream = true
    let streamed = try request.run()
    #expect(streamed.summary.cells.map(\.count) == inMemory.summary.cells.map(\.count))
    #expect(streamed.summary.total.count == inMemory.summary.total.count)
    #expect(streamed.summary.cells.map(\.rate) == inMemory.summary.cells.map(\.rate))
    #expect(streamed.figure(.count, at: []) == .value(inMemory.summary.total.count ?? -1))
  }

  /// A MAIHDA stratum table from the typed result.
  @Test func maihdaStratumTable() throws {
    let result = try MAIHDARequest(
      data: Self.suspects, filter: #"brottstyp == "vnr_partner""#,
      strata: ["kon", "aldersgrupp", "fodelse"], population: Self.population
    ).run()
    let strata = result.result.strata
    #expect(strata.count == 2 * 7 * 2 || strata.count > 10)
    #expect(strata.allSatisfy { $0.predicted > 0 && $0.predicted < 1 })
    let table = try #require(result.publication().tables.first { $0.rows.count == strata.count })
    #expect(table.rows.count == strata.count)
  }
}

@Suite("tabulate counts distinct persons (Brå's netto counting)")
struct DistinctPersonTests {
  /// Person 1 is suspected of two offence types, person 2 of one.
  static func file() throws -> DataInput {
    let url = temporaryDirectory().appendingPathComponent("suspects.csv")
    try Data(
      """
      lopnr;kon;alder;brottstyp;ar
      1;1;30;vbek;2016
      1;1;30;vnr_partner;2016
      2;2;40;vbek;2016
      3;1;50;vnr_partner;2016

      """.utf8
    ).write(to: url)
    return DataInput(path: url.path)
  }

  @Test func aPersonWithTwoOffenceTypesCountsOnceByKonAndOnceInEachType() throws {
    let data = try Self.file()
    for stream in [false, true] {
      var request = TabulationRequest(
        data: data, filter: #"brottstyp in ("vbek", "vnr_partner")"#, rows: ["kon"], suppress: 0)
      request.stream = stream
      let byKon = try request.run()
      #expect(byKon.countsPersons)
      #expect(byKon.figure(.count, at: [CellCoordinate(variable: "kon", code: "1")]) == .value(2))
      #expect(byKon.figure(.count, at: []) == .value(3))
      request.cols = ["brottstyp"]
      let byType = try request.run()
      let vbek = [
        CellCoordinate(variable: "kon", code: "1"),
        CellCoordinate(variable: "brottstyp", code: "vbek"),
      ]
      #expect(byType.figure(.count, at: vbek) == .value(1))
      // Margins add the cells: person 1 is in both offence types.
      #expect(
        byType.figure(.count, at: [CellCoordinate(variable: "brottstyp", code: "vbek")])
          == .value(2))
      request.cols = []
      request.count = .rows
      let rows = try request.run()
      #expect(!rows.countsPersons)
      #expect(rows.figure(.count, at: [CellCoordinate(variable: "kon", code: "1")]) == .value(3))
    }
  }

  @Test func theJSONAndTheTableSaySoInTheirLanguage() throws {
    let publication = try TabulationRequest(
      data: try Self.file(), rows: ["kon"], suppress: 0, language: .sv
    ).run().publication()
    let json = try JSONSerialization.jsonObject(with: publication.json) as? [String: Any]
    #expect(json?["counts"] as? String == "persons")
    #expect(
      publication.tables[0].footnotes.contains { "\($0)".contains("en person räknas en gång") })
  }
}
