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
/// and no n × p temporary. With a ``CellDesign`` the pass reads no X at all: it adds each row's
/// weight and working response to the sums of its cell, and the normal equations are assembled
/// from the cells.
struct LinearPredictor: Sendable {
  /// The model matrix (n × p), built when a pass or the QR path first needs it.
  let design: DeferredMatrix
  /// The same matrix described by cells, when that saves work (see ``CellDesign``): passes then
  /// run on the cells and never build the matrix.
  let cells: CellDesign?
  /// The columns that are not aliased, ascending.
  var active: [Int]
  /// Rows per working block: 4096 × p doubles stay in the L2 cache for p up to ~30.
  static let blockRows = 4096

  init(design: DeferredMatrix, cells: CellDesign? = nil) {
    self.design = design
    self.cells = cells.flatMap {
      $0.cellOfRow.count == design.rows && $0.columns == design.columns ? $0 : nil
    }
    active = Array(0..<design.columns)
  }

  /// The model matrix (built now if it was not).
  var x: Matrix { design.matrix }

  /// One pass over the rows. With `beta`, sets η = Xβ + offset and μ = g⁻¹(η) first; otherwise
  /// keeps the response's η and μ. Returns the deviance at μ and, when `equations` is set, the
  /// normal equations of the next IRLS step at μ. Large designs are split between two threads,
  /// each with its own working block and sums.
  func pass(
    _ response: inout GLMResponse, beta: [Double]?, equations: Bool
  ) throws(ModelError) -> (deviance: Double, equations: NormalEquations?) {
    let n = design.rows
    let pa = active.count
    let activeBeta = beta.map { b in active.map { b[$0] } }
    let chunks = n >= Self.parallelRows ? 2 : 1
    var results = [Chunk?](repeating: nil, count: chunks)
    var position = [Int](repeating: -1, count: design.columns)
    for (a, j) in active.enumerated() { position[j] = a }
    let context = PassContext(
      x: cells == nil ? x : Matrix(rows: 0, columns: 0), active: active, beta: activeBeta,
      equations: equations, family: response.family,
      link: response.link, theta: response.theta, simdGram: chunks > 1, cells: cells,
      position: position,
      cellBeta: cells.flatMap { c in
        activeBeta.map { c.coefficientTable(beta: $0, position: position) }
      })
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
    var cellSums: [Double]? = nil
    for case let chunk? in results {
      if let error = chunk.error { throw .linearAlgebra(error) }
      deviance += chunk.deviance
      if let sums = chunk.cellSums {
        if cellSums == nil {
          cellSums = sums
        } else {
          for e in sums.indices { cellSums![e] += sums[e] }
        }
        continue
      }
      guard equations && cells == nil else { continue }
      for e in 0..<(pa * pa) { gram.elements[e] += chunk.gram.elements[e] }
      for k in 0..<pa { rhs[k] += chunk.rhs[k] }
    }
    if equations, let cells, let cellSums {
      cells.addEquations(sums: cellSums, position: position, gram: &gram, rhs: &rhs)
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
