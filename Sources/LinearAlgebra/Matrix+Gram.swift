import CBLAS

extension Matrix {
  /// The weighted Gram matrix `XᵀWX` (W = diag(weights)) through BLAS `dsyrk`, returned with both
  /// triangles filled.
  ///
  /// ```
  /// G = Xᵀ W X = (W^½ X)ᵀ (W^½ X),   weights ≥ 0
  /// ```
  /// Without weights, `XᵀX`. This is the normal-equations matrix of weighted least squares (each
  /// IRLS step of a generalised linear model).
  ///
  /// - Parameter weights: one non-negative weight per row, or `nil` for all ones.
  /// - Throws: `.dimensionMismatch` for a wrong number of weights.
  /// - Complexity: O(n·p²/2) for an n × p matrix.
  public func gram(weights: [Double]? = nil) throws(LinearAlgebraError) -> Matrix {
    let n = rows
    let p = columns
    var scaled = elements
    if let weights {
      guard weights.count == n else {
        throw .dimensionMismatch("\(weights.count) weights for \(n) rows")
      }
      precondition(weights.allSatisfy { $0 >= 0 }, "Gram weights must be non-negative")
      let roots = weights.map { $0.squareRoot() }
      scaled.withUnsafeMutableBufferPointer { s in
        for j in 0..<p {
          let offset = j * n
          for i in 0..<n { s[offset + i] *= roots[i] }
        }
      }
    }
    var g = Matrix(rows: p, columns: p)
    if p == 0 || n == 0 { return g }
    let (n32, p32) = (try LAPACK.int(n), try LAPACK.int(p))
    scaled.withUnsafeBufferPointer { px in
      g.elements.withUnsafeMutableBufferPointer { pg in
        cblas_dsyrk(
          CblasColMajor, CblasUpper, CblasTrans, p32, n32, 1.0, px.baseAddress, n32, 0.0,
          pg.baseAddress, p32)
      }
    }
    g.symmetrizeFromUpper()
    return g
  }

  /// Copies the upper triangle into the lower one.
  mutating func symmetrizeFromUpper() {
    for j in 0..<columns {
      for i in (j + 1)..<rows { self[i, j] = self[j, i] }
    }
  }
}
