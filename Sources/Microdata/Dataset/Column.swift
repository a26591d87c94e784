/// One column of a dataset: the variable it holds and its values in a compact typed store.
struct Column: Sendable, Equatable {
  /// The variable name (for an undeclared column, its header name).
  var name: String
  /// The header name in the file.
  var header: String
  var kind: VariableKind
  /// Whether the codebook declares the variable.
  var declared: Bool
  var storage: Storage

  /// Typed storage with a missing sentinel per type. Equality treats two missing decimals
  /// (NaN) as equal, as two missing values of any other type are.
  enum Storage: Sendable, Equatable {
    /// Level index per row (`UInt8.max` missing) and the levels.
    case categorical8([UInt8], levels: [Factor.Level])
    /// Level index per row (`UInt16.max` missing) and the levels.
    case categorical16([UInt16], levels: [Factor.Level])
    /// `Int32.min` missing.
    case integer32([Int32])
    /// `Int64.min` missing.
    case integer64([Int64])
    /// NaN missing.
    case decimal([Double])
    /// Day numbers since 1970-01-01; `Int32.min` missing.
    case date([Int32])
    /// Identifiers that are all plain numbers; `Int64.min` missing.
    case numericIdentifier([Int64])
    /// Text (and identifiers that are not all numbers); empty missing.
    case text(TextColumn)

    static func == (a: Storage, b: Storage) -> Bool {
      switch (a, b) {
      case (.categorical8(let x, let l), .categorical8(let y, let m)): x == y && l == m
      case (.categorical16(let x, let l), .categorical16(let y, let m)): x == y && l == m
      case (.integer32(let x), .integer32(let y)): x == y
      case (.integer64(let x), .integer64(let y)): x == y
      case (.decimal(let x), .decimal(let y)):
        x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
      case (.date(let x), .date(let y)): x == y
      case (.numericIdentifier(let x), .numericIdentifier(let y)): x == y
      case (.text(let x), .text(let y)): x == y
      default: false
      }
    }
  }

  var count: Int {
    switch storage {
    case .categorical8(let v, _): v.count
    case .categorical16(let v, _): v.count
    case .integer32(let v): v.count
    case .integer64(let v): v.count
    case .decimal(let v): v.count
    case .date(let v): v.count
    case .numericIdentifier(let v): v.count
    case .text(let t): t.count
    }
  }

  /// Whether the row's value is missing.
  func isMissing(_ row: Int) -> Bool {
    switch storage {
    case .categorical8(let v, _): v[row] == UInt8.max
    case .categorical16(let v, _): v[row] == UInt16.max
    case .integer32(let v): v[row] == Int32.min
    case .integer64(let v): v[row] == Int64.min
    case .decimal(let v): v[row].isNaN
    case .date(let v): v[row] == Int32.min
    case .numericIdentifier(let v): v[row] == Int64.min
    case .text(let t): t.isMissing(row)
    }
  }

  /// The row's value as text (a code, a number, a date), nil when missing.
  func text(_ row: Int) -> String? {
    if isMissing(row) { return nil }
    switch storage {
    case .categorical8(let v, let levels): return levels[Int(v[row])].code
    case .categorical16(let v, let levels): return levels[Int(v[row])].code
    case .integer32(let v): return String(v[row])
    case .integer64(let v): return String(v[row])
    case .decimal(let v): return formatDecimal(v[row])
    case .date(let v): return CalendarDay(daysSince1970: v[row]).description
    case .numericIdentifier(let v): return String(v[row])
    case .text(let t): return t[row]
    }
  }

  /// The column restricted to `indices` (an index of -1 gives a missing value).
  func gathered(_ indices: [Int32]) -> Column {
    func pick<T>(_ values: [T], _ missing: T) -> [T] {
      indices.map { $0 >= 0 ? values[Int($0)] : missing }
    }
    var result = self
    switch storage {
    case .categorical8(let v, let levels):
      result.storage = .categorical8(pick(v, UInt8.max), levels: levels)
    case .categorical16(let v, let levels):
      result.storage = .categorical16(pick(v, UInt16.max), levels: levels)
    case .integer32(let v): result.storage = .integer32(pick(v, Int32.min))
    case .integer64(let v): result.storage = .integer64(pick(v, Int64.min))
    case .decimal(let v): result.storage = .decimal(pick(v, Double.nan))
    case .date(let v): result.storage = .date(pick(v, Int32.min))
    case .numericIdentifier(let v): result.storage = .numericIdentifier(pick(v, Int64.min))
    case .text(let t): result.storage = .text(t.gathered(indices))
    }
    return result
  }
}

/// A decimal as the shortest text that reads back to the same `Double` (`3.5`, `0.1`, `12`).
func formatDecimal(_ x: Double) -> String {
  if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
  return "\(x)"
}
