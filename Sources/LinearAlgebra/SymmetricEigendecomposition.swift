import CLAPACKE

/// The eigendecomposition `A = V Λ Vᵀ` of a real symmetric matrix (LAPACK `dsyevr`, the MRRR
/// algorithm), eigenvalues in ascending order.
///
/// Used to check and regularise Hessians and covariance matrices (smallest eigenvalue, condition
/// number).
public struct SymmetricEigendecomposition: Sendable {
  /// Eigenvalues, ascending.
  public let values: [Double]
  /// Orthonormal eigenvectors as columns, in the order of `values`.
  public let vectors: Matrix

  /// Decomposes the symmetric matrix `a` (only its lower triangle is read).
  /// - Throws: `.dimensionMismatch` for a non-square matrix, `.didNotConverge` from LAPACK.
  public init(_ a: Matrix) throws(LinearAlgebraError) {
    guard a.rows == a.columns else {
      throw .dimensionMismatch("eigendecomposition of a non-square \(a.rows)×\(a.columns) matrix")
    }
    let order = a.rows
    guard order > 0 else {
      values = []
      vectors = Matrix(rows: 0, columns: 0)
      return
    }
    var work = a
    var w = [Double](repeating: 0, count: order)
    var z = Matrix(rows: order, columns: order)
    var support = [Int32](repeating: 0, count: 2 * order)
    var found: Int32 = 0
    let n = try LAPACK.int(order)
    var info: Int32 = 0
    try work.elements.withUnsafeMutableBufferPointer { (pa) throws(LinearAlgebraError) in
      try z.elements.withUnsafeMutableBufferPointer { (pz) throws(LinearAlgebraError) in
        var queryWork = 0.0
        var queryIWork: Int32 = 0
        _ = LAPACK.check(
          LAPACKE_dsyevr_work(
            LAPACK.columnMajor, LAPACK.char("V"), LAPACK.char("A"), LAPACK.char("L"), n,
            pa.baseAddress, n, 0, 0, 0, 0, 0, &found, &w, pz.baseAddress, n, &support, &queryWork,
            -1, &queryIWork, -1), "dsyevr")
        var dwork = [Double](repeating: 0, count: LAPACK.workspaceSize(queryWork))
        var iwork = [Int32](repeating: 0, count: Swift.max(1, Int(queryIWork)))
        let (lwork, liwork) = (try LAPACK.int(dwork.count), try LAPACK.int(iwork.count))
        info = LAPACKE_dsyevr_work(
          LAPACK.columnMajor, LAPACK.char("V"), LAPACK.char("A"), LAPACK.char("L"), n,
          pa.baseAddress, n, 0, 0, 0, 0, 0, &found, &w, pz.baseAddress, n, &support, &dwork,
          lwork, &iwork, liwork)
      }
    }
    let failed = LAPACK.check(info, "dsyevr")
    if failed > 0 { throw .didNotConverge(info: failed) }
    values = w
    vectors = z
  }

  /// The ratio of the largest to the smallest eigenvalue in absolute value (∞ when singular).
  public var conditionNumber: Double {
    let magnitudes = values.map { abs($0) }
    guard let largest = magnitudes.max(), let smallest = magnitudes.min() else { return 1 }
    return smallest == 0 ? .infinity : largest / smallest
  }
}
