import Microdata

@testable import Tabulation

/// A deterministic random number generator (SplitMix64) so that random test tables are
/// reproducible.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Levels with codes `prefix1`, `prefix2`, … and labels equal to the codes.
func levels(_ count: Int, prefix: String = "") -> [Factor.Level] {
  (1...count).map { Factor.Level(code: "\(prefix)\($0)", sv: "", en: "") }
}

/// A factor named `name` with `count` levels coded `1…count` and the given codes.
func factor(_ name: String, levels count: Int, _ codes: [Int32]) -> Factor {
  Factor(name: name, levels: levels(count), codes: codes)
}

/// A cross-tabulation built from a table of counts by expanding it into one row per unit, so
/// that tests go through the counting kernel.
func expandedTable(_ counts: [Int], shape: [Int], names: [String]? = nil) throws -> CrossTab {
  let names = names ?? shape.indices.map { "v\($0)" }
  var codes = [[Int32]](repeating: [], count: shape.count)
  let strides = CrossTab.strides(of: shape)
  for (cell, n) in counts.enumerated() where n > 0 {
    for d in shape.indices {
      let level = Int32((cell / strides[d]) % shape[d])
      codes[d].append(contentsOf: repeatElement(level, count: n))
    }
  }
  let factors = shape.indices.map { factor(names[$0], levels: shape[$0], codes[$0]) }
  return try CrossTab(factors)
}

/// A cross-tabulation with one input row per cell, weighted by the cell's count (an aggregated
/// file such as SCB's population table).
func aggregatedTable(_ counts: [Double], shape: [Int], names: [String], weight: String = "antal")
  throws -> CrossTab
{
  let strides = CrossTab.strides(of: shape)
  let factors = shape.indices.map { d in
    factor(names[d], levels: shape[d], counts.indices.map { Int32(($0 / strides[d]) % shape[d]) })
  }
  return try CrossTab(factors, weight: .integers(name: weight, counts.map { Int($0) }))
}
