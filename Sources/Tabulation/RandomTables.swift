// Monte-Carlo p-values of Fisher's exact test, as R's fisher.test(simulate.p.value = TRUE).
// Goals: (1) R's statistic and counting rule; (2) the same p-value for the same seed on every
// platform (our own generator and bounded draws, no system randomness).
import Foundation

/// Random tables with the margins of an observed table: the n units of the table, labelled by
/// their row, are shuffled and dealt to the columns in turn, which draws every table with its
/// multiple hypergeometric probability (as Patefield's algorithm, R's `r2dtable`, does). Work
/// O(n + r·c) per table.
struct RandomTables {
  let rowSums: [Int]
  let columnSums: [Int]
  let logFactorial: [Double]
  /// R's statistic of the observed table, −Σ log x_ij!.
  let observed: Double

  init(table: [[Int]]) {
    rowSums = table.map { $0.reduce(0, +) }
    columnSums = table[0].indices.map { j in table.reduce(0) { $0 + $1[j] } }
    let n = rowSums.reduce(0, +)
    var logFactorial = [Double](repeating: 0, count: n + 1)
    for k in stride(from: 2, through: n, by: 1) {
      logFactorial[k] = logFactorial[k - 1] + Foundation.log(Double(k))
    }
    self.logFactorial = logFactorial
    observed = -table.joined().reduce(0) { $0 + logFactorial[$1] }
  }

  /// `(1 + #{b : T_b ≤ T_obs}) / (B + 1)` with R's tolerance `T_obs / (1 + 64 ε)`.
  func pValue(replicates: Int, using generator: inout SplitMix64Generator) -> Double {
    var units: [Int32] = []
    units.reserveCapacity(logFactorial.count - 1)
    for (row, sum) in rowSums.enumerated() {
      units += repeatElement(Int32(row), count: sum)
    }
    let cutoff = observed / (1 + 64 * Double.ulpOfOne)
    var counts = [Int](repeating: 0, count: rowSums.count)
    var hits = 0
    for _ in 0..<replicates {
      // Fisher–Yates shuffle.
      var i = units.count - 1
      while i > 0 {
        let j = generator.next(below: i + 1)
        units.swapAt(i, j)
        i -= 1
      }
      var start = 0
      var statistic = 0.0
      for sum in columnSums {
        for k in counts.indices { counts[k] = 0 }
        for k in start..<(start + sum) { counts[Int(units[k])] += 1 }
        for value in counts { statistic -= logFactorial[value] }
        start += sum
      }
      if statistic <= cutoff { hits += 1 }
    }
    return Double(1 + hits) / Double(replicates + 1)
  }
}
