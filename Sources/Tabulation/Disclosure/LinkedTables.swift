/// Every figure published about one population: the cover table and the figures (cells and
/// margins of any number of tables) that are sums of its cells.
///
/// Build it from the tables to publish, each named by the cover variables it cross-classifies;
/// every table publishes its cells, all its margins and its total:
///
/// ```swift
/// // kön (2) × födelse (2) × åldersgrupp (4), with the tables kön × födelse × åldersgrupp
/// // and åldersgrupp alone.
/// let cover = try CoverTable(shape: [2, 2, 4], counts: counts)
/// let linked = try LinkedTables(cover: cover, tables: [[0, 1, 2], [2]])
/// let result = linked.suppress(threshold: 5)
/// let ageMargin = linked.figure(table: 1, levels: [3])  // åldersgrupp 4 in table 2
/// print(result.status[ageMargin], result.informationLoss)
/// ```
///
/// A figure published by several tables (the total, or åldersgrupp above, which is a margin of
/// the three-way table too) is one figure: it has one status in every table, which is what
/// makes the tables safe together.
public struct LinkedTables: Sendable, Equatable {
  /// One published table: the cover variables it cross-classifies and its figures.
  public struct Table: Sendable, Equatable, Hashable {
    /// The cover variables, in the table's order.
    public let dimensions: [Int]
    /// The number of levels of each of the table's variables.
    public let shape: [Int]
    /// The figure index of every entry of the table with its margins, row-major over
    /// `shape[d] + 1` positions per variable (position `shape[d]` = summed over), the layout of
    /// ``CrossTab``'s cells with margins.
    public let figures: [Int]
  }

  /// The cover cells' counts.
  public let cover: [Int]
  /// The distinct published figures.
  public let figures: [CoverFigure]
  /// The true value of each figure.
  public let values: [Int]
  /// The tables the figures came from (empty when built from a list of figures).
  public let tables: [Table]
  /// The shape of the cover table (`[cover.count]` when built from a list of figures).
  public let shape: [Int]
  /// The number of published figures: `figures[..<publishedCount]` are published (or
  /// suppressed), the rest are *implied* figures (see ``init(cover:figures:implied:)``).
  public let publishedCount: Int

  /// Whether a figure is implied (sensitive, never published) rather than published.
  public func isImplied(_ figure: Int) -> Bool { figure >= publishedCount }

  /// Linked tables from a list of figures; a figure listed twice is kept once (see
  /// ``index(of:)``).
  ///
  /// `implied` figures are counts a reader can form from the published ones without their
  /// being printed: the 18-year-olds as the difference of the tables of `alder >= 18` and
  /// `alder >= 19`. They are never published; one below the threshold is protected like a
  /// primary figure (``suppress(threshold:rule:)`` and ``DisclosureAudit`` treat it as a
  /// suppressed primary), one at or above it is ignored. An implied figure that is also
  /// published is the published one.
  ///
  /// - Throws: `TabulationError.notACount` for a negative count, `.invalidOption` for a figure
  ///   with no cells or a cell index outside the cover table.
  public init(cover: [Int], figures: [CoverFigure], implied: [CoverFigure] = [])
    throws(TabulationError)
  {
    let table = try CoverTable(shape: [cover.count], counts: cover)
    var unique: [CoverFigure] = []
    var seen = Set<CoverFigure>()
    for figure in figures + implied {
      guard let first = figure.cells.first, let last = figure.cells.last, first >= 0,
        last < cover.count
      else {
        throw .invalidOption(
          name: "figures", value: "\(figure.cells)",
          reason: "a figure sums one or more cells of the cover table (0..<\(cover.count))")
      }
      if seen.insert(figure).inserted { unique.append(figure) }
    }
    // Published figures come first in `unique`; an implied one equal to one of them was
    // dropped as a repeat.
    let publishedCount = Set(figures).count
    self.init(
      cover: table.counts, shape: table.shape, figures: unique, tables: [],
      publishedCount: publishedCount)
  }

  /// Linked tables from the tables to publish, each given as the cover variables it
  /// cross-classifies (`[]` is the total alone). Each table publishes its cells, every margin
  /// and its total.
  ///
  /// - Throws: `TabulationError.invalidOption` for a variable index outside the cover table or
  ///   named twice in one table.
  public init(cover: CoverTable, tables dimensionLists: [[Int]]) throws(TabulationError) {
    var figures: [CoverFigure] = []
    var index = [CoverFigure: Int]()
    var tables: [Table] = []
    for dimensions in dimensionLists {
      guard dimensions.allSatisfy({ $0 >= 0 && $0 < cover.shape.count }),
        Set(dimensions).count == dimensions.count
      else {
        throw .invalidOption(
          name: "tables", value: "\(dimensions)",
          reason: "a table names distinct cover variables 0..<\(cover.shape.count)")
      }
      let shape = dimensions.map { cover.shape[$0] }
      let strides = CrossTab.strides(of: shape.map { $0 + 1 })
      let size = shape.reduce(1) { $0 * ($1 + 1) }
      var members = [[Int]](repeating: [], count: size)
      for cell in 0..<cover.cellCount {
        let levels = cover.levelIndices(ofCell: cell)
        for mask in 0..<(1 << dimensions.count) {
          var position = 0
          for (j, d) in dimensions.enumerated() {
            position += (mask & (1 << j) != 0 ? shape[j] : levels[d]) * strides[j]
          }
          members[position].append(cell)
        }
      }
      var entries: [Int] = []
      for cells in members {
        let figure = CoverFigure(cells: cells)
        if let existing = index[figure] {
          entries.append(existing)
        } else {
          index[figure] = figures.count
          entries.append(figures.count)
          figures.append(figure)
        }
      }
      tables.append(Table(dimensions: dimensions, shape: shape, figures: entries))
    }
    self.init(
      cover: cover.counts, shape: cover.shape, figures: figures, tables: tables,
      publishedCount: figures.count)
  }

  private init(
    cover: [Int], shape: [Int], figures: [CoverFigure], tables: [Table], publishedCount: Int
  ) {
    self.publishedCount = publishedCount
    self.cover = cover
    self.shape = shape
    self.figures = figures
    self.values = figures.map { $0.cells.reduce(0) { $0 + cover[$1] } }
    self.tables = tables
  }

  /// The index of a figure, or `nil` if it is not published.
  public func index(of figure: CoverFigure) -> Int? {
    figures.firstIndex(of: figure)
  }

  /// The figure index of an entry of a table: one level index per table variable, `nil` for
  /// summed over (a margin).
  public func figure(table: Int, levels: [Int?]) -> Int {
    let table = tables[table]
    precondition(levels.count == table.shape.count, "one level index (or nil) per variable")
    var position = 0
    for (j, level) in levels.enumerated() {
      let i = level ?? table.shape[j]
      precondition(i >= 0 && i <= table.shape[j], "level index in range")
      position = position * (table.shape[j] + 1) + i
    }
    return table.figures[position]
  }

  /// A figure in a program whose variables are some cover cells (`variables[cell]`, nil for a
  /// cell kept at its true count): its terms and the true total of its other cells.
  func terms(of figure: Int, variables: [Int?]) -> (
    sum: [(variable: Int, coefficient: Double)], fixed: Int
  ) {
    var sum: [(variable: Int, coefficient: Double)] = []
    var fixed = 0
    for cell in figures[figure].cells {
      if let j = variables[cell] { sum.append((j, 1.0)) } else { fixed += cover[cell] }
    }
    return (sum, fixed)
  }

  /// A solver's values as one count per cover cell; cells without a variable keep their true
  /// counts (0 inside a published zero).
  func table(_ values: [Double], variables: [Int?]) -> [Int] {
    cover.indices.map { cell in variables[cell].map { Int(values[$0].rounded()) } ?? cover[cell] }
  }
}
