import Microdata

/// A margin of a cross-tabulation: the sums of the cells over the dimensions it does not keep.
///
/// ```
/// margin(i_K) = Σ_{i_D∖K} count(i_K, i_D∖K)
/// ```
///
/// The counts are row-major over the kept dimensions, in the table's dimension order.
public struct Margin: Sendable, Equatable {
  /// Indices (into the table's dimensions) of the kept dimensions, ascending.
  public let dimensions: [Int]
  /// Names of the kept dimensions.
  public let variables: [String]
  /// Number of levels of each kept dimension.
  public let shape: [Int]
  /// The summed counts, row-major over the kept dimensions (one value for the grand total).
  public let counts: [Double]

  /// The count at the given level indices of the kept dimensions.
  public func count(_ levelIndices: [Int]) -> Double {
    precondition(levelIndices.count == shape.count, "one level index per kept dimension")
    var index = 0
    for (d, i) in levelIndices.enumerated() { index = index * shape[d] + i }
    return counts[index]
  }
}

extension CrossTab {
  /// Strides of the extended table, whose dimension `d` has `k_d + 1` positions.
  var extendedStrides: [Int] { Self.strides(of: shape.map { $0 + 1 }) }

  /// The extended table: the cells plus, at position `k_d` of each dimension, the sum over that
  /// dimension. One pass per dimension; sums over several dimensions build on earlier passes.
  ///
  /// - Complexity: O(n · Π(k_d + 1)) for n dimensions.
  static func extend(_ counts: [Double], shape: [Int]) -> [Double] {
    let extendedShape = shape.map { $0 + 1 }
    let extendedStrides = strides(of: extendedShape)
    let size = extendedShape.reduce(1, *)
    var extended = [Double](repeating: 0, count: size)
    // Place the cells.
    let cellStrides = strides(of: shape)
    for cell in counts.indices {
      var rest = cell
      var position = 0
      for d in shape.indices {
        let i = rest / cellStrides[d]
        rest -= i * cellStrides[d]
        position += i * extendedStrides[d]
      }
      extended[position] = counts[cell]
    }
    // Sum along each dimension in turn into its extra position.
    for d in shape.indices {
      let step = extendedStrides[d]
      let extent = extendedShape[d]
      let outerCount = size / (extent * step)
      for outer in 0..<outerCount {
        for inner in 0..<step {
          let base = outer * extent * step + inner
          var sum = 0.0
          for i in 0..<shape[d] { sum += extended[base + i * step] }
          extended[base + shape[d] * step] = sum
        }
      }
    }
    return extended
  }

  /// The margins of every proper, non-empty subset of the dimensions.
  static func margins(from extended: [Double], shape: [Int], dimensions: [Dimension]) -> [Margin] {
    let n = shape.count
    guard n >= 2 else { return [] }
    var result: [Margin] = []
    for mask in 1..<((1 << n) - 1) {
      let kept = (0..<n).filter { mask & (1 << $0) != 0 }
      result.append(margin(from: extended, shape: shape, dimensions: dimensions, keeping: kept))
    }
    return result
  }

  /// The margin keeping the dimensions `kept` (ascending indices), read from the extended table.
  static func margin(
    from extended: [Double], shape: [Int], dimensions: [Dimension], keeping kept: [Int]
  ) -> Margin {
    let extendedStrides = strides(of: shape.map { $0 + 1 })
    var base = 0
    for d in shape.indices where !kept.contains(d) { base += shape[d] * extendedStrides[d] }
    let keptShape = kept.map { shape[$0] }
    let size = keptShape.reduce(1, *)
    var counts = [Double](repeating: 0, count: size)
    var indices = [Int](repeating: 0, count: kept.count)
    for position in 0..<size {
      var offset = base
      for (j, d) in kept.enumerated() { offset += indices[j] * extendedStrides[d] }
      counts[position] = extended[offset]
      // Advance the row-major odometer over the kept dimensions.
      var j = kept.count - 1
      while j >= 0 {
        indices[j] += 1
        if indices[j] < keptShape[j] { break }
        indices[j] = 0
        j -= 1
      }
    }
    return Margin(
      dimensions: kept, variables: kept.map { dimensions[$0].name }, shape: keptShape,
      counts: counts)
  }

  /// The count at level indices, where `nil` sums over that dimension: `[0, nil]` is the first
  /// row's margin of a two-way table, `[nil, nil]` the total.
  public func count(at levelIndices: [Int?]) -> Double {
    extended[extendedPosition(levelIndices)]
  }

  /// The count at level codes, where `nil` sums over that dimension.
  ///
  /// - Throws: `TabulationError.unknownLevel` for a code that is not a level.
  public func count(codes: [String?]) throws(TabulationError) -> Double {
    precondition(codes.count == shape.count, "one code (or nil) per dimension")
    var indices: [Int?] = []
    for (d, code) in codes.enumerated() {
      if let code {
        indices.append(try levelIndex(ofCode: code, inDimension: d))
      } else {
        indices.append(nil)
      }
    }
    return count(at: indices)
  }

  /// The margin keeping the named dimensions (returned in the table's dimension order). Keeping
  /// every dimension gives the cells; keeping none gives the total.
  ///
  /// - Throws: `TabulationError.unknownVariable` for a name that is not a dimension.
  public func margin(keeping names: [String]) throws(TabulationError) -> Margin {
    var kept: [Int] = []
    for name in names { kept.append(try dimensionIndex(of: name)) }
    kept = Array(Set(kept)).sorted()
    return Self.margin(from: extended, shape: shape, dimensions: dimensions, keeping: kept)
  }

  /// Position in the extended table of level indices with `nil` for "summed over".
  func extendedPosition(_ levelIndices: [Int?]) -> Int {
    precondition(levelIndices.count == shape.count, "one level index (or nil) per dimension")
    let strides = extendedStrides
    var position = 0
    for d in shape.indices {
      let i = levelIndices[d] ?? shape[d]
      precondition(i >= 0 && i <= shape[d], "level index in range")
      position += i * strides[d]
    }
    return position
  }
}
