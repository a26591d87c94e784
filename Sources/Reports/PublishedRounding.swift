import Analysis
import Microdata
import Reporting

// Rounding of computed values by a publication's rule, for comparison with printed figures.
//
// Goals, in priority order:
//  1. The decimal a person would compute: a value is rounded as its shortest round-trip
//     decimal representation (Swift's `description`; Steele & White 1990,
//     doi:10.1145/93548.93559), so 0.125 is a tie at two decimals and 2.675 rounds to 2.68.
//  2. Exact comparison of the rounded digits with the published digits (no floating point).

/// A non-negative or negative decimal number as digits, for rounding by a `RoundingRule`.
public struct PublishedDecimal: Sendable, Equatable {
  public var negative: Bool
  /// All digits, most significant first; the last `fractionDigits` are after the point, and
  /// there is always at least one before it.
  public var digits: [UInt8]
  public var fractionDigits: Int

  /// The shortest decimal expansion of a finite double.
  public init(_ value: Double) {
    precondition(value.isFinite, "PublishedDecimal needs a finite value")
    self.init(parsing: value.magnitude.description)!
    negative = value < 0
  }

  /// Parses `12`, `-3.50`, `1e-05`, `1.2e+16` (a published value or a double's description).
  public init?(parsing text: String) {
    var body = Substring(text.trimmingCharacters(in: .whitespaces))
    negative = body.first == "-"
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    var exponent = 0
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let value = Int(body[body.index(after: e)...]) else { return nil }
      exponent = value
      body = body[..<e]
    }
    var digits: [UInt8] = []
    var fraction = 0
    var seenPoint = false
    for character in body {
      if character == "." || character == "," {
        if seenPoint { return nil }
        seenPoint = true
      } else if let digit = character.wholeNumberValue, character.isASCII {
        digits.append(UInt8(digit))
        if seenPoint { fraction += 1 }
      } else {
        return nil
      }
    }
    guard !digits.isEmpty else { return nil }
    fraction -= exponent
    if fraction < 0 {
      digits += Array(repeating: 0, count: -fraction)
      fraction = 0
    }
    if digits.count <= fraction {
      digits.insert(contentsOf: Array(repeating: 0, count: fraction + 1 - digits.count), at: 0)
    }
    self.digits = digits
    self.fractionDigits = fraction
  }

  /// The number of decimals written (for a published value's default precision).
  public var writtenDecimals: Int { fractionDigits }

  /// Rounded to `decimals` by `rule`.
  package func rounded(_ decimals: Int, rule: RoundingRule) -> PublishedDecimal {
    switch rule {
    case .halfUp: return rounded(decimals, halfEven: false)
    case .halfEven: return rounded(decimals, halfEven: true)
    case .double:
      return rounded(decimals + 1, halfEven: false).rounded(decimals, halfEven: false)
    }
  }

  private func rounded(_ decimals: Int, halfEven: Bool) -> PublishedDecimal {
    var copy = self
    if fractionDigits <= decimals {
      copy.digits += Array(repeating: 0, count: decimals - fractionDigits)
      copy.fractionDigits = decimals
      return copy
    }
    let keep = digits.count - (fractionDigits - decimals)
    let dropped = digits[keep...]
    let first = dropped.first!
    let restIsZero = dropped.dropFirst().allSatisfy { $0 == 0 }
    copy.digits = Array(digits[..<keep])
    copy.fractionDigits = decimals
    let up: Bool
    if first > 5 || (first == 5 && !restIsZero) {
      up = true
    } else if first == 5 {
      let last = copy.digits.last ?? 0
      up = halfEven ? last % 2 == 1 : true
    } else {
      up = false
    }
    if up { copy.incrementLast() }
    return copy
  }

  private mutating func incrementLast() {
    var index = digits.count - 1
    while index >= 0 {
      if digits[index] == 9 {
        digits[index] = 0
        index -= 1
      } else {
        digits[index] += 1
        return
      }
    }
    digits.insert(1, at: 0)
  }

  /// Equal as numbers (trailing zeros and leading zeros ignored, -0 = 0).
  package func isNumericallyEqual(to other: PublishedDecimal) -> Bool {
    let decimals = max(fractionDigits, other.fractionDigits)
    let a = padded(decimals)
    let b = other.padded(decimals)
    if a.isZero && b.isZero { return true }
    return a.negative == b.negative && a.digits == b.digits
  }

  private func padded(_ decimals: Int) -> PublishedDecimal {
    var copy = self
    copy.digits += Array(repeating: 0, count: decimals - fractionDigits)
    copy.fractionDigits = decimals
    let leading = copy.digits.count - decimals - 1
    if leading > 0 {
      let zeros = copy.digits.prefix(leading).prefix { $0 == 0 }.count
      copy.digits.removeFirst(zeros)
    }
    return copy
  }

  public var isZero: Bool { digits.allSatisfy { $0 == 0 } }

  /// Plain text with `.` as the decimal point, e.g. `-24.50`.
  public var text: String {
    var integer = Array(digits[..<(digits.count - fractionDigits)])
    while integer.count > 1 && integer.first == 0 { integer.removeFirst() }
    var result = (negative && !isZero ? "-" : "") + integer.map(String.init).joined()
    if fractionDigits > 0 {
      result += "." + digits.suffix(fractionDigits).map(String.init).joined()
    }
    return result
  }
}
