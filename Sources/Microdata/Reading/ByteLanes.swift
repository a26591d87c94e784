/// Tests on the eight bytes of a 64-bit word at once (SIMD within a register), for the scanners
/// that read a file eight bytes at a time.
enum ByteLanes {
  /// Every byte `b`.
  @inline(__always)
  static func repeating(_ b: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(b) }

  /// The high bit of each byte of `x` that is zero, and no other bit. Exact for every byte
  /// (`(x & 0x7F…) + 0x7F…` carries into a byte's high bit exactly when its low seven bits are
  /// not all zero, and never into the next byte).
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low7) &+ low7) | x) & ~low7
  }

  /// How many bytes `zeroBytes`' result marks, by one multiplication (the baseline x86-64
  /// target has no population count instruction).
  @inline(__always)
  static func markedCount(_ marks: UInt64) -> Int {
    Int(truncatingIfNeeded: ((marks >> 7) &* 0x0101_0101_0101_0101) >> 56)
  }
}
