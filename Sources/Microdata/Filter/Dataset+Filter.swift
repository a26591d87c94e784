extension Dataset {
  /// Whether each row satisfies the filter (unknown, because of a missing value, is false).
  /// - Throws: `MicrodataError.invalidFilter` pointing at the unknown name or bad comparison.
  public func rowMask(_ filter: RowFilter) throws(MicrodataError) -> [Bool] {
    try filter.evaluate(on: self).map { $0 == RowFilter.isTrue }
  }

  /// The rows that satisfy the filter, in their order, with their source lines.
  /// - Throws: `MicrodataError.invalidFilter`.
  public func filtered(by filter: RowFilter) throws(MicrodataError) -> Dataset {
    let mask = try rowMask(filter)
    var keep: [Int32] = []
    keep.reserveCapacity(rowCount)
    for (row, selected) in mask.enumerated() where selected { keep.append(Int32(row)) }
    return gathered(keep)
  }

  /// The rows that satisfy a filter expression, e.g. `filtered("alder >= 18")`.
  /// - Throws: `MicrodataError.invalidFilter`.
  public func filtered(_ expression: String) throws(MicrodataError) -> Dataset {
    try filtered(by: RowFilter(parsing: expression))
  }
}
