import Analysis
import Foundation
import Microdata
import StatsTestSupport
import Testing

/// Analyses of persons derived from suspicions (`DataInput.personLevel`) on the shipped sample.
@Suite struct PersonLevelInputTests {
  static let sample = projectRoot().appendingPathComponent("datasets/sample")
  static let partner = DataInput.PersonLevel(
    persons: sample.appendingPathComponent("persons.csv.gz").path,
    by: ["brottstyp", "malsagande_kon", "parrelation"], from: "2016-01-01", to: "2017-12-31")

  /// The sample's suspicions with only `lopnr`, `datum` and `brottskod`.
  static func codesOnly() throws -> String {
    let text = try String(
      contentsOf: sample.appendingPathComponent("suspicions.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ";", omittingEmptySubsequences: false).prefix(3).joined(separator: ";")
    }
    let url = temporaryDirectory().appendingPathComponent("codes-only.csv")
    try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func codesAloneGiveTheSameTablesAsTheExplicitColumns() throws {
    let explicit = DataInput(
      path: Self.sample.appendingPathComponent("suspicions.csv").path, personLevel: Self.partner)
    var codes = explicit
    codes.path = try Self.codesOnly()
    let population = DataInput(path: Self.sample.appendingPathComponent("population.csv").path)
    for (filter, rows, cols, rates) in [
      (#"brottstyp == "vnr_partner""#, ["kon"], ["malsagande_kon"], false),
      (#"parrelation == "samkonad""#, ["kon"], ["aldersgrupp3"], true),
      (#"brottstyp == "vbek""#, ["malsagande_kon"], ["fodelse"], false),
    ] {
      var request = TabulationRequest(
        data: explicit, filter: filter, rows: rows, cols: cols,
        population: rates ? population : nil, suppress: 0, populationFilter: rates ? "" : nil)
      let a = try request.run()
      request.data = codes
      let b = try request.run()
      #expect(a.summary.cells.map(\.count) == b.summary.cells.map(\.count), "\(filter)")
      #expect(a.summary.cells.map(\.rate) == b.summary.cells.map(\.rate), "\(filter)")
      #expect(a.summary.total.count == b.summary.total.count)
      #expect((a.summary.total.count ?? 0) > 0)
    }
  }

  @Test func partnerViolenceSuspectsByOwnAndInjuredPartysSex() throws {
    let data = DataInput(
      path: Self.sample.appendingPathComponent("suspicions.csv").path, personLevel: Self.partner)
    let result = try TabulationRequest(
      data: data, filter: #"brottstyp == "vnr_partner""#, rows: ["kon"],
      cols: ["malsagande_kon"], suppress: 0
    ).run()
    // Netto per combination: the cells add up to at least the partner-violence suspects of
    // suspects.csv (331 in 2016–2017), each suspect in the cell of their partner's sex.
    let counts = result.summary.cells.compactMap(\.count)
    #expect(counts.reduce(0, +) == 331)
    #expect(counts.count == 4)
  }

  @Test func suspicionsWithoutAPersonAreLeftOutWithAWarning() throws {
    let directory = temporaryDirectory()
    let suspicions = directory.appendingPathComponent("s.csv")
    let persons = directory.appendingPathComponent("p.csv")
    try "lopnr;datum;brottskod\n1;2016-03-01;0375\n2;2016-03-01;0386\n".write(
      to: suspicions, atomically: true, encoding: .utf8)
    try "lopnr;kon;alder\n1;1;30\n".write(to: persons, atomically: true, encoding: .utf8)
    let data = DataInput(
      path: suspicions.path,
      personLevel: DataInput.PersonLevel(persons: persons.path, by: ["parrelation"]))
    let result = try TabulationRequest(data: data, rows: ["parrelation"], suppress: 0).run()
    #expect(result.summary.total.count == 1)
    #expect(result.warnings.contains { $0.contains("1 of 2 rows have no person in p.csv") })
  }

  @Test func aBadPeriodIsAnError() throws {
    var level = Self.partner
    level.from = "2016-13-01"
    let data = DataInput(
      path: Self.sample.appendingPathComponent("suspicions.csv").path, personLevel: level)
    #expect(throws: (any Error).self) {
      try TabulationRequest(data: data, rows: ["kon"], suppress: 0).run()
    }
  }
}
