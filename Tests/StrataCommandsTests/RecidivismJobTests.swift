import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// `strata recidivism` on a hand-made file whose answers are worked out by hand below.
@Suite struct RecidivismJobTests {
  // Window 365 days, start 2016-01-15, end 2018-12-31.
  //   P1 man    2016-03-01, 2016-09-01          new suspicion after 184 days: recidivist
  //   P2 man    2016-05-01, 2017-06-01          396 days: not within the window
  //   P3 woman  2018-06-01                      follow-up 213 days: censored
  //   P4 woman  2017-01-10 (twice), 2017-12-01  325 days: recidivist (same day is no new one)
  //   P5 man    2016-02-01                      not a recidivist, followed 1064 days
  //   P6 woman  1990-05-05, 2016-07-01          the first is before birth (aged 20 in 2016)
  //   P7 man    2016-01-05, 2016-03-01, 2016-04-01   the first before the start; 31 days
  //   P8 man    2016-06-01, 2019-01-05          the second after the end
  //   P9 (not in persons) 2016-01-01, 2016-02-01
  static let persons = fixture("Fixtures/recidivism-persons.csv").path
  static let suspicions = fixture("Fixtures/recidivism-suspicions.csv").path

  func job(suppress: Int = 0) -> RecidivismRequest {
    RecidivismRequest(
      suspicions: DataInput(path: Self.suspicions), persons: DataInput(path: Self.persons),
      windowDays: 365, by: ["kon"], start: "2016-01-15", end: "2018-12-31", suppress: suppress)
  }

  /// Wilson's interval, written out (Wilson 1927).
  static func wilson(_ r: Double, _ n: Double) -> (Double, Double) {
    let z = 1.959963984540054
    let center = r + z * z / 2
    let half = z * (r * (n - r) / n + z * z / 4).squareRoot()
    return ((center - half) / (n + z * z), (center + half) / (n + z * z))
  }

  @Test func groupsHaveTheWorkedOutAnswers() throws {
    let json = try TestCounty.object(try job().publish().json)
    #expect(json["window_days"] as? Int == 365)
    let expected:
      [(kon: String, index: Int, persons: Int, recidivists: Int, censored: Int, km: Double)] = [
        ("1", 5, 5, 2, 0, 0.4), ("2", 3, 2, 1, 1, 0.5),
      ]
    let groups = jsonRecords(json, "groups")
    #expect(groups.count == 2)
    for e in expected {
      let group = try #require(groups.first { $0["kon"] as? String == e.kon })
      #expect(group["index_events"] as? Int == e.index)
      #expect(group["persons"] as? Int == e.persons)
      #expect(group["recidivists"] as? Int == e.recidivists)
      #expect(group["censored"] as? Int == e.censored)
      let rate = Double(e.recidivists) / Double(e.persons)
      expectApproximatelyEqual(group["rate"] as? Double, rate, relative: 1e-12, "rate \(e.kon)")
      let ci = try #require(group["rate_ci"] as? [Double])
      let (lower, upper) = Self.wilson(Double(e.recidivists), Double(e.persons))
      expectApproximatelyEqual(ci[0], lower, relative: 1e-9, "lower \(e.kon)")
      expectApproximatelyEqual(ci[1], upper, relative: 1e-9, "upper \(e.kon)")
      expectApproximatelyEqual(group["km"] as? Double, e.km, relative: 1e-12, "km \(e.kon)")
      #expect((group["km_ci"] as? [Double])?.count == 2)
    }
    let total = try #require(json["total"] as? [String: Any])
    #expect(total["persons"] as? Int == 7 && total["recidivists"] as? Int == 3)
    expectApproximatelyEqual(total["km"] as? Double, 0.4, relative: 1e-12, "km total")
  }

  @Test func leftOutSuspicionsAreCountedAndWarned() throws {
    let result = try job().publish()
    let json = try TestCounty.object(result.json)
    let excluded = try #require(json["excluded_events"] as? [String: Int])
    #expect(
      excluded == [
        "unmatched_suspicions": 2, "unmatched_persons": 1, "before_start": 1, "before_birth": 1,
        "after_end": 1,
      ])
    #expect(json["birth_dates"] as? String == "ar - alder")
    let warnings = result.warnings.joined(separator: "\n")
    #expect(
      warnings.contains(
        "2 suspicions of 1 person in recidivism-suspicions.csv have no row in recidivism-persons.csv"
      ))
    #expect(warnings.contains("1 suspicion dated before the start 2016-01-15 was left out"))
    #expect(
      warnings.contains("line 11, lopnr P6, datum 1990-05-05, born 1995-01-01 at the earliest"))
    #expect(warnings.contains("1 suspicion dated after the end 2018-12-31 was left out"))
  }

  @Test func defaultSuppressionWithholdsSmallGroupsEverywhere() throws {
    let result = try job(suppress: 5).publish()
    let json = try TestCounty.object(result.json)
    for group in jsonRecords(json, "groups") {
      #expect(group["suppressed"] as? Bool == true)
      #expect(group["persons"] == nil && group["rate"] == nil && group["km"] == nil)
    }
    // Every group withheld: the chart is a sentence saying so, not bars.
    let chart = try #require(result.charts.first)
    #expect(chart.svg.contains("class=\"not-drawn\"") && !chart.svg.contains("class=\"bars\""))
    let body = result.tables[0].rows.flatMap(\.cells)
    #expect(body.allSatisfy { $0 == .suppressed })
  }

  @Test func filterSelectsSuspicionsAfterTheJoin() throws {
    var filtered = job()
    filtered.filter = "kon == 2"
    let json = try TestCounty.object(try filtered.publish().json)
    #expect(
      jsonRecords(json, "groups").first { $0["kon"] as? String == "1" }?["index_events"] as? Int
        == 0)
    #expect((json["total"] as? [String: Any])?["index_events"] as? Int == 3)
  }

  @Test func badDatesAndWindowsAreUsageErrors() throws {
    for options in [
      ["--window", "0"], ["--window", "365", "--start", "2016-02-30"],
      ["--window", "365", "--start", "2017-01-01", "--end", "2016-01-01"],
    ] {
      let result = try TestCounty.run(["recidivism", Self.suspicions] + options)
      #expect(result.status == 2, "\(options): \(result.stderr)")
    }
    let impossible = writeTemporary(
      "suspicions-bad-date.csv",
      "lopnr;datum;brottskod;brottstyp\nP1;2016-03-01;0377;vbek\nP1;2016-02-30;0377;vbek\n")
    let result = try TestCounty.run(["recidivism", impossible, "--window", "365"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("suspicions-bad-date.csv, line 3"))
    #expect(result.stderr.contains("2016-02-30"))
  }

  @Test func countyRunHasTheContractShape() throws {
    let result = try TestCounty.run([
      "recidivism", TestCounty.path("suspicions"), "--persons", TestCounty.path("persons"),
      "--window", "365", "--by", "kon", "--format", "json",
    ])
    #expect(result.status == 0)
    let json = try TestCounty.object(Data(result.stdout.utf8))
    #expect(json["window_days"] as? Int == 365 && json["warnings"] is [String])
    for group in jsonRecords(json, "groups") where group["suppressed"] as? Bool == false {
      for key in ["persons", "recidivists", "rate", "km", "censored"] { #expect(group[key] != nil) }
      #expect(
        (group["rate_ci"] as? [Double])?.count == 2 && (group["km_ci"] as? [Double])?.count == 2)
    }
  }
}
