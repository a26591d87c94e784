import CLAPACKE
import Foundation

/// The Cholesky factorisation `A = L Lᵀ` of a symmetric positive-definite matrix (LAPACK
/// `dpotrf`), with solves (`dpotrs`) and the inverse (`dpotri`).
///
/// ```swift
/// let chol = try CholeskyFactorization(xtwx)
/// let beta = try chol.solve(xtwz)
/// let covariance = try chol.inverse()
/// ```
public struct CholeskyFactorization: Sendable {
  /// The order of A.
  public let order: Int
  /// The factor L in the lower triangle (the upper triangle holds A's original values' leftovers
  /// and is not meaningful).
  public let factor: Matrix

  /// Factorises a symmetric positive-definite matrix (only its lower triangle is read).
  /// - Throws: `.notPositiveDefinite(order:)` when a leading minor is not positive definite,
  ///   `.dimensionMismatch` for a non-square matrix.
  public init(_ a: Matrix) throws(LinearAlgebraError) {
    guard a.rows == a.columns else {
      throw .dimensionMismatch("Cholesky of a non-square \(a.rows)×\(a.columns) matrix")
    }
    order = a.rows
    var l = a
    if order > 0 {
      let n = try LAPACK.int(order)
      let info = l.elements.withUnsafeMutableBufferPointer { p in
        LAPACKE_dpotrf_work(LAPACK.columnMajor, LAPACK.char("L"), n, p.baseAddress, n)
      }
      let positive = LAPACK.check(info, "dpotrf")
      if positive > 0 { throw .notPositiveDefinite(order: positive) }
    }
    factor = l
  }

  /// Solves `A x = b`.
  public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
  }

  /// Solves `A X = B` for several right-hand sides.
  public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
    guard b.rows == order else {
      throw .dimensionMismatch("right-hand side with \(b.rows) rows for order \(order)")
    }
    var x = b
    if order == 0 || b.columns == 0 { return x }
    let (n, nrhs) = (try LAPACK.int(order), try LAPACK.int(b.columns))
    let info = factor.elements.withUnsafeBufferPointer { pl in
      x.elements.withUnsafeMutableBufferPointer { px in
        LAPACKE_dpotrs_work(
          LAPACK.columnMajor, LAPACK.char("L"), n, nrhs, pl.baseAddress, n, px.baseAddress, n)
      }
    }
    _ = LAPACK.check(info, "dpotrs")
    return x
  }

  /// The inverse `A⁻¹` (both triangles filled), through `dpotri`.
  public func inverse() throws(LinearAlgebraError) -> Matrix {
    var inv = factor
    if order == 0 { return inv }
    let n = try LAPACK.int(order)
    let info = inv.elements.withUnsafeMutableBufferPointer { p in
      LAPACKE_dpotri_work(LAPACK.columnMajor, LAPACK.char("L"), n, p.baseAddress, n)
    }
    let positive = LAPACK.check(info, "dpotri")
    if positive > 0 { throw .singular(column: positive - 1) }
    for j in 0..<order {
      for i in 0..<j { inv[i, j] = inv[j, i] }
    }
    return inv
  }

  /// `log det A = 2 Σ log Lᵢᵢ`.
  public var logDeterminant: Double {
    (0..<order).reduce(0) { $0 + 2 * log(factor[$1, $1]) }
  }
}
