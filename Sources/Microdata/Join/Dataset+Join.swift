extension Dataset {
  /// Adds the variables of `other` to each row by a key, e.g. suspects → persons by `lopnr`.
  ///
  /// The key must be unique in `other` (a repeated key throws, naming both lines). The key
  /// column is not repeated; a variable both datasets have keeps this dataset's values under its
  /// name and gets `other`'s as `NAME_y`. The outcome (rows, matched, unmatched, missing keys)
  /// is appended to `loadReport.joins`.
  /// - Parameter kind: `.left` keeps every row (unmatched rows get missing values), `.inner`
  ///   keeps only rows with a partner.
  /// - Throws: `MicrodataError.unknownVariable`, `.duplicateKey`.
  public func joined(with other: Dataset, on key: String, kind: JoinKind = .left)
    throws(MicrodataError) -> Dataset
  {
    try joined(with: other, index: try KeyIndex(other, key: key), on: key, kind: kind)
  }

  /// `joined(with:on:kind:)` with the index of `other` by `key` built beforehand, so that
  /// several joins to one large dataset (a 10-million-row person register) index it once.
  /// - Precondition: `index` was built over `other` by `key` (`KeyIndex(other, key: key)`).
  public func joined(with other: Dataset, index: KeyIndex, on key: String, kind: JoinKind = .left)
    throws(MicrodataError) -> Dataset
  {
    precondition(index.count == other.rowCount, "the index is not of this dataset")
    let leftKeys = try keys(key)
    let matches = index.matches(leftKeys)
    var missingKeys = 0
    for row in 0..<rowCount where leftKeys.key(at: row) == nil { missingKeys += 1 }
    let matched = matches.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
    var result: Dataset
    var rightRows: [Int32]
    switch kind {
    case .left:
      result = self
      rightRows = matches
    case .inner:
      let keep = (0..<rowCount).filter { matches[$0] >= 0 }.map { Int32($0) }
      result = gathered(keep)
      rightRows = keep.map { matches[Int($0)] }
    }
    let keyColumn = try other.requireColumn(key)
    for column in other.columns where column.name != keyColumn.name {
      var added = column.gathered(rightRows)
      if result.columns.contains(where: { $0.name == added.name }) { added.name += "_y" }
      result.columns.append(added)
    }
    result.loadReport.joins.append(
      JoinSummary(
        key: key, other: other.source, kind: kind, rows: rowCount, matched: matched,
        unmatched: rowCount - matched,
        missingKeys: missingKeys))
    return result
  }
}
