import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Tabulation

@Suite("JSON summaries for the CLI")
struct SummaryTests {
  func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  func object(_ json: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
  }

  /// kon × fodelse (three levels) with a small cell, a population, labels.
  func example() throws -> (CrossTab, CrossTab) {
    let kon = Factor(
      name: "kon",
      levels: [
        .init(code: "1", sv: "Män", en: "Men"), .init(code: "2", sv: "Kvinnor", en: "Women"),
      ],
      codes: [])
    let fodelse = Factor(
      name: "fodelse",
      levels: [
        .init(code: "inrikes", sv: "Född i Sverige", en: "Born in Sweden"),
        .init(code: "norden", sv: "Född i Norden", en: "Born in the Nordics"),
        .init(code: "ovriga", sv: "Född i övriga världen", en: "Born elsewhere"),
      ], codes: [])
    let counts = [812, 514, 40, 301, 3, 60]
    var k: [Int32] = []
    var f: [Int32] = []
    for (cell, n) in counts.enumerated() {
      k += Array(repeating: Int32(cell / 3), count: n)
      f += Array(repeating: Int32(cell % 3), count: n)
    }
    k += [Factor.missing, 0]
    f += [0, Factor.outside]
    var konF = kon
    konF.codes = k
    var fodelseF = fodelse
    fodelseF.codes = f
    let suspects = try CrossTab([konF, fodelseF])
    var pk = kon
    pk.codes = [0, 0, 0, 1, 1, 1]
    var pf = fodelse
    pf.codes = [0, 1, 2, 0, 1, 2]
    let population = try CrossTab(
      [pk, pf],
      weight: .integers(name: "antal", [612_345, 101_000, 100_000, 590_000, 99_000, 100_000]))
    return (suspects, population)
  }

  @Test("cells carry codes, counts, rates, percentages; suppressed ones carry nothing else")
  func tabulate() throws {
    let (suspects, population) = try example()
    let summary = try CrossTabSummary(
      suspects, population: population,
      options: CrossTabSummaryOptions(percent: .row, includeTest: true))
    #expect(summary.rows == ["kon"] && summary.cols == ["fodelse"])
    #expect(summary.cells.count == 6 && summary.margins.count == 5)
    let first = summary.cells[0]
    #expect(
      first.keys == [
        .init(variable: "kon", code: "1"), .init(variable: "fodelse", code: "inrikes"),
      ])
    // (2, norden) = 3 is suppressed, and so are the entries that would reveal it: 60 in its
    // row, 514 in its column, then 40 in the first row.
    #expect(summary.cells.map(\.suppressed) == [false, true, true, false, true, true])
    #expect(summary.suppression.primary == 1 && summary.suppression.secondary >= 1)
    #expect(summary.cells[0].count == 812 && summary.cells[0].population == 612_345)
    expectApproximatelyEqual(summary.cells[0].rate, 812.0 / 612_345 * 1e5, relative: 1e-14)
    expectApproximatelyEqual(summary.cells[0].percent, 100 * 812.0 / 1366, relative: 1e-14)
    #expect(summary.total.count == 1730)
    #expect(summary.excluded.missing == ["kon": 1] && summary.excluded.outside == ["fodelse": 1])
    #expect(summary.labels["kon"]?["2"] == "Kvinnor")
    // The table has suppressed entries: its test of association is withheld (a test statistic
    // is a function of the cells and could reveal them).
    #expect(summary.test == nil && summary.testWithheld == true)

    let json = try encode(summary)
    let decoded = try JSONDecoder().decode(CrossTabSummary.self, from: Data(json.utf8))
    #expect(decoded == summary)
    let root = try object(json)
    let cells = root["cells"] as! [[String: Any]]
    #expect(Set(cells[2].keys) == ["kon", "fodelse", "suppressed"])
    #expect(cells[2]["suppressed"] as? Bool == true)
    #expect(cells[0]["kon"] as? String == "1")
    #expect(cells[0]["count"] as? Int == 812)
    #expect((cells[0]["rate_ci"] as? [Double])?.count == 2)
    #expect(root["test"] == nil && root["test_withheld"] as? Bool == true)
    #expect(root["excluded"] is [String: Any] && root["warnings"] is [String])
  }

  @Test("the tabulate JSON is stable", .tags(.snapshot))
  func snapshot() throws {
    let (suspects, population) = try example()
    let summary = try CrossTabSummary(
      suspects, population: population,
      options: CrossTabSummaryOptions(percent: .column, includeTest: true, language: .en))
    // Numbers to 10 significant digits, so that the last-ulp differences of another libm do not
    // break the snapshot (the values themselves are tested against R elsewhere).
    let json = try encode(summary)
    let number = try Regex(#"-?\d+\.\d+(e[-+]?\d+)?"#)
    let stable = json.replacing(number) { match in
      String(format: "%.10g", Double(json[match.range])!)
    }
    assertSnapshot(stable, named: "tabulate.json")
  }

  @Test("a variable named like a field is rejected")
  func reservedNames() throws {
    let table = try expandedTable([1, 2], shape: [2], names: ["count"])
    #expect(throws: TabulationError.self) { try CrossTabSummary(table) }
  }

  @Test("recidivism and repeat offending summaries follow the contract")
  func recidivism() throws {
    let persons = Array(0..<40) + Array(0..<20)
    let days = Array(repeating: 0, count: 40) + Array(repeating: 30, count: 20)
    let group = factor("kon", levels: 2, (0..<60).map { Int32($0 % 40 < 30 ? 0 : 1) })
    let result = try Recidivism(
      persons: persons, days: days, groups: [group],
      options: RecidivismOptions(windowDays: 365, endDay: 1000))
    let root = try object(try encode(result.summary))
    #expect(root["window_days"] as? Int == 365)
    let groups = root["groups"] as! [[String: Any]]
    #expect(groups.count == 2)
    #expect(
      Set(["kon", "persons", "recidivists", "rate", "rate_ci", "km", "km_ci", "censored"])
        .isSubset(of: groups[0].keys))
    // 10 persons in kon = 2, all recidivists except none: the non-recidivists are 0, the
    // recidivists 10 → published; kon = 1: 30 persons, 20 recidivists.
    #expect(groups[0]["recidivists"] as? Int == 20)
    let decoded = try JSONDecoder().decode(
      RecidivismSummary.self, from: Data(try encode(result.summary).utf8))
    #expect(decoded == result.summary)

    let repeats = try RepeatOffending(
      groups: [factor("kon", levels: 2, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1])],
      suspicions: [1, 2, 3, 1, 1, 1, 2, 2, 2, 2, 2, 2])
    let r = try object(try encode(repeats.summary))
    let groups2 = r["groups"] as! [[String: Any]]
    #expect(Set(groups2[0].keys) == ["kon", "suppressed"])  // 2 repeaters: suppressed
  }
}

extension Tag {
  @Tag static var snapshot: Self
}
