/// How an analysis's tables are laid out for a page: wide or long, which figures, how many
/// decimals (a recipe entry's `layout:`, `columns:` and `decimals:`).
///
/// ```yaml
/// layout: long                 # wide | long | auto (default: long above 10 figure columns)
/// columns: [count, rate]       # figures to keep; `interval` keeps both interval limits
/// decimals: {rate: 1, percent: 0}
/// ```
///
/// Applied after disclosure control, it only hides or reformats what a table publishes; it
/// never shows a suppressed figure.
public struct TablePresentation: Sendable, Equatable, Hashable {
  /// The layout of tables whose columns are figures of categories.
  public enum Layout: String, Sendable, CaseIterable {
    /// Categories across, figures under each (the default for narrow tables).
    case wide
    /// One row per category combination, the figures as columns (`longLayout()`).
    case long
    /// Long when the wide table would have more than `autoLongThreshold` figure columns.
    case auto
  }

  /// More figure columns than this turn a wide table long under `.auto`.
  public static let autoLongThreshold = 10

  /// The figure names a recipe may list in `columns:` and `decimals:`, and the column roles
  /// each stands for.
  public static let figureNames: [String: Set<ColumnRole>] = [
    "count": [.count], "population": [.population], "percent": [.percent], "share": [.percent],
    "rate": [.rate], "ratio": [.ratio], "estimate": [.estimate],
    "standard_error": [.standardError], "statistic": [.statistic],
    "interval": [.ciLower, .ciUpper], "ci_lower": [.ciLower], "ci_upper": [.ciUpper],
    "p_value": [.pValue],
  ]

  public var layout: Layout
  /// The figures to keep (names of `figureNames`); `nil` keeps all.
  public var columns: [String]?
  /// Decimals by figure name.
  public var decimals: [String: Int]

  public init(layout: Layout = .auto, columns: [String]? = nil, decimals: [String: Int] = [:]) {
    self.layout = layout
    self.columns = columns
    self.decimals = decimals
  }

  /// Whether this presentation changes nothing.
  public var isDefault: Bool { self == TablePresentation() }
}

extension ReportTable {
  /// The table as `presentation` lays it out: long when asked (or automatically when wide
  /// would be too wide), only the chosen figures (a table holding none of them is kept
  /// whole), and the chosen decimals.
  public func presented(_ presentation: TablePresentation) -> ReportTable {
    var table = self
    let figureColumns = columns.filter { $0.role != .label && $0.role != .other }.count
    switch presentation.layout {
    case .long: table = table.longLayout()
    case .auto:
      if hasColumnCategories && figureColumns > TablePresentation.autoLongThreshold {
        table = table.longLayout()
      }
    case .wide: break
    }
    if let names = presentation.columns {
      let roles = names.reduce(into: Set<ColumnRole>()) {
        $0.formUnion(TablePresentation.figureNames[$1] ?? [])
      }
      let kept = table.columns.indices.filter { index in
        let role = table.columns[index].role
        return role == .label || role == .other || roles.contains(role)
      }
      let keepsAFigure = kept.contains { table.columns[$0].role != .label }
      if keepsAFigure && kept.count < table.columns.count { table = table.keepingColumns(kept) }
    }
    for (name, decimals) in presentation.decimals {
      let roles = TablePresentation.figureNames[name] ?? []
      for column in table.columns.indices where roles.contains(table.columns[column].role) {
        table.columns[column].decimals = decimals
        for row in table.rows.indices {
          if case .number(var number) = table.rows[row].cells[column].content {
            number.decimals = decimals
            table.rows[row].cells[column].content = .number(number)
          }
        }
      }
    }
    return table
  }

  /// The table with only the leaf columns at `indices` (ascending), spanning headers and
  /// column keys cut to match.
  func keepingColumns(_ indices: [Int]) -> ReportTable {
    var table = self
    let keep = Set(indices)
    table.columns = indices.map { columns[$0] }
    table.rows = rows.map { row in
      var row = row
      row.cells = indices.map { row.cells[$0] }
      return row
    }
    if let keys = columnKeys { table.columnKeys = indices.map { keys[$0] } }
    table.columnGroups = columnGroups.map { level in
      var spans: [HeaderSpan] = []
      var start = 0
      for span in level {
        let count = (start..<(start + span.span)).filter { keep.contains($0) }.count
        if count > 0 { spans.append(HeaderSpan(span.label, span: count)) }
        start += span.span
      }
      return spans
    }
    return table
  }
}
