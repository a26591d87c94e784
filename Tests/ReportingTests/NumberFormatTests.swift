import Foundation
import Microdata
import Testing

@testable import Reporting

@Suite("NumberFormat")
struct NumberFormatTests {
  let sv = NumberFormat(language: .sv)
  let en = NumberFormat(language: .en)
  let nbsp = "\u{00A0}"
  let minus = "\u{2212}"

  @Test("Default decimals per kind, Swedish and English")
  func defaultDecimals() {
    #expect(sv.string(12_345, kind: .count) == "12\(nbsp)345")
    #expect(en.string(12_345, kind: .count) == "12,345")
    #expect(sv.string(61.25, kind: .percent) == "61,3")
    #expect(en.string(132.649, kind: .rate) == "132.6")
    #expect(sv.string(1.555, kind: .ratio) == "1,56")
    #expect(en.string(0.43849, kind: .estimate) == "0.438")
    #expect(sv.string(0.0495, kind: .pValue) == "0,050")
  }

  @Test("Grouping from 1 000 on; none in the plain style; LaTeX thin space")
  func grouping() {
    #expect(sv.string(999, kind: .count) == "999")
    #expect(sv.string(1_000, kind: .count) == "1\(nbsp)000")
    #expect(en.string(1_234_567.891, kind: .rate) == "1,234,567.9")
    #expect(
      NumberFormat(language: .sv, style: .plain).string(1_234_567.891, kind: .rate) == "1234567,9")
    #expect(NumberFormat(language: .en, style: .plain).string(1_234_567, kind: .count) == "1234567")
    #expect(
      NumberFormat(language: .sv, style: .latex).string(-12_345.5, kind: .rate) == "$-$12\\,345,5")
    #expect(
      sv.string(1e21, kind: .count)
        == "1\(nbsp)000\(nbsp)000\(nbsp)000\(nbsp)000\(nbsp)000\(nbsp)000\(nbsp)000")
  }

  /// The rule: half away from zero on the shortest round-trip decimal. Binary doubles below
  /// the decimal halfway point (2.675 is 2.67499999999999982…) still round up.
  @Test(
    "Decimal rounding of the shortest representation",
    arguments: [
      (2.675, 2, "2.68"), (1.005, 2, "1.01"), (0.125, 2, "0.13"), (0.375, 2, "0.38"),
      (2.5, 0, "3"), (-2.5, 0, "-3"), (0.5, 0, "1"), (1.45, 1, "1.5"), (8.345, 2, "8.35"),
      (9.995, 2, "10.00"), (999.95, 1, "1000.0"), (0.049999, 1, "0.0"),
      (1.0000000000000002, 3, "1.000"),
      (123456789.125, 2, "123456789.13"), (1e-7, 3, "0.000"),
      (Double.leastNonzeroMagnitude, 2, "0.00"),
      (1.7976931348623157e308, 0, "179769313486231570" + String(repeating: "0", count: 291)),
      (-0.04, 1, "0.0"), (-1234.5, 0, "-1235"), (0.1 + 0.2, 1, "0.3"), (2.0000005, 6, "2.000001"),
    ] as [(Double, Int, String)])
  func decimalRounding(value: Double, decimals: Int, expected: String) {
    #expect(DecimalNumber(value, decimals: decimals).plainString == expected)
  }

  /// The shortest expansion reads back as the same double, for whole numbers (their own
  /// path) and fractions at every scale, and whole numbers keep every digit.
  @Test("The shortest expansion round-trips")
  func shortestExpansionRoundTrips() {
    var generator = SystemRandomNumberGenerator()
    var values: [Double] = [
      0, -0.0, 1, -1, 123, 9_007_199_254_740_991, 9_007_199_254_740_992, 1e15, 1e16, 1e22, 0.5,
      1e-5,
    ]
    for _ in 0..<2000 {
      let scale = Double.random(in: -12...18, using: &generator)
      values.append(Double.random(in: -1...1, using: &generator) * pow(10, scale))
      values.append(Double(Int64.random(in: -(1 << 53)...(1 << 53), using: &generator)))
    }
    for value in values {
      let text = DecimalNumber(exactShortest: value).plainString
      #expect(Double(text) == value, "\(value) → \(text)")
    }
    #expect(DecimalNumber(exactShortest: 1_234_567).plainString == "1234567")
    #expect(DecimalNumber(exactShortest: -0.0).plainString == "0")
    #expect(DecimalNumber(exactShortest: 1.2345e16).plainString == "12345000000000000")
    #expect(DecimalNumber(exactShortest: 1e-5).plainString == "0.00001")
    #expect(DecimalNumber(exactShortest: 2.675e-3).plainString == "0.002675")
  }

  @Test("Naive binary rounding differs from the rule on known cases")
  func naiveRoundingDiffers() {
    // Documents why the rule exists: correct rounding of the binary double (printf, Python's
    // round) and scale-round-divide both give results a reader would call wrong.
    #expect(String(format: "%.2f", 2.675) == "2.67")
    #expect(String(format: "%.2f", 1.005) == "1.00")
    #expect((1.005 * 100).rounded() / 100 == 1.0)
    #expect(en.string(2.675, kind: .ratio) == "2.68")
    #expect(en.string(1.005, kind: .ratio) == "1.01")
  }

  @Test("Negative numbers use the true minus sign; rounding to zero drops the sign")
  func negatives() {
    #expect(sv.string(-1.55, kind: .ratio) == "\(minus)1,55")
    #expect(en.string(-12_345, kind: .count) == "\(minus)12,345")
    #expect(NumberFormat(language: .en, style: .plain).string(-3.25, kind: .rate) == "-3.3")
    #expect(sv.string(-0.04, kind: .rate) == "0,0")
    #expect(sv.string(-0.0, kind: .rate) == "0")
  }

  @Test("An exact zero is 0; a non-zero value rounding to zero keeps its decimals")
  func zeros() {
    #expect(sv.string(0, kind: .rate) == "0")
    #expect(sv.string(0, kind: .estimate) == "0")
    #expect(sv.string(0.04, kind: .rate) == "0,0")
    #expect(NumberFormat.roundsToZero(0.04, kind: .rate))
    #expect(!NumberFormat.roundsToZero(0, kind: .rate))
    #expect(!NumberFormat.roundsToZero(0.05, kind: .rate))
    #expect(!NumberFormat.roundsToZero(0.0001, kind: .pValue))
  }

  @Test("p-values: below 10^-d as <0,001; zero too; settable decimals")
  func pValues() {
    #expect(sv.string(0.0002, kind: .pValue) == "<0,001")
    #expect(en.string(0.0002, kind: .pValue) == "<0.001")
    #expect(en.string(0, kind: .pValue) == "<0.001")
    #expect(en.string(1.4e-10, kind: .pValue) == "<0.001")
    #expect(en.string(0.001, kind: .pValue) == "0.001")
    #expect(en.string(0.00099999, kind: .pValue) == "<0.001")
    #expect(en.string(0.0004, kind: .pValue, decimals: 4) == "0.0004")
    #expect(en.string(0.00004, kind: .pValue, decimals: 4) == "<0.0001")
    #expect(en.string(0.71405, kind: .pValue) == "0.714")
    #expect(en.string(1, kind: .pValue) == "1.000")
    #expect(NumberFormat(language: .sv, style: .latex).string(0.0001, kind: .pValue) == "$<$0,001")
  }

  @Test("NaN is empty; infinities are ∞ (typographic), Inf (plain), $\\infty$ (LaTeX)")
  func nonFinite() {
    #expect(sv.string(.nan, kind: .rate) == "")
    #expect(sv.string(.infinity, kind: .ratio) == "∞")
    #expect(sv.string(-.infinity, kind: .ratio) == "\(minus)∞")
    #expect(NumberFormat(language: .en, style: .plain).string(-.infinity, kind: .ratio) == "-Inf")
    #expect(
      NumberFormat(language: .en, style: .latex).string(.infinity, kind: .ratio) == "$\\infty$")
    #expect(NumberFormat.exportString(.nan, kind: .rate) == nil)
    #expect(NumberFormat.exportString(.infinity, kind: .rate) == nil)
  }

  @Test("Export strings: rounded as displayed, trailing zeros dropped, small p kept")
  func exportStrings() {
    #expect(NumberFormat.exportString(132.65, kind: .rate) == "132.7")
    #expect(NumberFormat.exportString(12.30, kind: .ratio) == "12.3")
    #expect(NumberFormat.exportString(1_234, kind: .count) == "1234")
    #expect(NumberFormat.exportString(-0.04, kind: .rate) == "0")
    #expect(NumberFormat.exportString(1.4e-10, kind: .pValue) == "0.00000000014")
    #expect(NumberFormat.exportString(0.0495, kind: .pValue) == "0.05")
    #expect(NumberFormat.exportString(2.675, kind: .ratio) == "2.68")
  }

  @Test("Columns and cells override the kind's decimals")
  func decimalPrecedence() throws {
    var table = ReportTable(
      title: "t", stubHeaders: ["g"],
      columns: [ReportColumn("a", role: .rate, decimals: 2), ReportColumn("b", role: .rate)])
    try table.appendRow(["x"], [.rate(1.2345), .rate(1.2345, decimals: 3)])
    try table.appendRow(["y"], [.rate(1.2345, decimals: 0), .rate(1.2345)])
    let format = NumberFormat(language: .en)
    let texts = (0..<2).flatMap { row in
      (0..<2).map { DisplayCell(table, row: row, column: $0, format: format).text }
    }
    #expect(texts == ["1.23", "1.235", "1", "1.2"])
  }
}
