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
  /// normal equations of the next IRLS step at μ.
  func pass(
    _ response: inout GLMResponse, beta: [Double]?, equations: Bool
  ) throws(ModelError) -> (deviance: Double, equations: NormalEquations?) {
    let n = x.rows
    let pa = active.count
    let family = response.family
    let link = response.link
    var deviance = 0.0
    var gram = Matrix(rows: pa, columns: pa)
    var rhs = [Double](repeating: 0, count: pa)
    var block = Matrix(rows: min(Self.blockRows, n), columns: pa)
    var t = [Double](repeating: 0, count: block.rows)
    let activeBeta = beta.map { b in active.map { b[$0] } }
    var r0 = 0
    while r0 < n {
      let b = min(Self.blockRows, n - r0)
      if b != block.rows {
        block = Matrix(rows: b, columns: pa)
        t = [Double](repeating: 0, count: b)
      }
      let offset = response.offset
      x.elements.withUnsafeBufferPointer { xe in
        block.elements.withUnsafeMutableBufferPointer { be in
          for (k, j) in active.enumerated() {
            let source = xe.baseAddress! + j * n + r0
            (be.baseAddress! + k * b).update(from: source, count: b)
          }
          response.eta.withUnsafeMutableBufferPointer { eta in
            response.mu.withUnsafeMutableBufferPointer { mu in
              if let activeBeta {
                for i in 0..<b { eta[r0 + i] = offset?[r0 + i] ?? 0 }
                for k in 0..<pa {
                  let coefficient = activeBeta[k]
                  if coefficient == 0 { continue }
                  let column = be.baseAddress! + k * b
                  for i in 0..<b { eta[r0 + i] += column[i] * coefficient }
                }
                for i in 0..<b { mu[r0 + i] = link.inverse(eta[r0 + i]) }
              }
              response.y.withUnsafeBufferPointer { y in
                response.m.withUnsafeBufferPointer { m in
                  for i in 0..<b {
                    deviance += family.unitDeviance(y: y[r0 + i], mu: mu[r0 + i], weight: m[r0 + i])
                  }
                  guard equations else { return }
                  t.withUnsafeMutableBufferPointer { t in
                    for i in 0..<b {
                      let r = r0 + i
                      let d = link.derivative(eta[r])
                      let w = m[r] * d * d / family.variance(mu[r])
                      let z = eta[r] - (offset?[r] ?? 0) + (y[r] - mu[r]) / d
                      let s = w.squareRoot()
                      t[i] = s * z
                      for k in 0..<pa { be[k * b + i] *= s }
                    }
                  }
                }
              }
            }
          }
        }
      }
      if equations {
        do {
          let g = try block.gram()
          let v = try block.multiplied(by: t, transposed: true)
          for e in 0..<(pa * pa) { gram.elements[e] += g.elements[e] }
          for k in 0..<pa { rhs[k] += v[k] }
        } catch {
          throw .linearAlgebra(error)
        }
      }
      r0 += b
    }
    return (deviance, equations ? NormalEquations(gram: gram, rhs: rhs) : nil)
  }

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
