import Dispatch

/// UTF-8 validation over raw bytes, with an ASCII fast path that tests eight bytes at a time.
///
/// Rejects what RFC 3629 rejects: stray continuation bytes, truncated sequences, overlong
/// forms (C0, C1, E0 80–9F, F0 80–8F), surrogates (ED A0–BF) and scalars above U+10FFFF.
enum UTF8Validation {
  /// The offset of the first byte of the first invalid sequence in `bytes[start..<end]`, or nil.
  static func firstInvalidOffset(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int?
  {
    firstInvalidOffset(base, from: start, before: end, end: end)
  }

  /// The same, over `parts` ranges at once. The ranges start at bytes that are not continuation
  /// bytes, so each starts a sequence wherever the bytes before it are valid, and a range reads
  /// on past its end to finish its last sequence: the earliest offset found is the first.
  static func firstInvalidOffset(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, parts: Int
  ) -> Int? {
    guard parts > 1 && end - start >= parts * 4096 else {
      return firstInvalidOffset(base, from: start, to: end)
    }
    let cuts = (0...parts).map { k in
      var cut = start + (end - start) * k / parts
      while k > 0 && cut < end && base[cut] & 0xC0 == 0x80 { cut += 1 }
      return cut
    }
    let found = UnsafeMutablePointer<Int>.allocate(capacity: parts)
    defer { found.deallocate() }
    let results = SendableBuffer(found)
    let bytes = SendableBuffer(base)
    DispatchQueue.concurrentPerform(iterations: parts) { k in
      results.value[k] =
        firstInvalidOffset(bytes.value, from: cuts[k], before: max(cuts[k], cuts[k + 1]), end: end)
        ?? Int.max
    }
    let first = (0..<parts).map { found[$0] }.min()!
    return first == Int.max ? nil : first
  }

  /// The first invalid sequence that starts in `start..<before`, reading up to `end`.
  private static func firstInvalidOffset(
    _ base: UnsafePointer<UInt8>, from start: Int, before: Int, end: Int
  ) -> Int? {
    var i = start
    while i < before {
      // Thirty-two, then eight ASCII bytes at a time.
      while i + 32 <= before {
        let p = UnsafeRawPointer(base + i)
        let any =
          p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
          | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
          | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        if any & 0x8080_8080_8080_8080 != 0 { break }
        i += 32
      }
      while i + 8 <= before {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        i += 8
      }
      if i >= before { return nil }
      let b0 = base[i]
      if b0 < 0x80 {
        i += 1
        continue
      }
      let length = sequenceLength(base, at: i, end: end)
      if length == 0 { return i }
      i += length
    }
    return nil
  }

  /// The length of the valid UTF-8 sequence that starts at `i`, or 0 when it is invalid.
  @inline(__always)
  static func sequenceLength(_ base: UnsafePointer<UInt8>, at i: Int, end: Int) -> Int {
    let b0 = base[i]
    func continuation(_ k: Int) -> UInt8? {
      guard i + k < end else { return nil }
      let b = base[i + k]
      return b & 0xC0 == 0x80 ? b : nil
    }
    switch b0 {
    case 0xC2...0xDF:
      return continuation(1) == nil ? 0 : 2
    case 0xE0...0xEF:
      guard let b1 = continuation(1), continuation(2) != nil else { return 0 }
      if b0 == 0xE0 && b1 < 0xA0 { return 0 }
      if b0 == 0xED && b1 > 0x9F { return 0 }
      return 3
    case 0xF0...0xF4:
      guard let b1 = continuation(1), continuation(2) != nil, continuation(3) != nil else {
        return 0
      }
      if b0 == 0xF0 && b1 < 0x90 { return 0 }
      if b0 == 0xF4 && b1 > 0x8F { return 0 }
      return 4
    default:
      return 0
    }
  }

  /// Whether every byte of a field is valid UTF-8.
  @inline(__always)
  static func isValid(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
    firstInvalidOffset(base, from: 0, to: count) == nil
  }
}
