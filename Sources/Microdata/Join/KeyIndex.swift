/// A lookup from key to row of one dataset, e.g. persons by `lopnr`, for joins and for asking
/// which keys of another dataset have a partner.
///
/// ```swift
/// let persons = try Dataset.load(contentsOf: personsURL, codebook: .canonical)
/// let index = try KeyIndex(persons, key: "lopnr")            // throws on a repeated lopnr
/// let rows = index.matches(try suspects.keys("lopnr"))        // persons row per suspect, -1 none
/// ```
public struct KeyIndex: Sendable {
  let keys: KeyColumn
  let table: KeyHashTable
  /// The number of rows with a key that occurred earlier (0 when built with `requireUnique`).
  public let duplicateCount: Int

  /// Indexes `dataset` by a key variable.
  /// - Parameter requireUnique: throw when a key occurs twice (default); otherwise the first
  ///   row with a key is the one found.
  /// - Throws: `MicrodataError.unknownVariable`; `.duplicateKey` naming the lines of both rows.
  public init(_ dataset: Dataset, key: String, requireUnique: Bool = true) throws(MicrodataError) {
    let keys = try dataset.keys(key)
    var first: (Int, Int)? = nil
    var duplicates = 0
    let table = KeyHashTable.build(keys) { a, b in
      if first == nil { first = (a, b) }
      duplicates += 1
    }
    if requireUnique, let (a, b) = first {
      throw .duplicateKey(
        file: dataset.source, variable: key, value: keys.key(at: b)?.description ?? "",
        firstLine: dataset.sourceLine(ofRow: a), secondLine: dataset.sourceLine(ofRow: b))
    }
    self.keys = keys
    self.table = table
    self.duplicateCount = duplicates
  }

  /// The number of rows indexed.
  public var count: Int { keys.count }

  /// The (first) row with `key`, if any.
  public func firstRow(for key: KeyColumn.Key) -> Int? {
    var text = TextColumn()
    text.append(key.description)
    let row = matches(KeyColumn(storage: .text(text)))[0]
    return row >= 0 ? Int(row) : nil
  }

  /// For each row of `other`, the indexed row with the same key, or -1 (no partner or a
  /// missing key).
  public func matches(_ other: KeyColumn) -> [Int32] {
    table.matches(indexed: keys, other)
  }

  /// Rows of `other` whose key has no partner here (missing keys included).
  public func unmatchedCount(_ other: KeyColumn) -> Int {
    matches(other).reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
  }
}
