import Microdata

/// The partial histogram of one chunk of rows (see `CrossTab+Counting.swift` for the design).
struct CountAccumulator: Sendable {
  /// Rows per cell (unweighted) or the integer weight sum per cell.
  var integerSums: [Int64]
  /// Rows per cell, for weighted tables.
  var recordCounts: [Int64]
  /// Neumaier sums and compensations per cell, for `Double` weights.
  var realSums: [Double]
  var compensations: [Double]
  /// Excluded rows per dimension and reason.
  var missing: [Int]
  var outside: [Int]
  /// Rows whose (real) weight is missing.
  var missingWeight = 0
  var excludedRows = 0
  var excludedWeight = 0.0
  var error: TabulationError?

  /// Final cell counts and records, filled by `finished(weighted:)`.
  var counts: [Double] = []
  var records: [Int64] = []

  static let blockSize = 2048

  init(cells: Int, dimensions: Int, weight: Weight?) {
    integerSums = [Int64](repeating: 0, count: cells)
    switch weight {
    case nil:
      recordCounts = []
      realSums = []
      compensations = []
    case .integers:
      recordCounts = [Int64](repeating: 0, count: cells)
      realSums = []
      compensations = []
    case .doubles:
      recordCounts = [Int64](repeating: 0, count: cells)
      realSums = [Double](repeating: 0, count: cells)
      compensations = [Double](repeating: 0, count: cells)
    }
    missing = [Int](repeating: 0, count: dimensions)
    outside = [Int](repeating: 0, count: dimensions)
  }

  /// Counts the rows in `rows`.
  static func run(
    _ factors: [Factor], shape: [Int], cells: Int, weight: Weight?, rows: Range<Int>
  ) -> CountAccumulator {
    var accumulator = CountAccumulator(cells: cells, dimensions: factors.count, weight: weight)
    var index = [Int32](repeating: 0, count: blockSize)
    var flag = [Int32](repeating: 0, count: blockSize)
    var start = rows.lowerBound
    while start < rows.upperBound {
      let n = min(blockSize, rows.upperBound - start)
      index.withUnsafeMutableBufferPointer { index in
        flag.withUnsafeMutableBufferPointer { flag in
          buildIndices(factors, shape: shape, start: start, count: n, index: index, flag: flag)
        }
      }
      switch weight {
      case nil:
        accumulator.addUnweighted(
          factors, shape: shape, start: start, index: index, flag: flag, n: n)
      case .integers(let name, let values):
        accumulator.addIntegers(
          factors, shape: shape, start: start, index: index, flag: flag, n: n, name: name,
          weights: values)
      case .doubles(let name, let values):
        accumulator.addDoubles(
          factors, shape: shape, start: start, index: index, flag: flag, n: n, name: name,
          weights: values)
      }
      if accumulator.error != nil { return accumulator }
      start += n
    }
    return accumulator
  }

  /// Builds the mixed-radix cell index and the validity flag of `count` rows from `start`,
  /// one column at a time.
  private static func buildIndices(
    _ factors: [Factor], shape: [Int], start: Int, count n: Int,
    index: UnsafeMutableBufferPointer<Int32>, flag: UnsafeMutableBufferPointer<Int32>
  ) {
    for d in factors.indices {
      let k = Int32(truncatingIfNeeded: shape[d])
      let top = k &- 1
      factors[d].codes.withUnsafeBufferPointer { codes in
        let column = codes.baseAddress! + start
        if d == 0 {
          for i in 0..<n {
            let code = column[i]
            index[i] = code
            flag[i] = code | (top &- code)
          }
        } else {
          for i in 0..<n {
            let code = column[i]
            index[i] = index[i] &* k &+ code
            flag[i] |= code | (top &- code)
          }
        }
      }
    }
  }

  private mutating func addUnweighted(
    _ factors: [Factor], shape: [Int], start: Int, index: [Int32], flag: [Int32], n: Int
  ) {
    var problems = 0
    integerSums.withUnsafeMutableBufferPointer { sums in
      index.withUnsafeBufferPointer { index in
        flag.withUnsafeBufferPointer { flag in
          for i in 0..<n {
            if flag[i] >= 0 {
              sums[Int(index[i])] &+= 1
            } else {
              problems += 1
            }
          }
        }
      }
    }
    guard problems > 0 else { return }
    for i in 0..<n where flag[i] < 0 {
      exclude(factors, shape: shape, row: start + i, weight: nil)
      if error != nil { return }
    }
  }

  private mutating func addIntegers(
    _ factors: [Factor], shape: [Int], start: Int, index: [Int32], flag: [Int32], n: Int,
    name: String, weights: [Int]
  ) {
    for i in 0..<n {
      let row = start + i
      let w = weights[row]
      if w < 0 {
        error = .invalidWeight(variable: name, row: row, value: Double(w))
        return
      }
      if flag[i] >= 0 {
        let cell = Int(index[i])
        integerSums[cell] &+= Int64(w)
        recordCounts[cell] &+= 1
      } else {
        exclude(factors, shape: shape, row: row, weight: Double(w))
      }
    }
  }

  private mutating func addDoubles(
    _ factors: [Factor], shape: [Int], start: Int, index: [Int32], flag: [Int32], n: Int,
    name: String, weights: [Double]
  ) {
    for i in 0..<n {
      let row = start + i
      let w = weights[row]
      if w.isNaN {
        missingWeight += 1
        if flag[i] < 0 {
          exclude(factors, shape: shape, row: row, weight: nil)
        } else {
          excludedRows += 1
        }
        continue
      }
      if w < 0 || !w.isFinite {
        error = .invalidWeight(variable: name, row: row, value: w)
        return
      }
      if flag[i] >= 0 {
        // Neumaier's compensated summation.
        let cell = Int(index[i])
        let s = realSums[cell]
        let t = s + w
        compensations[cell] += abs(s) >= w ? (s - t) + w : (w - t) + s
        realSums[cell] = t
        recordCounts[cell] &+= 1
      } else {
        exclude(factors, shape: shape, row: row, weight: w)
      }
    }
  }

  /// The slow path: a row with some code that is not a level. Counts it by variable and reason,
  /// or records an error for a corrupt code.
  private mutating func exclude(_ factors: [Factor], shape: [Int], row: Int, weight: Double?) {
    for d in factors.indices {
      let code = factors[d].codes[row]
      if code == Factor.missing {
        missing[d] += 1
      } else if code == Factor.outside {
        outside[d] += 1
      } else if code < 0 || Int(code) >= shape[d] {
        error = .invalidCode(variable: factors[d].name, row: row, code: code)
        return
      }
    }
    excludedRows += 1
    if let weight { excludedWeight += weight }
  }

  /// Adds another chunk's partial results.
  mutating func merge(_ other: CountAccumulator) {
    for i in integerSums.indices { integerSums[i] &+= other.integerSums[i] }
    for i in recordCounts.indices { recordCounts[i] &+= other.recordCounts[i] }
    for i in realSums.indices {
      // Combine two compensated sums: add the partial sums compensatedly, keep both corrections.
      let s = realSums[i]
      let w = other.realSums[i]
      let t = s + w
      compensations[i] += (abs(s) >= abs(w) ? (s - t) + w : (w - t) + s) + other.compensations[i]
      realSums[i] = t
    }
    for d in missing.indices {
      missing[d] += other.missing[d]
      outside[d] += other.outside[d]
    }
    missingWeight += other.missingWeight
    excludedRows += other.excludedRows
    excludedWeight += other.excludedWeight
  }

  /// Converts the sums to the stored `Double` counts and records.
  func finished(weighted: Bool) -> CountAccumulator {
    var result = self
    if !realSums.isEmpty {
      result.counts = zip(realSums, compensations).map { $0 + $1 }
      result.records = recordCounts
    } else {
      result.counts = integerSums.map { Double($0) }
      result.records = weighted ? recordCounts : integerSums
    }
    return result
  }
}
