/// A columnar table of microdata read through a codebook: categorical columns as small integer
/// codes with their levels, integers as `Int32`/`Int64`, decimals as `Double`, dates as day
/// numbers, identifiers as `Int64` (or a byte arena when not all are numbers).
///
/// ```swift
/// let suspects = try Dataset.load(contentsOf: url, codebook: .canonical)
/// let adults = try suspects.filtered(by: RowFilter(parsing: "brottstyp == \"vbek\" && alder >= 18"))
/// let age = try adults.factor("aldersgrupp")     // a grouping of `alder`
/// let sex = try adults.factor("kon")
/// let cells = CellKey([sex, age])                // one cell index per row
/// ```
/// A 2-million-row, 7-column persons file takes about 40 MB.
public struct Dataset: Sendable, Equatable {
  /// The codebook the data was read through (its groupings are available as factors).
  public internal(set) var codebook: Codebook
  /// The file name, or a name given to data built in code.
  public internal(set) var source: String
  public internal(set) var rowCount: Int
  /// How the file was read: rows read and excluded by reason, undeclared columns, dialect.
  public internal(set) var loadReport: LoadReport
  var columns: [Column]
  var lineMap: LineMap

  init(
    codebook: Codebook, source: String, columns: [Column], rowCount: Int, loadReport: LoadReport,
    lineMap: LineMap
  ) {
    self.codebook = codebook
    self.source = source
    self.columns = columns
    self.rowCount = rowCount
    self.loadReport = loadReport
    self.lineMap = lineMap
  }

  /// The variables (columns) in file order: codebook names for declared columns, header names
  /// for undeclared ones.
  public var variableNames: [String] { columns.map(\.name) }

  /// The groupings of the codebook whose source variable the dataset has.
  public var groupingNames: [String] {
    codebook.groupings.filter { hasColumns(for: $0) }.map(\.name)
  }

  /// Whether `name` is a variable of the dataset or a grouping that can be computed from one.
  public func hasVariable(_ name: String) -> Bool {
    column(named: name) != nil
      || codebook.grouping(named: name).map { hasColumns(for: $0) } == true
  }

  /// Whether the dataset has every variable a grouping reads.
  func hasColumns(for grouping: Grouping) -> Bool {
    grouping.requiredVariables.allSatisfy { column(named: $0) != nil }
  }

  /// The kind of a variable; a grouping is categorical. Nil when the name is unknown.
  public func kind(of name: String) -> VariableKind? {
    if let column = column(named: name) { return column.kind }
    if hasVariable(name) { return .categorical }
    return nil
  }

  /// The 1-based line of the file where a row's record starts (0 for rows made by a join).
  public func sourceLine(ofRow row: Int) -> Int { lineMap.line(ofRow: row) }

  /// The row's value of a variable as text (a code, number or date), nil when missing.
  public func value(_ name: String, row: Int) throws(MicrodataError) -> String? {
    try requireColumn(name).text(row)
  }

  func column(named name: String) -> Column? {
    columns.first { $0.name == name } ?? columns.first { $0.header == name }
  }

  func requireColumn(_ name: String) throws(MicrodataError) -> Column {
    if let column = column(named: name) { return column }
    throw unknownVariable(name)
  }

  func unknownVariable(_ name: String) -> MicrodataError {
    .unknownVariable(
      name: name, suggestions: suggestions(for: name, among: variableNames + groupingNames))
  }

  /// The rows at `indices`, in that order (an index may repeat).
  public func rows(_ indices: [Int]) -> Dataset {
    gathered(indices.map { Int32($0) })
  }

  func gathered(_ indices: [Int32]) -> Dataset {
    var result = self
    result.columns = columns.map { $0.gathered(indices) }
    result.rowCount = indices.count
    result.lineMap = lineMap.gathered(indices)
    return result
  }
}

extension Dataset {
  /// The bytes the columns' values take (level dictionaries and the codebook not counted).
  public var storageByteCount: Int {
    columns.reduce(0) { total, column in
      switch column.storage {
      case .categorical8(let v, _): total + v.count
      case .categorical16(let v, _): total + 2 * v.count
      case .integer32(let v), .date(let v): total + 4 * v.count
      case .integer64(let v), .numericIdentifier(let v): total + 8 * v.count
      case .decimal(let v): total + 8 * v.count
      case .text(let t): total + t.bytes.count + 8 * t.ends.count
      }
    }
  }
}
