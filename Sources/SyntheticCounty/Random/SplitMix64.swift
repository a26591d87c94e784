// SplitMix64: the seeding generator recommended for the xoshiro family.
//
// Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA '14,
// doi:10.1145/2660193.2660195. The constants are those of Vigna's reference `splitmix64.c`.

/// The SplitMix64 generator, used only to expand a 64-bit seed into xoshiro's 256-bit state.
///
/// ```
/// state ← state + 0x9E3779B97F4A7C15
/// z ← (state ⊕ (state ≫ 30)) · 0xBF58476D1CE4E5B9
/// z ← (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB
/// return z ⊕ (z ≫ 31)
/// ```
struct SplitMix64: Sendable, Equatable {
  private(set) var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
