import Distributions
import Foundation

/// Tests of association in a two-way table: Pearson's χ², the likelihood-ratio G², Cramér's V,
/// and the adjusted standardised residual of every cell.
///
/// With observed counts `O_ij`, row sums `r_i`, column sums `c_j`, total `n` and
/// `E_ij = r_i c_j / n`:
///
/// ```
/// χ²  = Σ (O_ij − E_ij)² / E_ij                     df = (I − 1)(J − 1)
/// G²  = 2 Σ_{O_ij > 0} O_ij log(O_ij / E_ij)
/// V   = √(χ² / (n (min(I, J) − 1)))
/// d_ij = (O_ij − E_ij) / √(E_ij (1 − r_i/n)(1 − c_j/n))     (adjusted standardised residual)
/// ```
///
/// p-values are upper tails of χ²(df). These equal R's `chisq.test(x, correct = FALSE)`
/// (`statistic`, `parameter`, `p.value`, `stdres`), and with `correction: .yates` on a 2 × 2
/// table ``chiSquared`` and ``pValue`` are R's `chisq.test(x, correct = TRUE)` (see
/// ``ContinuityCorrection``; Cramér's V, G² and the residuals stay uncorrected, as in R's
/// `stdres` and `vcd::assocstats`); the residuals are Haberman's (1973),
/// "The analysis of residuals in cross-classified tables", Biometrics 29(1), 205–220,
/// doi:10.2307/2529686.
///
/// Rows and columns whose sum is zero are dropped before testing (they carry no information and
/// would make `E_ij` zero), as Stata's `tabulate` does; `I` and `J` count the remaining ones and
/// the residuals of dropped cells are `nil`. The large-sample χ² approximation is doubtful when
/// expected counts are small: ``smallExpectedCells`` counts cells with `E_ij < 5` (Cochran's
/// rule), and ``warnings`` says so; use ``FisherExactTest`` for a 2 × 2 table.
public struct AssociationTest: Sendable, Equatable, Hashable {
  /// The row and column variables (several when nested).
  public let rowVariables: [String]
  public let columnVariables: [String]
  /// The number of rows and columns tested (non-empty ones).
  public let rows: Int
  public let columns: Int
  /// The table total n.
  public let n: Double
  /// Pearson's χ², with ``correction`` applied.
  public let chiSquared: Double
  public let degreesOfFreedom: Int
  /// The upper tail of ``chiSquared``.
  public let pValue: Double
  /// The continuity correction applied to ``chiSquared`` and ``pValue``: `.yates` when asked
  /// for and the tested table is 2 × 2, `.none` otherwise.
  public let correction: ContinuityCorrection
  /// Pearson's χ² without correction (equal to ``chiSquared`` when ``correction`` is `.none`).
  public let uncorrectedChiSquared: Double
  public let likelihoodRatio: Double
  public let likelihoodRatioPValue: Double
  public let cramersV: Double
  /// Expected counts and adjusted standardised residuals of every cell of the original
  /// row × column layout, `[row][column]`; `nil` for cells of dropped rows or columns.
  public let expected: [[Double?]]
  public let adjustedResiduals: [[Double?]]
  /// The number of tested cells with expected count below 5, and the smallest expected count.
  public let smallExpectedCells: Int
  public let minimumExpected: Double
  /// Notes for the analyst (dropped rows/columns, small expected counts, weighted counts).
  public internal(set) var warnings: [String]

  /// Tests a row × column table of counts, `counts[row][column]`.
  ///
  /// - Parameters:
  ///   - correction: `.yates` corrects χ² of a 2 × 2 table (after empty rows and columns are
  ///     dropped); for a larger table the statistic stays uncorrected and ``warnings`` says so.
  /// - Throws: `TabulationError.tableTooSmall` when fewer than two non-empty rows or columns
  ///   remain; `.notACount` for a negative or non-finite count.
  public init(
    counts: [[Double]], rowVariables: [String] = ["row"], columnVariables: [String] = ["column"],
    correction: ContinuityCorrection = .none
  ) throws(TabulationError) {
    for row in counts {
      for value in row where !(value >= 0 && value.isFinite) {
        throw .notACount(what: "A cell of the table", value: value)
      }
    }
    let rowSums = counts.map { $0.reduce(0, +) }
    let columnCount = counts.first?.count ?? 0
    let columnSums = (0..<columnCount).map { j in counts.reduce(0) { $0 + $1[j] } }
    let keptRows = rowSums.indices.filter { rowSums[$0] > 0 }
    let keptColumns = columnSums.indices.filter { columnSums[$0] > 0 }
    guard keptRows.count >= 2, keptColumns.count >= 2 else {
      throw .tableTooSmall(rows: keptRows.count, columns: keptColumns.count, test: "A χ² test")
    }
    let n = rowSums.reduce(0, +)
    let yates = correction == .yates && keptRows.count == 2 && keptColumns.count == 2
    var chi2 = 0.0
    var corrected = 0.0
    var g2 = 0.0
    var small = 0
    var minimum = Double.infinity
    var expected = [[Double?]](
      repeating: [Double?](repeating: nil, count: columnCount), count: counts.count)
    var residuals = expected
    for i in keptRows {
      for j in keptColumns {
        let o = counts[i][j]
        let e = rowSums[i] * columnSums[j] / n
        chi2 += (o - e) * (o - e) / e
        let shrunk = abs(o - e) - min(0.5, abs(o - e))
        corrected += shrunk * shrunk / e
        if o > 0 { g2 += o * log(o / e) }
        if e < 5 { small += 1 }
        minimum = min(minimum, e)
        expected[i][j] = e
        residuals[i][j] =
          (o - e) / (e * (1 - rowSums[i] / n) * (1 - columnSums[j] / n)).squareRoot()
      }
    }
    g2 *= 2
    let df = (keptRows.count - 1) * (keptColumns.count - 1)
    let distribution = ChiSquared(degreesOfFreedom: Double(df))
    var warnings: [String] = []
    let droppedRows = counts.count - keptRows.count
    let droppedColumns = columnCount - keptColumns.count
    if droppedRows + droppedColumns > 0 {
      warnings.append(
        "\(droppedRows) empty row(s) and \(droppedColumns) empty column(s) were left out of the test."
      )
    }
    if small > 0 {
      let cells = keptRows.count * keptColumns.count
      warnings.append(
        "\(small) of \(cells) cells have an expected count below 5 (smallest "
          + "\(String(format: "%.2f", minimum))); the χ² p-value may be inaccurate.")
    }
    self.rowVariables = rowVariables
    self.columnVariables = columnVariables
    self.rows = keptRows.count
    self.columns = keptColumns.count
    self.n = n
    if correction == .yates && !yates {
      warnings.append(
        "Yates' continuity correction applies to 2 × 2 tables only; the χ² of this "
          + "\(keptRows.count) × \(keptColumns.count) table is uncorrected.")
    }
    self.chiSquared = yates ? corrected : chi2
    self.degreesOfFreedom = df
    self.pValue = distribution.sf(yates ? corrected : chi2)
    self.correction = yates ? .yates : .none
    self.uncorrectedChiSquared = chi2
    self.likelihoodRatio = g2
    self.likelihoodRatioPValue = distribution.sf(g2)
    self.cramersV = (chi2 / (n * Double(min(keptRows.count, keptColumns.count) - 1))).squareRoot()
    self.expected = expected
    self.adjustedResiduals = residuals
    self.smallExpectedCells = small
    self.minimumExpected = minimum
    self.warnings = warnings
  }
}

extension CrossTab {
  /// Tests the association of the row variables with the column variables. Variables of the
  /// table named in neither are summed over; several row (or column) variables are crossed
  /// into one nested variable.
  ///
  /// - Parameters:
  ///   - rows: the row variables; default the first dimension.
  ///   - columns: the column variables; default the second dimension.
  /// - Throws: `TabulationError.unknownVariable`, `.tableTooSmall`, `.invalidOption` for a
  ///   one-way table.
  ///   - correction: see ``AssociationTest/init(counts:rowVariables:columnVariables:correction:)``.
  public func associationTest(
    rows: [String]? = nil, columns: [String]? = nil, correction: ContinuityCorrection = .none
  )
    throws(TabulationError) -> AssociationTest
  {
    guard shape.count >= 2 || (rows != nil && columns != nil) else {
      throw .invalidOption(
        name: "variables", value: variables.joined(separator: ", "),
        reason: "a test of association needs two variables")
    }
    let rows = rows ?? [variables[0]]
    let columns = columns ?? [variables[1]]
    let table = try collapsed(keeping: rows + columns)
    let grid = try table.grid(TableLayout(rows: rows, columns: columns))
    var test = try AssociationTest(
      counts: grid.counts, rowVariables: grid.rowVariables, columnVariables: grid.columnVariables,
      correction: correction)
    if let weightName {
      test.warnings.append(
        "The test treats the weighted counts (\(weightName)) as independent observations.")
    }
    return test
  }
}
