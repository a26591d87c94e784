import CLAPACKE
import Foundation

/// A QR factorisation `A P = Q R` of an n × p matrix (n ≥ p) for least squares, with rank
/// detection, through LAPACK `dgeqrf` / `dgeqp3`, `dormqr` and `dtrtrs`.
///
/// Rank deficiency is decided the way R's `lm`/`glm` decide it (LINPACK `dqrdc2`, tolerance 1e-7,
/// "limited pivoting") by default: a column whose part orthogonal to the columns *before* it has
/// norm below `tolerance × its own norm` is aliased and moved to the end; the other columns keep
/// their order. So the column that is reported aliased is the same one R reports. `.full` uses
/// LAPACK's norm-greedy pivoting (`dgeqp3`) instead, with rank where |Rₖₖ| ≤ tolerance · |R₁₁|.
///
/// ```swift
/// let qr = try QRFactorization(x)
/// let beta = try qr.leastSquares(y)        // aliased columns get NaN
/// let unscaled = try qr.unscaledCovariance()  // (RᵀR)⁻¹ for the kept columns
/// ```
public struct QRFactorization: Sendable {
  /// How columns are reordered and rank decided.
  public enum Pivoting: Sendable, Equatable {
    /// R's `dqrdc2`: keep the given column order, move near-dependent columns to the end.
    case limited(tolerance: Double)
    /// LAPACK `dgeqp3`: the column of largest remaining norm first.
    case full(tolerance: Double)
    /// R's default (`glm.control` / `lm.fit`: tol = 1e-7).
    public static let rDefault = Pivoting.limited(tolerance: 1e-7)
  }

  /// Rows of A.
  public let rows: Int
  /// Columns of A.
  public let columns: Int
  /// The numerical rank: the first `rank` columns of `A P` are independent.
  public let rank: Int
  /// The column permutation: position k of `A P` holds column `permutation[k]` of A.
  public let permutation: [Int]
  /// Householder vectors below the diagonal and R on and above it, of `A P` (LAPACK layout).
  let packed: Matrix
  /// Householder scalars.
  let tau: [Double]

  /// Columns of A that are linear combinations of others (0-based, ascending).
  public var aliasedColumns: [Int] { permutation[rank...].sorted() }

  /// Factorises `a`.
  /// - Throws: `.dimensionMismatch` when `a` has fewer rows than columns, `.dimensionTooLarge`.
  public init(_ a: Matrix, pivoting: Pivoting = .rDefault) throws(LinearAlgebraError) {
    guard a.rows >= a.columns else {
      throw .dimensionMismatch("QR least squares needs rows ≥ columns, got \(a.rows)×\(a.columns)")
    }
    rows = a.rows
    columns = a.columns
    switch pivoting {
    case .full(let tolerance):
      (packed, tau, permutation) = try QRFactorization.geqp3(a)
      rank = QRFactorization.rankFromDiagonal(packed, tolerance: tolerance)
    case .limited(let tolerance):
      let norms = (0..<a.columns).map { j in
        a.elements[(j * a.rows)..<((j + 1) * a.rows)].reduce(0) { $0 + $1 * $1 }.squareRoot()
      }
      var kept: [Int] = []
      var aliased: [Int] = []
      var (current, currentTau) = try QRFactorization.geqrf(a)
      var next = 0
      // Walk the columns in order; where one is (near) dependent on those kept before it, move it
      // to the end and refactorise the remaining order. Full-rank designs take one dgeqrf.
      while next < a.columns {
        let position = kept.count
        let diagonal = abs(current[position, position])
        let column = (kept + Array(next..<a.columns) + aliased)[position]
        if norms[column] == 0 || diagonal < tolerance * norms[column] {
          aliased.append(column)
          next += 1
          let order = kept + Array(next..<a.columns) + aliased
          (current, currentTau) = try QRFactorization.geqrf(a.selectingColumns(order))
        } else {
          kept.append(column)
          next += 1
        }
      }
      packed = current
      tau = currentTau
      permutation = kept + aliased
      rank = kept.count
    }
  }

  /// The upper-triangular factor R (columns × columns) of `A P`.
  public var r: Matrix {
    var m = Matrix(rows: columns, columns: columns)
    for j in 0..<columns {
      for i in 0...j { m[i, j] = packed[i, j] }
    }
    return m
  }

  /// Qᵀ b (length `rows`), through `dormqr`.
  public func qTransposeTimes(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    guard b.count == rows else {
      throw .dimensionMismatch("vector of length \(b.count) for \(rows) rows")
    }
    var c = b
    if columns == 0 { return c }
    let (m, n, k) = (try LAPACK.int(rows), Int32(1), try LAPACK.int(columns))
    try packed.elements.withUnsafeBufferPointer { (pa) throws(LinearAlgebraError) in
      try tau.withUnsafeBufferPointer { (pt) throws(LinearAlgebraError) in
        try c.withUnsafeMutableBufferPointer { (pc) throws(LinearAlgebraError) in
          var query = 0.0
          _ = LAPACK.check(
            LAPACKE_dormqr_work(
              LAPACK.columnMajor, LAPACK.char("L"), LAPACK.char("T"), m, n, k, pa.baseAddress, m,
              pt.baseAddress, pc.baseAddress, m, &query, -1), "dormqr")
          var work = [Double](repeating: 0, count: LAPACK.workspaceSize(query))
          let lwork = try LAPACK.int(work.count)
          _ = LAPACK.check(
            LAPACKE_dormqr_work(
              LAPACK.columnMajor, LAPACK.char("L"), LAPACK.char("T"), m, n, k, pa.baseAddress, m,
              pt.baseAddress, pc.baseAddress, m, &work, lwork), "dormqr")
        }
      }
    }
    return c
  }

  /// The least-squares solution of `A x ≈ b`; aliased columns get `nan`.
  public func leastSquares(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    let qtb = try qTransposeTimes(b)
    var head = Array(qtb.prefix(rank))
    try solveUpperTriangular(&head)
    var x = [Double](repeating: .nan, count: columns)
    for k in 0..<rank { x[permutation[k]] = head[k] }
    return x
  }

  /// Solves `R₁₁ z = v` in place for the leading rank × rank block of R (`dtrtrs`).
  func solveUpperTriangular(_ v: inout [Double]) throws(LinearAlgebraError) {
    if rank == 0 { return }
    let (n, lda) = (try LAPACK.int(rank), try LAPACK.int(rows))
    let info = packed.elements.withUnsafeBufferPointer { pa in
      v.withUnsafeMutableBufferPointer { pv in
        LAPACKE_dtrtrs_work(
          LAPACK.columnMajor, LAPACK.char("U"), LAPACK.char("N"), LAPACK.char("N"), n, 1,
          pa.baseAddress, lda, pv.baseAddress, n)
      }
    }
    let zero = LAPACK.check(info, "dtrtrs")
    if zero > 0 { throw .singular(column: permutation[zero - 1]) }
  }

  /// `(R₁₁ᵀ R₁₁)⁻¹` for the kept columns, scattered into a `columns × columns` matrix in A's column
  /// order; rows and columns of aliased columns are `nan`. Multiplied by the dispersion this is the
  /// covariance of least-squares (or IRLS) coefficients.
  public func unscaledCovariance() throws(LinearAlgebraError) -> Matrix {
    var result = Matrix(rows: columns, columns: columns, repeating: .nan)
    if rank == 0 { return result }
    var upper = Matrix(rows: rank, columns: rank)
    for j in 0..<rank {
      for i in 0...j { upper[i, j] = packed[i, j] }
    }
    let n = try LAPACK.int(rank)
    let info = upper.elements.withUnsafeMutableBufferPointer { p in
      LAPACKE_dpotri_work(LAPACK.columnMajor, LAPACK.char("U"), n, p.baseAddress, n)
    }
    let zero = LAPACK.check(info, "dpotri")
    if zero > 0 { throw .singular(column: permutation[zero - 1]) }
    for j in 0..<rank {
      for i in 0..<rank {
        let value = i <= j ? upper[i, j] : upper[j, i]
        result[permutation[i], permutation[j]] = value
      }
    }
    return result
  }

  // MARK: LAPACK drivers

  static func geqrf(_ a: Matrix) throws(LinearAlgebraError) -> (Matrix, [Double]) {
    var packed = a
    var tau = [Double](repeating: 0, count: Swift.min(a.rows, a.columns))
    if a.columns == 0 { return (packed, tau) }
    let (m, n) = (try LAPACK.int(a.rows), try LAPACK.int(a.columns))
    try packed.elements.withUnsafeMutableBufferPointer { (pa) throws(LinearAlgebraError) in
      try tau.withUnsafeMutableBufferPointer { (pt) throws(LinearAlgebraError) in
        var query = 0.0
        _ = LAPACK.check(
          LAPACKE_dgeqrf_work(
            LAPACK.columnMajor, m, n, pa.baseAddress, m, pt.baseAddress, &query, -1), "dgeqrf")
        var work = [Double](repeating: 0, count: LAPACK.workspaceSize(query))
        let lwork = try LAPACK.int(work.count)
        _ = LAPACK.check(
          LAPACKE_dgeqrf_work(
            LAPACK.columnMajor, m, n, pa.baseAddress, m, pt.baseAddress, &work, lwork), "dgeqrf")
      }
    }
    return (packed, tau)
  }

  static func geqp3(_ a: Matrix) throws(LinearAlgebraError) -> (Matrix, [Double], [Int]) {
    var packed = a
    var tau = [Double](repeating: 0, count: Swift.min(a.rows, a.columns))
    var pivots = [Int32](repeating: 0, count: a.columns)
    if a.columns == 0 { return (packed, tau, []) }
    let (m, n) = (try LAPACK.int(a.rows), try LAPACK.int(a.columns))
    try packed.elements.withUnsafeMutableBufferPointer { (pa) throws(LinearAlgebraError) in
      try tau.withUnsafeMutableBufferPointer { (pt) throws(LinearAlgebraError) in
        try pivots.withUnsafeMutableBufferPointer { (pj) throws(LinearAlgebraError) in
          var query = 0.0
          _ = LAPACK.check(
            LAPACKE_dgeqp3_work(
              LAPACK.columnMajor, m, n, pa.baseAddress, m, pj.baseAddress, pt.baseAddress, &query,
              -1), "dgeqp3")
          var work = [Double](repeating: 0, count: LAPACK.workspaceSize(query))
          let lwork = try LAPACK.int(work.count)
          _ = LAPACK.check(
            LAPACKE_dgeqp3_work(
              LAPACK.columnMajor, m, n, pa.baseAddress, m, pj.baseAddress, pt.baseAddress, &work,
              lwork), "dgeqp3")
        }
      }
    }
    return (packed, tau, pivots.map { Int($0) - 1 })
  }

  static func rankFromDiagonal(_ packed: Matrix, tolerance: Double) -> Int {
    let p = packed.columns
    guard p > 0 else { return 0 }
    let first = abs(packed[0, 0])
    if first == 0 { return 0 }
    var rank = 0
    while rank < p && abs(packed[rank, rank]) > tolerance * first { rank += 1 }
    return rank
  }
}
