/// The Gram matrix `BᵀB` of a small column-major block, with SIMD dot products, for the threaded
/// IRLS pass.
///
/// Why not BLAS here: OpenBLAS's `dsyrk` starts its own worker threads for every call; called
/// from the two threads of a pass on 4096-row blocks, the workers oversubscribe the cores and spin
/// in `sched_yield` (a third of the run time in profiles on a 2-core machine). Single-threaded
/// passes and small designs use `Matrix.gram()` (dsyrk).
enum BlockGram {
  /// Adds BᵀB (upper triangle and mirrored lower) of the `rows × columns` block at `block` into
  /// `gram` (columns × columns, column-major).
  static func accumulate(
    _ block: UnsafePointer<Double>, rows: Int, columns: Int, into gram: UnsafeMutablePointer<Double>
  ) {
    let vectorRows = rows & ~7
    for j in 0..<columns {
      let a = block + j * rows
      for k in j..<columns {
        let b = block + k * rows
        var s0 = SIMD4<Double>()
        var s1 = SIMD4<Double>()
        var i = 0
        while i < vectorRows {
          let a0 = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD4<Double>.self)
          let b0 = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD4<Double>.self)
          let a1 = UnsafeRawPointer(a + i + 4).loadUnaligned(as: SIMD4<Double>.self)
          let b1 = UnsafeRawPointer(b + i + 4).loadUnaligned(as: SIMD4<Double>.self)
          s0 += a0 * b0
          s1 += a1 * b1
          i += 8
        }
        var total = (s0 + s1).sum()
        while i < rows {
          total += a[i] * b[i]
          i += 1
        }
        gram[j + k * columns] += total
        if k != j { gram[k + j * columns] += total }
      }
    }
  }

  /// Adds Bᵀt into `rhs`.
  static func accumulate(
    _ block: UnsafePointer<Double>, rows: Int, columns: Int, times t: UnsafePointer<Double>,
    into rhs: UnsafeMutablePointer<Double>
  ) {
    for j in 0..<columns {
      let a = block + j * rows
      var s = SIMD4<Double>()
      var i = 0
      while i + 4 <= rows {
        // Multiply and add separately: `addingProduct` becomes a libm `fma` call per lane
        // on the x86-64 baseline without FMA instructions.
        s +=
          UnsafeRawPointer(a + i).loadUnaligned(as: SIMD4<Double>.self)
          * UnsafeRawPointer(t + i).loadUnaligned(as: SIMD4<Double>.self)
        i += 4
      }
      var total = s.sum()
      while i < rows {
        total += a[i] * t[i]
        i += 1
      }
      rhs[j] += total
    }
  }
}
