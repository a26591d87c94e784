/// Which value a format that stores numbers as numbers (JSON, XLSX, RFC 4180 CSV) writes.
public enum NumericPrecision: String, Sendable, Equatable, CaseIterable {
  /// The number as displayed: rounded to its decimals with the table's rounding rule, so that
  /// a reader who recomputes from the file gets what the printed table shows
  /// (`NumberFormat.exportString`). The default.
  case asDisplayed
  /// The full double (shortest round-trip form), for further computation.
  case full

  /// The value as a JSON/XLSX number literal (`.` decimal point, no grouping), `nil` for NaN
  /// and ±∞.
  func literal(_ number: ReportNumber, decimals: Int) -> String? {
    switch self {
    case .asDisplayed:
      return NumberFormat.exportString(number.value, kind: number.kind, decimals: decimals)
    case .full:
      guard number.value.isFinite else { return nil }
      return DecimalNumber(exactShortest: number.value).plainString
    }
  }
}
