import Microdata
import StatsTestSupport
import Testing

@testable import Tabulation

@Suite("CrossTab margins, layouts and percentages")
struct CrossTabMarginTests {
  /// A random 4-way table through the kernel.
  func randomTable(seed: UInt64, shape: [Int] = [2, 3, 4, 2]) throws -> CrossTab {
    var rng = SplitMix64(seed: seed)
    let counts = (0..<shape.reduce(1, *)).map { _ in Int.random(in: 0...12, using: &rng) }
    return try expandedTable(counts, shape: shape)
  }

  @Test(
    "every margin equals a brute-force sum, and every margin sums to the total",
    arguments: [1, 2, 3] as [UInt64])
  func marginsAreSums(seed: UInt64) throws {
    let table = try randomTable(seed: seed)
    #expect(table.margins.count == 14)  // 2⁴ − 2 proper non-empty subsets
    for margin in table.margins {
      #expect(margin.counts.reduce(0, +) == table.total, "margin \(margin.variables)")
      for (position, value) in margin.counts.enumerated() {
        // Level indices of this margin entry.
        var rest = position
        var kept = [Int](repeating: 0, count: margin.shape.count)
        for j in margin.shape.indices.reversed() {
          kept[j] = rest % margin.shape[j]
          rest /= margin.shape[j]
        }
        var sum = 0.0
        for cell in table.counts.indices {
          let indices = table.levelIndices(ofCell: cell)
          if zip(margin.dimensions, kept).allSatisfy({ indices[$0.0] == $0.1 }) {
            sum += table.counts[cell]
          }
        }
        #expect(value == sum)
        var query = [Int?](repeating: nil, count: table.shape.count)
        for (j, d) in margin.dimensions.enumerated() { query[d] = kept[j] }
        #expect(table.count(at: query) == value)
      }
    }
    #expect(table.counts.reduce(0, +) == table.total)
    #expect(try table.margin(keeping: []).counts == [table.total])
    #expect(try table.margin(keeping: table.variables).counts == table.counts)
    #expect(try table.margin(keeping: ["v2", "v0"]).variables == ["v0", "v2"])
  }

  @Test("collapsing to two variables equals their margin and keeps records")
  func collapse() throws {
    let table = try randomTable(seed: 9)
    let collapsed = try table.collapsed(keeping: ["v3", "v1"])
    #expect(collapsed.variables == ["v1", "v3"])
    #expect(collapsed.counts == (try table.margin(keeping: ["v1", "v3"]).counts))
    #expect(collapsed.records == collapsed.counts.map { Int64($0) })
    #expect(collapsed.total == table.total)
  }

  @Test("a misspelt variable is an error with a suggestion")
  func unknownVariable() throws {
    let table = try randomTable(seed: 1)
    #expect(
      throws: TabulationError.unknownVariable(
        name: "v7x", available: ["v0", "v1", "v2", "v3"], suggestion: nil)
    ) {
      try table.margin(keeping: ["v7x"])
    }
    let error = TabulationError.unknown("utbilning", among: ["kon", "utbildning"])
    #expect(error.description.contains("Did you mean 'utbildning'?"))
  }

  @Test("row, column and total percentages sum to 100 over their bases")
  func percentages() throws {
    let table = try randomTable(seed: 4)
    let layout = TableLayout(rows: ["v0", "v2"], columns: ["v1", "v3"])
    let grid = try table.grid(layout)
    #expect(grid.rowKeys.count == 8 && grid.columnKeys.count == 6)
    #expect(grid.rowKeys[1] == [0, 1] && grid.columnKeys[5] == [2, 1])
    #expect(grid.rowTotals.reduce(0, +) == table.total)
    #expect(table.count(at: grid.levelIndices(row: 3, column: 4)) == grid.counts[3][4])
    #expect(table.count(at: grid.levelIndices(row: 3, column: nil)) == grid.rowTotals[3])
    #expect(table.count(at: grid.levelIndices(row: nil, column: 2)) == grid.columnTotals[2])
    #expect(grid.columnTotals.reduce(0, +) == table.total)
    let row = try table.percentages(.row, layout: layout)
    let column = try table.percentages(.column, layout: layout)
    let total = try table.percentages(.total, layout: layout)
    expectApproximatelyEqual(total.compactMap { $0 }.reduce(0, +), 100, relative: 1e-12)
    for (r, key) in grid.rowKeys.enumerated() where grid.rowTotals[r] > 0 {
      var sum = 0.0
      for columnKey in grid.columnKeys {
        let cell = table.cellIndex([key[0], columnKey[0], key[1], columnKey[1]])
        sum += row[cell] ?? .nan
      }
      expectApproximatelyEqual(sum, 100, relative: 1e-12, "row \(key)")
    }
    for (c, key) in grid.columnKeys.enumerated() where grid.columnTotals[c] > 0 {
      var sum = 0.0
      for rowKey in grid.rowKeys {
        sum += column[table.cellIndex([rowKey[0], key[0], rowKey[1], key[1]])] ?? .nan
      }
      expectApproximatelyEqual(sum, 100, relative: 1e-12, "column \(key)")
    }
  }

  @Test("a layout must name every variable once")
  func layoutValidation() throws {
    let table = try randomTable(seed: 1)
    #expect(throws: TabulationError.self) {
      try table.grid(TableLayout(rows: ["v0"], columns: ["v1"]))
    }
    #expect(throws: TabulationError.duplicateVariable(name: "v0")) {
      try table.grid(TableLayout(rows: ["v0", "v1"], columns: ["v2", "v3", "v0"]))
    }
  }

  @Test("long form lists every cell with its codes in row-major order")
  func longForm() throws {
    let table = try expandedTable([1, 0, 2, 3, 4, 5], shape: [2, 3], names: ["kon", "grupp"])
    let records = table.longForm
    #expect(
      records.map(\.codes) == [
        ["1", "1"], ["1", "2"], ["1", "3"], ["2", "1"], ["2", "2"], ["2", "3"],
      ])
    #expect(records.map(\.count) == [1, 0, 2, 3, 4, 5])
  }
}
