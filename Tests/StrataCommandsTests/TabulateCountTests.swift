import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// `strata tabulate` on the synthetic county: the JSON has the contract's shape, and every
/// count, population and rate equals one computed here from the raw CSV lines.
@Suite struct TabulateCountTests {
  /// kon × fodelse against the population, without suppression.
  func ratesJob() -> TabulationRequest {
    TabulationRequest(
      data: DataInput(path: TestCounty.path("suspects")), rows: ["kon"], cols: ["fodelse"],
      population: DataInput(path: TestCounty.path("population")), suppress: 0, test: true)
  }

  @Test func jsonHasTheContractShape() throws {
    let json = try TestCounty.object(try ratesJob().publish().json)
    #expect(json["rows"] as? [String] == ["kon"])
    #expect(json["cols"] as? [String] == ["fodelse"])
    for key in ["cells", "margins", "total", "test", "excluded", "labels", "warnings"] {
      #expect(json[key] != nil, "missing \(key)")
    }
    let cells = jsonRecords(json, "cells")
    #expect(cells.count == 4)
    for cell in cells {
      #expect(cell["kon"] is String && cell["fodelse"] is String)
      for key in ["count", "population", "rate", "population_share", "representation_ratio"] {
        #expect(cell[key] is NSNumber && !(cell[key] is Bool), "\(key) is not a number")
      }
      let interval = try #require(cell["rate_ci"] as? [Double])
      #expect(interval.count == 2 && interval[0] <= interval[1])
      #expect(cell["suppressed"] as? Bool == false)
    }
    let test = try #require(json["test"] as? [String: Any])
    for key in ["chi2", "df", "p_value", "cramers_v"] { #expect(test[key] is NSNumber, "\(key)") }
    #expect((json["total"] as? [String: Any])?["count"] is NSNumber)
    #expect((json["labels"] as? [String: [String: String]])?["kon"]?["2"] == "Kvinna")
    #expect(json["warnings"] is [String])
    let excluded = try #require(json["excluded"] as? [String: Any])
    #expect(excluded["missing"] is [String: Any] && excluded["rows"] is NSNumber)
  }

  @Test func countsPopulationsAndRatesEqualAnIndependentCount() throws {
    // Suspects and population by kon × fodelse, from the raw lines.
    let suspects = TestCounty.records("suspects")
    let (sk, sf) = (
      suspects.header.firstIndex(of: "kon")!, suspects.header.firstIndex(of: "fodelseland")!
    )
    var counts: [String: Double] = [:]
    var missingBirth = 0
    for row in suspects.rows {
      guard let birth = SpecRecode.fodelse(row[sf]) else {
        missingBirth += 1
        continue
      }
      counts["\(row[sk])|\(birth)", default: 0] += 1
    }
    let population = TestCounty.records("population")
    let (pk, pf, pa) = (
      population.header.firstIndex(of: "kon")!, population.header.firstIndex(of: "fodelseland")!,
      population.header.firstIndex(of: "antal")!
    )
    var persons: [String: Double] = [:]
    for row in population.rows {
      guard let birth = SpecRecode.fodelse(row[pf]) else { continue }
      persons["\(row[pk])|\(birth)", default: 0] += Double(row[pa])!
    }

    let json = try TestCounty.object(try ratesJob().publish().json)
    let cells = jsonRecords(json, "cells")
    for kon in ["1", "2"] {
      for birth in ["inrikes", "utrikes"] {
        let cell = try #require(record(cells, ["kon": kon, "fodelse": birth]))
        let x = counts["\(kon)|\(birth)", default: 0]
        let n = persons["\(kon)|\(birth)", default: 0]
        #expect(cell["count"] as? Double == x)
        #expect(cell["population"] as? Double == n)
        expectApproximatelyEqual(
          cell["rate"] as? Double, x / n * 100_000, relative: Tolerance.countsAndRates,
          "rate \(kon) \(birth)")
      }
    }
    // Margins and the total add up; rows without fodelseland are excluded and counted.
    let margins = jsonRecords(json, "margins")
    for kon in ["1", "2"] {
      let margin = try #require(record(margins, ["kon": kon]))
      #expect(
        margin["count"] as? Double
          == counts["\(kon)|inrikes", default: 0] + counts["\(kon)|utrikes", default: 0])
    }
    let total = try #require(json["total"] as? [String: Any])
    #expect(total["count"] as? Double == counts.values.reduce(0, +))
    let excluded = try #require(json["excluded"] as? [String: Any])
    #expect((excluded["missing"] as? [String: Int])?["fodelse"] ?? 0 == missingBirth)
  }

  @Test func weightCountsSuspicionsAndGroupingsRecodeAges() throws {
    let suspects = TestCounty.records("suspects")
    let h = suspects.header
    let (k, a, n) = (
      h.firstIndex(of: "kon")!, h.firstIndex(of: "alder")!, h.firstIndex(of: "antal_misstankar")!
    )
    var expected: [String: Double] = [:]
    for row in suspects.rows {
      guard let group = SpecRecode.aldersgrupp3(row[a]) else { continue }
      expected["\(row[k])|\(group)", default: 0] += Double(row[n])!
    }
    let job = TabulationRequest(
      data: DataInput(path: TestCounty.path("suspects")), rows: ["kon"], cols: ["aldersgrupp3"],
      weight: "antal_misstankar", suppress: 0)
    let json = try TestCounty.object(try job.publish().json)
    #expect(json["weight"] as? String == "antal_misstankar")
    for (key, value) in expected {
      let parts = key.split(separator: "|").map(String.init)
      let cell = try #require(
        record(jsonRecords(json, "cells"), ["kon": parts[0], "aldersgrupp3": parts[1]]))
      #expect(cell["count"] as? Double == value, "\(key)")
    }
  }

  @Test func percentagesSumToAHundredAlongTheirBase() throws {
    var job = ratesJob()
    job.percent = .row
    job.population = nil
    job.test = false
    let json = try TestCounty.object(try job.publish().json)
    #expect(json["percent_base"] as? String == "row")
    for kon in ["1", "2"] {
      let sum = jsonRecords(json, "cells").filter { $0["kon"] as? String == kon }
        .compactMap { $0["percent"] as? Double }.reduce(0, +)
      expectApproximatelyEqual(sum, 100, relative: 1e-12, "row \(kon)")
    }
  }

  @Test func testSumsOverFurtherVariablesAndSaysSo() throws {
    let job = TabulationRequest(
      data: DataInput(path: TestCounty.path("suspects")), rows: ["kon"],
      cols: ["brottstyp", "aldersgrupp3"], suppress: 0, test: true)
    let result = try job.publish()
    let json = try TestCounty.object(result.json)
    let test = try #require(json["test"] as? [String: Any])
    #expect(test["rows"] as? [String] == ["kon"])
    #expect(test["cols"] as? [String] == ["brottstyp"])
    #expect(test["summed_over"] as? [String] == ["aldersgrupp3"])
    // The same statistic as the two-way table alone.
    let twoWay = TabulationRequest(
      data: DataInput(path: TestCounty.path("suspects")), rows: ["kon"], cols: ["brottstyp"],
      suppress: 0, test: true)
    let reference = try #require(
      try TestCounty.object(twoWay.publish().json)["test"] as? [String: Any])
    #expect(test["chi2"] as? Double == reference["chi2"] as? Double)
    #expect(test["df"] as? Int == reference["df"] as? Int)
    let note = result.tables.last?.footnotes.map(\.text).joined() ?? ""
    #expect(note.contains("summerat över"))
  }

  @Test func standardisedRatesEqualADirectComputation() throws {
    // Suspects and population by kon × aldersgrupp3 from the raw lines; the standard is the
    // study population's age distribution.
    let suspects = TestCounty.records("suspects")
    let sh = suspects.header
    var x: [String: Double] = [:]
    for row in suspects.rows {
      guard let group = SpecRecode.aldersgrupp3(row[sh.firstIndex(of: "alder")!]) else { continue }
      x["\(row[sh.firstIndex(of: "kon")!])|\(group)", default: 0] += 1
    }
    let population = TestCounty.records("population")
    let ph = population.header
    var n: [String: Double] = [:]
    var standard: [String: Double] = [:]
    for row in population.rows {
      guard let group = SpecRecode.aldersgrupp3(row[ph.firstIndex(of: "alder")!]) else { continue }
      let antal = Double(row[ph.firstIndex(of: "antal")!])!
      n["\(row[ph.firstIndex(of: "kon")!])|\(group)", default: 0] += antal
      standard[group, default: 0] += antal
    }
    let weightSum = standard.values.reduce(0, +)
    let job = TabulationRequest(
      data: DataInput(path: TestCounty.path("suspects")), rows: ["kon"],
      population: DataInput(path: TestCounty.path("population")), suppress: 0,
      standardizeBy: "aldersgrupp3")
    let result = try job.run()
    let json = try TestCounty.object(try result.publication().json)
    let standardized = try #require(json["standardized"] as? [String: Any])
    #expect(standardized["by"] as? String == "aldersgrupp3")
    for kon in ["1", "2"] {
      let dsr = standard.reduce(0.0) { sum, entry in
        sum + entry.value / weightSum * x["\(kon)|\(entry.key)", default: 0]
          / n["\(kon)|\(entry.key)"]!
      }
      let group = try #require(
        jsonRecords(standardized, "groups").first { $0["kon"] as? String == kon })
      // The library keeps full precision; the JSON has the table's one decimal.
      expectApproximatelyEqual(
        result.standardization?.rate(codes: [kon])?.adjustedRate, dsr * 100_000,
        relative: 1e-12, "dsr \(kon)")
      let published = try #require(group["rate"] as? Double)
      #expect(abs(published - dsr * 100_000) <= 0.05 + 1e-9, "dsr \(kon) rounded")
      #expect(abs(published * 10 - (published * 10).rounded()) < 1e-6)
      let interval = try #require(group["rate_ci"] as? [Double])
      #expect(interval[0] < dsr * 100_000 && dsr * 100_000 < interval[1])
    }
  }
}
