import Foundation

/// The benchmarks' seeded random numbers: SplitMix64 uniforms and Box–Muller normals, so that
/// every run times the same synthetic data.
struct BenchmarkRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A uniform number in [0, 1).
  mutating func uniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) / 9_007_199_254_740_992
  }

  /// A standard normal number (Box–Muller, one of the pair).
  mutating func normal() -> Double {
    (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * Double.pi * uniform())
  }
}
