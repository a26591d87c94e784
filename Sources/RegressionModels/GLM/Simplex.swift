/// A small dense simplex method for `maximise cᵀx subject to A x ≤ b, x ≥ 0` with `b ≥ 0`
/// (so the origin is feasible and no phase one is needed), in Chvátal's dictionary form with
/// Bland's rule, which cannot cycle on the highly degenerate problems of separation checks.
///
/// Used only for the separation check (Konis 2007), whose problems have few variables (twice the
/// number of coefficients) and many constraints; the dictionary is stored row-major as
/// constraints × variables, and a pivot costs O(constraints × variables).
///
/// Reference: V. Chvátal (1983), *Linear Programming*, ch. 2–3.
struct Simplex {
  /// Constraint rows (each of length `variables`), row-major.
  private var table: [Double]
  private var rhs: [Double]
  private var objective: [Double]
  private var value = 0.0
  /// The variable index of each nonbasic column and of each basic row (originals first, then
  /// slacks).
  private var nonbasic: [Int]
  private var basic: [Int]
  let variables: Int
  let constraints: Int
  static let tolerance = 1e-11

  /// - Parameters:
  ///   - a: the constraint matrix, row-major (`constraints × variables`).
  ///   - b: right-hand sides, all ≥ 0.
  ///   - c: the objective.
  init(a: [Double], b: [Double], c: [Double]) {
    variables = c.count
    constraints = b.count
    precondition(a.count == variables * constraints && b.allSatisfy { $0 >= 0 })
    table = a
    rhs = b
    objective = c
    nonbasic = Array(0..<variables)
    basic = Array(variables..<(variables + constraints))
  }

  /// Runs the simplex method; returns the optimal x and objective value (`nil` if unbounded or
  /// the pivot limit is reached).
  mutating func maximise(pivotLimit: Int = 100_000) -> (x: [Double], value: Double)? {
    let n = variables
    for _ in 0..<pivotLimit {
      // Entering: the eligible nonbasic variable with the smallest index (Bland).
      var entering = -1
      for j in 0..<n where objective[j] > Simplex.tolerance {
        if entering < 0 || nonbasic[j] < nonbasic[entering] { entering = j }
      }
      if entering < 0 { return (solution(), value) }
      // Leaving: minimum ratio, ties by smallest basic index.
      var leaving = -1
      var best = Double.infinity
      for i in 0..<constraints {
        let coefficient = table[i * n + entering]
        guard coefficient > Simplex.tolerance else { continue }
        let ratio = rhs[i] / coefficient
        if ratio < best - 1e-14 || (abs(ratio - best) <= 1e-14 && basic[i] < basic[leaving]) {
          best = ratio
          leaving = i
        }
      }
      if leaving < 0 { return nil }
      pivot(row: leaving, column: entering)
    }
    return nil
  }

  private mutating func pivot(row r: Int, column s: Int) {
    let n = variables
    let p = table[r * n + s]
    // New row r: x_s in terms of the other nonbasics and the leaving variable.
    rhs[r] /= p
    for j in 0..<n where j != s { table[r * n + j] /= p }
    table[r * n + s] = 1 / p
    for i in 0..<constraints where i != r {
      let factor = table[i * n + s]
      if factor == 0 { continue }
      rhs[i] -= factor * rhs[r]
      if rhs[i] < 0 && rhs[i] > -1e-12 { rhs[i] = 0 }
      for j in 0..<n where j != s { table[i * n + j] -= factor * table[r * n + j] }
      table[i * n + s] = -factor / p
    }
    let cs = objective[s]
    value += cs * rhs[r]
    for j in 0..<n where j != s { objective[j] -= cs * table[r * n + j] }
    objective[s] = -cs / p
    swap(&basic[r], &nonbasic[s])
  }

  private func solution() -> [Double] {
    var x = [Double](repeating: 0, count: variables)
    for i in 0..<constraints where basic[i] < variables { x[basic[i]] = rhs[i] }
    return x
  }
}
