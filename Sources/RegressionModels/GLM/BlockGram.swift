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
  ///
  /// Register-blocked: two columns of B against four at a time, so that each value loaded
  /// serves several products (one load for every 1⅓ multiply-adds instead of two; 14 of the
  /// 16 SSE registers of the x86-64 baseline). Edges that do not fill a tile go pair by pair.
  static func accumulate(
    _ block: UnsafePointer<Double>, rows: Int, columns: Int, into gram: UnsafeMutablePointer<Double>
  ) {
    var j = 0
    while j < columns {
      var k = j
      while k < columns {
        if j + 2 <= columns && k + 4 <= columns {
          tile(block, rows: rows, j: j, k: k, columns: columns, into: gram)
        } else {
          for jj in j..<min(j + 2, columns) {
            for kk in max(k, jj)..<min(k + 4, columns) {
              add(dot(block + jj * rows, block + kk * rows, rows), jj, kk, columns, gram)
            }
          }
        }
        k += 4
      }
      j += 2
    }
  }

  /// Adds a product to element (j, k) of the Gram matrix and, off the diagonal, to (k, j).
  @inline(__always)
  private static func add(
    _ value: Double, _ j: Int, _ k: Int, _ columns: Int, _ gram: UnsafeMutablePointer<Double>
  ) {
    gram[j + k * columns] += value
    if k != j { gram[k + j * columns] += value }
  }

  /// The dot products of columns j, j+1 with k…k+3 (those with k' ≥ j' are added).
  @inline(__always)
  private static func tile(
    _ block: UnsafePointer<Double>, rows: Int, j: Int, k: Int, columns: Int,
    into gram: UnsafeMutablePointer<Double>
  ) {
    let a0 = UnsafeRawPointer(block + j * rows)
    let a1 = UnsafeRawPointer(block + (j + 1) * rows)
    let b0 = UnsafeRawPointer(block + k * rows)
    let b1 = UnsafeRawPointer(block + (k + 1) * rows)
    let b2 = UnsafeRawPointer(block + (k + 2) * rows)
    let b3 = UnsafeRawPointer(block + (k + 3) * rows)
    var s00 = SIMD2<Double>()
    var s01 = SIMD2<Double>()
    var s02 = SIMD2<Double>()
    var s03 = SIMD2<Double>()
    var s10 = SIMD2<Double>()
    var s11 = SIMD2<Double>()
    var s12 = SIMD2<Double>()
    var s13 = SIMD2<Double>()
    let vectorRows = rows & ~1
    var offset = 0
    let end = vectorRows * MemoryLayout<Double>.stride
    while offset < end {
      let x0 = a0.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
      let x1 = a1.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
      let y0 = b0.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
      let y1 = b1.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
      let y2 = b2.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
      let y3 = b3.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
      s00 += x0 * y0
      s01 += x0 * y1
      s02 += x0 * y2
      s03 += x0 * y3
      s10 += x1 * y0
      s11 += x1 * y1
      s12 += x1 * y2
      s13 += x1 * y3
      offset += 2 * MemoryLayout<Double>.stride
    }
    var sums = SIMD8<Double>(
      s00.sum(), s01.sum(), s02.sum(), s03.sum(), s10.sum(), s11.sum(), s12.sum(), s13.sum())
    if vectorRows < rows {
      let i = vectorRows
      let (p0, p1) = (block + j * rows, block + (j + 1) * rows)
      for c in 0..<4 {
        let q = block + (k + c) * rows
        sums[c] += p0[i] * q[i]
        sums[4 + c] += p1[i] * q[i]
      }
    }
    for c in 0..<4 {
      if k + c >= j { add(sums[c], j, k + c, columns, gram) }
      if k + c >= j + 1 { add(sums[4 + c], j + 1, k + c, columns, gram) }
    }
  }

  /// One dot product of two columns of `rows` values.
  @inline(__always)
  private static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ rows: Int)
    -> Double
  {
    var s0 = SIMD2<Double>()
    var s1 = SIMD2<Double>()
    var i = 0
    while i + 4 <= rows {
      s0 +=
        UnsafeRawPointer(a + i).loadUnaligned(as: SIMD2<Double>.self)
        * UnsafeRawPointer(b + i).loadUnaligned(as: SIMD2<Double>.self)
      s1 +=
        UnsafeRawPointer(a + i + 2).loadUnaligned(as: SIMD2<Double>.self)
        * UnsafeRawPointer(b + i + 2).loadUnaligned(as: SIMD2<Double>.self)
      i += 4
    }
    var total = (s0 + s1).sum()
    while i < rows {
      total += a[i] * b[i]
      i += 1
    }
    return total
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
