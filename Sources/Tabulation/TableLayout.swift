/// How the dimensions of a table are laid out in two dimensions: row variables (nested, the
/// first varying slowest) by column variables (nested likewise), as in `--rows kon,aldersgrupp
/// --cols fodelse`.
///
/// A layout names every dimension of the table exactly once; collapse the table first
/// (``CrossTab/collapsed(keeping:)``) to lay out fewer variables.
public struct TableLayout: Sendable, Equatable, Hashable, Codable {
  /// Row variables, outermost first.
  public var rows: [String]
  /// Column variables, outermost first (may be empty for a one-way listing).
  public var columns: [String]

  public init(rows: [String], columns: [String] = []) {
    self.rows = rows
    self.columns = columns
  }
}

/// The base of a percentage.
///
/// ```
/// row:    100 · n(r, c) / n(r, ·)     (sums to 100 across each row)
/// column: 100 · n(r, c) / n(·, c)     (sums to 100 down each column)
/// total:  100 · n(r, c) / n(·, ·)
/// ```
public enum PercentBase: String, Sendable, CaseIterable, Codable {
  case row
  case column = "col"
  case total
}

/// A layout checked against a table: dimension indices of the rows and columns.
struct ResolvedLayout: Sendable, Equatable {
  var rows: [Int]
  var columns: [Int]
}

extension CrossTab {
  /// Checks that `layout` names every dimension exactly once and returns its dimension indices.
  ///
  /// - Throws: `TabulationError.unknownVariable`, `.duplicateVariable`, or `.invalidOption`
  ///   when a dimension is left out.
  func resolve(_ layout: TableLayout) throws(TabulationError) -> ResolvedLayout {
    var rows: [Int] = []
    var columns: [Int] = []
    var seen: Set<Int> = []
    for name in layout.rows {
      let d = try dimensionIndex(of: name)
      guard seen.insert(d).inserted else { throw .duplicateVariable(name: name) }
      rows.append(d)
    }
    for name in layout.columns {
      let d = try dimensionIndex(of: name)
      guard seen.insert(d).inserted else { throw .duplicateVariable(name: name) }
      columns.append(d)
    }
    let left = dimensions.indices.filter { !seen.contains($0) }.map { dimensions[$0].name }
    guard left.isEmpty else {
      throw .invalidOption(
        name: "layout", value: left.joined(separator: ", "),
        reason: "every variable of the table must be a row or a column; collapse the table first")
    }
    return ResolvedLayout(rows: rows, columns: columns)
  }

  /// The default layout: the first dimension as rows and the rest as columns.
  public var defaultLayout: TableLayout {
    TableLayout(rows: Array(variables.prefix(1)), columns: Array(variables.dropFirst()))
  }
}
