#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finding record starts in a byte range, so that a buffer can be parsed in parts (in parallel,
/// or block by block from a stream) without cutting a record in two.
///
/// Without any quote in the range, a record ends after every line feed. With quotes, one
/// sequential pass tracks the same states as the parser (a quote opens a quoted field only at
/// the start of a field; a doubled quote inside stays inside), and only line feeds outside
/// quotes end records. Lone carriage returns are cut points only for `lastBoundary` (streaming),
/// where a file that uses them would otherwise be one record.
enum RecordBoundaries {
  private static let quote = UInt8(ascii: "\"")
  private static let lf: UInt8 = 0x0A
  private static let cr: UInt8 = 0x0D

  static func containsQuote(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
    guard end > start else { return false }
    return memchr(base + start, Int32(quote), end - start) != nil
  }

  /// Cut points `start = c₀ < c₁ < … < c_k = end` near equal shares, each right after a record.
  static func split(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, parts: Int, delimiter: UInt8
  ) -> [Int] {
    guard parts > 1, end - start > parts else { return [start, end] }
    var cuts = [start]
    if !containsQuote(base, from: start, to: end) {
      for k in 1..<parts {
        let target = max(start + (end - start) * k / parts, cuts.last!)
        guard let found = memchr(base + target, Int32(lf), end - target) else { break }
        let cut = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
        if cut < end && cut > cuts.last! { cuts.append(cut) }
      }
    } else {
      let targets = (1..<parts).map { start + (end - start) * $0 / parts }
      var next = 0
      scan(base, from: start, to: end, delimiter: delimiter) { boundary in
        guard next < targets.count else { return false }
        if boundary >= targets[next] {
          if boundary < end { cuts.append(boundary) }
          while next < targets.count && targets[next] <= boundary { next += 1 }
        }
        return next < targets.count
      }
    }
    cuts.append(end)
    return cuts
  }

  /// The start of the last record that may be incomplete (the offset after the last record end
  /// in the range), or `start` when no record ends in it. A record ends at a line feed, or at a
  /// lone carriage return (a classic Mac OS file) whose next byte is in the range and is not a
  /// line feed: a carriage return at the end of the range may be half of a CRLF.
  static func lastBoundary(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, delimiter: UInt8
  ) -> Int {
    if !containsQuote(base, from: start, to: end) {
      var i = end - 1
      while i >= start {
        if base[i] == lf || (base[i] == cr && i + 1 < end && base[i + 1] != lf) { return i + 1 }
        i -= 1
      }
      return start
    }
    var last = start
    scan(base, from: start, to: end, delimiter: delimiter, loneCarriageReturns: true) {
      boundary in
      last = boundary
      return true
    }
    return last
  }

  /// Calls `found` with the offset after every line feed that ends a record (and, with
  /// `loneCarriageReturns`, after every carriage return that ends one and is not followed by a
  /// line feed), until it returns false.
  private static func scan(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, delimiter: UInt8,
    loneCarriageReturns: Bool = false, _ found: (Int) -> Bool
  ) {
    var i = start
    var fieldStart = true
    while i < end {
      let b = base[i]
      if fieldStart && b == quote {
        // Skip the quoted field: to the quote that is not doubled.
        i += 1
        while i < end {
          if base[i] == quote {
            if i + 1 < end && base[i + 1] == quote {
              i += 2
              continue
            }
            break
          }
          i += 1
        }
        if i >= end { return }
        i += 1
        fieldStart = false
        continue
      }
      if b == delimiter {
        fieldStart = true
      } else if b == lf {
        fieldStart = true
        if !found(i + 1) { return }
      } else if b == cr {
        fieldStart = true
        if loneCarriageReturns && i + 1 < end && base[i + 1] != lf && !found(i + 1) { return }
      } else {
        fieldStart = false
      }
      i += 1
    }
  }
}
