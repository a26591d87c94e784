import Microdata

/// One cell of a cross-tabulation in long form: its level in every dimension and its count.
public struct CellRecord: Sendable, Equatable {
  /// The level index in each dimension.
  public let levelIndices: [Int]
  /// The level code in each dimension.
  public let codes: [String]
  /// The (weighted) count.
  public let count: Double
  /// The number of input rows in the cell.
  public let records: Int64
}

extension CrossTab {
  /// One record per cell, in row-major order (the first dimension varies slowest).
  public var longForm: [CellRecord] {
    counts.indices.map { cell in
      let indices = levelIndices(ofCell: cell)
      return CellRecord(
        levelIndices: indices,
        codes: indices.enumerated().map { dimensions[$0.offset].levels[$0.element].code },
        count: counts[cell], records: records[cell])
    }
  }

  /// The table of the named dimensions only (in the table's order): the corresponding margin as
  /// a table of its own, with the same exclusions and weight. Use it to test the association of
  /// two factors of an n-way table or to lay out fewer variables.
  ///
  /// - Throws: `TabulationError.unknownVariable`, or `.invalidOption` when no name is given.
  public func collapsed(keeping names: [String]) throws(TabulationError) -> CrossTab {
    guard !names.isEmpty else {
      throw .invalidOption(name: "keeping", value: "[]", reason: "keep at least one variable")
    }
    var kept: [Int] = []
    for name in names { kept.append(try dimensionIndex(of: name)) }
    kept = Array(Set(kept)).sorted()
    let keptShape = kept.map { shape[$0] }
    let keptStrides = Self.strides(of: keptShape)
    var counts = [Double](repeating: 0, count: keptShape.reduce(1, *))
    var records = [Int64](repeating: 0, count: counts.count)
    for cell in self.counts.indices {
      let indices = levelIndices(ofCell: cell)
      var target = 0
      for (j, d) in kept.enumerated() { target += indices[d] * keptStrides[j] }
      records[target] += self.records[cell]
    }
    let margin = Self.margin(
      from: extended, shape: shape, dimensions: dimensions, keeping: kept)
    counts = margin.counts
    return CrossTab(
      dimensions: kept.map { dimensions[$0] }, counts: counts, records: records,
      weightName: weightName, tabulatedRows: tabulatedRows, excluded: excluded)
  }
}
