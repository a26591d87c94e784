import Distributions
import Foundation

/// Fisher's exact test of a 2 × 2 table, with the conditional maximum-likelihood odds ratio and
/// its exact interval, as R's `fisher.test`.
///
/// For the table `[[a, b], [c, d]]`, conditional on the margins `a` follows Fisher's noncentral
/// hypergeometric distribution with odds ratio ψ:
///
/// ```
/// P(a = u; ψ) = C(m, u) C(n, k − u) ψᵘ / Σ_v C(m, v) C(n, k − v) ψᵛ,   m = a + c, n = b + d, k = a + b
/// ```
///
/// - p-value (two-sided): the sum of `P(u; 1)` over the `u` with `P(u; 1) ≤ P(a; 1) · (1 + 10⁻⁷)`.
/// - Odds ratio: the conditional MLE, the ψ with `E(a; ψ) = a` (0 when `a` is the smallest
///   possible value, `+∞` when it is the largest).
/// - Interval: `[ψ_L, ψ_U]` with `P(a ≥ a_obs; ψ_L) = α/2` and `P(a ≤ a_obs; ψ_U) = α/2`.
///
/// Fisher (1935), "The logic of inductive inference", JRSS 98(1), 39–82, doi:10.2307/2342435;
/// the conditional MLE and interval follow Cornfield (1956) as R does. R finds ψ with `uniroot`
/// at its default tolerance (about 1e-4 in ψ or 1/ψ); here the roots are found to full precision
/// (Brent's method on log ψ), so the estimate and limits agree with `fisher.test` to about 1e-4
/// and with the same equations solved tightly to 1e-9.
public struct FisherExactTest: Sendable, Equatable, Hashable {
  /// The table `[a, b, c, d]` (row-major).
  public let counts: [Int]
  /// The confidence level.
  public let level: Double
  /// The two-sided p-value.
  public let pValue: Double
  /// The conditional maximum-likelihood odds ratio.
  public let oddsRatio: Double
  /// The exact conditional interval for the odds ratio.
  public let interval: Interval
  /// The sample odds ratio `ad / bc` (`+∞` or NaN when `bc = 0`).
  public let sampleOddsRatio: Double

  /// Tests the 2 × 2 table `[[a, b], [c, d]]`.
  ///
  /// - Throws: `TabulationError.notACount` for a negative count, `.invalidOption` for a level
  ///   outside (0, 1).
  public init(_ a: Int, _ b: Int, _ c: Int, _ d: Int, level: Double = 0.95)
    throws(TabulationError)
  {
    try Rate.validate(per: 1, level: level)
    for value in [a, b, c, d] where value < 0 {
      throw .notACount(what: "A cell of the 2 × 2 table", value: Double(value))
    }
    counts = [a, b, c, d]
    self.level = level
    sampleOddsRatio = Double(a) * Double(d) / (Double(b) * Double(c))
    let distribution = NoncentralHypergeometric(
      firstColumn: a + c, secondColumn: b + d, firstRow: a + b)
    pValue = distribution.twoSidedPValue(observed: a)
    oddsRatio = distribution.conditionalMLE(observed: a)
    let alpha = (1 - level) / 2
    interval = Interval(
      lower: distribution.lowerLimit(observed: a, alpha: alpha),
      upper: distribution.upperLimit(observed: a, alpha: alpha))
  }
}

extension CrossTab {
  /// Fisher's exact test of a 2 × 2 table formed by a row variable and a column variable (other
  /// variables summed over); the first levels are the first row and column.
  ///
  /// - Throws: `TabulationError.notTwoByTwo`, `.notACount` for a count that is not a whole
  ///   number, `.unknownVariable`.
  public func fisherExactTest(row: String? = nil, column: String? = nil, level: Double = 0.95)
    throws(TabulationError) -> FisherExactTest
  {
    guard shape.count >= 2 || (row != nil && column != nil) else {
      throw .notTwoByTwo(rows: shape.first ?? 0, columns: 1)
    }
    let row = row ?? variables[0]
    let column = column ?? variables[1]
    let grid = try collapsed(keeping: [row, column]).grid(
      TableLayout(rows: [row], columns: [column]))
    guard grid.counts.count == 2, grid.counts[0].count == 2 else {
      throw .notTwoByTwo(rows: grid.counts.count, columns: grid.counts.first?.count ?? 0)
    }
    let cells = grid.counts.flatMap { $0 }
    for value in cells where value != value.rounded() || value >= 1e15 {
      throw .notACount(what: "A cell of the 2 × 2 table", value: value)
    }
    return try FisherExactTest(
      Int(cells[0]), Int(cells[1]), Int(cells[2]), Int(cells[3]), level: level)
  }
}
