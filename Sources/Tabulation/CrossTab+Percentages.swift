extension CrossTab {
  /// Percentages of every cell (row-major, like ``counts``) on a base defined by a layout.
  ///
  /// ```
  /// row:    100 · n(r, c) / n(r, ·)
  /// column: 100 · n(r, c) / n(·, c)
  /// total:  100 · n(r, c) / n(·, ·)
  /// ```
  ///
  /// where `r` is the combination of the row variables and `c` of the column variables. A
  /// percentage whose base is zero is `nil`.
  ///
  /// - Throws: the errors of an invalid layout (see ``TableLayout``).
  public func percentages(_ base: PercentBase, layout: TableLayout) throws(TabulationError)
    -> [Double?]
  {
    let resolved = try resolve(layout)
    let conditioning = conditioningDimensions(base, layout: resolved)
    let strides = extendedStrides
    return counts.indices.map { cell in
      let indices = levelIndices(ofCell: cell)
      var position = 0
      for d in shape.indices { position += indices[d] * strides[d] }
      return percent(atExtended: position, conditioningOn: conditioning)
    }
  }

  /// The dimensions a percentage is conditional on: the row dimensions for row percentages, the
  /// column dimensions for column percentages, none for the total.
  func conditioningDimensions(_ base: PercentBase, layout: ResolvedLayout) -> Set<Int> {
    switch base {
    case .row: return Set(layout.rows)
    case .column: return Set(layout.columns)
    case .total: return []
    }
  }

  /// The percentage of the extended-table entry at `position` (a cell or a margin) relative to
  /// the entry that sums over every dimension not in `conditioning`, or `nil` if that is zero.
  func percent(atExtended position: Int, conditioningOn conditioning: Set<Int>) -> Double? {
    let base = extended[denominatorPosition(position, conditioningOn: conditioning)]
    guard base > 0 else { return nil }
    return 100 * extended[position] / base
  }

  /// The extended position of the base of a percentage: `position` with every dimension outside
  /// `conditioning` set to "summed over".
  func denominatorPosition(_ position: Int, conditioningOn conditioning: Set<Int>) -> Int {
    let strides = extendedStrides
    var rest = position
    var result = 0
    for d in shape.indices {
      let i = rest / strides[d]
      rest -= i * strides[d]
      result += (conditioning.contains(d) ? i : shape[d]) * strides[d]
    }
    return result
  }

  /// The level indices (`nil` = summed over) of an extended position.
  func extendedCoordinates(_ position: Int) -> [Int?] {
    let strides = extendedStrides
    var rest = position
    var result: [Int?] = []
    for d in shape.indices {
      let i = rest / strides[d]
      rest -= i * strides[d]
      result.append(i == shape[d] ? nil : i)
    }
    return result
  }
}
