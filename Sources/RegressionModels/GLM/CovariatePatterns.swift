import LinearAlgebra

/// Collapsing individual 0/1 rows to covariate patterns (successes, trials).
///
/// When every predictor is categorical (or numeric with few distinct values), the binomial
/// log-likelihood of the rows depends on the data only through, per pattern of predictor values,
/// ```
/// s = Σ w y,   m = Σ w            ℓ = Σ_patterns [s log μ + (m − s) log(1 − μ)]
/// ```
/// so a fit on the patterns gives the same estimates, information matrix, log-likelihood and
/// deviance differences as the fit on the rows, at the cost of one pass over the data. The pattern
/// of a row is a mixed-radix number of its predictor codes (and its cluster, when clusters are
/// used), looked up in a dense table when the number of possible patterns is small, else hashed.
enum CovariatePatterns {
  /// Most distinct values a numeric predictor may take for the frame to be collapsed.
  static let maximumNumericLevels = 1024

  /// The pattern data of `frame` and the frame row representing each pattern, or `nil` when it cannot or should not be collapsed (grouped
  /// response, a numeric predictor with many values, or almost as many patterns as rows).
  static func collapse(_ frame: ModelFrame, layout: ColumnLayout) -> (
    data: GLMData, representatives: [Int]
  )? {
    guard frame.trials == nil, let (patternOfRow, representative) = patternIndex(frame) else {
      return nil
    }
    let n = frame.count
    let patterns = representative.count
    if patterns * 2 > n { return nil }
    var s = [Double](repeating: 0, count: patterns)
    var m = [Double](repeating: 0, count: patterns)
    var count = [Double](repeating: 0, count: patterns)
    var q1 = [Double](repeating: 0, count: patterns)
    var q0 = [Double](repeating: 0, count: patterns)
    let y = frame.y
    let w = frame.weights
    for i in 0..<n {
      let p = Int(patternOfRow[i])
      let wi = w?[i] ?? 1
      count[p] += 1
      m[p] += wi
      if y[i] == 1 {
        s[p] += wi
        q1[p] += wi * wi
      } else {
        q0[p] += wi * wi
      }
    }
    let x = ModelMatrix(layout: layout, frame: frame, rows: representative).x
    let clusters = frame.clusters.map { c in representative.map { c[$0] } }
    let data = GLMData(
      x: x, y: (0..<patterns).map { s[$0] / m[$0] }, m: m, clusters: clusters,
      clusterCount: frame.clusterCount,
      units: .patterns(rowCount: count, squaredWeightsSuccess: q1, squaredWeightsFailure: q0),
      observationsAreBinary: true)
    return (data, representative)
  }

  /// The pattern index of every row of `frame` and the first row of each pattern, or `nil`
  /// when a numeric predictor has many values or the patterns would be too many to index.
  static func patternIndex(_ frame: ModelFrame) -> (patternOfRow: [Int32], representatives: [Int])?
  {
    let n = frame.count
    var keys: [[Int32]] = []
    var radices: [Int] = []
    for v in frame.schema.formula.predictorVariables {
      if let f = frame.factors[v] {
        keys.append(f.codes)
        radices.append(f.levels.count)
      } else if let x = frame.numerics[v] {
        guard let (codes, count) = numericCodes(x) else { return nil }
        keys.append(codes)
        radices.append(count)
      }
    }
    if let clusters = frame.clusters {
      keys.append(clusters)
      radices.append(max(1, frame.clusterCount))
    }
    var possible = 1
    for r in radices {
      let (product, overflow) = possible.multipliedReportingOverflow(by: r)
      if overflow || product > 1 << 50 { return nil }
      possible = product
    }

    // One pass: pattern index of every row, and the sums.
    var patternOfRow = [Int32](repeating: 0, count: n)
    var representative: [Int] = []
    var table = possible <= max(1 << 22, 4 * n) ? [Int32](repeating: -1, count: possible) : []
    var hashed: [Int: Int32] = [:]
    let dense = !table.isEmpty
    var rowKey = [Int](repeating: 0, count: n)
    for (k, codes) in keys.enumerated() {
      let stride = radices[..<k].reduce(1, *)
      codes.withUnsafeBufferPointer { c in
        for i in 0..<n { rowKey[i] += Int(c[i]) * stride }
      }
    }
    for i in 0..<n {
      let key = rowKey[i]
      var index: Int32
      if dense {
        index = table[key]
        if index < 0 {
          index = Int32(representative.count)
          table[key] = index
          representative.append(i)
        }
      } else if let found = hashed[key] {
        index = found
      } else {
        index = Int32(representative.count)
        hashed[key] = index
        representative.append(i)
      }
      patternOfRow[i] = index
    }
    return (patternOfRow, representative)
  }

  /// Codes 0..<k for the distinct values of a numeric column, or `nil` when there are more than
  /// `maximumNumericLevels`.
  static func numericCodes(_ x: [Double]) -> ([Int32], Int)? {
    var index: [Double: Int32] = [:]
    var codes = [Int32](repeating: 0, count: x.count)
    for i in 0..<x.count {
      if let c = index[x[i]] {
        codes[i] = c
      } else {
        if index.count >= maximumNumericLevels { return nil }
        let c = Int32(index.count)
        index[x[i]] = c
        codes[i] = c
      }
    }
    return (codes, index.count)
  }
}
