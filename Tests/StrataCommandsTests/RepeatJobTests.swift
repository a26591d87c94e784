import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// `strata repeat`: shares of repeat suspects equal a count from the raw suspects file.
@Suite struct RepeatJobTests {
  @Test func sharesEqualAnIndependentCount() throws {
    let suspects = TestCounty.records("suspects")
    let h = suspects.header
    let (k, n) = (h.firstIndex(of: "kon")!, h.firstIndex(of: "antal_misstankar")!)
    var totals: [String: (suspects: Int, repeaters: Int)] = [:]
    for row in suspects.rows {
      let count = Int(row[n])!
      totals[row[k], default: (0, 0)].suspects += 1
      if count >= 2 { totals[row[k], default: (0, 0)].repeaters += 1 }
    }
    let job = RepeatOffendingRequest(
      data: DataInput(path: TestCounty.path("suspects")), by: ["kon"], suppress: 0)
    let json = try TestCounty.object(try job.publish().json)
    #expect(json["by"] as? [String] == ["kon"] && json["threshold"] as? Int == 2)
    for (kon, expected) in totals {
      let group = try #require(jsonRecords(json, "groups").first { $0["kon"] as? String == kon })
      #expect(group["suspects"] as? Int == expected.suspects)
      #expect(group["repeaters"] as? Int == expected.repeaters)
      expectApproximatelyEqual(
        group["share"] as? Double, Double(expected.repeaters) / Double(expected.suspects),
        relative: 1e-12, "share \(kon)")
      let ci = try #require(group["share_ci"] as? [Double])
      let (lower, upper) = RecidivismJobTests.wilson(
        Double(expected.repeaters), Double(expected.suspects))
      expectApproximatelyEqual(ci[0], lower, relative: 1e-9, "lower")
      expectApproximatelyEqual(ci[1], upper, relative: 1e-9, "upper")
      #expect(group["suppressed"] as? Bool == false)
    }
    let total = try #require(json["total"] as? [String: Any])
    #expect(total["suspects"] as? Int == suspects.rows.count)
  }

  @Test func thresholdAndSuppression() throws {
    var job = RepeatOffendingRequest(
      data: DataInput(path: TestCounty.path("suspects")), by: ["brottstyp", "kon"], threshold: 3)
    let json = try TestCounty.object(try job.publish().json)
    #expect(json["threshold"] as? Int == 3)
    for group in jsonRecords(json, "groups") + jsonRecords(json, "margins") {
      if group["suppressed"] as? Bool == true {
        #expect(group["suspects"] == nil && group["share"] == nil)
      } else {
        let (s, r) = (group["suspects"] as! Int, group["repeaters"] as! Int)
        #expect((r == 0 || r >= 5) && (s - r == 0 || s - r >= 5))
      }
    }
    job.threshold = 1
    #expect(throws: InputError.self) { try job.publish() }
  }

  @Test func invalidSuspicionCountNamesItsLine() throws {
    let file = writeTemporary("counts.csv", "lopnr;kon;antal\n1;1;2\n2;2;0.5\n")
    let result = try TestCounty.run(["repeat", file, "--by", "kon", "--count-variable", "antal"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("counts.csv, line 3"))
  }
}
