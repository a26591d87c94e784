import Dispatch
import Microdata

// The counting kernel. Goals, in priority order: (1) every row is either tabulated or counted in
// `Exclusions` by reason and variable, and a corrupt code is an error, never a wrong cell;
// (2) exact integer counts; (3) speed: one pass over the Int32 codes, in blocks that stay in L1,
// where the mixed-radix cell index and a validity flag are built column by column (loops the
// compiler vectorises) and then scattered into a histogram; large inputs are split across cores,
// each with its own histogram, merged at the end.
//
// The validity flag of a row is OR_d (code_d | (k_d − 1 − code_d)): its sign bit is set exactly
// when some code is negative (missing, outside, corrupt) or ≥ k_d (corrupt), so one test per row
// sends every problem row to the slow path, which sorts out the reason.

/// Per-row weights for a cross-tabulation.
public enum Weight: Sendable, Equatable {
  /// Whole-number weights, e.g. `antal_misstankar` (count suspicions) or a population `antal`.
  /// Accumulated exactly in `Int64`. A negative weight is an error.
  case integers(name: String, [Int])
  /// Real weights. `NaN` marks a missing weight (the row is excluded and counted as missing for
  /// the weight variable); a negative or infinite weight is an error.
  case doubles(name: String, [Double])

  /// The weight variable's name.
  public var name: String {
    switch self {
    case .integers(let name, _), .doubles(let name, _): return name
    }
  }

  var count: Int {
    switch self {
    case .integers(_, let values): return values.count
    case .doubles(_, let values): return values.count
    }
  }
}

/// Options for building a ``CrossTab``.
public struct CrossTabOptions: Sendable, Equatable {
  /// The most threads the counting pass uses. Default 2.
  public var maximumThreads: Int
  /// Inputs with at least this many rows are split across threads. Default 1 000 000.
  public var parallelRowThreshold: Int
  /// The largest number of cells a table may have. Default 2²⁴ (16 777 216).
  public var maximumCellCount: Int

  public init(
    maximumThreads: Int = 2, parallelRowThreshold: Int = 1_000_000,
    maximumCellCount: Int = 1 << 24
  ) {
    self.maximumThreads = maximumThreads
    self.parallelRowThreshold = parallelRowThreshold
    self.maximumCellCount = maximumCellCount
  }
}

extension CrossTab {
  /// Cross-tabulates factors, optionally summing a weight instead of counting rows.
  ///
  /// - Parameters:
  ///   - factors: One or more factors with the same number of rows; each becomes a dimension, in
  ///     this order.
  ///   - weight: Per-row weights, or `nil` to count rows. See ``Weight``.
  ///   - options: Threading and size limits; see ``CrossTabOptions``.
  /// - Throws: `TabulationError.lengthMismatch`, `.duplicateVariable`, `.invalidCode`,
  ///   `.invalidWeight`, `.tooManyCells`, `.invalidOption` (no factors).
  /// - Complexity: O(rows · factors) in one pass, plus O(n · Π(k_d + 1)) for the margins.
  public init(
    _ factors: [Factor], weight: Weight? = nil, options: CrossTabOptions = CrossTabOptions()
  ) throws(TabulationError) {
    guard let first = factors.first else {
      throw .invalidOption(name: "factors", value: "[]", reason: "at least one variable is needed")
    }
    let rowCount = first.count
    var seen: Set<String> = []
    for factor in factors {
      guard factor.count == rowCount else {
        throw .lengthMismatch(variable: factor.name, count: factor.count, expected: rowCount)
      }
      guard seen.insert(factor.name).inserted else { throw .duplicateVariable(name: factor.name) }
    }
    if let weight, weight.count != rowCount {
      throw .lengthMismatch(variable: weight.name, count: weight.count, expected: rowCount)
    }
    let shape = factors.map(\.levels.count)
    let cellCount = shape.reduce(1.0) { $0 * Double($1) }
    let limit = min(options.maximumCellCount, Int(Int32.max))
    guard cellCount <= Double(limit) else { throw .tooManyCells(count: cellCount, limit: limit) }
    let cells = Int(cellCount)

    let threads =
      rowCount >= options.parallelRowThreshold ? max(1, min(options.maximumThreads, 8)) : 1
    let accumulator = try Self.count(
      factors, shape: shape, cells: cells, weight: weight, rows: rowCount, threads: threads)

    var exclusions = Exclusions(rows: accumulator.excludedRows)
    for (d, factor) in factors.enumerated() {
      if accumulator.missing[d] > 0 {
        exclusions.missing[factor.name, default: 0] += accumulator.missing[d]
      }
      if accumulator.outside[d] > 0 {
        exclusions.outside[factor.name, default: 0] += accumulator.outside[d]
      }
    }
    if let weight {
      if accumulator.missingWeight > 0 {
        exclusions.missing[weight.name, default: 0] += accumulator.missingWeight
      }
      exclusions.weight = accumulator.excludedWeight
    }
    self.init(
      dimensions: factors.map { Dimension(name: $0.name, levels: $0.levels) },
      counts: accumulator.counts, records: accumulator.records, weightName: weight?.name,
      tabulatedRows: rowCount - accumulator.excludedRows, excluded: exclusions)
  }

  /// Runs the kernel on `threads` contiguous chunks and merges the partial histograms.
  private static func count(
    _ factors: [Factor], shape: [Int], cells: Int, weight: Weight?, rows: Int, threads: Int
  ) throws(TabulationError) -> CountAccumulator {
    if threads <= 1 || rows < threads {
      let result = CountAccumulator.run(
        factors, shape: shape, cells: cells, weight: weight, rows: 0..<rows)
      if let error = result.error { throw error }
      return result.finished(weighted: weight != nil)
    }
    let slots = ResultSlots(count: threads)
    DispatchQueue.concurrentPerform(iterations: threads) { part in
      let lower = rows * part / threads
      let upper = rows * (part + 1) / threads
      slots.store(
        CountAccumulator.run(
          factors, shape: shape, cells: cells, weight: weight, rows: lower..<upper),
        at: part)
    }
    var parts = slots.take()
    if let error = parts.lazy.compactMap(\.error).first { throw error }
    var merged = parts.removeFirst()
    for part in parts { merged.merge(part) }
    return merged.finished(weighted: weight != nil)
  }
}

/// One slot per thread for the partial results; each thread writes only its own slot, and the
/// slots are read after `concurrentPerform` has returned.
private final class ResultSlots: @unchecked Sendable {
  private let pointer: UnsafeMutablePointer<CountAccumulator?>
  private let count: Int

  init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: count)
    pointer.initialize(repeating: nil, count: count)
  }

  func store(_ value: CountAccumulator, at index: Int) { pointer[index] = value }

  func take() -> [CountAccumulator] { (0..<count).map { pointer[$0]! } }

  deinit {
    pointer.deinitialize(count: count)
    pointer.deallocate()
  }
}
