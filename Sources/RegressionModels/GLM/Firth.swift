import Foundation
import LinearAlgebra
import RealModule

/// Firth's penalised maximum likelihood for logistic regression: finite estimates under
/// separation and less small-sample bias (Firth 1993, *Bias reduction of maximum likelihood
/// estimates*, Biometrika 80(1), doi:10.1093/biomet/80.1.27; Heinze & Schemper 2002,
/// doi:10.1002/sim.1047). The estimates are those of R's `logistf` and of
/// `brglm2::brglmFit(type = "AS_mean")`, which coincide for the logit link.
///
/// ```
/// ℓ*(β) = ℓ(β) + ½ log det I(β),     I(β) = Xᵀ W X,  W = diag(m μ(1 − μ))
/// U*(β) = Xᵀ [m(y − μ) + h(½ − μ)],  h = diag(W^½ X I⁻¹ Xᵀ W^½)   (the exact gradient of ℓ*)
/// step:  β ← β + I⁻¹ U*   (capped at 5 per coefficient, halved while ℓ* falls — logistf's scheme)
/// ```
/// With one coefficient held fixed (for profile intervals), the step uses the free block of I
/// while the penalty keeps the full I, as `logistf` profiles.
enum Firth {
  struct Result: Sendable {
    var beta: [Double]
    var covariance: Matrix
    var iterations: Int
    var converged: Bool
    var mu: [Double]
    var aliased: [Int]
    var penalizedLogLikelihood: Double
    var warnings: [String]
  }

  /// The penalised fit at β.
  struct Evaluation {
    var penalized: Double
    var mu: [Double]
    var information: Matrix
    var inverse: Matrix
    var score: [Double]
  }

  /// The largest change of one coefficient in a step (logistf's `maxstep`).
  static let maximumStep = 5.0
  /// Convergence: the largest change of a coefficient in the last step.
  static let stepTolerance = 1e-10

  static func fit(
    data: GLMData, options: GLMOptions, aliased known: [Int]? = nil,
    fixed: (column: Int, value: Double)? = nil, start: [Double]? = nil
  ) throws(ModelError) -> Result {
    let p = data.x.columns
    let aliased: [Int]
    if let known { aliased = known } else { aliased = try aliasedColumns(data) }
    let active = (0..<p).filter { !aliased.contains($0) }
    let xa = data.x.selectingColumns(active)
    let fixedPosition = fixed.flatMap { f in active.firstIndex(of: f.column) }
    let free = (0..<active.count).filter { $0 != fixedPosition }
    var beta =
      start.map { s in active.map { s[$0].isNaN ? 0 : s[$0] } }
      ?? [Double](repeating: 0, count: active.count)
    if let fixedPosition, let fixed { beta[fixedPosition] = fixed.value }

    var current = try evaluate(beta, x: xa, data: data)
    var converged = false
    var iterations = 0
    var warnings: [String] = []
    let limit = max(options.maxIterations, 100)
    for iteration in 1...limit {
      iterations = iteration
      // Step on the free coefficients: (I_ff)⁻¹ U*_f.
      let step: [Double]
      if fixedPosition == nil {
        step = try linearAlgebra { () throws(LinearAlgebraError) in
          try current.inverse.multiplied(by: current.score)
        }
      } else {
        let block = current.information.submatrix(rows: free, columns: free)
        let rhs = free.map { current.score[$0] }
        let solved = try linearAlgebra { () throws(LinearAlgebraError) in
          try CholeskyFactorization(block).solve(rhs)
        }
        var full = [Double](repeating: 0, count: active.count)
        for (k, j) in free.enumerated() { full[j] = solved[k] }
        step = full
      }
      var delta = step
      let largest = delta.map(abs).max() ?? 0
      if largest > maximumStep { delta = delta.map { $0 * maximumStep / largest } }
      var factor = 1.0
      var trialBeta = zip(beta, delta).map { $0 + $1 }
      var trial = try? evaluate(trialBeta, x: xa, data: data)
      while trial == nil || trial!.penalized < current.penalized - 1e-12 * abs(current.penalized) {
        factor /= 2
        if factor < 1e-6 { break }
        trialBeta = (0..<beta.count).map { beta[$0] + factor * delta[$0] }
        trial = try? evaluate(trialBeta, x: xa, data: data)
      }
      guard let accepted = trial, factor >= 1e-6 else {
        warnings.append(
          "Firth's iterations stopped at iteration \(iteration): the penalised likelihood could not be increased."
        )
        break
      }
      let change = (0..<beta.count).map { abs(trialBeta[$0] - beta[$0]) }.max() ?? 0
      beta = trialBeta
      current = accepted
      if change < stepTolerance * max(1, beta.map(abs).max() ?? 1) {
        converged = true
        break
      }
    }
    if !converged && warnings.isEmpty {
      warnings.append("Firth's iterations did not converge in \(iterations) iterations.")
    }
    var fullBeta = [Double](repeating: .nan, count: p)
    var covariance = Matrix(rows: p, columns: p, repeating: .nan)
    for (a, j) in active.enumerated() {
      fullBeta[j] = beta[a]
      for (b, k) in active.enumerated() { covariance[j, k] = current.inverse[a, b] }
    }
    return Result(
      beta: fullBeta, covariance: covariance, iterations: iterations, converged: converged,
      mu: current.mu, aliased: aliased, penalizedLogLikelihood: current.penalized,
      warnings: warnings)
  }

  /// ℓ*, μ, I, I⁻¹ and U* at β (active columns).
  static func evaluate(_ beta: [Double], x: Matrix, data: GLMData) throws(ModelError) -> Evaluation
  {
    let n = data.rowCount
    let eta = try linearAlgebra { () throws(LinearAlgebraError) in try x.multiplied(by: beta) }
    var mu = [Double](repeating: 0, count: n)
    var w = [Double](repeating: 0, count: n)
    var logLikelihood = 0.0
    for i in 0..<n {
      // With a = e^(−|η|): μ, 1 − μ, μ(1 − μ) and their logarithms without cancellation, so
      // that |η| in the hundreds (far ends of a profile) neither rounds μ to 0 or 1 in the
      // weights nor gives log 0. Only a weight below the smallest double (|η| > 745) is 0.
      let a = Foundation.exp(-abs(eta[i]))
      let logOnePlusA = Double.log(onePlus: a)
      let (logMu, logOneMinusMu) =
        eta[i] >= 0 ? (-logOnePlusA, -eta[i] - logOnePlusA) : (eta[i] - logOnePlusA, -logOnePlusA)
      mu[i] = eta[i] >= 0 ? 1 / (1 + a) : a / (1 + a)
      w[i] = data.m[i] * a / ((1 + a) * (1 + a))
      var l = 0.0
      if data.y[i] > 0 { l += data.y[i] * logMu }
      if data.y[i] < 1 { l += (1 - data.y[i]) * logOneMinusMu }
      logLikelihood += data.m[i] * l
    }
    let information = try linearAlgebra { () throws(LinearAlgebraError) in try x.gram(weights: w) }
    let chol = try linearAlgebra { () throws(LinearAlgebraError) in
      try CholeskyFactorization(information)
    }
    let inverse = try linearAlgebra { () throws(LinearAlgebraError) in try chol.inverse() }
    let xc = try linearAlgebra { () throws(LinearAlgebraError) in try Matrix.product(x, inverse) }
    var residual = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var quadratic = 0.0
      for k in 0..<x.columns { quadratic += xc[i, k] * x[i, k] }
      let h = w[i] * quadratic
      residual[i] = data.m[i] * (data.y[i] - mu[i]) + h * (0.5 - mu[i])
    }
    let score = try linearAlgebra { () throws(LinearAlgebraError) in
      try x.multiplied(by: residual, transposed: true)
    }
    return Evaluation(
      penalized: logLikelihood + 0.5 * chol.logDeterminant, mu: mu, information: information,
      inverse: inverse, score: score)
  }

  /// Aliased columns by R's pivoted QR of √m X.
  static func aliasedColumns(_ data: GLMData) throws(ModelError) -> [Int] {
    let gram = try linearAlgebra { () throws(LinearAlgebraError) in try data.x.gram(weights: data.m)
    }
    if IRLS.passesScreening(gram) { return [] }
    var weighted = data.x
    for j in 0..<weighted.columns {
      for i in 0..<weighted.rows { weighted[i, j] *= data.m[i].squareRoot() }
    }
    let qr = try linearAlgebra { () throws(LinearAlgebraError) in
      try QRFactorization(weighted, pivoting: .limited(tolerance: 1e-7))
    }
    return qr.aliasedColumns
  }
}
