/// What a column of a table holds: used by JSON, by conversions from statistics results, and
/// by renderers (alignment, classes).
public enum ColumnRole: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  /// Text labels in the body, e.g. a term or a "ref." marker.
  case label
  case count
  case population
  case percent
  case rate
  case ratio
  case estimate
  case standardError = "standard_error"
  /// A test statistic such as z or χ².
  case statistic
  case ciLower = "ci_lower"
  case ciUpper = "ci_upper"
  case pValue = "p_value"
  /// Anything else.
  case other

  /// The number kind a column of this role usually holds (`nil` for labels and `other`).
  public var defaultKind: NumberKind? {
    switch self {
    case .label, .other: nil
    case .count, .population: .count
    case .percent: .percent
    case .rate: .rate
    case .ratio: .ratio
    case .estimate, .standardError, .statistic, .ciLower, .ciUpper: .estimate
    case .pValue: .pValue
    }
  }
}

/// A leaf (lowest-level) column of a table's body.
public struct ReportColumn: Sendable, Equatable, Hashable, Codable {
  /// The header of the column itself, e.g. "Antal" under a spanning "18–24 år".
  public var label: String
  /// What the column holds.
  public var role: ColumnRole
  /// Decimals for every number in the column that sets none itself; `nil` uses each number
  /// kind's default (count 0, percent 1, rate 1, ratio 2, estimate 3, p-value 3).
  public var decimals: Int?

  public init(_ label: String, role: ColumnRole, decimals: Int? = nil) {
    self.label = label
    self.role = role
    self.decimals = decimals
  }
}

/// A spanning column header above one or more adjacent leaf columns, e.g. "18–24 år" over
/// "Antal | Andel". An empty label leaves the span blank.
public struct HeaderSpan: Sendable, Equatable, Hashable, Codable {
  public var label: String
  /// The number of leaf columns spanned (≥ 1).
  public var span: Int

  public init(_ label: String, span: Int) {
    self.label = label
    self.span = span
  }
}

/// One body row: one label per stub column, one cell per leaf column.
public struct ReportRow: Sendable, Equatable, Hashable, Codable {
  /// Row-stub labels, outermost first, e.g. `["Män", "Född i Sverige"]`.
  public var labels: [String]
  /// The cells, one per leaf column.
  public var cells: [ReportCell]
  /// A total or margin row, set off in bold or by a rule.
  public var isTotal: Bool
  /// The codes behind the labels, one per stub column ("" for a total), when the row comes
  /// from coded data; tidy CSV writes them beside the labels.
  public var codes: [String]?

  enum CodingKeys: String, CodingKey {
    case labels, codes, cells
    case isTotal = "is_total"
  }

  public init(labels: [String], cells: [ReportCell], isTotal: Bool = false) {
    self.labels = labels
    self.cells = cells
    self.isTotal = isTotal
  }
}
