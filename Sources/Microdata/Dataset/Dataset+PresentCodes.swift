extension Dataset {
  /// The level codes of `factor(name)` that occur in at least one row, found without building
  /// the factor (one pass over a categorical or whole-number column, no per-row allocation): for
  /// example the years a file covers.
  /// - Throws: as `factor(_:)`.
  public func presentCodes(_ name: String) throws(MicrodataError) -> Set<String> {
    guard let column = column(named: name) else { return Self.occurringCodes(try factor(name)) }
    switch column.storage {
    case .categorical8(let codes, let levels):
      var seen = [Bool](repeating: false, count: 256)
      for code in codes { seen[Int(code)] = true }
      return Set(levels.indices.filter { seen[$0] }.map { levels[$0].code })
    case .integer32(let values):
      var low = Int32.max
      var high = Int32.min
      for v in values where v != Int32.min {
        low = min(low, v)
        high = max(high, v)
      }
      guard low <= high else { return [] }
      guard Int(high) - Int(low) < 1 << 16 else {
        return Set(values.lazy.filter { $0 != Int32.min }.map { String($0) })
      }
      var seen = [Bool](repeating: false, count: Int(high) - Int(low) + 1)
      for v in values where v != Int32.min { seen[Int(v) - Int(low)] = true }
      return Set(seen.indices.filter { seen[$0] }.map { String(Int(low) + $0) })
    default:
      return Self.occurringCodes(Dataset.factor(of: column))
    }
  }

  private static func occurringCodes(_ factor: Factor) -> Set<String> {
    let counts = factor.levelCounts()
    return Set(factor.levels.indices.filter { counts[$0] > 0 }.map { factor.levels[$0].code })
  }
}
