// Decimal rounding of binary floating-point values, for publication.
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

/// A finite decimal number as digit strings: `(−1)^negative × integerDigits.fractionDigits`.
struct DecimalDigits: Sendable, Equatable {
  /// True for a negative value (never set when every digit is zero).
  var negative: Bool
  /// Integer digits, most significant first, without leading zeros (at least one digit).
  var integerDigits: [UInt8]
  /// Fraction digits, most significant first (exactly the requested number after rounding).
  var fractionDigits: [UInt8]

  /// True when every digit is zero.
  var isZero: Bool { integerDigits.allSatisfy { $0 == 0 } && fractionDigits.allSatisfy { $0 == 0 } }

  /// The plain representation with `.` as decimal point and `-` as sign, e.g. `-1234.50`.
  var plainString: String {
    var text = negative ? "-" : ""
    text += String(decoding: integerDigits.map { $0 + 48 }, as: UTF8.self)
    if !fractionDigits.isEmpty {
      text += "." + String(decoding: fractionDigits.map { $0 + 48 }, as: UTF8.self)
    }
    return text
  }

  /// The shortest round-trip decimal expansion of a finite `value`, not rounded.
  init(exactShortest value: Double) {
    precondition(value.isFinite, "DecimalDigits needs a finite value")
    negative = value.sign == .minus && value != 0
    // `description` of a finite Double is the shortest round-trip string, e.g. "2.675",
    // "1e-05", "1.2345e+16", "5e-324".
    let text = value.magnitude.description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits: [UInt8] = []
    var pointPosition = 0  // number of mantissa digits before the decimal point
    var seenPoint = false
    for character in mantissa {
      if character == "." {
        seenPoint = true
      } else if let digit = character.wholeNumberValue {
        digits.append(UInt8(digit))
        if !seenPoint { pointPosition += 1 }
      }
    }
    pointPosition += exponent
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
  init(_ value: Double, decimals: Int) {
    self.init(exactShortest: value)
    round(toDecimals: max(0, decimals))
  }

  /// Rounds half away from zero in place, then pads to exactly `decimals` fraction digits.
  mutating func round(toDecimals decimals: Int) {
    if fractionDigits.count > decimals {
      let roundUp = fractionDigits[decimals] >= 5
      fractionDigits.removeLast(fractionDigits.count - decimals)
      if roundUp { incrementLastDigit() }
    } else {
      fractionDigits += Array(repeating: 0, count: decimals - fractionDigits.count)
    }
    if isZero { negative = false }
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
