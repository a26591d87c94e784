import Dispatch
import Foundation
import LinearAlgebra

/// The row buffers of one pass (η and μ written, y and m read), shared by the threads of a pass;
/// each thread touches only its own range of rows.
struct RowBuffers: @unchecked Sendable {
  let eta: UnsafeMutableBufferPointer<Double>
  let mu: UnsafeMutableBufferPointer<Double>
  let y: UnsafeBufferPointer<Double>
  let m: UnsafeBufferPointer<Double>
}

/// The sums of one range of rows.
struct Chunk: Sendable {
  var deviance = 0.0
  var gram: Matrix
  var rhs: [Double]
  /// The cells' sums (see ``CellDesign``), when the pass runs on cells.
  var cellSums: [Double]? = nil
  var error: LinearAlgebraError?
}

/// One slot per thread for the chunks of a pass.
final class SharedResults: @unchecked Sendable {
  private(set) var values: [Chunk?]
  private let lock = NSLock()
  init(count: Int) { values = [Chunk?](repeating: nil, count: count) }
  func set(_ index: Int, _ chunk: Chunk) {
    lock.lock()
    values[index] = chunk
    lock.unlock()
  }
}

/// What every thread of a pass needs to process its rows.
struct PassContext: Sendable {
  let x: Matrix
  let active: [Int]
  let beta: [Double]?
  let equations: Bool
  let family: Family
  let link: Link
  /// The negative binomial's θ (`.infinity` otherwise).
  let theta: Double
  /// Accumulate XᵀWX with `BlockGram` (threaded passes) instead of BLAS `dsyrk`.
  let simdGram: Bool
  /// The design as cells: the pass then reads cell indices and numerics instead of X.
  let cells: CellDesign?
  /// Each column's index among the active ones, or −1.
  let position: [Int]
  /// A_K(M) of the cells at `beta` (see ``CellDesign``).
  let cellBeta: [Double]?

  /// η, μ, deviance and (optionally) the normal equations of rows `range`, in blocks of
  /// `LinearPredictor.blockRows`.
  func run(_ range: Range<Int>, _ rows: RowBuffers, _ offset: [Double]?) -> Chunk {
    if let cells { return runCells(cells, range, rows, offset) }
    let n = x.rows
    let pa = active.count
    var chunk = Chunk(gram: Matrix(rows: pa, columns: pa), rhs: [Double](repeating: 0, count: pa))
    var block = Matrix(rows: min(LinearPredictor.blockRows, range.count), columns: pa)
    var t = [Double](repeating: 0, count: block.rows)
    var roots = [Double](repeating: 0, count: block.rows)
    let logit = family == .binomial && link == .logit
    var r0 = range.lowerBound
    while r0 < range.upperBound {
      let b = min(LinearPredictor.blockRows, range.upperBound - r0)
      if b != block.rows {
        block = Matrix(rows: b, columns: pa)
        t = [Double](repeating: 0, count: b)
        roots = [Double](repeating: 0, count: b)
      }
      x.elements.withUnsafeBufferPointer { xe in
        block.elements.withUnsafeMutableBufferPointer { be in
          for (k, j) in active.enumerated() {
            (be.baseAddress! + k * b).update(from: xe.baseAddress! + j * n + r0, count: b)
          }
          let eta = rows.eta.baseAddress! + r0
          let mu = rows.mu.baseAddress! + r0
          let y = rows.y.baseAddress! + r0
          let m = rows.m.baseAddress! + r0
          if let beta {
            if let offset {
              for i in 0..<b { eta[i] = offset[r0 + i] }
            } else {
              for i in 0..<b { eta[i] = 0 }
            }
            for k in 0..<pa where beta[k] != 0 {
              let coefficient = beta[k]
              let column = be.baseAddress! + k * b
              for i in 0..<b { eta[i] += column[i] * coefficient }
            }
          }
          t.withUnsafeMutableBufferPointer { t in
            roots.withUnsafeMutableBufferPointer { roots in
              if logit {
                chunk.deviance += logitRows(
                  b, eta, mu, y, m, t.baseAddress!, roots.baseAddress!, offset, r0,
                  updateMean: beta != nil)
              } else {
                chunk.deviance += generalRows(
                  b, eta, mu, y, m, t.baseAddress!, roots.baseAddress!, offset, r0,
                  updateMean: beta != nil)
              }
              if equations {
                // √w X and √w z for the Gram product.
                for i in 0..<b {
                  let root = roots[i].squareRoot()
                  roots[i] = root
                  t[i] *= root
                }
                scaleColumns(be.baseAddress!, b, pa, roots.baseAddress!)
              }
            }
          }
        }
      }
      if equations && simdGram {
        block.elements.withUnsafeBufferPointer { be in
          t.withUnsafeBufferPointer { tp in
            chunk.gram.elements.withUnsafeMutableBufferPointer { g in
              BlockGram.accumulate(be.baseAddress!, rows: b, columns: pa, into: g.baseAddress!)
            }
            chunk.rhs.withUnsafeMutableBufferPointer { r in
              BlockGram.accumulate(
                be.baseAddress!, rows: b, columns: pa, times: tp.baseAddress!, into: r.baseAddress!)
            }
          }
        }
      } else if equations {
        do {
          let g = try block.gram()
          let v = try block.multiplied(by: t, transposed: true)
          for e in 0..<(pa * pa) { chunk.gram.elements[e] += g.elements[e] }
          for k in 0..<pa { chunk.rhs[k] += v[k] }
        } catch {
          chunk.error = error
        }
      }
      r0 += b
    }
    return chunk
  }

  /// The binomial–logit rows with one `exp`, one `log` per 16 rows and two divisions each
  /// (R's clamps for |η| > 30 kept): with q = 1/(1 + e^η), μ = e^η q, dμ/dη = μ q = μ(1 − μ),
  /// so w = m (dμ/dη)²/(μ(1 − μ)) = m dμ/dη. Writes the working weight w to `weights` and the
  /// working response z (offset removed) to `z`.
  @inline(__always)
  func logitRows(
    _ b: Int, _ eta: UnsafeMutablePointer<Double>, _ mu: UnsafeMutablePointer<Double>,
    _ y: UnsafePointer<Double>, _ m: UnsafePointer<Double>,
    _ z: UnsafeMutablePointer<Double>, _ weights: UnsafeMutablePointer<Double>,
    _ offset: [Double]?, _ r0: Int, updateMean: Bool
  ) -> Double {
    var deviance = 0.0
    // For unit-weight 0/1 rows, −2 log of a product of up to 16 probabilities (each ≥ ε/2, so
    // the product stays above 1e-260): one logarithm per 16 rows.
    var product = 1.0
    var factors = 0
    for i in 0..<b {
      let e = eta[i]
      let clamped = e > 30 || e < -30
      let expEta = e < -30 ? Link.epsilon : (e > 30 ? 1 / Link.epsilon : Foundation.exp(e))
      let q = 1 / (1 + expEta)
      let u: Double
      if updateMean {
        u = expEta * q
        mu[i] = u
      } else {
        u = mu[i]
      }
      let yi = y[i]
      let mi = m[i]
      if mi == 1 && (yi == 1 || yi == 0) {
        product *= yi == 1 ? u : (updateMean ? q : 1 - u)
        factors += 1
        if factors == 16 {
          deviance -= 2 * Foundation.log(product)
          product = 1
          factors = 0
        }
      } else if yi == 1 {
        deviance -= 2 * mi * Foundation.log(u)
      } else if yi == 0 {
        deviance -= 2 * mi * Double.log(onePlus: -u)
      } else {
        deviance += Family.binomial.unitDeviance(y: yi, mu: u, weight: mi, theta: .infinity)
      }
      guard equations else { continue }
      let d = clamped ? Link.epsilon : expEta * q * q
      let shift = offset?[r0 + i] ?? 0
      if clamped || !updateMean {
        weights[i] = mi * d * d / (u * (1 - u))
        z[i] = e - shift + (yi - u) / d
      } else {
        weights[i] = mi * d
        // (y − μ)/(dμ/dη) with μ = e^η q and dμ/dη = μ q: −1/q = −(1 + e^η) for y = 0 and
        // (1 − μ)/(μ q) = 1 + e^−η for y = 1, without the division.
        z[i] =
          e - shift
          + (yi == 0 ? -(1 + expEta) : yi == 1 ? 1 + 1 / expEta : (yi - u) / d)
      }
    }
    if factors > 0 { deviance -= 2 * Foundation.log(product) }
    return deviance
  }

  /// Multiplies row i of every column of the block by roots[i], column by column (contiguous).
  @inline(__always)
  private func scaleColumns(
    _ block: UnsafeMutablePointer<Double>, _ b: Int, _ pa: Int,
    _ roots: UnsafeMutablePointer<Double>
  ) {
    for k in 0..<pa {
      let column = block + k * b
      for i in 0..<b { column[i] *= roots[i] }
    }
  }

  @inline(__always)
  func generalRows(
    _ b: Int, _ eta: UnsafeMutablePointer<Double>, _ mu: UnsafeMutablePointer<Double>,
    _ y: UnsafePointer<Double>, _ m: UnsafePointer<Double>,
    _ z: UnsafeMutablePointer<Double>, _ weights: UnsafeMutablePointer<Double>,
    _ offset: [Double]?, _ r0: Int, updateMean: Bool
  ) -> Double {
    var deviance = 0.0
    for i in 0..<b {
      if updateMean { mu[i] = link.inverse(eta[i]) }
      deviance += family.unitDeviance(y: y[i], mu: mu[i], weight: m[i], theta: theta)
      guard equations else { continue }
      let d = link.derivative(eta[i])
      weights[i] = m[i] * d * d / family.variance(mu[i], theta: theta)
      z[i] = eta[i] - (offset?[r0 + i] ?? 0) + (y[i] - mu[i]) / d
    }
    return deviance
  }
}
