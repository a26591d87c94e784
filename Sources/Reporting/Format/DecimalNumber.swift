// Decimal numbers and their rounding, for publication and for comparison with printed figures:
// the one decimal type of Strata (number formatting, SVG coordinates, published-figure checks).
//
// Goals, in priority order:
//  1. What a reader expects: 2.675 rounded to two decimals is 2.68 and 1.005 is 1.01, as on
//     paper, although the binary doubles nearest to them lie just below (2.67499999999999982236431605997495353221893310546875).
//     Naive `(x * 100).rounded() / 100` and C's `printf("%.2f")` both give 2.67 and 1.00.
//  2. Byte-stable output on every platform and locale: pure digit-string arithmetic, no
//     `String(format:)`, no `NumberFormatter`.
//  3. Speed is secondary (a table has thousands of cells, not millions).
//
// The rule: take the shortest decimal string that round-trips to the same double (Swift's
// `description`, the Steele–White/Grisu/Ryū "shortest representation"), then round that
// decimal string half away from zero at the requested number of decimals. A value is thus
// rounded as the decimal number a person would have typed or read, never as its binary
// approximation. Reference: Steele & White (1990), "How to print floating-point numbers
// accurately", doi:10.1145/93548.93559.

import Foundation

/// A finite decimal number as digit strings: `(−1)^negative × integerDigits.fractionDigits`.
public struct DecimalNumber: Sendable, Equatable {
  /// True for a negative value (never set when every digit is zero).
  public var negative: Bool
  /// Integer digits, most significant first, without leading zeros (at least one digit).
  public var integerDigits: [UInt8]
  /// Fraction digits, most significant first (exactly the requested number after rounding).
  public var fractionDigits: [UInt8]

  /// True when every digit is zero.
  public var isZero: Bool {
    integerDigits.allSatisfy { $0 == 0 } && fractionDigits.allSatisfy { $0 == 0 }
  }

  /// The plain representation with `.` as decimal point and `-` as sign, e.g. `-1234.50`.
  public var plainString: String {
    var text = negative ? "-" : ""
    text += String(decoding: integerDigits.map { $0 + 48 }, as: UTF8.self)
    if !fractionDigits.isEmpty {
      text += "." + String(decoding: fractionDigits.map { $0 + 48 }, as: UTF8.self)
    }
    return text
  }

  /// The shortest round-trip decimal expansion of a finite `value`, not rounded.
  public init(exactShortest value: Double) {
    precondition(value.isFinite, "DecimalNumber needs a finite value")
    negative = value.sign == .minus && value != 0
    let magnitude = value.magnitude
    // A whole number below 2⁵³ is its own shortest expansion (counts, coordinates in pixels).
    if magnitude < 9_007_199_254_740_992, magnitude.rounded(.towardZero) == magnitude {
      var whole = UInt64(magnitude)
      var digits: [UInt8] = []
      repeat {
        digits.append(UInt8(whole % 10))
        whole /= 10
      } while whole > 0
      integerDigits = digits.reversed()
      fractionDigits = []
      return
    }
    // `description` of a finite Double is the shortest round-trip string, e.g. "2.675",
    // "1e-05", "1.2345e+16", "5e-324": ASCII only, read byte by byte.
    var digits: [UInt8] = []
    var pointPosition = 0  // number of mantissa digits before the decimal point
    var seenPoint = false
    var exponent = 0
    var exponentSign = 1
    var inExponent = false
    for byte in magnitude.description.utf8 {
      switch byte {
      case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
      case UInt8(ascii: "-") where inExponent: exponentSign = -1
      case UInt8(ascii: "."): seenPoint = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digit = byte - UInt8(ascii: "0")
        if inExponent {
          exponent = exponent * 10 + Int(digit)
        } else {
          digits.append(digit)
          if !seenPoint { pointPosition += 1 }
        }
      default: break
      }
    }
    pointPosition += exponentSign * exponent
    if pointPosition <= 0 {
      integerDigits = [0]
      fractionDigits = Array(repeating: 0, count: -pointPosition) + digits
    } else if pointPosition >= digits.count {
      integerDigits = digits + Array(repeating: 0, count: pointPosition - digits.count)
      fractionDigits = []
    } else {
      integerDigits = Array(digits[..<pointPosition])
      fractionDigits = Array(digits[pointPosition...])
    }
    integerDigits = Self.strippingLeadingZeros(integerDigits)
  }

  /// `value` rounded half away from zero to `decimals` fraction digits (see the file comment).
  public init(_ value: Double, decimals: Int) {
    self.init(exactShortest: value)
    round(toDecimals: max(0, decimals))
  }

  /// Rounds half away from zero in place, then pads to exactly `decimals` fraction digits.
  public mutating func round(toDecimals decimals: Int) {
    if fractionDigits.count > decimals {
      let roundUp = fractionDigits[decimals] >= 5
      fractionDigits.removeLast(fractionDigits.count - decimals)
      if roundUp { incrementLastDigit() }
    } else {
      fractionDigits += Array(repeating: 0, count: decimals - fractionDigits.count)
    }
    if isZero { negative = false }
  }

  /// Parses `12`, `-3.50`, `24,5`, `1e-05`, `1.2e+16` (a published value or a double's
  /// description); `nil` for anything else (`12 %`, an empty text).
  public init?(parsing text: String) {
    var body = Substring(text.trimmingCharacters(in: .whitespaces))
    let negative = body.first == "-"
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    var exponent = 0
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let value = Int(body[body.index(after: e)...]) else { return nil }
      exponent = value
      body = body[..<e]
    }
    var digits: [UInt8] = []
    var pointPosition: Int?
    for character in body {
      if character == "." || character == "," {
        if pointPosition != nil { return nil }
        pointPosition = digits.count
      } else if let digit = character.wholeNumberValue, character.isASCII {
        digits.append(UInt8(digit))
      } else {
        return nil
      }
    }
    guard !digits.isEmpty else { return nil }
    let point = (pointPosition ?? digits.count) + exponent
    if point <= 0 {
      integerDigits = [0]
      fractionDigits = Array(repeating: 0, count: -point) + digits
    } else if point >= digits.count {
      integerDigits = digits + Array(repeating: 0, count: point - digits.count)
      fractionDigits = []
    } else {
      integerDigits = Array(digits[..<point])
      fractionDigits = Array(digits[point...])
    }
    integerDigits = Self.strippingLeadingZeros(integerDigits)
    self.negative = negative
  }

  /// The number of decimals written (a published value's default precision).
  public var writtenDecimals: Int { fractionDigits.count }

  /// Rounded to `decimals` by a publication's `rule`.
  public func rounded(_ decimals: Int, rule: RoundingRule) -> DecimalNumber {
    var copy = self
    switch rule {
    case .halfUp: copy.round(toDecimals: decimals)
    case .halfEven: copy.roundHalfEven(toDecimals: decimals)
    case .double:
      copy.round(toDecimals: decimals + 1)
      copy.round(toDecimals: decimals)
    }
    return copy
  }

  /// Rounds half to even in place, then pads to exactly `decimals` fraction digits.
  private mutating func roundHalfEven(toDecimals decimals: Int) {
    guard fractionDigits.count > decimals else { return round(toDecimals: decimals) }
    let first = fractionDigits[decimals]
    let tie = first == 5 && fractionDigits[(decimals + 1)...].allSatisfy { $0 == 0 }
    let last = decimals > 0 ? fractionDigits[decimals - 1] : integerDigits.last ?? 0
    fractionDigits.removeLast(fractionDigits.count - decimals)
    if first > 5 || (first == 5 && !tie) || (tie && last % 2 == 1) { incrementLastDigit() }
    if isZero { negative = false }
  }

  /// Equal as numbers: leading and trailing zeros are ignored, and −0 equals 0.
  public func isNumericallyEqual(to other: DecimalNumber) -> Bool {
    func normal(_ x: DecimalNumber) -> DecimalNumber {
      var x = x
      while x.fractionDigits.last == 0 { x.fractionDigits.removeLast() }
      x.integerDigits = Self.strippingLeadingZeros(x.integerDigits)
      if x.isZero { x.negative = false }
      return x
    }
    return normal(self) == normal(other)
  }

  private mutating func incrementLastDigit() {
    var index = fractionDigits.count - 1
    while index >= 0 {
      if fractionDigits[index] == 9 {
        fractionDigits[index] = 0
        index -= 1
      } else {
        fractionDigits[index] += 1
        return
      }
    }
    index = integerDigits.count - 1
    while index >= 0 {
      if integerDigits[index] == 9 {
        integerDigits[index] = 0
        index -= 1
      } else {
        integerDigits[index] += 1
        return
      }
    }
    integerDigits.insert(1, at: 0)
  }

  private static func strippingLeadingZeros(_ digits: [UInt8]) -> [UInt8] {
    let trimmed = digits.drop { $0 == 0 }
    return trimmed.isEmpty ? [0] : Array(trimmed)
  }
}
