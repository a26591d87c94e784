import Foundation
import LinearAlgebra

/// Iteratively reweighted least squares, as R's `glm.fit` runs it.
///
/// Goals, in order: the same estimates, standard errors and deviance as R (to 1e-6 or better),
/// then speed. Source: R's `glm.fit` (src/library/stats/R/glm.R) and GLM.jl's `_fit!`.
///
/// ```
/// start:  μ⁰ = R's mustart ((m y + ½)/(m + 1) for binomial), η⁰ = g(μ⁰), D⁰ = D(μ⁰)
/// step:   β⁽ᵏ⁾ = (XᵀW X)⁻¹ XᵀW z   with W, z at μ⁽ᵏ⁻¹⁾
///         η⁽ᵏ⁾ = Xβ⁽ᵏ⁾ + offset,  μ⁽ᵏ⁾ = g⁻¹(η⁽ᵏ⁾),  D⁽ᵏ⁾ = D(μ⁽ᵏ⁾)
/// halve:  while D⁽ᵏ⁾ is not finite or rose by more than ε(|D|+0.1):  β⁽ᵏ⁾ ← β⁽ᵏ⁻¹⁾ + ½(β⁽ᵏ⁾ − β⁽ᵏ⁻¹⁾)
/// stop:   |D⁽ᵏ⁾ − D⁽ᵏ⁻¹⁾| / (|D⁽ᵏ⁾| + 0.1) < ε
/// ```
/// The covariance is `(XᵀWX)⁻¹` with W at the final μ (R's `summary.glm` takes W one iterate
/// earlier, from the last QR; the difference is far below 1e-6 at convergence). Aliased columns are found as R finds them (pivoted QR with tolerance
/// min(1e-7, ε/1000)); with `.cholesky`, a screen of the Cholesky factor of XᵀWX sends (nearly)
/// rank-deficient designs to the QR path.
enum IRLS {
  /// The outcome of the iterations.
  struct Result: Sendable {
    /// Coefficients, `nan` for aliased columns.
    var beta: [Double]
    /// Aliased (dropped) columns.
    var aliased: [Int]
    /// `(XᵀWX)⁻¹`, `nan` in rows/columns of aliased columns.
    var covariance: Matrix
    var deviance: Double
    var iterations: Int
    var converged: Bool
    /// The factorisation finally used.
    var factorization: GLMOptions.Factorization
    /// Final η and μ.
    var response: GLMResponse
    var warnings: [String]
  }

  /// One line of per-iteration detail for an optional callback.
  struct Iteration: Sendable {
    let iteration: Int
    let deviance: Double
    let stepFactor: Double
  }

  /// A design is sent to the QR path when some column's squared residual norm, after projection
  /// on the columns before it, falls below this fraction of its squared norm (a norm ratio of
  /// about 3e-5; R's own aliasing tolerance on the norm ratio is 1e-11).
  static let screeningRatio = 1e-9

  static func fit(
    x: Matrix, response initial: GLMResponse, options: GLMOptions, start: [Double]? = nil,
    log: ((Iteration) -> Void)? = nil
  ) throws(ModelError) -> Result {
    try fit(
      design: DeferredMatrix(x), cells: nil, response: initial, options: options, start: start,
      log: log)
  }

  /// The fit on a model matrix that may not be built yet, and the cells that describe it: the
  /// iterations then run on the cells, and the matrix is built only for the QR path.
  static func fit(
    design: DeferredMatrix, cells: CellDesign?, response initial: GLMResponse,
    options: GLMOptions, start: [Double]? = nil, log: ((Iteration) -> Void)? = nil
  ) throws(ModelError) -> Result {
    var response = initial
    var predictor = LinearPredictor(design: design, cells: cells)
    let p = design.columns
    var warnings: [String] = []
    var useQR = options.factorization == .qr
    let qrTolerance = min(1e-7, options.epsilon / 1000)

    var devold: Double
    var equations: NormalEquations?
    if let start {
      let zeroed = start.map { $0.isNaN ? 0 : $0 }
      (devold, equations) = try predictor.pass(&response, beta: zeroed, equations: !useQR)
    } else {
      devold = response.start()
      (_, equations) = try predictor.pass(&response, beta: nil, equations: !useQR)
    }
    if !useQR, let e = equations, !passesScreening(e.gram) { useQR = true }

    var betaOld: [Double] =
      start.map { $0.map { $0.isNaN ? 0 : $0 } } ?? [Double](repeating: 0, count: p)
    var haveOld = start != nil
    var covariance = Matrix(rows: p, columns: p, repeating: .nan)
    var aliased: [Int] = []
    var converged = false
    var iterations = 0

    for iteration in 1...max(1, options.maxIterations) {
      iterations = iteration
      // Solve the weighted least-squares step at the current μ.
      var betaNew = [Double](repeating: 0, count: p)
      if !useQR, let e = equations {
        do {
          let chol = try CholeskyFactorization(e.gram)
          let solution = try chol.solve(e.rhs)
          let inverse = try chol.inverse()
          guard solution.allSatisfy(\.isFinite) else {
            throw LinearAlgebraError.singular(column: 0)
          }
          covariance = Matrix(rows: p, columns: p, repeating: .nan)
          for (a, j) in predictor.active.enumerated() {
            betaNew[j] = solution[a]
            for (b, k) in predictor.active.enumerated() { covariance[j, k] = inverse[a, b] }
          }
        } catch {
          useQR = true
        }
      }
      if useQR {
        let (solution, unscaled, dropped) = try qrStep(predictor, response, tolerance: qrTolerance)
        covariance = unscaled
        aliased = dropped
        predictor.active = (0..<p).filter { !aliased.contains($0) }
        for j in 0..<p { betaNew[j] = solution[j].isNaN ? 0 : solution[j] }
      }

      // Evaluate, halving the step while the deviance is not finite or rises.
      var (deviance, next) = try predictor.pass(&response, beta: betaNew, equations: !useQR)
      var factor = 1.0
      let allowance = options.epsilon * (abs(devold) + 0.1)
      while !deviance.isFinite || (haveOld && deviance - devold > allowance) {
        factor /= 2
        if factor < options.minimumStepFactor { break }
        let trial = (0..<p).map { betaOld[$0] + factor * (betaNew[$0] - betaOld[$0]) }
        (deviance, next) = try predictor.pass(&response, beta: trial, equations: !useQR)
        betaNew = trial
      }
      log?(Iteration(iteration: iteration, deviance: deviance, stepFactor: factor))
      if factor < options.minimumStepFactor || !deviance.isFinite {
        warnings.append(
          "Step-halving failed at iteration \(iteration): the deviance could not be decreased; the estimates are those of the last step."
        )
        if !deviance.isFinite {
          throw .didNotConverge(iterations: iteration, lastDeviance: deviance)
        }
        devold = deviance
        betaOld = betaNew
        break
      }
      converged = abs(deviance - devold) / (abs(deviance) + 0.1) < options.epsilon
      devold = deviance
      betaOld = betaNew
      haveOld = true
      equations = next
      if converged { break }
    }
    if !converged && !warnings.contains(where: { $0.hasPrefix("Step-halving") }) {
      warnings.append(
        "The IRLS iterations did not converge in \(iterations) iterations (last deviance \(devold)); the estimates are those of the last iteration."
      )
    }
    // The covariance at the final μ (the information at the estimates). R takes it from the
    // last step's weights, one iterate earlier; the two differ by far less than 1e-6 when the fit
    // has converged, but only the final one is the same whatever path the iterations took (e.g.
    // on collapsed patterns).
    var finalCovariance: Matrix? = nil
    if !useQR, let e = equations, let chol = try? CholeskyFactorization(e.gram),
      let inverse = try? chol.inverse()
    {
      var c = Matrix(rows: p, columns: p, repeating: .nan)
      for (a, j) in predictor.active.enumerated() {
        for (b, k) in predictor.active.enumerated() { c[j, k] = inverse[a, b] }
      }
      finalCovariance = c
    }
    if finalCovariance == nil,
      let (_, unscaled, dropped) = try? qrStep(predictor, response, tolerance: qrTolerance),
      dropped == aliased
    {
      finalCovariance = unscaled
    }
    covariance = finalCovariance ?? covariance
    var beta = betaOld
    for j in aliased { beta[j] = .nan }
    return Result(
      beta: beta, aliased: aliased, covariance: covariance, deviance: devold,
      iterations: iterations, converged: converged,
      factorization: useQR ? .qr : .cholesky, response: response, warnings: warnings)
  }

  /// One weighted least-squares step by R's pivoted QR of √W X at the response's μ: the
  /// solution (NaN for aliased columns), `(RᵀR)⁻¹` scattered to all columns, and the aliased
  /// columns. Fewer rows than columns (e.g. few covariate patterns) are padded with zero rows,
  /// which changes neither R nor the solution.
  static func qrStep(
    _ predictor: LinearPredictor, _ response: GLMResponse, tolerance: Double
  ) throws(ModelError) -> (solution: [Double], covariance: Matrix, aliased: [Int]) {
    var (matrix, rhs) = predictor.weightedSystem(response)
    let p = matrix.columns
    if matrix.rows < p {
      var padded = Matrix(rows: p, columns: p)
      for j in 0..<p {
        for i in 0..<matrix.rows { padded[i, j] = matrix[i, j] }
      }
      matrix = padded
      rhs += [Double](repeating: 0, count: p - rhs.count)
    }
    let system = matrix
    let right = rhs
    return try linearAlgebra { () throws(LinearAlgebraError) in
      let qr = try QRFactorization(system, pivoting: .limited(tolerance: tolerance))
      return (try qr.leastSquares(right), try qr.unscaledCovariance(), qr.aliasedColumns)
    }
  }

  /// Whether the Cholesky factor of XᵀWX shows every column well away from the span of the
  /// columns before it (L_kk² / G_kk ≥ `screeningRatio`).
  static func passesScreening(_ gram: Matrix) -> Bool {
    guard let chol = try? CholeskyFactorization(gram) else { return false }
    for k in 0..<gram.rows {
      let g = gram[k, k]
      let l = chol.factor[k, k]
      if !(g > 0) || !(l * l >= screeningRatio * g) { return false }
    }
    return true
  }
}
