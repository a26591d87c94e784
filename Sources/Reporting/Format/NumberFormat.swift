import Microdata

/// The one number formatter of Strata: locale-independent, byte-stable, used by every table
/// renderer, the charts and the command line.
///
/// Rounding is half away from zero on the shortest decimal representation of the double
/// (so 2.675 → `2.68`, 1.005 → `1.01`, −2.5 → `−3`), see `DecimalNumber`.
///
/// ```
/// exact zero                       → "0"        (whatever the decimals: a true zero)
/// non-zero rounding to zero        → "0,0"      (sign dropped: never "−0,0")
/// p < 10^−d (d decimals, default 3) → "<0,001"  (p = 0 too, e.g. an underflowed p-value)
/// NaN                              → ""          (shown as a missing value)
/// ±∞                               → "∞", "−∞"   (plain style: "Inf", "-Inf", as R writes them)
/// ```
///
/// | style          | decimal (sv/en) | thousands (sv/en)   | minus   | use                    |
/// |----------------|-----------------|---------------------|---------|------------------------|
/// | `.typographic` | `,` / `.`       | U+00A0 / `,`        | U+2212  | HTML, Markdown, SVG    |
/// | `.plain`       | `,` / `.`       | none                | `-`     | CSV, machine-read text |
/// | `.latex`       | `,` / `.`       | `\,` / `,`          | `$-$`   | LaTeX                  |
///
/// Thousands are grouped from 1 000 on (four-digit numbers too, as tables need for alignment).
public struct NumberFormat: Sendable, Equatable, Hashable {
  /// How separators and signs are written.
  public enum Style: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// For reading: no-break-space (sv) or comma (en) thousands, the true minus sign.
    case typographic
    /// For machines: no thousands separator, ASCII hyphen-minus.
    case plain
    /// LaTeX source: thin-space (sv) thousands, math minus.
    case latex
  }

  /// The language: `sv` writes a decimal comma, `en` a decimal point.
  public var language: Language
  /// The separators and signs; see the type's table.
  public var style: Style

  /// A formatter for `language` in `style` (default `.typographic`).
  public init(language: Language, style: Style = .typographic) {
    self.language = language
    self.style = style
  }

  /// The decimal separator: `,` for Swedish, `.` for English.
  public var decimalSeparator: String { language.text(.decimalSeparator) }

  /// The thousands separator, or `nil` for none.
  public var groupingSeparator: String? {
    switch style {
    case .plain: nil
    case .typographic: language.text(.groupingSeparator)
    case .latex: language.text(.latexGroupingSeparator)
    }
  }

  var minusSign: String {
    switch style {
    case .typographic: "\u{2212}"
    case .plain: "-"
    case .latex: "$-$"
    }
  }

  var lessThanSign: String { style == .latex ? "$<$" : "<" }

  /// Formats `value` as a number of `kind` with `decimals` (default: the kind's default).
  ///
  /// - Parameters:
  ///   - value: the number; percentages as 61.2 for 61.2 %, p-values in [0, 1].
  ///   - kind: what the number is (decides the default decimals and the p-value rule).
  ///   - decimals: the number of decimals; negative values count as 0.
  /// - Returns: the text, e.g. `12 345`, `61,2`, `<0,001` (sv, typographic).
  public func string(_ value: Double, kind: NumberKind, decimals: Int? = nil) -> String {
    let decimals = max(0, decimals ?? kind.defaultDecimals)
    guard value.isFinite else { return nonFinite(value) }
    if kind == .pValue, let threshold = pValueThreshold(value, decimals: decimals) {
      return lessThanSign + threshold
    }
    if value == 0 { return "0" }
    return string(DecimalNumber(value, decimals: decimals))
  }

  /// Formats `value` with `decimals` decimals (an axis label, a coordinate-free number).
  public func string(_ value: Double, decimals: Int) -> String {
    string(value, kind: .estimate, decimals: decimals)
  }

  /// Formats a table number, with `columnDecimals` used when the number sets none.
  public func string(_ number: ReportNumber, columnDecimals: Int? = nil) -> String {
    string(number.value, kind: number.kind, decimals: number.decimals ?? columnDecimals)
  }

  /// The value as a plain decimal string (`.` as decimal point, `-` as sign, no grouping),
  /// rounded as displayed, e.g. `132.6`, `812`, `0.05`; `nil` for NaN and ±∞.
  ///
  /// This is the number that JSON and XLSX store for a cell, so every format agrees on it.
  /// Trailing fraction zeros are dropped (`12.30` → `12.3`); p-values below the display
  /// threshold are kept unrounded (shortest round-trip form), as "<0.001" has no number.
  public static func exportString(_ value: Double, kind: NumberKind, decimals: Int? = nil)
    -> String?
  {
    guard value.isFinite else { return nil }
    let decimals = max(0, decimals ?? kind.defaultDecimals)
    var digits: DecimalNumber
    if kind == .pValue && value < pow10(-decimals) {
      digits = DecimalNumber(exactShortest: value)
    } else {
      digits = DecimalNumber(value, decimals: decimals)
    }
    while digits.fractionDigits.last == 0 { digits.fractionDigits.removeLast() }
    if digits.isZero { digits.negative = false }
    return digits.plainString
  }

  /// True when `value` is finite, not zero, and shows as zero with `decimals` decimals
  /// (a "0,0" that is not a true zero: the symbol legend explains it).
  public static func roundsToZero(_ value: Double, kind: NumberKind, decimals: Int? = nil) -> Bool {
    guard value.isFinite, value != 0, kind != .pValue else { return false }
    return DecimalNumber(value, decimals: max(0, decimals ?? kind.defaultDecimals)).isZero
  }

  // MARK: - Internals

  func string(_ digits: DecimalNumber) -> String {
    var text = digits.negative ? minusSign : ""
    let integer = digits.integerDigits.map { Character(Unicode.Scalar($0 + 48)) }
    if let separator = groupingSeparator, integer.count > 3 {
      var grouped = ""
      for (index, digit) in integer.enumerated() {
        if index > 0 && (integer.count - index) % 3 == 0 { grouped += separator }
        grouped.append(digit)
      }
      text += grouped
    } else {
      text += String(integer)
    }
    if !digits.fractionDigits.isEmpty {
      text += decimalSeparator
      text += String(digits.fractionDigits.map { Character(Unicode.Scalar($0 + 48)) })
    }
    return text
  }

  /// The formatted threshold `10^−decimals` when `value` is below it, else `nil`.
  private func pValueThreshold(_ value: Double, decimals: Int) -> String? {
    let threshold = Self.pow10(-decimals)
    guard value < threshold, decimals > 0 else { return nil }
    return "0" + decimalSeparator + String(repeating: "0", count: decimals - 1) + "1"
  }

  private func nonFinite(_ value: Double) -> String {
    if value.isNaN { return "" }
    switch style {
    case .plain: return value < 0 ? "-Inf" : "Inf"
    case .typographic: return value < 0 ? minusSign + "∞" : "∞"
    case .latex: return value < 0 ? "$-\\infty$" : "$\\infty$"
    }
  }

  static func pow10(_ exponent: Int) -> Double {
    // Exact decimal literal parsing gives the correctly rounded double for 10^exponent.
    Double("1e\(exponent)") ?? 0
  }
}
