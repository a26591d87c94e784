import Foundation
import StatsTestSupport
import Testing

@testable import SyntheticCounty

/// The generators against values printed by the reference C implementation
/// (scripts/reference/xoshiro_reference.c).
@Suite struct RandomNumberGeneratorTests {
  /// Printed by scripts/reference/xoshiro_reference.c (gcc 12.2.0), which writes these five
  /// lists as JSON under snake_case names; copied here so the test target holds no resources.
  struct ReferenceValues {
    let splitMix64Seed0: [String]
    let xoshiroSeed1: [String]
    let xoshiroSeed2016: [String]
    let xoshiroSeed1Jump1: [String]
    let xoshiroSeed1Jump2: [String]
  }

  static let reference = ReferenceValues(
    splitMix64Seed0: [
      "e220a8397b1dcdaf", "6e789e6aa1b965f4", "06c45d188009454f", "f88bb8a8724c81ec",
      "1b39896a51a8749b",
    ],
    xoshiroSeed1: [
      "b3f2af6d0fc710c5", "853b559647364cea", "92f89756082a4514", "642e1c7bc266a3a7",
      "b27a48e29a233673", "24c123126ffda722", "123004ef8df510e6", "61954dcc47b1e89d",
    ],
    xoshiroSeed2016: [
      "2783899f312ca7a0", "0624859da8fd69e2", "b6d231296dd6a35b", "d160cd437036b5f1",
      "a25bc6376e6c9bbc", "c15e01f80aef96d0", "839fee18094502d2", "d5d5542b85d2a9ca",
    ],
    xoshiroSeed1Jump1: [
      "332802f81eaae9d0", "02d18d7749b84f96", "c3729a527851f63d", "4e6d496401657f6d",
      "f770713745c5da5e", "c55814dc11e24154", "a89c369d7a17f617", "1ea96c41dbd8e0ef",
    ],
    xoshiroSeed1Jump2: [
      "c00b7581fee144e3", "3108407c917a55d4", "d4282228274acd4d", "f33adbf6c9730dc1",
      "71de7c2bd9a6567c", "e6df3f1e087256eb", "1046b6a9099b0cfb", "9a9e12aec0941544",
    ])

  static func hex(_ values: [String]) -> [UInt64] { values.map { UInt64($0, radix: 16)! } }

  @Test func splitMix64MatchesReference() {
    var generator = SplitMix64(seed: 0)
    let values = (0..<5).map { _ in generator.next() }
    #expect(values == Self.hex(Self.reference.splitMix64Seed0))
  }

  @Test(arguments: [(UInt64(1), 0), (UInt64(2016), 0), (UInt64(1), 1), (UInt64(1), 2)])
  func xoshiroMatchesReference(seed: UInt64, stream: Int) {
    var generator = Xoshiro256StarStar(seed: seed, stream: stream)
    let values = (0..<8).map { _ in generator.next() }
    let expected =
      switch (seed, stream) {
      case (1, 0): Self.reference.xoshiroSeed1
      case (2016, 0): Self.reference.xoshiroSeed2016
      case (1, 1): Self.reference.xoshiroSeed1Jump1
      default: Self.reference.xoshiroSeed1Jump2
      }
    #expect(values == Self.hex(expected))
  }

  @Test func uniformsStayInTheirIntervals() {
    var generator = Xoshiro256StarStar(seed: 3)
    for _ in 0..<100_000 {
      let u = generator.uniform()
      #expect(u >= 0 && u < 1)
      let v = generator.openUniform()
      #expect(v > 0 && v < 1)
      let k = generator.integer(in: 5...9)
      #expect((5...9).contains(k))
    }
  }

  @Test func integersAreUniform() {
    var generator = Xoshiro256StarStar(seed: 4)
    var counts = Array(repeating: 0, count: 7)
    let n = 70_000
    for _ in 0..<n { counts[generator.integer(in: 0...6)] += 1 }
    // Pearson χ² with 6 degrees of freedom; 22.46 is its 0.999 quantile.
    let expected = Double(n) / 7
    let chi2 = counts.reduce(0) {
      $0 + (Double($1) - expected) * (Double($1) - expected) / expected
    }
    #expect(chi2 < 22.46, "χ² = \(chi2) for counts \(counts)")
  }
}
