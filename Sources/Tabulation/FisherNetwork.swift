// The network algorithm behind FisherExactTableTest. Goals: (1) the p-value R's fisher.test
// computes for an r × c table, to 1e-8 relative; (2) no table enumerated twice when it can be
// summed in closed form; (3) a hard limit on the work, so that a large table fails with advice
// instead of running for hours.
//
// Notation. With row sums r, column sums c and total n, a table x has probability
// P(x) = exp(K + Σ_j w_j), K = Σ log r_i! − log n!, w_j = log c_j! − Σ_i log x_ij!.
// Columns are filled in order (the largest last, as the last column is determined by the
// others); the node after k columns is the multiset of remaining row sums r′ (sorted), and the
// "past" of a partial table is Σ_{j<k} w_j. The completions of a node have total weight
// Σ exp(Σ_{j≥k} w_j) = n′! / Π r′_i! (each of the n′ remaining units, grouped by column, gets a
// row), and bounds on their largest and smallest weight come from filling each remaining column
// as evenly, or as unevenly, as the row sums allow, one column at a time, or each row as the
// column sums allow, one row at a time (relaxations, so the bounds are valid; the tighter is
// used); in a table of two rows, where they leave a past undecided, the exact most and least
// probable completions of the node (a memoised recursion over the nodes alone, FEXACT's
// longest and shortest paths) decide it if they can. A past whose best completion is at most P(x) adds all its
// completions; a past whose worst completion exceeds P(x) adds none; the others are expanded.
// Pasts at one node that agree to 1e-10 in the logarithm are merged (their completions are the
// same). When
// two columns remain, a node's completions are enumerated once, sorted, and shared by all its
// pasts (a binary search and a prefix sum each), which makes the last two stages exact.
import Foundation

struct FisherNetwork {
  /// Row sums (the smaller dimension) and column sums in increasing order.
  let rowSums: [Int]
  let columnSums: [Int]
  /// `log k!` for k = 0…n.
  let logFactorial: [Double]
  /// K, and Σ_j w_j of the observed table.
  let constant: Double
  let observed: Double

  /// A table without empty rows or columns, `table[row][column]`.
  init(table: [[Int]]) {
    var t = table
    if t.count > t[0].count {
      t = t[0].indices.map { j in t.map { $0[j] } }
    }
    let rowSums = t.map { $0.reduce(0, +) }
    let n = rowSums.reduce(0, +)
    var logFactorial = [Double](repeating: 0, count: n + 1)
    for k in stride(from: 2, through: n, by: 1) {
      logFactorial[k] = logFactorial[k - 1] + Foundation.log(Double(k))
    }
    let columns = t[0].indices.map { j in t.map { $0[j] } }
    var observed = 0.0
    for column in columns {
      observed += logFactorial[column.reduce(0, +)] - column.reduce(0) { $0 + logFactorial[$1] }
    }
    self.rowSums = rowSums.sorted()
    self.columnSums = columns.map { $0.reduce(0, +) }.sorted()
    self.logFactorial = logFactorial
    self.constant = rowSums.reduce(0) { $0 + logFactorial[$1] } - logFactorial[n]
    self.observed = observed
  }

  /// A set of partial tables at one node: past weight and how many tables share it.
  struct Past {
    var value: Double
    var multiplicity: Double
  }

  /// The p-value, or `nil` when more than `stepLimit` partial tables would be visited.
  func pValue(stepLimit: Int) -> Double? {
    // R's 2 × 2 tolerance: P(y) ≤ P(x)(1 + 1e-7).
    let threshold = observed + Foundation.log1p(1e-7)
    var stage: [[Int]: [Int64: Past]] = [rowSums: [0: Past(value: 0, multiplicity: 1)]]
    var p = 0.0
    var steps = 0
    let lastPair = columnSums.count - 2
    var extremes = Extremes(stages: columnSums.count)
    for j in 0..<lastPair {
      // Nodes of the next stage by index, so that a past is merged without copying its node.
      var index: [[Int]: Int] = [:]
      var nodes: [[Int]] = []
      var merged: [[Int64: Past]] = []
      for (node, pasts) in stage {
        // The relaxed bounds first (cheap); for two rows, where the nodes form a line and the
        // relaxations are loose, the exact ones for the pasts they leave open. (With more rows
        // the recursion over all nodes costs more than it saves: 4 × 4, n = 96, 3.8 s against
        // 6.6 s in a debug build.)
        let bounds = self.bounds(node, from: j)
        var open: [Past] = []
        for past in pasts.values {
          if past.value + bounds.largest <= threshold {
            p += past.multiplicity * Foundation.exp(constant + past.value + bounds.total)
          } else if past.value + bounds.smallest <= threshold {
            open.append(past)
          }
        }
        if !open.isEmpty && rowSums.count == 2 {
          guard let exact = extremes.of(node, from: j, in: self, steps: &steps, limit: stepLimit)
          else { return nil }
          open = open.filter { past in
            if past.value + exact.largest <= threshold {
              p += past.multiplicity * Foundation.exp(constant + past.value + bounds.total)
              return false
            }
            return past.value + exact.smallest <= threshold
          }
        }
        if open.isEmpty { continue }
        var exceeded = false
        allocations(of: columnSums[j], over: node) { remaining, weight in
          steps += open.count
          if steps > stepLimit {
            exceeded = true
            return false
          }
          let target: Int
          if let known = index[remaining] {
            target = known
          } else {
            target = nodes.count
            index[remaining] = target
            nodes.append(remaining)
            merged.append([:])
          }
          for past in open {
            let value = past.value + weight
            merged[target][
              Int64((value * 1e10).rounded()), default: Past(value: value, multiplicity: 0)
            ].multiplicity += past.multiplicity
          }
          return true
        }
        if exceeded { return nil }
      }
      stage = Dictionary(uniqueKeysWithValues: zip(nodes, merged))

    }
    // The last two columns: each node's completions are enumerated once and sorted, and each
    // past adds the completions below its threshold by binary search on the prefix sums.
    for (node, pasts) in stage {
      var weights: [Double] = []
      allocations(of: columnSums[lastPair], over: node) { remaining, weight in
        weights.append(
          weight + logFactorial[columnSums[lastPair + 1]]
            - remaining.reduce(0) { $0 + logFactorial[$1] })
        return true
      }
      steps += weights.count + pasts.count
      if steps > stepLimit { return nil }
      weights.sort()
      let top = weights.last ?? 0
      var prefix = [0.0]
      prefix.reserveCapacity(weights.count + 1)
      for w in weights { prefix.append(prefix[prefix.count - 1] + Foundation.exp(w - top)) }
      for past in pasts.values {
        let limit = threshold - past.value
        var low = 0
        var high = weights.count
        while low < high {
          let middle = (low + high) / 2
          if weights[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        if low > 0 {
          p += past.multiplicity * Foundation.exp(constant + past.value + top) * prefix[low]
        }
      }
    }
    return min(1, p)
  }

  /// Bounds on the weight Σ_{k ≥ j} w_k of the completions of a node, and their total (log).
  func bounds(_ node: [Int], from j: Int) -> (largest: Double, smallest: Double, total: Double) {
    // Two relaxations, each valid: column by column (row sums as caps) and row by row (column
    // sums as caps); the tighter of the two bounds Σ log x_ij! from each side.
    let ascending = node.sorted()
    let columns = Array(columnSums[j...])  // ascending
    var leastByColumn = 0.0
    var mostByColumn = 0.0
    for c in columns {
      leastByColumn += evenSum(c, caps: ascending)
      mostByColumn += unevenSum(c, capsAscending: ascending)
    }
    var leastByRow = 0.0
    var mostByRow = 0.0
    for r in node {
      leastByRow += evenSum(r, caps: columns)
      mostByRow += unevenSum(r, capsAscending: columns)
    }
    let columnTerms = columns.reduce(0) { $0 + logFactorial[$1] }
    let largest = columnTerms - max(leastByColumn, leastByRow)
    let smallest = columnTerms - min(mostByColumn, mostByRow)
    let remaining = node.reduce(0, +)
    let total = logFactorial[remaining] - node.reduce(0) { $0 + logFactorial[$1] }
    return (largest, smallest, total)
  }

  /// The least Σ log x_i! over x with Σ x = c and 0 ≤ x_i ≤ caps_i (caps ascending): the most
  /// even allocation (water filling).
  func evenSum(_ c: Int, caps: [Int]) -> Double {
    var remaining = c
    var sum = 0.0
    for (index, cap) in caps.enumerated() {
      let left = caps.count - index
      let share = remaining / left
      if cap <= share {
        sum += logFactorial[cap]
        remaining -= cap
      } else {
        let extra = remaining % left
        sum += Double(extra) * logFactorial[share + 1] + Double(left - extra) * logFactorial[share]
        return sum
      }
    }
    return sum
  }

  /// The greatest Σ log x_i! over the same set: the largest rows filled first.
  func unevenSum(_ c: Int, capsAscending caps: [Int]) -> Double {
    var remaining = c
    var sum = 0.0
    for cap in caps.reversed() where remaining > 0 {
      let x = min(cap, remaining)
      sum += logFactorial[x]
      remaining -= x
    }
    return sum
  }

  /// Calls `body(remaining row sums, sorted; w)` for every allocation of a column of `c` over
  /// the rows of `node`, until `body` returns false.
  func allocations(of c: Int, over node: [Int], _ body: ([Int], Double) -> Bool) {
    let count = node.count
    var capacityAfter = [Int](repeating: 0, count: count + 1)
    for i in stride(from: count - 1, through: 0, by: -1) {
      capacityAfter[i] = capacityAfter[i + 1] + node[i]
    }
    var x = [Int](repeating: 0, count: count)
    var going = true
    func place(_ i: Int, _ remaining: Int, _ logSum: Double) {
      guard going else { return }
      if i == count - 1 {
        x[i] = remaining
        var rest = zip(node, x).map { $0 - $1 }
        rest.sort()
        going = body(rest, logFactorial[c] - logSum - logFactorial[remaining])
        return
      }
      let low = max(0, remaining - capacityAfter[i + 1])
      let high = min(node[i], remaining)
      guard low <= high else { return }
      for v in low...high {
        x[i] = v
        place(i + 1, remaining - v, logSum + logFactorial[v])
        if !going { return }
      }
    }
    place(0, c, 0)
  }
}

/// The exact largest and smallest Σ_{k ≥ j} w_k over the completions of each node (the most and
/// the least probable completion), by recursion over the same network without pasts, memoised
/// by stage and node (FEXACT's longest and shortest paths).
struct Extremes {
  var memo: [[[Int]: (largest: Double, smallest: Double)]]

  init(stages: Int) { memo = Array(repeating: [:], count: stages) }

  /// `nil` when the step limit is reached.
  mutating func of(
    _ node: [Int], from j: Int, in network: FisherNetwork, steps: inout Int, limit: Int
  ) -> (largest: Double, smallest: Double)? {
    let f = network.logFactorial
    if j == network.columnSums.count - 1 {
      let w = f[network.columnSums[j]] - node.reduce(0) { $0 + f[$1] }
      return (w, w)
    }
    if let known = memo[j][node] { return known }
    var largest = -Double.infinity
    var smallest = Double.infinity
    var exceeded = false
    var children: [([Int], Double)] = []
    network.allocations(of: network.columnSums[j], over: node) { rest, w in
      children.append((rest, w))
      return true
    }
    steps += children.count
    if steps > limit { return nil }
    for (rest, w) in children {
      guard let next = of(rest, from: j + 1, in: network, steps: &steps, limit: limit) else {
        exceeded = true
        break
      }
      largest = max(largest, w + next.largest)
      smallest = min(smallest, w + next.smallest)
    }
    if exceeded { return nil }
    memo[j][node] = (largest, smallest)
    return (largest, smallest)
  }
}
