// xoshiro256**: the county's only source of randomness.
//
// Goals, in order: (1) the same seed gives the same stream on every run, so generated files are
// byte-identical; (2) statistical quality good enough for simulation (xoshiro256** passes
// BigCrush); (3) speed. No Foundation or system randomness is used anywhere in the module.
//
// Blackman & Vigna (2021), "Scrambled linear pseudorandom number generators", ACM TOMS 47(4),
// doi:10.1145/3460772. The update, the ** scrambler and the jump polynomial are those of the
// authors' reference `xoshiro256starstar.c`; the state is seeded with SplitMix64 as they advise.

/// The xoshiro256** generator seeded through SplitMix64.
///
/// ```
/// output = rotl(s₁ · 5, 7) · 9
/// t = s₁ ≪ 17;  s₂ ⊕= s₀;  s₃ ⊕= s₁;  s₁ ⊕= s₂;  s₀ ⊕= s₃;  s₂ ⊕= t;  s₃ = rotl(s₃, 45)
/// ```
///
/// Independent streams come from `jump()`, which advances the state by 2¹²⁸ steps.
struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Seeds the state with four successive SplitMix64 outputs and then jumps `stream` times,
  /// so stream k of a seed never overlaps stream k + 1 within 2¹²⁸ draws.
  init(seed: UInt64, stream: Int = 0) {
    var mixer = SplitMix64(seed: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
    for _ in 0..<stream { jump() }
  }

  /// The raw state words, for comparison with the reference implementation.
  var state: [UInt64] { [s0, s1, s2, s3] }

  @inline(__always)
  private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }

  @inline(__always)
  mutating func next() -> UInt64 {
    let result = Self.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotl(s3, 45)
    return result
  }

  /// Advances the state by 2¹²⁸ calls of `next()` (the reference `jump`).
  mutating func jump() {
    let polynomial: [UInt64] = [
      0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C,
    ]
    var t0: UInt64 = 0
    var t1: UInt64 = 0
    var t2: UInt64 = 0
    var t3: UInt64 = 0
    for word in polynomial {
      for bit in 0..<64 {
        if word & (UInt64(1) << UInt64(bit)) != 0 {
          t0 ^= s0
          t1 ^= s1
          t2 ^= s2
          t3 ^= s3
        }
        _ = next()
      }
    }
    s0 = t0
    s1 = t1
    s2 = t2
    s3 = t3
  }
}
