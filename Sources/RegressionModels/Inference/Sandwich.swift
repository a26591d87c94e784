import LinearAlgebra

/// Heteroskedasticity-consistent and cluster-robust covariance of GLM coefficients, as the R
/// package `sandwich` computes them for a `glm` (Zeileis 2006, *Object-oriented computation of
/// sandwich estimators*, JSS 16(9), doi:10.18637/jss.v016.i09; Zeileis, Köll & Graham 2020,
/// JSS 95(1), doi:10.18637/jss.v095.i01).
///
/// ```
/// score of observation i:  uᵢ = xᵢ mᵢ (yᵢ − μᵢ) (dμ/dη)ᵢ / V(μᵢ)     (sandwich::estfun.glm)
/// bread:                   B = (XᵀWX)⁻¹
/// HC0:   B (Σᵢ uᵢuᵢᵀ) B                      HC1:  HC0 · n / (n − k)
/// CL:    B (Σ_g U_g U_gᵀ) B · G/(G − 1),   U_g = Σ_{i∈g} uᵢ
///        (vcovCL's default for a glm: type HC0 with the cluster adjustment G/(G − 1); Stata's
///        `vce(cluster)` for maximum-likelihood models uses the same factor)
/// ```
/// For a fit on covariate patterns of 0/1 rows, the sums run over the individual rows, which the
/// patterns determine exactly: Σ_{i∈pattern} wᵢ²(yᵢ − μ)² = (1 − μ)² Σ w²y + μ² Σ w²(1 − y). So a
/// collapsed fit has the same robust covariance as the fit on the rows.
enum Sandwich {
  static func covariance(
    _ type: CovarianceType, data: GLMData, mu: [Double], link: Link, family: Family, theta: Double,
    bread: Matrix, active: [Int]
  ) throws(ModelError) -> Matrix {
    let p = data.x.columns
    let pa = active.count
    let n = Double(data.observationCount)
    let k = Double(pa)
    let b = bread.submatrix(rows: active, columns: active)
    let xa = data.x.selectingColumns(active)
    let rows = data.rowCount
    // Per row: the factor c such that a row's score (summed over its observations) is x c.
    var factor = [Double](repeating: 0, count: rows)
    for i in 0..<rows {
      let eta = link.link(mu[i])
      factor[i] = link.derivative(eta) / family.variance(mu[i], theta: theta)
    }
    var meat: Matrix
    switch type {
    case .model:
      return bread
    case .hc0, .hc1:
      var weights = [Double](repeating: 0, count: rows)
      for i in 0..<rows {
        let c = factor[i]
        switch data.units {
        case .rows:
          let r = data.m[i] * (data.y[i] - mu[i])
          weights[i] = c * c * r * r
        case .patterns(_, let q1, let q0):
          let u = mu[i]
          weights[i] = c * c * (q1[i] * (1 - u) * (1 - u) + q0[i] * u * u)
        case .countPatterns(let sums):
          weights[i] = c * c * sums.meat(i, mu: mu[i])
        }
      }
      meat = try linearAlgebra { () throws(LinearAlgebraError) in try xa.gram(weights: weights) }
      if type == .hc1 { scale(&meat, by: n / (n - k)) }
    case .cluster:
      guard let clusters = data.clusters else {
        throw .invalidOption("cluster-robust covariance needs cluster identifiers")
      }
      let g = data.clusterCount
      guard g >= 2 else {
        throw .notEstimable("cluster-robust covariance needs at least two clusters, found \(g)")
      }
      var sums = Matrix(rows: g, columns: pa)
      for i in 0..<rows {
        let score = factor[i] * data.m[i] * (data.y[i] - mu[i])
        let c = Int(clusters[i])
        for j in 0..<pa { sums[c, j] += xa[i, j] * score }
      }
      meat = try linearAlgebra { () throws(LinearAlgebraError) in try sums.gram() }
      let gg = Double(g)
      scale(&meat, by: gg / (gg - 1))
    }
    let m = meat
    let v = try linearAlgebra { () throws(LinearAlgebraError) in
      try Matrix.product(Matrix.product(b, m), b)
    }
    var result = Matrix(rows: p, columns: p, repeating: .nan)
    for (a, i) in active.enumerated() {
      for (c, j) in active.enumerated() { result[i, j] = v[a, c] }
    }
    return result
  }

  private static func scale(_ m: inout Matrix, by s: Double) {
    for e in 0..<m.elements.count { m.elements[e] *= s }
  }
}
