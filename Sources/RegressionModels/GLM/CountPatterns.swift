import Foundation
import LinearAlgebra
import RealModule

/// Collapsing Poisson rows to covariate patterns, with or without an offset.
///
/// With the log link, row i of pattern P has mean μᵢ = μ_P eᵢ (eᵢ = exp(offsetᵢ)), so the rows'
/// log-likelihood (prior weights wᵢ)
/// ```
/// ℓ = Σᵢ wᵢ [yᵢ log μᵢ − μᵢ − log yᵢ!] = Σ_P [Y_P log μ_P − E_P μ_P] + K,
/// Y_P = Σ w y,   E_P = Σ w e,   K = Σᵢ wᵢ (yᵢ log eᵢ − log yᵢ!)
/// ```
/// is a Poisson likelihood of the patterns with rate y = Y_P/E_P and prior weight m = E_P. A fit
/// on the patterns has the rows' estimates and information matrix; adding K gives the rows'
/// log-likelihood, and the rows' deviance is 2(ℓ_sat − ℓ) with ℓ_sat = Σ w (y log y − y − log y!).
/// The sandwich's meat Σ w² (yᵢ − μᵢ)² x xᵀ and Pearson's χ² come from per-pattern sums.
enum CountPatterns {
  /// What the individual-level statistics need besides the pattern fit.
  struct Sums: Sendable {
    /// Rows of the data.
    var rows: Int
    /// Per pattern: Σ w² y², Σ w² y e, Σ w² e², Σ w y²/e.
    var squares: [Double]
    var cross: [Double]
    var exposureSquares: [Double]
    var pearson: [Double]
    /// K and ℓ_sat (see the type's documentation).
    var constant: Double
    var saturated: Double

    /// The meat weight of pattern p at rate μ: Σ w² (y − μ e)².
    func meat(_ p: Int, mu: Double) -> Double {
      squares[p] - 2 * mu * cross[p] + mu * mu * exposureSquares[p]
    }
  }

  /// The pattern data of a Poisson frame, or `nil` when it cannot or should not be collapsed
  /// (a numeric predictor with many values, or almost as many patterns as rows).
  static func collapse(_ frame: ModelFrame, layout: ColumnLayout) -> (
    data: GLMData, representatives: [Int]
  )? {
    guard frame.trials == nil,
      let (patternOfRow, representatives) = CovariatePatterns.patternIndex(frame)
    else { return nil }
    let n = frame.count
    let count = representatives.count
    if count * 2 > n { return nil }
    var total = [Double](repeating: 0, count: count)
    var exposure = [Double](repeating: 0, count: count)
    var squares = [Double](repeating: 0, count: count)
    var cross = [Double](repeating: 0, count: count)
    var exposureSquares = [Double](repeating: 0, count: count)
    var pearson = [Double](repeating: 0, count: count)
    var constant = 0.0
    var saturated = 0.0
    let y = frame.y
    for i in 0..<n {
      let p = Int(patternOfRow[i])
      let w = frame.weights?[i] ?? 1
      let o = frame.offset?[i] ?? 0
      let e = frame.offset == nil ? 1 : Foundation.exp(o)
      let yi = y[i]
      total[p] += w * yi
      exposure[p] += w * e
      squares[p] += w * w * yi * yi
      cross[p] += w * w * yi * e
      exposureSquares[p] += w * w * e * e
      pearson[p] += w * yi * yi / e
      let factorial = Double.logGamma(yi + 1)
      constant += w * (yi * o - factorial)
      saturated += w * ((yi > 0 ? yi * Foundation.log(yi) : 0) - yi - factorial)
    }
    let x = ModelMatrix(layout: layout, frame: frame, rows: representatives).x
    let clusters = frame.clusters.map { c in representatives.map { c[$0] } }
    var data = GLMData(
      x: x, y: (0..<count).map { total[$0] / exposure[$0] }, m: exposure, clusters: clusters,
      clusterCount: frame.clusterCount,
      units: .countPatterns(
        Sums(
          rows: n, squares: squares, cross: cross,
          exposureSquares: exposureSquares, pearson: pearson, constant: constant,
          saturated: saturated)),
      observationsAreBinary: false)
    data.offsetCollapsed = frame.offset != nil
    return (data, representatives)
  }
}
