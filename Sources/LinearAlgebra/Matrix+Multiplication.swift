import CBLAS

extension Matrix {
  /// The product `op(A) · op(B)` through BLAS `dgemm`, where `op` optionally transposes.
  ///
  /// ```
  /// C = op(A) op(B),   op(X) = X or Xᵀ
  /// ```
  /// - Throws: `.dimensionMismatch` when the inner dimensions differ, `.dimensionTooLarge`.
  /// - Complexity: O(m·n·k).
  public static func product(
    _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false
  ) throws(LinearAlgebraError) -> Matrix {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let kb = transposeB ? b.columns : b.rows
    let n = transposeB ? b.rows : b.columns
    guard k == kb else {
      throw .dimensionMismatch("inner dimensions \(k) and \(kb) of a product")
    }
    var c = Matrix(rows: m, columns: n)
    if m == 0 || n == 0 { return c }
    if k == 0 { return c }
    let (m32, n32, k32) = (try LAPACK.int(m), try LAPACK.int(n), try LAPACK.int(k))
    let lda = try LAPACK.int(Swift.max(1, a.rows))
    let ldb = try LAPACK.int(Swift.max(1, b.rows))
    a.elements.withUnsafeBufferPointer { pa in
      b.elements.withUnsafeBufferPointer { pb in
        c.elements.withUnsafeMutableBufferPointer { pc in
          cblas_dgemm(
            CblasColMajor, transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans, m32, n32, k32, 1.0,
            pa.baseAddress, lda, pb.baseAddress, ldb, 0.0, pc.baseAddress, m32)
        }
      }
    }
    return c
  }

  /// `self · other`.
  public func multiplied(by other: Matrix) throws(LinearAlgebraError) -> Matrix {
    try Matrix.product(self, other)
  }

  /// The matrix–vector product `op(A) · x` through BLAS `dgemv`.
  ///
  /// ```
  /// y = A x   or   y = Aᵀ x
  /// ```
  /// - Throws: `.dimensionMismatch` when `x` has the wrong length.
  public func multiplied(by x: [Double], transposed: Bool = false) throws(LinearAlgebraError)
    -> [Double]
  {
    let inner = transposed ? rows : columns
    let outer = transposed ? columns : rows
    guard x.count == inner else {
      throw .dimensionMismatch("vector of length \(x.count) for \(inner) columns")
    }
    var y = [Double](repeating: 0, count: outer)
    if outer == 0 || inner == 0 { return y }
    let (m32, n32) = (try LAPACK.int(rows), try LAPACK.int(columns))
    elements.withUnsafeBufferPointer { pa in
      x.withUnsafeBufferPointer { px in
        y.withUnsafeMutableBufferPointer { py in
          cblas_dgemv(
            CblasColMajor, transposed ? CblasTrans : CblasNoTrans, m32, n32, 1.0,
            pa.baseAddress, Swift.max(1, m32), px.baseAddress, 1, 0.0, py.baseAddress, 1)
        }
      }
    }
    return y
  }
}
