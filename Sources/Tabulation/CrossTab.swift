import Microdata

/// An n-way cross-tabulation of one or more factors: a (weighted) count in every cell, every
/// margin, and the rows that could not be tabulated.
///
/// Cells are stored in row-major order over ``dimensions`` (the last dimension varies fastest),
/// so the cell with level indices `(i₁, …, iₙ)` is at
///
/// ```
/// index = Σ_d i_d · stride_d,   stride_n = 1,   stride_d = stride_{d+1} · k_{d+1}
/// ```
///
/// where `k_d` is the number of levels of dimension `d`. A row is tabulated when every factor has
/// a level code for it and its weight (if any) is present; otherwise it is counted in
/// ``excluded`` by variable and reason, never silently dropped.
///
/// Counts are sums of weights (or of ones). Unweighted and integer-weighted tables are
/// accumulated in `Int64` and are exact; a table weighted by `Double` values is accumulated with
/// Neumaier's compensated summation. Every count is stored as a `Double`, which represents whole
/// numbers exactly up to 2⁵³.
///
/// ```swift
/// let table = try CrossTab(
///   [kon, aldersgrupp, fodelse], weight: .integers(name: "antal_misstankar", antal))
/// try table.count(codes: ["1", nil, "utrikes"]) // men born abroad, all ages
/// try table.margin(keeping: ["kon"]).counts // [men, women]
/// ```
public struct CrossTab: Sendable, Equatable {
  /// One dimension of the table: a factor's name and levels.
  public struct Dimension: Sendable, Equatable, Hashable {
    /// The variable or grouping name, e.g. `aldersgrupp`.
    public var name: String
    /// The levels in the factor's order.
    public var levels: [Factor.Level]

    public init(name: String, levels: [Factor.Level]) {
      self.name = name
      self.levels = levels
    }

    /// The level codes in order.
    public var codes: [String] { levels.map(\.code) }
  }

  /// The dimensions in the order the factors were given.
  public let dimensions: [Dimension]
  /// The number of levels of each dimension.
  public let shape: [Int]
  /// The (weighted) count of every cell, row-major over ``dimensions``.
  public let counts: [Double]
  /// The number of input rows in every cell (equal to ``counts`` for an unweighted table). A cell
  /// with records but zero weight is a true zero; a cell without records had no input row.
  public let records: [Int64]
  /// The name of the weight variable, or `nil` for a count of rows.
  public let weightName: String?
  /// Every partial margin: the sums over each proper, non-empty subset of the dimensions, ordered
  /// by the subset's bit mask (dimension 0 is bit 0).
  public let margins: [Margin]
  /// The sum of all cells.
  public let total: Double
  /// The number of rows tabulated (rows not excluded).
  public let tabulatedRows: Int
  /// Rows that were not tabulated, by reason and variable.
  public let excluded: Exclusions

  /// The table with every margin: each dimension has one extra position, `k_d`, meaning "summed
  /// over this dimension". Row-major over the extended shape `k_d + 1`.
  let extended: [Double]

  /// The names of the dimensions in order.
  public var variables: [String] { dimensions.map(\.name) }
  /// The number of cells.
  public var cellCount: Int { counts.count }
  /// The row-major strides of the cells.
  public var strides: [Int] { Self.strides(of: shape) }

  init(
    dimensions: [Dimension], counts: [Double], records: [Int64], weightName: String?,
    tabulatedRows: Int, excluded: Exclusions
  ) {
    self.dimensions = dimensions
    self.shape = dimensions.map(\.levels.count)
    self.counts = counts
    self.records = records
    self.weightName = weightName
    self.tabulatedRows = tabulatedRows
    self.excluded = excluded
    let extended = Self.extend(counts, shape: shape)
    self.extended = extended
    self.total = extended[extended.count - 1]
    self.margins = Self.margins(from: extended, shape: shape, dimensions: dimensions)
  }

  /// A table from counts that are already aggregated (a published table, an SCB extract read
  /// cell by cell): `counts` row-major over `dimensions`. Every cell counts as present (one
  /// record), so a zero is a true zero.
  ///
  /// - Throws: `TabulationError.lengthMismatch` when `counts` does not have one value per cell,
  ///   `.notACount` for a negative or non-finite count, `.duplicateVariable`.
  public init(dimensions: [Dimension], counts: [Double]) throws(TabulationError) {
    let cells = dimensions.reduce(1) { $0 * $1.levels.count }
    guard counts.count == cells else {
      throw .lengthMismatch(variable: "counts", count: counts.count, expected: cells)
    }
    var seen: Set<String> = []
    for dimension in dimensions where !seen.insert(dimension.name).inserted {
      throw .duplicateVariable(name: dimension.name)
    }
    for value in counts where !(value >= 0 && value.isFinite) {
      throw .notACount(what: "A cell count", value: value)
    }
    self.init(
      dimensions: dimensions, counts: counts,
      records: [Int64](repeating: 1, count: counts.count), weightName: nil,
      tabulatedRows: 0, excluded: Exclusions())
  }

  /// Row-major strides of `shape`.
  static func strides(of shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var stride = 1
    for d in shape.indices.reversed() {
      strides[d] = stride
      stride *= shape[d]
    }
    return strides
  }

  /// The level indices of the cell at a row-major `index`.
  public func levelIndices(ofCell index: Int) -> [Int] {
    var rest = index
    var result = [Int](repeating: 0, count: shape.count)
    for d in shape.indices.reversed() {
      result[d] = rest % shape[d]
      rest /= shape[d]
    }
    return result
  }

  /// The row-major index of the cell with the given level indices.
  public func cellIndex(_ levelIndices: [Int]) -> Int {
    precondition(levelIndices.count == shape.count, "one level index per dimension")
    var index = 0
    for d in shape.indices {
      precondition(levelIndices[d] >= 0 && levelIndices[d] < shape[d], "level index in range")
      index = index * shape[d] + levelIndices[d]
    }
    return index
  }

  /// The index of the dimension named `name`.
  ///
  /// - Throws: `TabulationError.unknownVariable`, with a suggestion for a misspelt name.
  public func dimensionIndex(of name: String) throws(TabulationError) -> Int {
    if let index = dimensions.firstIndex(where: { $0.name == name }) { return index }
    throw .unknown(name, among: variables)
  }

  /// The index of the level with `code` in dimension `dimension`.
  ///
  /// - Throws: `TabulationError.unknownLevel`.
  public func levelIndex(ofCode code: String, inDimension dimension: Int)
    throws(TabulationError) -> Int
  {
    if let index = dimensions[dimension].levels.firstIndex(where: { $0.code == code }) {
      return index
    }
    throw .unknownLevel(
      variable: dimensions[dimension].name, code: code, available: dimensions[dimension].codes)
  }
}
