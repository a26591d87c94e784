import Microdata

/// A publication table: the one model that every renderer (Markdown, CSV, JSON, HTML, LaTeX,
/// XLSX) turns into its format.
///
/// ```
///                               ┌───── columnGroups[0] ─────┐
///   stubHeaders[0] stubHeaders[1] │ 18–24 år      │ 25–34 år      │
///                               │ Antal │ Andel │ Antal │ Andel │  ← columns (leaf headers)
///   rows[0].labels ...          │ cells ...                     │
/// ```
///
/// - `stubHeaders` name the row-stub columns (one or more, e.g. kön × födelse), and each row
///   has one label per stub column, outermost first. Human formats show a repeated outer
///   label once; data formats (CSV, JSON, XLSX) repeat it on every row.
/// - `columnGroups` are the spanning header levels above the leaf `columns`, top level first;
///   the spans of every level add up to `columns.count`.
/// - Numbers are formatted when rendered, in `language`, with the decimals of the cell, else
///   the column, else the kind's default (see `NumberKind`).
/// - Renderers append the standard legend for every symbol the table uses (`..`, `-`, `0,0`,
///   `*`, `p`, `r`) unless a `.symbol` footnote with that marker is already present.
///
/// Statistics results convert into this type (a cross-tabulation, a rate table, a coefficient
/// table); rendering stays in `Reporting`.
public struct ReportTable: Sendable, Equatable, Hashable {
  /// The title, e.g. "Misstänkta personer efter kön och födelseland, 2023".
  public var title: String
  /// A second line under the title.
  public var subtitle: String?
  /// The unit of the numbers, e.g. "per 100 000 invånare".
  public var unit: String?
  /// A short name for sheet names and identifiers (defaults to the title).
  public var shortTitle: String?
  /// The language of the labels; numbers and standard texts follow it.
  public var language: Language
  /// The headers of the row-stub columns.
  public var stubHeaders: [String]
  /// Spanning header levels above the leaf columns, top first (empty for a flat header).
  public var columnGroups: [[HeaderSpan]]
  /// The leaf columns of the body.
  public var columns: [ReportColumn]
  /// The body rows.
  public var rows: [ReportRow]
  /// Notes, symbol explanations and the source line.
  public var footnotes: [Footnote]
  /// The names of the variables in the stub columns (e.g. `kon`, `aldersgrupp`), when the
  /// rows carry codes; tidy CSV names its code columns by them.
  public var stubVariables: [String]?
  /// The variables crossed in the column header (e.g. `fodelse`), with `columnKeys`, when the
  /// leaf columns are figures of categories; `longLayout()` moves them into the stub.
  public var columnVariables: [String]?
  /// The headers of `columnVariables` in the stub of the long layout (e.g. "Födelse").
  public var columnVariableHeaders: [String]?
  /// Per leaf column: the categories and the figure it holds (see `ColumnKey`).
  public var columnKeys: [ColumnKey]?
  /// The body rows a page shows of a long ranked table (e.g. the 10 highest and the 10
  /// lowest MAIHDA strata), in order; `nil` shows all. Files (workbook, CSV, Markdown, …)
  /// always hold every row; see `pageExcerpt()`.
  public var pageRows: [Int]?

  /// A table; check it with `validate()` (every renderer does).
  public init(
    title: String,
    subtitle: String? = nil,
    unit: String? = nil,
    shortTitle: String? = nil,
    language: Language = .sv,
    stubHeaders: [String],
    columnGroups: [[HeaderSpan]] = [],
    columns: [ReportColumn],
    rows: [ReportRow] = [],
    footnotes: [Footnote] = []
  ) {
    self.title = title
    self.subtitle = subtitle
    self.unit = unit
    self.shortTitle = shortTitle
    self.language = language
    self.stubHeaders = stubHeaders
    self.columnGroups = columnGroups
    self.columns = columns
    self.rows = rows
    self.footnotes = footnotes
  }

  /// Appends a row after checking its shape.
  ///
  /// - Throws: `ReportingError.rowShape` when the numbers of labels or cells do not match
  ///   the stub headers and columns.
  public mutating func appendRow(
    _ labels: [String], _ cells: [ReportCell], isTotal: Bool = false
  ) throws(ReportingError) {
    let row = ReportRow(labels: labels, cells: cells, isTotal: isTotal)
    try checkRow(row, index: rows.count)
    rows.append(row)
  }

  /// Replaces the cell at (`row`, `column`) by `..`, dropping its value, flags and notes.
  public mutating func suppress(row: Int, column: Int) {
    rows[row].cells[column] = .suppressed
  }

  /// The number of leaf columns including the stub columns.
  var totalColumnCount: Int { stubHeaders.count + columns.count }

  /// The decimals a number in `column` is shown with.
  func decimals(of number: ReportNumber, column: Int) -> Int {
    number.decimals ?? columns[column].decimals ?? number.kind.defaultDecimals
  }
}

extension ReportTable {
  /// Replaces every number of the body with `..` (a withheld model: the terms stay, the values
  /// go).
  package mutating func withholdNumbers() {
    for r in rows.indices {
      rows[r].cells = rows[r].cells.map { $0.number == nil ? $0 : .suppressed }
    }
  }
}
