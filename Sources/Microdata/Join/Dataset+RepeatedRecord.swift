extension Dataset {
  /// The first row, in file order, whose values of all `variables` equal those of an earlier
  /// row, with that earlier row: a record listed twice, e.g. a population cell (`ar`, `kon`,
  /// `alder`, `utbildning`, `fodelseland`) or a person (`lopnr`, `ar`).
  ///
  /// Values compare as the dataset holds them (a code, a number, a date): `01` and `1` of an
  /// integer column are one value, as they are one cell when tabulated.
  ///
  /// - Parameters:
  ///   - variables: the columns that identify a record, most selective first (the first is
  ///     hashed over every row; the others are compared only among rows that share it).
  ///   - skippingMissing: rows with a missing value in any of `variables` identify nothing and
  ///     are never repeats (a person without `lopnr`); otherwise a missing value is a value of
  ///     its own (a population cell of *uppgift saknas*).
  /// - Returns: `nil` when every combination occurs once.
  /// - Throws: `MicrodataError.unknownVariable`.
  /// - Complexity: O(n) for the first variable; O(m) more for the m rows that share a value of
  ///   it with another row.
  package func firstRepeatedRecord(over variables: [String], skippingMissing: Bool = false)
    throws(MicrodataError) -> (firstRow: Int, row: Int)?
  {
    guard let leading = variables.first else { return rowCount > 1 ? (0, 1) : nil }
    let others = try variables.dropFirst().map { name throws(MicrodataError) in
      try requireColumn(name)
    }
    let first = try requireColumn(leading)
    // Rows sharing a value of the first variable with an earlier row, and that earlier row.
    var group: [Int: Int] = [:]
    KeyHashTable.build(KeyColumn(column: first)) { earlier, row in
      group[earlier] = earlier
      group[row] = earlier
    }
    if !skippingMissing {
      let missing = (0..<rowCount).filter { first.isMissing($0) }
      for row in missing { group[row] = missing[0] }
    }
    guard !group.isEmpty else { return nil }

    struct Record: Hashable {
      var group: Int
      var values: [String?]
    }
    var seen: [Record: Int] = [:]
    for row in group.keys.sorted() {
      let values = others.map { $0.text(row) }
      if skippingMissing && values.contains(nil) { continue }
      let record = Record(group: group[row]!, values: values)
      if let earlier = seen[record] { return (earlier, row) }
      seen[record] = row
    }
    return nil
  }
}
