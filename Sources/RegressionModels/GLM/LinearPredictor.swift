import Dispatch
import Foundation
import LinearAlgebra

/// The normal equations of one weighted least-squares step over the active columns:
/// `XᵀWX` and `XᵀWz`.
struct NormalEquations: Sendable {
  var gram: Matrix
  var rhs: [Double]
}

/// The linear-predictor side of an IRLS fit (GLM.jl's `DensePredChol`/`DensePredQR`): the model
/// matrix, the columns in the fit, and the coefficients.
///
/// The model matrix is read in blocks of rows: each block is copied once into a small working
/// matrix, where η, μ and the deviance are computed and, for the next step, the block is scaled
/// by √w and added into XᵀWX (BLAS `dsyrk`) and XᵀWz (`dgemv`). One pass over X per iteration,
/// and no n × p temporary.
struct LinearPredictor: Sendable {
  /// The model matrix (n × p).
  let x: Matrix
  /// The columns that are not aliased, ascending.
  var active: [Int]
  /// Rows per working block: 4096 × p doubles stay in the L2 cache for p up to ~30.
  static let blockRows = 4096

  init(x: Matrix) {
    self.x = x
    active = Array(0..<x.columns)
  }

  /// One pass over the rows. With `beta`, sets η = Xβ + offset and μ = g⁻¹(η) first; otherwise
  /// keeps the response's η and μ. Returns the deviance at μ and, when `equations` is set, the
  /// normal equations of the next IRLS step at μ. Large designs are split between two threads,
  /// each with its own working block and sums.
  func pass(
    _ response: inout GLMResponse, beta: [Double]?, equations: Bool
  ) throws(ModelError) -> (deviance: Double, equations: NormalEquations?) {
    let n = x.rows
    let pa = active.count
    let activeBeta = beta.map { b in active.map { b[$0] } }
    let chunks = n >= Self.parallelRows ? 2 : 1
    var results = [Chunk?](repeating: nil, count: chunks)
    let context = PassContext(
      x: x, active: active, beta: activeBeta, equations: equations, family: response.family,
      link: response.link, theta: response.theta, simdGram: chunks > 1)
    response.eta.withUnsafeMutableBufferPointer { eta in
      response.mu.withUnsafeMutableBufferPointer { mu in
        response.y.withUnsafeBufferPointer { y in
          response.m.withUnsafeBufferPointer { m in
            let offset = response.offset
            let buffers = RowBuffers(eta: eta, mu: mu, y: y, m: m)
            if chunks == 1 {
              results[0] = context.run(0..<n, buffers, offset)
            } else {
              let shared = SharedResults(count: chunks)
              DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = n * c / chunks
                let hi = n * (c + 1) / chunks
                shared.set(c, context.run(lo..<hi, buffers, offset))
              }
              results = shared.values
            }
          }
        }
      }
    }
    var deviance = 0.0
    var gram = Matrix(rows: pa, columns: pa)
    var rhs = [Double](repeating: 0, count: pa)
    for case let chunk? in results {
      if let error = chunk.error { throw .linearAlgebra(error) }
      deviance += chunk.deviance
      for e in 0..<(pa * pa) { gram.elements[e] += chunk.gram.elements[e] }
      for k in 0..<pa { rhs[k] += chunk.rhs[k] }
    }
    return (deviance, equations ? NormalEquations(gram: gram, rhs: rhs) : nil)
  }

  /// Designs with at least this many rows are processed by two threads.
  static let parallelRows = 100_000

  /// √W X (all columns) and √W z at the response's current μ, for the QR path.
  func weightedSystem(_ response: GLMResponse) -> (matrix: Matrix, rhs: [Double]) {
    let n = x.rows
    var roots = [Double](repeating: 0, count: n)
    var rhs = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let (w, z) = response.working(i)
      roots[i] = w.squareRoot()
      rhs[i] = roots[i] * z
    }
    var weighted = x
    weighted.elements.withUnsafeMutableBufferPointer { e in
      for j in 0..<x.columns {
        for i in 0..<n { e[j * n + i] *= roots[i] }
      }
    }
    return (weighted, rhs)
  }
}
