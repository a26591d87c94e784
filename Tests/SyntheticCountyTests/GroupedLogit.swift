import Foundation

/// A minimal maximum-likelihood logit for grouped binomial data (events out of trials per
/// covariate pattern) by Newton–Raphson, used only to check that the generator's data carry
/// the coefficients the model claims. Independent of the RegressionModels module on purpose.
struct GroupedLogit {
  let coefficients: [Double]
  /// The observed information XᵀWX at the estimate (row-major, p × p).
  let information: [[Double]]

  init(design: [[Double]], events: [Double], trials: [Double], iterations: Int = 50) {
    let p = design[0].count
    var beta = Array(repeating: 0.0, count: p)
    var information = Array(repeating: Array(repeating: 0.0, count: p), count: p)
    for _ in 0..<iterations {
      var score = Array(repeating: 0.0, count: p)
      information = Array(repeating: Array(repeating: 0.0, count: p), count: p)
      for (row, (y, n)) in zip(design, zip(events, trials)) where n > 0 {
        let eta = zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 }
        let mu = 1 / (1 + Foundation.exp(-eta))
        let w = n * mu * (1 - mu)
        for a in 0..<p where row[a] != 0 {
          score[a] += row[a] * (y - n * mu)
          for b in 0..<p where row[b] != 0 { information[a][b] += w * row[a] * row[b] }
        }
      }
      let step = Self.solve(information, score)
      for a in 0..<p { beta[a] += step[a] }
      if step.map(abs).max()! < 1e-11 { break }
    }
    coefficients = beta
    self.information = information
  }

  /// The Wald statistic (β̂ − β)ᵀ I (β̂ − β) for a hypothesised β.
  func waldStatistic(against truth: [Double]) -> Double {
    let d = zip(coefficients, truth).map { $0 - $1 }
    var total = 0.0
    for a in 0..<d.count {
      for b in 0..<d.count { total += d[a] * information[a][b] * d[b] }
    }
    return total
  }

  /// Solves A x = b for symmetric positive definite A by Gaussian elimination with partial
  /// pivoting (small p).
  static func solve(_ a: [[Double]], _ b: [Double]) -> [Double] {
    let n = b.count
    var m = a
    var x = b
    for column in 0..<n {
      let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
      m.swapAt(column, pivot)
      x.swapAt(column, pivot)
      for row in (column + 1)..<n {
        let factor = m[row][column] / m[column][column]
        if factor == 0 { continue }
        for k in column..<n { m[row][k] -= factor * m[column][k] }
        x[row] -= factor * x[column]
      }
    }
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = x[row]
      for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
      x[row] = sum / m[row][row]
    }
    return x
  }
}
