import Microdata

/// The cross-tabulations of consecutive chunks of a file added up into the table of the whole
/// file: counts, records, tabulated rows and exclusions add cell by cell.
///
/// Levels are matched by code. A variable whose levels come from the codebook has the same
/// levels in every chunk and keeps their order; one whose levels come from the data can have
/// different levels in each chunk, and the whole file's levels are then in `LevelOrder`'s data
/// order, as the whole file read at once has them.
public struct ChunkedCrossTab: Sendable {
  public init() {}

  public private(set) var chunks = 0
  private var names: [String] = []
  private var levels: [[Factor.Level]] = []
  private var positions: [[String: Int]] = []
  private var firstLevels: [[Factor.Level]] = []
  private var levelsVary: [Bool] = []
  private var cells: [[Int]: (count: Double, records: Int64)] = [:]
  private var weightName: String?
  private var tabulatedRows = 0
  private var exclusions = Exclusions()

  /// Adds the table of one chunk.
  public mutating func add(_ table: CrossTab) {
    if chunks == 0 {
      names = table.variables
      firstLevels = table.dimensions.map(\.levels)
      levels = Array(repeating: [], count: names.count)
      positions = Array(repeating: [:], count: names.count)
      levelsVary = Array(repeating: false, count: names.count)
      weightName = table.weightName
      exclusions.weight = table.excluded.weight
    } else {
      exclusions.weight = table.excluded.weight.map { $0 + (exclusions.weight ?? 0) }
    }
    chunks += 1
    var maps: [[Int]] = []
    for (d, dimension) in table.dimensions.enumerated() {
      if dimension.levels != firstLevels[d] { levelsVary[d] = true }
      maps.append(
        dimension.levels.map { level in
          if let position = positions[d][level.code] { return position }
          positions[d][level.code] = levels[d].count
          levels[d].append(level)
          return levels[d].count - 1
        })
    }
    for cell in table.counts.indices where table.records[cell] > 0 || table.counts[cell] > 0 {
      let key = table.levelIndices(ofCell: cell).enumerated().map { maps[$0.offset][$0.element] }
      let previous = cells[key] ?? (0, 0)
      cells[key] = (previous.count + table.counts[cell], previous.records + table.records[cell])
    }
    tabulatedRows += table.tabulatedRows
    exclusions.missing.merge(table.excluded.missing, uniquingKeysWith: +)
    exclusions.outside.merge(table.excluded.outside, uniquingKeysWith: +)
    exclusions.rows += table.excluded.rows
  }

  /// The table of every chunk added.
  public func table() throws(TabulationError) -> CrossTab {
    // The final position of each level, per dimension.
    var rank: [[Int]] = []
    var dimensions: [CrossTab.Dimension] = []
    for d in names.indices {
      let order =
        levelsVary[d] ? LevelOrder.dataOrder(levels[d].map(\.code)) : Array(levels[d].indices)
      var r = [Int](repeating: 0, count: order.count)
      for (position, original) in order.enumerated() { r[original] = position }
      rank.append(r)
      dimensions.append(CrossTab.Dimension(name: names[d], levels: order.map { levels[d][$0] }))
    }
    let shape = dimensions.map(\.levels.count)
    var counts = [Double](repeating: 0, count: shape.reduce(1, *))
    var records = [Int64](repeating: 0, count: counts.count)
    for (key, value) in cells {
      var index = 0
      for d in shape.indices { index = index * shape[d] + rank[d][key[d]] }
      counts[index] = value.count
      records[index] = value.records
    }
    return try CrossTab(
      dimensions: dimensions, counts: counts, records: records, weightName: weightName,
      tabulatedRows: tabulatedRows, exclusions: exclusions)
  }
}
