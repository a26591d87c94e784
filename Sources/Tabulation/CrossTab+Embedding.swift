import Microdata
import Tabulation

/// How tables counted from different files (or chunks of one) are brought onto the same levels.
///
/// A variable whose levels come from the codebook has the same levels everywhere; one whose
/// levels come from the data (an integer such as `alder` or `ar`, undeclared text) has the
/// values each file holds. Such levels are joined by code and ordered as `Dataset.factor`
/// orders distinct values: by number when every code is a number, else by Unicode scalars.
enum LevelOrder {
  /// The order of levels taken from the data: numeric when every code is a number (a decimal
  /// comma allowed), ties by text; otherwise by Unicode scalar values.
  static func dataOrder(_ codes: [String]) -> [Int] {
    let numbers = codes.map { Double($0.replacingOccurrences(of: ",", with: ".")) }
    if numbers.allSatisfy({ $0 != nil }) {
      return codes.indices.sorted {
        numbers[$0]! != numbers[$1]! ? numbers[$0]! < numbers[$1]! : codes[$0] < codes[$1]
      }
    }
    return codes.indices.sorted {
      Array(codes[$0].unicodeScalars.map(\.value)).lexicographicallyPrecedes(
        codes[$1].unicodeScalars.map(\.value))
    }
  }

  /// The dimensions both tables fit in: where their levels differ, every level of either, in
  /// data order.
  static func union(_ a: CrossTab, _ b: CrossTab) -> [CrossTab.Dimension] {
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
  func embedded(in dimensions: [CrossTab.Dimension]) throws(TabulationError) -> CrossTab {
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
