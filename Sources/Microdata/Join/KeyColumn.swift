/// The values of an identifier column (e.g. `lopnr`) as keys for joins and uniqueness checks.
///
/// Plain numbers are held as `Int64`, other identifiers as text; a key written `1000001` in
/// one file and read as text in another (because that file also has ids such as `A17`) is the
/// same key.
public struct KeyColumn: Sendable, Equatable {
  enum Storage: Sendable, Equatable {
    /// `Int64.min` missing.
    case integers([Int64])
    case text(TextColumn)
  }

  let storage: Storage

  /// One key: a number or a text. Text that is the canonical form of a number is the number.
  public struct Key: Sendable, Hashable, CustomStringConvertible {
    enum Value: Sendable, Hashable {
      case integer(Int64)
      case text(String)
    }

    let value: Value

    public init(_ text: String) {
      if let number = Int64(text), String(number) == text {
        value = .integer(number)
      } else {
        value = .text(text)
      }
    }

    public init(_ number: Int64) { value = .integer(number) }

    public var description: String {
      switch value {
      case .integer(let v): String(v)
      case .text(let t): t
      }
    }
  }

  init(storage: Storage) { self.storage = storage }

  init(column: Column) {
    switch column.storage {
    case .numericIdentifier(let v), .integer64(let v): storage = .integers(v)
    case .integer32(let v): storage = .integers(v.map { $0 == Int32.min ? Int64.min : Int64($0) })
    case .date(let v): storage = .integers(v.map { $0 == Int32.min ? Int64.min : Int64($0) })
    case .text(let t): storage = .text(t)
    default:
      var text = TextColumn()
      for row in 0..<column.count { text.append(column.text(row)) }
      storage = .text(text)
    }
  }

  public var count: Int {
    switch storage {
    case .integers(let v): v.count
    case .text(let t): t.count
    }
  }

  /// The key of a row, nil when missing.
  public func key(at row: Int) -> Key? {
    switch storage {
    case .integers(let v): return v[row] == Int64.min ? nil : Key(v[row])
    case .text(let t): return t[row].map { Key($0) }
    }
  }

  /// Pairs (first row with the key, later row) for every row whose key already occurred, in
  /// row order; empty when every key is unique (missing keys are not compared).
  public func duplicateRows() -> [(firstRow: Int, row: Int)] {
    // A register numbered in order (the usual `lopnr`) is unique without a table: one pass.
    if case .integers(let values) = storage, Self.strictlyIncreasing(values) { return [] }
    var duplicates: [(firstRow: Int, row: Int)] = []
    KeyHashTable.build(self) { first, row in duplicates.append((first, row)) }
    return duplicates
  }
}

extension KeyColumn {
  /// Whether the keys that are not missing (`Int64.min`) increase strictly from row to row.
  static func strictlyIncreasing(_ values: [Int64]) -> Bool {
    values.withUnsafeBufferPointer { v in
      var last = Int64.min
      for x in v where x != Int64.min {
        if x <= last { return false }
        last = x
      }
      return true
    }
  }
}

extension Dataset {
  /// An identifier (or any) variable as keys for joins, e.g. `keys("lopnr")`.
  /// - Throws: `MicrodataError.unknownVariable`.
  public func keys(_ name: String) throws(MicrodataError) -> KeyColumn {
    KeyColumn(column: try requireColumn(name))
  }
}
