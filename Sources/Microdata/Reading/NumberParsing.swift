#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parsing numbers from raw field bytes without allocating.
///
/// Integers: an optional sign and 1–18 digits (`Int64` cannot overflow). Decimals: optional sign,
/// digits with `.` or `,` as the decimal separator (a decimal comma is accepted in any file; a
/// comma-delimited file can only carry it quoted), optional exponent. When the significant
/// digits fit in 15 and the power of ten in ±22, `m × 10^e` is exact in one correctly rounded
/// operation (Clinger's fast path, W. D. Clinger, "How to read floating point numbers
/// accurately", PLDI 1990, doi:10.1145/93542.93557); otherwise `strtod` does the conversion.
enum NumberParsing {

  /// Sentinel for "not an integer".
  static let invalid = Int64.min

  @inline(__always)
  static func integer(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64 {
    var i = 0
    var negative = false
    if n > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) {
      negative = p[0] == UInt8(ascii: "-")
      i = 1
    }
    let digits = n - i
    if digits < 1 || digits > 18 { return invalid }
    var value: Int64 = 0
    while i < n {
      let d = Int64(p[i]) &- 48
      if d < 0 || d > 9 { return invalid }
      value = value &* 10 &+ d
      i += 1
    }
    return negative ? -value : value
  }

  /// An integer written with a zero fraction (`12.0`, `12,00`), as some exports write counts.
  static func integerWithZeroFraction(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64 {
    var k = 0
    while k < n && p[k] != UInt8(ascii: ".") && p[k] != UInt8(ascii: ",") { k += 1 }
    guard k < n, k > 0 else { return invalid }
    for j in (k + 1)..<n where p[j] != UInt8(ascii: "0") { return invalid }
    return integer(p, k)
  }

  private static let powers: [Double] = (0...22).map { exponent in
    var x = 1.0
    for _ in 0..<exponent { x *= 10 }
    return x
  }

  /// The decimal number in the field, or nil.
  @inline(__always)
  static func decimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
    var i = 0
    var negative = false
    if n > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) {
      negative = p[0] == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var digits = 0
    var exponent = 0
    var seenSeparator = false
    var leadingZeros = true
    while i < n {
      let b = p[i]
      let d = Int(b) &- 48
      if d >= 0 && d <= 9 {
        digits += 1
        if leadingZeros && d == 0 {
          if seenSeparator { exponent -= 1 }
        } else {
          leadingZeros = false
          if significant < 19 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            significant += 1
            if seenSeparator { exponent -= 1 }
          } else {
            significant += 1
            if !seenSeparator { exponent += 1 }
          }
        }
      } else if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",")) && !seenSeparator {
        seenSeparator = true
      } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
        break
      } else {
        return nil
      }
      i += 1
    }
    if digits == 0 { return nil }
    if i < n {
      // Exponent.
      i += 1
      var expNegative = false
      if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
        expNegative = p[i] == UInt8(ascii: "-")
        i += 1
      }
      if i == n { return nil }
      var e = 0
      while i < n {
        let d = Int(p[i]) &- 48
        if d < 0 || d > 9 { return nil }
        if e < 100_000 { e = e * 10 + d }
        i += 1
      }
      exponent += expNegative ? -e : e
    }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if significant <= 15 && exponent >= -22 && exponent <= 22 {
      let m = Double(mantissa)
      let value = exponent >= 0 ? m * powers[exponent] : m / powers[-exponent]
      return negative ? -value : value
    }
    return slowDecimal(p, n)
  }

  /// `strtod` on a NUL-terminated copy with `.` as the separator.
  private static func slowDecimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
    var text = [CChar](repeating: 0, count: n + 1)
    for k in 0..<n {
      text[k] = p[k] == UInt8(ascii: ",") ? CChar(UInt8(ascii: ".")) : CChar(bitPattern: p[k])
    }
    return text.withUnsafeBufferPointer { buffer -> Double? in
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtod(buffer.baseAddress!, &end)
      guard let end, end - UnsafeMutablePointer(mutating: buffer.baseAddress!) == n else {
        return nil
      }
      return value
    }
  }

  /// A whole number written as rendering it gives it back: an optional `-`, 1–18 digits, no
  /// leading zero (`0` alone is fine, `-0` is not). Inferred columns are read through this, so
  /// that turning the numbers read so far back into text restores exactly the bytes of the file.
  @inline(__always)
  static func canonicalInteger(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64 {
    if n < 1 { return invalid }
    let negative = p[0] == UInt8(ascii: "-")
    let start = negative ? 1 : 0
    let digits = n - start
    if digits < 1 || digits > 18 || (p[start] == UInt8(ascii: "0") && (digits > 1 || negative)) {
      return invalid
    }
    var value: Int64 = 0
    var i = start
    while i < n {
      let d = Int64(p[i]) &- 48
      if d < 0 || d > 9 { return invalid }
      value = value &* 10 &+ d
      i += 1
    }
    return negative ? -value : value
  }

  /// Whether a field is a plain identifier number: 1–18 digits, no sign, no leading zero
  /// (so that rendering the number gives back exactly the same text).
  @inline(__always)
  static func canonicalIdentifier(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64 {
    if n < 1 || n > 18 || (p[0] == UInt8(ascii: "0") && n > 1) { return invalid }
    var value: Int64 = 0
    var i = 0
    while i < n {
      let d = Int64(p[i]) &- 48
      if d < 0 || d > 9 { return invalid }
      value = value &* 10 &+ d
      i += 1
    }
    return value
  }
}
