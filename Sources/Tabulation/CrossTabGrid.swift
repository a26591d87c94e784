import Microdata

/// A cross-tabulation laid out in two dimensions: the combinations of the row variables (nested,
/// the first varying slowest) by the combinations of the column variables, with row totals,
/// column totals and the grand total.
///
/// Every entry also carries its position in the table's extended form, so that suppression,
/// rates and percentages computed for the table can be looked up for the same entry.
public struct CrossTabGrid: Sendable, Equatable {
  /// Row and column variable names.
  public let rowVariables: [String]
  public let columnVariables: [String]
  /// Level indices of each row (one per row variable) and of each column.
  public let rowKeys: [[Int]]
  public let columnKeys: [[Int]]
  /// Level codes of each row and of each column.
  public let rowCodes: [[String]]
  public let columnCodes: [[String]]
  /// The counts, `counts[row][column]`.
  public let counts: [[Double]]
  /// Sums across each row and down each column, and the grand total.
  public let rowTotals: [Double]
  public let columnTotals: [Double]
  public let total: Double
  /// Indices of the row and column variables among the table's dimensions.
  public let rowDimensions: [Int]
  public let columnDimensions: [Int]
  /// Positions in the extended table (internal): `[row][column]`, with one extra row and column
  /// for the totals.
  let positions: [[Int]]

  /// The table's level indices of an entry (`nil` = summed over), for looking up the same entry
  /// in a ``Suppression``, ``RateTable`` or ``CrossTab``: `row` and `column` index ``rowKeys``
  /// and ``columnKeys``; `nil` means the total over the rows or columns.
  public func levelIndices(row: Int?, column: Int?) -> [Int?] {
    var indices = [Int?](repeating: nil, count: rowDimensions.count + columnDimensions.count)
    if let row { for (j, d) in rowDimensions.enumerated() { indices[d] = rowKeys[row][j] } }
    if let column {
      for (j, d) in columnDimensions.enumerated() { indices[d] = columnKeys[column][j] }
    }
    return indices
  }
}

extension CrossTab {
  /// The table laid out as row combinations × column combinations.
  ///
  /// - Throws: the errors of an invalid layout (see ``TableLayout``).
  public func grid(_ layout: TableLayout) throws(TabulationError) -> CrossTabGrid {
    let resolved = try resolve(layout)
    let rowKeys = Self.combinations(resolved.rows.map { shape[$0] })
    let columnKeys = Self.combinations(resolved.columns.map { shape[$0] })
    let strides = extendedStrides
    func position(_ rowKey: [Int]?, _ columnKey: [Int]?) -> Int {
      var position = 0
      for (j, d) in resolved.rows.enumerated() { position += (rowKey?[j] ?? shape[d]) * strides[d] }
      for (j, d) in resolved.columns.enumerated() {
        position += (columnKey?[j] ?? shape[d]) * strides[d]
      }
      return position
    }
    let rowSlots: [[Int]?] = rowKeys.map { $0 } + [nil]
    let columnSlots: [[Int]?] = columnKeys.map { $0 } + [nil]
    let positions = rowSlots.map { r in columnSlots.map { c in position(r, c) } }
    func codes(_ dimensions: [Int], _ keys: [[Int]]) -> [[String]] {
      keys.map { key in zip(dimensions, key).map { self.dimensions[$0].levels[$1].code } }
    }
    return CrossTabGrid(
      rowVariables: resolved.rows.map { dimensions[$0].name },
      columnVariables: resolved.columns.map { dimensions[$0].name },
      rowKeys: rowKeys, columnKeys: columnKeys,
      rowCodes: codes(resolved.rows, rowKeys),
      columnCodes: codes(resolved.columns, columnKeys),
      counts: rowKeys.indices.map { r in columnKeys.indices.map { c in extended[positions[r][c]] }
      },
      rowTotals: rowKeys.indices.map { extended[positions[$0][columnKeys.count]] },
      columnTotals: columnKeys.indices.map { extended[positions[rowKeys.count][$0]] },
      total: total, rowDimensions: resolved.rows, columnDimensions: resolved.columns,
      positions: positions)
  }

  /// All combinations of level indices for the given level counts, row-major (the first varies
  /// slowest). One empty combination when there are no dimensions.
  static func combinations(_ shape: [Int]) -> [[Int]] {
    var result: [[Int]] = [[]]
    for k in shape {
      result = result.flatMap { prefix in (0..<k).map { prefix + [$0] } }
    }
    return result
  }
}
