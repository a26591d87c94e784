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
    // Rows sharing a value of the first variable with an earlier row, with that earlier row
    // (the group); a row may be listed more than once.
    var members: [(row: Int, group: Int)] = []
    KeyHashTable.build(KeyColumn(column: first)) { earlier, row in
      members.append((earlier, earlier))
      members.append((row, earlier))
    }
    if !skippingMissing {
      let missing = (0..<rowCount).filter { first.isMissing($0) }
      for row in missing { members.append((row, missing[0])) }
    }
    guard !members.isEmpty else { return nil }
    members.sort { $0.row < $1.row }

    // Among them, the first row whose group and other values equal an earlier row's: an
    // open-addressing table of rows, hashed and compared on the stored values (no text per row).
    var size = 16
    while size < members.count * 2 { size *= 2 }
    let mask = size - 1
    var slots = [Int32](repeating: -1, count: size)
    var slotGroups = [Int](repeating: 0, count: size)
    var previous = -1
    for (row, group) in members where row != previous {
      previous = row
      if skippingMissing && others.contains(where: { $0.isMissing(row) }) { continue }
      var h = UInt64(truncatingIfNeeded: group)
      for column in others {
        h = UInt64(bitPattern: Int64(KeyHashTable.mix(h ^ column.recordHash(row))))
      }
      var slot = Int(truncatingIfNeeded: h) & mask
      while slots[slot] >= 0 {
        let earlier = Int(slots[slot])
        if slotGroups[slot] == group && others.allSatisfy({ $0.sameValue(earlier, row) }) {
          return (earlier, row)
        }
        slot = (slot + 1) & mask
      }
      slots[slot] = Int32(truncatingIfNeeded: row)
      slotGroups[slot] = group
    }
    return nil
  }
}

extension Column {
  /// A hash of the row's value consistent with `sameValue` (as `text(row)` would compare).
  func recordHash(_ row: Int) -> UInt64 {
    switch storage {
    case .categorical8(let v, _): return UInt64(v[row])
    case .categorical16(let v, _): return UInt64(v[row])
    case .integer32(let v): return UInt64(bitPattern: Int64(v[row]))
    case .integer64(let v), .numericIdentifier(let v): return UInt64(bitPattern: v[row])
    case .date(let v): return UInt64(bitPattern: Int64(v[row]))
    case .decimal(let v):
      let x = v[row]
      return x.isNaN ? 0x7FF8_0000_0000_0000 : x == 0 ? 0 : x.bitPattern
    case .text(let t): return UInt64(bitPattern: Int64(t[row].hashValue))
    }
  }

  /// Whether two rows hold the same value (two missing values are the same).
  func sameValue(_ a: Int, _ b: Int) -> Bool {
    switch storage {
    case .categorical8(let v, _): return v[a] == v[b]
    case .categorical16(let v, _): return v[a] == v[b]
    case .integer32(let v): return v[a] == v[b]
    case .integer64(let v), .numericIdentifier(let v): return v[a] == v[b]
    case .date(let v): return v[a] == v[b]
    case .decimal(let v): return v[a] == v[b] || (v[a].isNaN && v[b].isNaN)
    case .text(let t): return t[a] == t[b]
    }
  }
}
