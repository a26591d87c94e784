import Foundation
import Microdata
import Tabulation
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("Published-figure rounding and lookup")
struct CheckRoundingTests {
  func rounded(_ value: Double, _ decimals: Int, _ rule: RoundingRule) -> String {
    DecimalNumber(exactShortest: value).rounded(decimals, rule: rule).plainString
  }

  @Test(
    arguments: [
      (24.5, 0, "25", "24", "25"),
      (25.5, 0, "26", "26", "26"),
      (24.476, 0, "24", "24", "25"),  // double: 24.5 → 25
      (28.448, 0, "28", "28", "28"),  // double: 28.4 → 28
      (28.49, 0, "28", "28", "29"),
      (2.675, 2, "2.68", "2.68", "2.68"),  // the decimal 2.675, not its binary neighbour
      (0.125, 2, "0.13", "0.12", "0.13"),
      (-2.5, 0, "-3", "-2", "-3"),
      (9.96, 1, "10.0", "10.0", "10.0"),
      (0.00001, 3, "0.000", "0.000", "0.000"),
      (1234567.0, 0, "1234567", "1234567", "1234567"),
    ] as [(Double, Int, String, String, String)])
  func rules(
    _ value: Double, _ decimals: Int, _ halfUp: String, _ halfEven: String, _ double: String
  ) {
    #expect(rounded(value, decimals, .halfUp) == halfUp)
    #expect(rounded(value, decimals, .halfEven) == halfEven)
    #expect(rounded(value, decimals, .double) == double)
  }

  @Test func doubleRoundingRoundsOnceToOneMoreDecimal() {
    // 0.0449 → 0.04 (one more decimal than 1) → 0.0; it is not rounded digit by digit.
    #expect(rounded(0.0449, 1, .double) == "0.0")
    // 0.0451 → 0.05 → 0.1.
    #expect(rounded(0.0451, 1, .double) == "0.1")
  }

  @Test func parsingPublishedValues() throws {
    #expect(DecimalNumber(parsing: "24,5")?.plainString == "24.5")
    #expect(DecimalNumber(parsing: "-0.50")?.writtenDecimals == 2)
    #expect(DecimalNumber(parsing: "1e-3")?.plainString == "0.001")
    #expect(DecimalNumber(parsing: "12 %") == nil)
    #expect(DecimalNumber(parsing: "") == nil)
    let a = try #require(DecimalNumber(parsing: "25"))
    let b = try #require(DecimalNumber(parsing: "025.00"))
    #expect(a.isNumericallyEqual(to: b))
    #expect(
      try #require(DecimalNumber(parsing: "-0.0")).isNumericallyEqual(
        to: DecimalNumber(exactShortest: 0)))
    #expect(!a.isNumericallyEqual(to: try #require(DecimalNumber(parsing: "-25"))))
  }

  /// A cross-tabulation kon × fodelse with one margin and a suppressed cell, and a total.
  struct Records: FigureSource {
    static func record(
      _ keys: [String: String], count: Double? = nil, rate: Double? = nil,
      ci: Interval? = nil, suppressed: Bool = false
    ) -> SummaryRecord {
      var record = SummaryRecord(
        keys: keys.sorted { $0.key < $1.key }.map {
          SummaryRecord.Key(variable: $0.key, code: $0.value)
        }, suppressed: suppressed)
      record.count = count
      record.rate = rate
      record.rateCI = ci
      return record
    }
    let records = [
      record(
        ["kon": "1", "fodelse": "inrikes"], count: 812, rate: 132.64,
        ci: Interval(lower: 123.7, upper: 142.0)),
      record(["kon": "1", "fodelse": "utrikes"], suppressed: true),
      record(["kon": "2", "fodelse": "inrikes"], count: 0, rate: 0),
      record(["kon": "1"], count: 1000),
      record(["fodelse": "inrikes"], count: 812),
      record([:], count: 1326),
    ]

    func figure(_ measure: FigureMeasure, at cell: [CellCoordinate]) -> FigureLookup {
      lookUp(measure, at: cell, in: records)
    }
  }

  func find(_ measure: FigureMeasure, _ cell: [String: String]) -> FigureLookup {
    Records().figure(
      measure,
      at: cell.sorted { $0.key < $1.key }.map {
        CellCoordinate(variable: $0.key, code: $0.value)
      })
  }

  @Test func lookupFindsCellsMarginsAndTheTotal() {
    #expect(find(.count, ["kon": "1", "fodelse": "inrikes"]) == .value(812))
    #expect(find(.rateUpper, ["kon": "1", "fodelse": "inrikes"]) == .value(142))
    // A margin is matched exactly, not confused with the cells that also have kon = 1.
    #expect(find(.count, ["kon": "1"]) == .value(1000))
    #expect(find(.count, [:]) == .value(1326))
    #expect(find(.count, ["kon": "1", "fodelse": "utrikes"]) == .suppressed)
    #expect(find(.count, ["kon": "2", "fodelse": "inrikes"]) == .value(0))
  }

  @Test func lookupExplainsWhatIsMissing() {
    guard case .notFound(let why) = find(.count, ["kon": "3", "fodelse": "inrikes"]) else {
      Issue.record("expected not found")
      return
    }
    #expect(why.contains("kon: 1, 2"))
    guard case .notFound(let measure) = find(.percent, ["kon": "1", "fodelse": "inrikes"]) else {
      Issue.record("expected not found")
      return
    }
    #expect(measure.contains("percent"))
  }

  @Test func checkStatuses() throws {
    func figure(_ published: String, known: String? = nil) -> PublishedFigure {
      PublishedFigure(
        cell: [
          CellCoordinate(variable: "kon", code: "1"),
          CellCoordinate(variable: "fodelse", code: "inrikes"),
        ],
        measure: .rate, published: published, decimals: 1, rounding: .halfUp, knownMismatch: known,
        line: 1)
    }
    let ok = FigureCheck(figure("132.6"), analysis: 1, title: "t", in: Records())
    #expect(ok.status == .reproduced)
    #expect(ok.rounded == "132.6")
    #expect(!ok.isFailure)
    #expect(
      FigureCheck(figure("132.7"), analysis: 1, title: "t", in: Records()).status == .mismatch)
    #expect(FigureCheck(figure("132.7"), analysis: 1, title: "t", in: Records()).isFailure)
    let known = FigureCheck(
      figure("132.7", known: "misprint"), analysis: 1, title: "t", in: Records())
    #expect(known.status == .knownMismatch("misprint"))
    #expect(!known.isFailure)
    let stale = FigureCheck(
      figure("132.6", known: "misprint"), analysis: 1, title: "t", in: Records())
    #expect(stale.status == .unexpectedMatch("misprint"))
    let failed = FigureCheck(figure("1"), analysis: 2, title: "t", failure: "boom")
    #expect(failed.isFailure)
  }

  @Test func jsonParserRoundTrips() throws {
    let value = try JSONValue.parse(
      Data(
        #"{"a": [1, 2.5e3, -0.125], "b": {"c": "x\"y\u00e5\ud83d\ude00"}, "d": null, "e": false}"#
          .utf8))
    guard case .object(let root) = value else {
      Issue.record("not an object")
      return
    }
    #expect(root["a"] == .array([.number(1), .number(2500), .number(-0.125)]))
    #expect(root["b"] == .object(JSONObject(values: ["c": .string("x\"yå😀")], order: ["c"])))
    #expect(root["d"] == .null)
    #expect(root["e"] == .bool(false))
    #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Data("{\"a\": }".utf8)) }
    let text = try JSONValue.object(root).encoded()
    let again = try JSONValue.parse(text)
    guard case .object(let reparsed) = again else { return }
    #expect(reparsed.values == root.values)
  }
}
