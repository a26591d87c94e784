import Foundation
import Microdata
import Testing

@testable import Analysis

/// Counting distinct persons: the first row of each person in each cell, found by indexing the
/// persons once and comparing cells only among the rows of persons met before.
@Suite struct FirstRowPerPersonTests {
  /// numeric ids (indexed directly) or text ids (hashed).
  @Test(arguments: [false, true])
  func keepsTheFirstRowOfEachPersonInEachCell(textIds: Bool) throws {
    var state: UInt64 = 12_345
    func next(_ n: UInt64) -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (state >> 33) % n
    }
    var lines = ["lopnr;kon;utbildning"]
    for _ in 0..<3_000 {
      let id = next(10) == 0 ? "" : textIds ? "P\(next(500))" : "\(1_000 + next(500))"
      let education = next(8) == 0 ? "" : String(1 + next(7))
      lines.append("\(id);\(1 + next(2));\(education)")
    }
    let data = try Dataset(csv: lines.joined(separator: "\n") + "\n")
    let factors = try data.factors(["kon", "utbildning"])
    let kept = TabulationRequest.firstRowPerPersonAndCell(factors, persons: try data.keys("lopnr"))
    // By brute force: the first row of each (id, kon, utbildning); rows without an id all kept.
    let ids = try data.strings("lopnr")
    var seen = Set<String>()
    var rows: [Int] = []
    for row in 0..<data.rowCount {
      guard let id = ids[row] else {
        rows.append(row)
        continue
      }
      if seen.insert("\(id)|\(factors[0].codes[row])|\(factors[1].codes[row])").inserted {
        rows.append(row)
      }
    }
    #expect(rows.count < data.rowCount && rows.count > 1_000)
    for (k, factor) in factors.enumerated() {
      #expect(kept[k].codes == rows.map { factor.codes[$0] })
    }
  }

  @Test func aRegisterWithOneRowPerPersonIsKeptWhole() throws {
    let data = try Dataset(csv: "lopnr;kon\n7;1\n8;2\n;1\n;1\n9;1\n")
    let factors = try data.factors(["kon"])
    let kept = TabulationRequest.firstRowPerPersonAndCell(factors, persons: try data.keys("lopnr"))
    #expect(kept[0].codes == factors[0].codes)
  }
}
