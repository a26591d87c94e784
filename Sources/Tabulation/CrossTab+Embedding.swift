import Microdata

extension LevelOrder {
  /// The dimensions both tables fit in: where their levels differ, every level of either, in
  /// data order.
  public static func union(_ a: CrossTab, _ b: CrossTab) -> [CrossTab.Dimension] {
    zip(a.dimensions, b.dimensions).map { x, y in
      guard x.levels != y.levels else { return x }
      var levels = x.levels
      var seen = Set(x.codes)
      for level in y.levels where seen.insert(level.code).inserted { levels.append(level) }
      return CrossTab.Dimension(
        name: x.name, levels: dataOrder(levels.map(\.code)).map { levels[$0] })
    }
  }
}

extension CrossTab {
  /// The same counts over other levels of the same variables, matched by code; levels this
  /// table lacks are empty cells (no records).
  ///
  /// - Precondition: `dimensions` has this table's variables in its order and every level of
  ///   it (e.g. from `LevelOrder.union`).
  public func embedded(in dimensions: [CrossTab.Dimension]) throws(TabulationError) -> CrossTab {
    guard dimensions != self.dimensions else { return self }
    let maps = zip(self.dimensions, dimensions).map { mine, target in
      let position = Dictionary(
        target.codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      return mine.codes.map { position[$0]! }
    }
    let shape = dimensions.map(\.levels.count)
    var counts = [Double](repeating: 0, count: shape.reduce(1, *))
    var records = [Int64](repeating: 0, count: counts.count)
    for cell in self.counts.indices where self.records[cell] > 0 || self.counts[cell] > 0 {
      var index = 0
      for (d, i) in levelIndices(ofCell: cell).enumerated() {
        index = index * shape[d] + maps[d][i]
      }
      counts[index] += self.counts[cell]
      records[index] += self.records[cell]
    }
    return try CrossTab(
      dimensions: dimensions, counts: counts, records: records, weightName: weightName,
      tabulatedRows: tabulatedRows, exclusions: excluded)
  }
}
