/// The counts of the full cross-classification of some variables: the table every published
/// table of one population is a margin of.
///
/// τ-ARGUS calls this the *cover table* of a set of linked tables: for tables kön × födelse ×
/// åldersgrupp, åldersgrupp alone and kön × åldersgrupp, it is kön × födelse × åldersgrupp.
/// Filters and grouping variables that split one population become dimensions of it too, so
/// that nested filters are linked.
public struct CoverTable: Sendable, Equatable, Hashable, Codable {
  /// The number of levels of each variable.
  public let shape: [Int]
  /// The counts, row-major over ``shape`` (the last variable fastest).
  public let counts: [Int]

  /// A cover table from its counts.
  ///
  /// - Throws: `TabulationError.lengthMismatch` when `counts` does not have one value per cell,
  ///   `.notACount` for a negative count, `.invalidOption` for a variable without levels.
  public init(shape: [Int], counts: [Int]) throws(TabulationError) {
    for levels in shape where levels < 1 {
      throw .invalidOption(
        name: "shape", value: "\(shape)", reason: "every variable needs at least one level")
    }
    let size = shape.reduce(1, *)
    guard counts.count == size else {
      throw .lengthMismatch(variable: "counts", count: counts.count, expected: size)
    }
    for count in counts where count < 0 {
      throw .notACount(what: "A cover-table count", value: Double(count))
    }
    self.shape = shape
    self.counts = counts
  }

  /// The cover table of a cross-tabulation whose counts are whole numbers (persons).
  ///
  /// - Throws: `TabulationError.notACount` for a count that is not a whole number.
  public init(_ table: CrossTab) throws(TabulationError) {
    var counts: [Int] = []
    counts.reserveCapacity(table.counts.count)
    for value in table.counts {
      guard value >= 0, value == value.rounded(), value < 1e15 else {
        throw .notACount(what: "A cover-table count", value: value)
      }
      counts.append(Int(value))
    }
    try self.init(shape: table.shape, counts: counts)
  }

  /// The number of cells.
  public var cellCount: Int { counts.count }

  /// The level index of every variable for the cell at a row-major index.
  public func levelIndices(ofCell cell: Int) -> [Int] {
    var rest = cell
    var indices = [Int](repeating: 0, count: shape.count)
    for d in shape.indices.reversed() {
      indices[d] = rest % shape[d]
      rest /= shape[d]
    }
    return indices
  }
}
