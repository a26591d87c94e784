/// Several factors combined into one cell index per row, in mixed radix, so that rows of
/// different datasets (suspects and population) can be aggregated into the same cells.
///
/// ```
/// cell(row) = Σₖ levelₖ(row) · strideₖ,   stride₀ = 1,  strideₖ = strideₖ₋₁ · |levelsₖ₋₁|
/// ```
/// The first factor varies fastest, as in R's `interaction()` and `table()`. A row with a
/// missing value in any factor gets `Factor.missing`; otherwise a row outside any factor's
/// levels gets `Factor.outside`.
public struct CellKey: Sendable, Equatable {
  /// The factors' names, in order.
  public let names: [String]
  /// The levels of each factor.
  public let levels: [[Factor.Level]]
  /// The number of levels of each factor (the radices).
  public let radices: [Int]
  /// One cell index per row, or `Factor.missing` / `Factor.outside`.
  public let cells: [Int32]

  /// Combines factors of equal length.
  /// - Precondition: the factors have the same number of rows and at most 2³¹ − 1 cells.
  public init(_ factors: [Factor]) {
    precondition(!factors.isEmpty, "CellKey needs at least one factor")
    let count = factors[0].count
    precondition(
      factors.allSatisfy { $0.count == count },
      "the factors of a CellKey must have the same number of rows")
    names = factors.map(\.name)
    levels = factors.map(\.levels)
    radices = factors.map { $0.levels.count }
    let total = radices.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
    precondition(
      total <= Int(Int32.max),
      "too many cells: \(radices.map(String.init).joined(separator: " × "))")
    var cells = [Int32](repeating: 0, count: count)
    var stride: Int32 = 1
    for factor in factors {
      factor.codes.withUnsafeBufferPointer { codes in
        for row in 0..<count {
          let c = codes[row]
          let current = cells[row]
          if current == Factor.missing { continue }
          if c == Factor.missing {
            cells[row] = Factor.missing
          } else if c < 0 || current == Factor.outside {
            cells[row] = Factor.outside
          } else {
            cells[row] = current + c * stride
          }
        }
      }
      stride *= Int32(max(1, factor.levels.count))
    }
    self.cells = cells
  }

  /// The number of cells (the product of the radices).
  public var cellCount: Int { radices.reduce(1, *) }

  /// The cell of a combination of level indices (one per factor).
  public func cell(levelIndices: [Int]) -> Int {
    var cell = 0
    var stride = 1
    for (k, index) in levelIndices.enumerated() {
      cell += index * stride
      stride *= radices[k]
    }
    return cell
  }

  /// The level index of each factor in a cell.
  public func levelIndices(ofCell cell: Int) -> [Int] {
    var rest = cell
    return radices.map { radix in
      let index = rest % radix
      rest /= radix
      return index
    }
  }

  /// The level codes of a cell, one per factor (e.g. `["1", "18-24"]`).
  public func codes(ofCell cell: Int) -> [String] {
    zip(levelIndices(ofCell: cell), levels).map { $1[$0].code }
  }

  /// The number of rows in each cell, or the sum of `weights` (e.g. `antal` of a population
  /// file, `antal_misstankar`); NaN weights are skipped.
  public func totals(weights: [Double]? = nil) -> [Double] {
    var totals = [Double](repeating: 0, count: cellCount)
    for (row, cell) in cells.enumerated() where cell >= 0 {
      let w = weights?[row] ?? 1
      if !w.isNaN { totals[Int(cell)] += w }
    }
    return totals
  }

  /// Rows with a missing value in some factor.
  public var missingCount: Int { cells.reduce(0) { $0 + ($1 == Factor.missing ? 1 : 0) } }
  /// Rows with a value outside some factor's levels (and none missing).
  public var outsideCount: Int { cells.reduce(0) { $0 + ($1 == Factor.outside ? 1 : 0) } }
}
