// Walker's alias method in Vose's numerically stable form: O(1) draws from a fixed discrete
// distribution (used for the 86 single years of age and the 26 municipalities).
//
// Vose (1991), "A linear algorithm for generating random numbers with a given distribution",
// IEEE Transactions on Software Engineering 17(9), 972–975, doi:10.1109/32.92917.

/// A discrete distribution over `0..<count` prepared for constant-time sampling.
///
/// One draw: pick a column i uniformly, keep it with probability `threshold[i]`, otherwise
/// return `alias[i]`.
struct AliasTable: Sendable, Equatable {
  private var threshold: [Double]
  private var alias: [Int]

  /// Builds the table from non-negative weights (they need not sum to one).
  init(weights: [Double]) {
    let n = weights.count
    precondition(n > 0, "an alias table needs at least one category")
    let total = weights.reduce(0, +)
    precondition(total > 0 && weights.allSatisfy { $0 >= 0 }, "weights must be non-negative")
    var scaled = weights.map { $0 * Double(n) / total }
    threshold = Array(repeating: 1, count: n)
    alias = Array(0..<n)
    var small: [Int] = []
    var large: [Int] = []
    for i in 0..<n {
      if scaled[i] < 1 { small.append(i) } else { large.append(i) }
    }
    while let s = small.popLast(), let l = large.popLast() {
      threshold[s] = scaled[s]
      alias[s] = l
      scaled[l] = (scaled[l] + scaled[s]) - 1
      if scaled[l] < 1 { small.append(l) } else { large.append(l) }
    }
    // What remains has probability one up to rounding.
    for i in small + large { threshold[i] = 1 }
  }

  var count: Int { threshold.count }

  /// The probability the table assigns to category `i` (for tests).
  func probability(of i: Int) -> Double {
    var p = threshold[i]
    for j in 0..<count where alias[j] == i && j != i { p += 1 - threshold[j] }
    return p / Double(count)
  }

  @inline(__always)
  func sample(_ random: inout Xoshiro256StarStar) -> Int {
    let column = random.integer(in: 0...(count - 1))
    return random.uniform() < threshold[column] ? column : alias[column]
  }
}
