import Foundation

/// Fisher's exact test of independence in an r × c table, as R's `fisher.test` for tables
/// larger than 2 × 2: the p-value is the probability, under independence and conditional on the
/// margins, of the tables no more probable than the one observed.
///
/// Conditional on the row sums `r_i`, column sums `c_j` and total `n`, a table `x` has the
/// multiple hypergeometric probability
///
/// ```
/// P(x) = Π r_i! Π c_j! / (n! Π x_ij!)
/// p    = Σ_{y : P(y) ≤ P(x) (1 + 10⁻⁷)} P(y)
/// ```
///
/// (the relative tolerance is that of R's 2 × 2 test; R's FEXACT uses 3.5 × 10⁻⁷ in the
/// logarithm, which decides the same tables unless two probabilities differ by less than that).
///
/// - `.exact`: a network algorithm (Mehta & Patel 1983, "A network algorithm for performing
///   Fisher's exact test in r × c contingency tables", JASA 78(382), 427–434,
///   doi:10.1080/01621459.1983.10477989): the columns are filled one at a time; partial tables
///   with the same remaining row sums share a node, and equal past probabilities at a node are
///   merged; a node's completions are added in closed form (their total probability is
///   `n'! / Π r'_i!`) when bounds show all of them count, or dropped when none does. The
///   bounds relax the row constraints column by column (the most and least even allocation of
///   each remaining column). The work is limited (``defaultStepLimit`` partial tables): a
///   table beyond it throws ``TabulationError/exactTestTooLarge(rows:columns:n:limit:)``,
///   whose message suggests the χ² test or a Monte-Carlo p-value.
/// - `.monteCarlo(replicates: B, seed: s)`: as R's `simulate.p.value = TRUE`,
///   `p = (1 + #{b : P(y_b) ≤ P(x)}) / (B + 1)` over `B` tables drawn uniformly from the
///   permutations with the observed margins, from a SplitMix64 stream seeded with `s`
///   (Steele, Lea & Flood 2014, doi:10.1145/2714064.2660195), so the same seed gives the same
///   p-value. R draws with another generator, so its p-values differ within Monte-Carlo error.
///
/// Rows and columns whose sum is zero are dropped first (they do not change any probability).
public struct FisherExactTableTest: Sendable, Equatable, Hashable {
  /// How the p-value is computed.
  public enum Method: Sendable, Equatable, Hashable {
    /// The exact p-value, within the step limit.
    case exact
    /// A Monte-Carlo p-value from `replicates` random tables and a stated seed.
    case monteCarlo(replicates: Int, seed: UInt64)
  }

  /// The number of partial tables the exact enumeration may visit before it gives up (about
  /// ten seconds of work in a release build).
  public static let defaultStepLimit = 20_000_000

  /// The number of non-empty rows and columns tested, and the total.
  public let rows: Int
  public let columns: Int
  public let n: Int
  /// The p-value.
  public let pValue: Double
  /// How ``pValue`` was computed.
  public let method: Method

  /// Tests the table `counts[row][column]`.
  ///
  /// - Parameters:
  ///   - method: exact (default) or Monte Carlo.
  ///   - stepLimit: the most partial tables the exact enumeration visits.
  /// - Throws: `TabulationError.notACount` for a count that is not a non-negative whole number,
  ///   `.tableTooSmall` when fewer than two non-empty rows or columns remain, `.invalidOption`
  ///   for fewer than one replicate, `.exactTestTooLarge` beyond the step limit.
  public init(
    counts: [[Double]], method: Method = .exact, stepLimit: Int = defaultStepLimit
  ) throws(TabulationError) {
    let table = try Self.wholeCounts(counts)
    let rowSums = table.map { $0.reduce(0, +) }
    let columnCount = table.first?.count ?? 0
    let columnSums = (0..<columnCount).map { j in table.reduce(0) { $0 + $1[j] } }
    let keptRows = rowSums.indices.filter { rowSums[$0] > 0 }
    let keptColumns = columnSums.indices.filter { columnSums[$0] > 0 }
    guard keptRows.count >= 2, keptColumns.count >= 2 else {
      throw .tableTooSmall(
        rows: keptRows.count, columns: keptColumns.count, test: "Fisher's exact test")
    }
    let kept = keptRows.map { i in keptColumns.map { j in table[i][j] } }
    rows = keptRows.count
    columns = keptColumns.count
    n = rowSums.reduce(0, +)
    self.method = method
    switch method {
    case .exact:
      guard let p = FisherNetwork(table: kept).pValue(stepLimit: stepLimit) else {
        throw .exactTestTooLarge(rows: rows, columns: columns, n: n, limit: stepLimit)
      }
      pValue = p
    case .monteCarlo(let replicates, let seed):
      guard replicates >= 1 else {
        throw .invalidOption(
          name: "replicates", value: String(replicates),
          reason: "a Monte-Carlo p-value needs at least one random table")
      }
      var generator = SplitMix64Generator(seed: seed)
      pValue = RandomTables(table: kept).pValue(replicates: replicates, using: &generator)
    }
  }

  /// The counts as integers.
  static func wholeCounts(_ counts: [[Double]]) throws(TabulationError) -> [[Int]] {
    var table: [[Int]] = []
    for row in counts {
      var values: [Int] = []
      for value in row {
        guard value >= 0, value == value.rounded(), value < 1e12 else {
          throw .notACount(what: "A cell of the table for Fisher's exact test", value: value)
        }
        values.append(Int(value))
      }
      table.append(values)
    }
    return table
  }
}

extension CrossTab {
  /// Fisher's exact test of the row variables against the column variables (other variables
  /// summed over; several row or column variables are crossed into one), for any r × c table.
  ///
  /// - Throws: the errors of ``FisherExactTableTest/init(counts:method:stepLimit:)``,
  ///   `.unknownVariable`, `.invalidOption` for a one-way table.
  public func fisherExactTableTest(
    rows: [String]? = nil, columns: [String]? = nil,
    method: FisherExactTableTest.Method = .exact,
    stepLimit: Int = FisherExactTableTest.defaultStepLimit
  ) throws(TabulationError) -> FisherExactTableTest {
    guard shape.count >= 2 || (rows != nil && columns != nil) else {
      throw .invalidOption(
        name: "variables", value: variables.joined(separator: ", "),
        reason: "a test of association needs two variables")
    }
    let rows = rows ?? [variables[0]]
    let columns = columns ?? [variables[1]]
    let grid = try collapsed(keeping: rows + columns).grid(
      TableLayout(rows: rows, columns: columns))
    return try FisherExactTableTest(counts: grid.counts, method: method, stepLimit: stepLimit)
  }
}
