import Foundation
import LinearAlgebra

/// The sufficient statistics of a linear random-intercept model per stratum, and its profiled
/// deviance with the exact derivative (see `RandomInterceptLinear`).
struct LinearProblem: Sendable {
  let terms: [ModelTerm]
  let restricted: Bool
  /// Stratum indices kept, ascending.
  let rows: [Int]
  /// Kept cells in stratum order: design rows, counts, and the cells of each stratum.
  let design: Matrix
  let counts: [Double]
  let groups: [Range<Int>]
  /// The centring constant ȳ (0 without an intercept column) and the intercept column.
  let centre: Double
  let interceptColumn: Int?
  /// Per stratum: nⱼ, sⱼ = Σ(y − ȳ), vⱼ = Σ xᵢ.
  let n: [Double]
  let s: [Double]
  let v: [[Double]]
  /// vⱼ flat, stratum by stratum (J × p).
  let vFlat: [Double]
  /// XᵀX, Xᵀy and yᵀy (centred y).
  let xtx: Matrix
  let xty: [Double]
  let yty: Double
  let total: Double
  let predictionRows: [[Double]]
  var warnings: [String] = []

  var p: Int { design.columns }

  init(
    counts: [Double], means: [Double], sumsOfSquares: [Double], strata: [Int]?, design: Matrix,
    terms: [ModelTerm], predictionDesign: Matrix?, restricted: Bool
  ) throws(ModelError) {
    let cells = counts.count
    let names = terms.map(\.name)
    guard means.count == cells, sumsOfSquares.count == cells, design.rows == cells,
      strata.map({ $0.count == cells }) ?? true
    else {
      throw .invalidOption(
        "counts, means, sums of squares, strata and design rows differ in length")
    }
    guard names.count == design.columns, design.columns >= 1 else {
      throw .invalidOption("\(names.count) names for \(design.columns) design columns")
    }
    for i in 0..<cells {
      guard counts[i] >= 0, counts[i].isFinite else {
        throw .invalidOutcome(description: "the number of persons is \(counts[i])", row: i)
      }
      guard counts[i] == 0 || means[i].isFinite else {
        throw .invalidOutcome(description: "the mean outcome is \(means[i])", row: i)
      }
      guard sumsOfSquares[i] >= 0 || counts[i] == 0 else {
        throw .invalidOutcome(
          description: "the sum of squared deviations is negative (\(sumsOfSquares[i]))", row: i)
      }
      for k in 0..<design.columns where !design[i, k].isFinite {
        throw .nonFiniteCovariate(variable: names[k], row: i)
      }
    }
    let group = strata ?? Array(0..<cells)
    let kept = (0..<cells).filter { counts[$0] > 0 }.sorted {
      group[$0] < group[$1] || (group[$0] == group[$1] && $0 < $1)
    }
    var ranges: [Range<Int>] = []
    var indices: [Int] = []
    var start = 0
    for position in 0..<kept.count
    where position + 1 == kept.count || group[kept[position + 1]] != group[kept[position]] {
      ranges.append(start..<(position + 1))
      indices.append(group[kept[position]])
      start = position + 1
    }
    let dropped = Set(group).count - indices.count
    if dropped > 0 {
      warnings.append(
        "\(dropped) \(dropped == 1 ? "stratum has" : "strata have") no persons and \(dropped == 1 ? "was" : "were") left out."
      )
    }
    guard indices.count >= 2 else {
      throw .notEstimable(
        "a random-intercept model needs at least two strata with persons; there \(indices.count == 1 ? "is 1" : "are \(indices.count)")"
      )
    }
    let x = try fixedEffectsDesign(design, rows: kept, names: names)
    let w = kept.map { counts[$0] }
    let m = kept.map { means[$0] }
    let ss = kept.map { sumsOfSquares[$0] }
    let total = w.reduce(0, +)
    let p = x.columns
    guard total > Double(restricted ? p : 0) else {
      throw .notEstimable(
        "\(total) persons leave no residual degrees of freedom for \(p) fixed effects")
    }
    let intercept = (0..<p).first { k in (0..<x.rows).allSatisfy { x[$0, k] == 1 } }
    let centre = intercept == nil ? 0 : zip(w, m).reduce(0) { $0 + $1.0 * $1.1 } / total
    var n: [Double] = []
    var s: [Double] = []
    var v: [[Double]] = []
    var xty = [Double](repeating: 0, count: p)
    var yty = 0.0
    for range in ranges {
      var nj = 0.0
      var sj = 0.0
      var vj = [Double](repeating: 0, count: p)
      for i in range {
        let d = m[i] - centre
        nj += w[i]
        sj += w[i] * d
        yty += ss[i] + w[i] * d * d
        for k in 0..<p {
          vj[k] += w[i] * x[i, k]
          xty[k] += w[i] * d * x[i, k]
        }
      }
      n.append(nj)
      s.append(sj)
      v.append(vj)
    }
    guard yty > 0 else { throw .constantOutcome(value: centre) }
    do {
      xtx = try x.gram(weights: w)
    } catch {
      throw .linearAlgebra(error)
    }
    if let predictionDesign {
      guard predictionDesign.columns == p, indices.allSatisfy({ $0 < predictionDesign.rows })
      else {
        throw .invalidOption(
          "the prediction design needs \(p) columns and a row for every stratum")
      }
      predictionRows = indices.map { predictionDesign.row($0) }
    } else {
      predictionRows = zip(v, n).map { vj, nj in vj.map { $0 / nj } }
    }
    self.terms = terms
    self.restricted = restricted
    self.rows = indices
    self.design = x
    self.counts = w
    self.groups = ranges
    self.centre = centre
    self.interceptColumn = intercept
    self.n = n
    self.s = s
    self.v = v
    self.vFlat = v.flatMap { $0 }
    self.xty = xty
    self.yty = yty
    self.total = total
  }

  /// The profiled deviance at λ and what it is made of.
  struct Evaluation {
    var lambda: Double
    var deviance: Double
    var derivative: Double
    var beta: [Double]
    var rss: Double
    var factorization: CholeskyFactorization
  }

  /// d(λ) and d′(λ). The loops run over flat buffers: J × p² work per evaluation.
  func evaluate(_ lambda: Double) throws(ModelError) -> Evaluation {
    var a = xtx.elements
    var b = xty
    var c = yty
    var logDet = 0.0
    let strata = n.count
    let p = self.p
    a.withUnsafeMutableBufferPointer { a in
      b.withUnsafeMutableBufferPointer { b in
        vFlat.withUnsafeBufferPointer { v in
          for j in 0..<strata {
            let gamma = lambda / (1 + lambda * n[j])
            logDet += log1p(lambda * n[j])
            if gamma == 0 { continue }
            let sj = s[j]
            c -= gamma * sj * sj
            let row = j * p
            for k in 0..<p {
              let gv = gamma * v[row + k]
              b[k] -= gv * sj
              for l in k..<p { a[l * p + k] -= gv * v[row + l] }
            }
          }
          for k in 0..<p {
            for l in (k + 1)..<(p + 1) where l < p { a[k * p + l] = a[l * p + k] }
          }
        }
      }
    }
    let factorization: CholeskyFactorization
    let beta: [Double]
    do {
      factorization = try CholeskyFactorization(Matrix(rows: p, columns: p, columnMajor: a))
      beta = try factorization.solve(b)
    } catch {
      throw .notEstimable("the fixed effects are not identified at λ = \(lambda) (\(error))")
    }
    let rss = max(c - zip(b, beta).reduce(0) { $0 + $1.0 * $1.1 }, .leastNormalMagnitude)
    let m = restricted ? total - Double(p) : total
    var deviance = logDet + m * (1 + log(2 * Double.pi * rss / m))
    if restricted { deviance += factorization.logDeterminant }
    // d′: Σⱼ nⱼ/(1 + λnⱼ) − m Σⱼ γ′ⱼeⱼ²/r², and for REML − Σⱼ γ′ⱼ vⱼᵀA⁻¹vⱼ
    // = − tr(A⁻¹ Σⱼ γ′ⱼ vⱼvⱼᵀ), one p × p inverse instead of J solves.
    var derivative = 0.0
    var residualPart = 0.0
    var outer = [Double](repeating: 0, count: restricted ? p * p : 0)
    vFlat.withUnsafeBufferPointer { v in
      outer.withUnsafeMutableBufferPointer { outer in
        for j in 0..<strata {
          let g = 1 / ((1 + lambda * n[j]) * (1 + lambda * n[j]))
          derivative += n[j] / (1 + lambda * n[j])
          let row = j * p
          var e = s[j]
          for k in 0..<p { e -= v[row + k] * beta[k] }
          residualPart += g * e * e
          if restricted {
            for k in 0..<p {
              let gv = g * v[row + k]
              for l in k..<p { outer[l * p + k] += gv * v[row + l] }
            }
          }
        }
      }
    }
    var tracePart = 0.0
    if restricted, let inverse = try? factorization.inverse() {
      let elements = inverse.elements
      for k in 0..<p {
        tracePart += elements[k * p + k] * outer[k * p + k]
        for l in (k + 1)..<(p + 1) where l < p {
          tracePart += 2 * elements[l * p + k] * outer[l * p + k]
        }
      }
    }
    derivative -= m * residualPart / rss + tracePart
    return Evaluation(
      lambda: lambda, deviance: deviance, derivative: derivative, beta: beta, rss: rss,
      factorization: factorization)
  }

  /// λ̂: the grid minimum of d, refined to the root of d′ in its neighbourhood.
  func minimise() throws(ModelError) -> (Evaluation, iterations: Int) {
    var grid: [Double] = [0]
    var lambda = 1e-8
    while lambda <= 1e8 {
      grid.append(lambda)
      lambda *= 3
    }
    var evaluations: [Evaluation] = []
    for value in grid { evaluations.append(try evaluate(value)) }
    let best = evaluations.indices.min { evaluations[$0].deviance < evaluations[$1].deviance }!
    if best == 0 && evaluations[0].derivative >= 0 { return (evaluations[0], 0) }
    // A bracket with d′ < 0 on the left and d′ > 0 on the right.
    var lowIndex = max(best - 1, 0)
    var highIndex = min(best + 1, grid.count - 1)
    if evaluations[best].derivative < 0 { lowIndex = best } else { highIndex = best }
    var low = evaluations[lowIndex]
    var high = evaluations[highIndex]
    guard low.derivative < 0, high.derivative > 0 else {
      return (evaluations[best], 0)
    }
    var iterations = 0
    var current = evaluations[best]
    var useSecant = true
    while iterations < 200 {
      iterations += 1
      var next = (low.lambda + high.lambda) / 2
      if useSecant {
        let secant =
          low.lambda - low.derivative * (high.lambda - low.lambda)
          / (high.derivative - low.derivative)
        if secant > low.lambda && secant < high.lambda { next = secant }
      }
      let width = high.lambda - low.lambda
      current = try evaluate(next)
      if current.derivative == 0 { break }
      if current.derivative < 0 { low = current } else { high = current }
      // Alternate secant and bisection when the bracket shrinks slowly.
      useSecant = high.lambda - low.lambda < 0.5 * width ? true : !useSecant
      if high.lambda - low.lambda <= 1e-15 * max(high.lambda, 1e-300) * 4 { break }
    }
    return (current, iterations)
  }
}
