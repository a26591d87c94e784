/// A number in a table: its value, what it is, and optionally its own number of decimals.
public struct ReportNumber: Sendable, Equatable, Hashable, Codable {
  /// The value; a percentage as 61.2 for 61.2 %, a rate per the table's unit.
  public var value: Double
  /// What the number is (count, percent, rate, ratio, estimate, p-value).
  public var kind: NumberKind
  /// Decimals for this cell; `nil` uses the column's, then the kind's default.
  public var decimals: Int?

  public init(_ value: Double, kind: NumberKind, decimals: Int? = nil) {
    self.value = value
    self.kind = kind
    self.decimals = decimals
  }
}

/// One body cell of a `ReportTable`: typed content plus flags and footnote markers.
///
/// A suppressed cell (`..`) carries no number at all, so no renderer can leak the value that
/// was suppressed.
///
/// ```
/// ReportCell.count(812)        "812"
/// ReportCell.rate(132.64)      "132,6"
/// ReportCell.pValue(0.0002)    "<0,001"
/// ReportCell.suppressed        ".."   suppressed, or too uncertain to show
/// ReportCell.cannotOccur       "-"    the combination cannot occur
/// ReportCell.missing           ""     not available / not applicable (JSON null)
/// ReportCell.count(0)          "0"    a true zero
/// ```
public struct ReportCell: Sendable, Equatable, Hashable {
  /// What a cell holds.
  public enum Content: Sendable, Equatable, Hashable {
    /// A number with its kind and decimals.
    case number(ReportNumber)
    /// Text, e.g. a term name in a coefficient table or "ref." for a reference level.
    case text(String)
    /// Suppressed (too few observations) or too uncertain to show: `..`. Holds no value.
    case suppressed
    /// The combination cannot occur: `-`.
    case cannotOccur
    /// Not available or not applicable: an empty cell, `null` in JSON.
    case missing
  }

  /// The content.
  public var content: Content
  /// Flags such as `.uncertain` (marked `*`), `.provisional` (`p`), `.revised` (`r`).
  public var flags: CellFlags
  /// Markers of the table's footnotes that apply to this cell, e.g. `["a"]`.
  public var notes: [String]

  public init(_ content: Content, flags: CellFlags = [], notes: [String] = []) {
    self.content = content
    self.flags = flags
    self.notes = notes
  }

  /// The number, if the cell holds one.
  public var number: ReportNumber? {
    if case .number(let number) = content { return number }
    return nil
  }

  /// The markers shown after the cell's text: flag markers, then footnote markers.
  public var markers: [String] { flags.markers + notes }

  /// A copy with `flags` added.
  public func flagged(_ flags: CellFlags) -> ReportCell {
    var copy = self
    copy.flags.formUnion(flags)
    return copy
  }

  /// A copy with footnote `marker` added.
  public func noted(_ marker: String) -> ReportCell {
    var copy = self
    copy.notes.append(marker)
    return copy
  }
}

extension ReportCell {
  /// A number of `kind` with optional decimals.
  public static func number(_ value: Double, kind: NumberKind, decimals: Int? = nil) -> ReportCell {
    ReportCell(.number(ReportNumber(value, kind: kind, decimals: decimals)))
  }
  /// A count (0 decimals by default).
  public static func count(_ value: Double, decimals: Int? = nil) -> ReportCell {
    .number(value, kind: .count, decimals: decimals)
  }
  /// A count from an integer.
  public static func count(_ value: Int) -> ReportCell { .number(Double(value), kind: .count) }
  /// A percentage, 61.2 for 61.2 % (1 decimal by default).
  public static func percent(_ value: Double, decimals: Int? = nil) -> ReportCell {
    .number(value, kind: .percent, decimals: decimals)
  }
  /// A rate per the table's unit (1 decimal by default).
  public static func rate(_ value: Double, decimals: Int? = nil) -> ReportCell {
    .number(value, kind: .rate, decimals: decimals)
  }
  /// A ratio such as an odds ratio (2 decimals by default).
  public static func ratio(_ value: Double, decimals: Int? = nil) -> ReportCell {
    .number(value, kind: .ratio, decimals: decimals)
  }
  /// An estimate such as a coefficient (3 decimals by default).
  public static func estimate(_ value: Double, decimals: Int? = nil) -> ReportCell {
    .number(value, kind: .estimate, decimals: decimals)
  }
  /// A p-value (3 decimals by default, `<0.001` below).
  public static func pValue(_ value: Double, decimals: Int? = nil) -> ReportCell {
    .number(value, kind: .pValue, decimals: decimals)
  }
  /// Text.
  public static func text(_ text: String) -> ReportCell { ReportCell(.text(text)) }
  /// A suppressed cell, `..`.
  public static let suppressed = ReportCell(.suppressed)
  /// A cell that cannot occur, `-`.
  public static let cannotOccur = ReportCell(.cannotOccur)
  /// A missing cell, empty.
  public static let missing = ReportCell(.missing)
}
