import Microdata

extension CrossTab {
  /// A table from cells aggregated elsewhere, with everything a table counted from rows
  /// carries: the input rows behind each cell, the weight's name, the rows tabulated and the
  /// rows excluded. This is how the tables of consecutive chunks of a file (read with
  /// `DatasetReader`) add up to the table of the whole file: sum their counts, records,
  /// tabulated rows and exclusions cell by cell, and the result equals the table counted from
  /// the whole file at once.
  ///
  /// - Parameters:
  ///   - dimensions: the variables and their levels; cells are row-major over them.
  ///   - counts: the (weighted) count of every cell, ≥ 0.
  ///   - records: the number of input rows in every cell, ≥ 0 (equal to `counts` for an
  ///     unweighted table).
  ///   - weightName: the weight variable, or `nil` for a count of rows.
  ///   - tabulatedRows: the number of input rows tabulated.
  ///   - exclusions: the rows left out, by reason and variable.
  /// - Throws: `TabulationError.lengthMismatch` when `counts` or `records` do not have one value
  ///   per cell, `.notACount` for a negative or non-finite count or a negative record count,
  ///   `.duplicateVariable`.
  public init(
    dimensions: [Dimension], counts: [Double], records: [Int64], weightName: String?,
    tabulatedRows: Int, exclusions: Exclusions
  ) throws(TabulationError) {
    let cells = dimensions.reduce(1) { $0 * $1.levels.count }
    guard counts.count == cells else {
      throw .lengthMismatch(variable: "counts", count: counts.count, expected: cells)
    }
    guard records.count == cells else {
      throw .lengthMismatch(variable: "records", count: records.count, expected: cells)
    }
    var seen: Set<String> = []
    for dimension in dimensions where !seen.insert(dimension.name).inserted {
      throw .duplicateVariable(name: dimension.name)
    }
    for value in counts where !(value >= 0 && value.isFinite) {
      throw .notACount(what: "A cell count", value: value)
    }
    if let negative = records.first(where: { $0 < 0 }) {
      throw .notACount(what: "The number of records of a cell", value: Double(negative))
    }
    self.init(
      dimensions: dimensions, counts: counts, records: records, weightName: weightName,
      tabulatedRows: tabulatedRows, excluded: exclusions)
  }
}
