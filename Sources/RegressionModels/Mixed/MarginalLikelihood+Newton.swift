import LinearAlgebra

extension MarginalLikelihood {
  /// Where a Newton maximisation stopped.
  struct Optimum: Sendable {
    var beta: [Double]
    var theta: Double
    var point: Point
    /// Newton iterations taken.
    var iterations: Int
    /// Whether the Newton decrement fell below the tolerance.
    var converged: Bool
  }

  /// Maximises ℓ over (β, θ), or over β alone with `fixTheta`, by Newton's method with a
  /// modified Hessian and a backtracking line search.
  ///
  /// ```
  /// d = (−∇²ℓ)₊⁻¹ ∇ℓ          (−∇²ℓ)₊ = V |Λ|₊ Vᵀ: eigenvalues replaced by max(|λ|, 1e−10 λₘₐₓ)
  /// δ = ∇ℓᵀ d / 2             Newton decrement: the predicted gain in ℓ
  /// step α d with α = 1, ½, ¼, … until ℓ rises by at least 10⁻⁴ α ∇ℓᵀd (Armijo)
  /// stop when δ < tolerance
  /// ```
  /// The modification makes every direction an ascent direction where ℓ is not concave (near
  /// θ = 0 when the optimum is interior: ℓ is even in θ, so θ = 0 is always a stationary point).
  /// θ may become negative during the search; ℓ(β, −θ) = ℓ(β, θ), and the caller reports |θ|.
  ///
  /// Nocedal, J. & Wright, S. J. (2006). *Numerical Optimization*, 2nd ed., §3.4 (Hessian
  /// modification) and §3.1 (Armijo backtracking). https://doi.org/10.1007/978-0-387-40065-5
  func maximize(
    beta startBeta: [Double], theta startTheta: Double, modeStarts: [Double], fixTheta: Bool,
    tolerance: Double, maxIterations: Int
  ) throws(ModelError) -> Optimum {
    var beta = startBeta
    var theta = startTheta
    var point = evaluate(beta: beta, theta: theta, modeStarts: modeStarts)
    guard point.logLikelihood.isFinite else {
      throw .notEstimable("the log-likelihood is not finite at the starting values")
    }
    let p = fixedCount
    let free = fixTheta ? p : p + 1
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      iterations += 1
      let full = hessian(at: point, theta: theta, betaOnly: fixTheta)
      var negative = Matrix(rows: free, columns: free)
      for a in 0..<free {
        for b in 0..<free { negative[a, b] = -full[a, b] }
      }
      let gradient = Array(point.gradient.prefix(free))
      var direction = try Self.modifiedNewtonDirection(negative, gradient)
      let decrement = zip(gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }
      let largest = direction.map { abs($0) }.max() ?? 0
      if largest > 10 { direction = direction.map { $0 * 10 / largest } }
      let slope = zip(gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }
      let slack = 1e-13 * max(1, abs(point.logLikelihood))

      var step = 1.0
      var accepted: (Point, [Double], Double)?
      for _ in 0..<60 {
        let trialBeta = (0..<p).map { beta[$0] + step * direction[$0] }
        let trialTheta = fixTheta ? theta : theta + step * direction[p]
        let trial = evaluate(beta: trialBeta, theta: trialTheta, modeStarts: point.modes)
        if trial.logLikelihood.isFinite,
          trial.logLikelihood >= point.logLikelihood + 1e-4 * step * slope - slack
        {
          accepted = (trial, trialBeta, trialTheta)
          break
        }
        step /= 2
      }
      guard let (next, nextBeta, nextTheta) = accepted else {
        // No step improves ℓ: at the optimum up to rounding if the decrement is small.
        converged = decrement / 2 < max(tolerance, 1e-8)
        break
      }
      point = next
      beta = nextBeta
      theta = nextTheta
      if decrement / 2 < tolerance {
        converged = true
        break
      }
    }
    return Optimum(
      beta: beta, theta: theta, point: point, iterations: iterations, converged: converged)
  }

  /// Solves (A)₊ d = g for symmetric A with its eigenvalues replaced by max(|λ|, 1e−10 λₘₐₓ).
  static func modifiedNewtonDirection(_ a: Matrix, _ g: [Double]) throws(ModelError) -> [Double] {
    let eigen: SymmetricEigendecomposition
    do {
      eigen = try SymmetricEigendecomposition(a)
    } catch {
      throw .linearAlgebra(error)
    }
    let n = g.count
    let largest = eigen.values.map { abs($0) }.max() ?? 0
    let floor = max(largest * 1e-10, 1e-300)
    var d = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var projection = 0.0
      for k in 0..<n { projection += eigen.vectors[k, i] * g[k] }
      let scale = projection / max(abs(eigen.values[i]), floor)
      for k in 0..<n { d[k] += scale * eigen.vectors[k, i] }
    }
    return d
  }
}
