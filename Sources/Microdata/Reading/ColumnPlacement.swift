#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The dataset's fixed-width columns allocated before a whole file is parsed, so that every
/// part of a parallel parse writes its rows straight to their place (no copy from parse buffers
/// afterwards, and each page is touched once).
///
/// Each part gets room for as many rows as it has line feeds (the last part one more): an
/// upper bound on its records in a file with LF or CRLF line ends. After the parse the parts'
/// rows are moved together (nothing moves when every line was a kept record). A column stays
/// where it was written only if every part kept its values in place with the planned width;
/// otherwise (a part outgrew its room, integers widened to 64 bits, an id or an undeclared
/// column turned to text) its parts are detached and assembled as before.
enum ColumnPlacement {
  /// A column of values written in place: its storage type follows the plan's sink.
  enum Values {
    case uint8([UInt8])
    case uint16([UInt16])
    case int32([Int32])
    case int64([Int64])
    case double([Double])
  }

  /// The element type a sink's column is allocated with, or nil for columns assembled from
  /// their parts (text, skipped).
  static func width(of sink: ColumnPlan.Sink) -> Int? {
    switch sink {
    case .categorical8: 1
    case .categorical16: 2
    case .integer, .date, .inferred: 4
    case .identifier, .decimal: 8
    case .text, .skip: nil
    }
  }

  /// Allocates, for each plan with a fixed-width sink, an uninitialised column of `capacity`
  /// rows; calls `body` with the columns' base addresses (nil for the other plans); `body`
  /// returns how many rows of each column it initialised (0 for a column it did not keep).
  /// - Returns: per plan, the column (nil for plans without one or with nothing kept).
  static func withColumns(
    plans: [ColumnPlan], capacity: Int,
    _ body: ([UnsafeMutableRawPointer?]) -> [Int]
  ) -> [Values?] {
    var bases = [UnsafeMutableRawPointer?](repeating: nil, count: plans.count)
    var counts = [Int](repeating: 0, count: plans.count)
    var columns = [Values?](repeating: nil, count: plans.count)

    // Each column's array is made inside the closure that allocates the next, so that the
    // parse runs while every array's uninitialised storage is in scope: one level of nesting
    // per placed column, so at most `maximumPlacedColumns` of them (a file of 30 000 columns
    // overflowed the stack); the others are assembled from their parts.
    func nest(_ start: Int, placed: Int) {
      var k = start
      while k < plans.count
        && (capacity == 0 || width(of: plans[k].sink) == nil || placed >= maximumPlacedColumns)
      {
        k += 1
      }
      guard k < plans.count else {
        counts = body(bases)
        return
      }
      func allocate<T>(_: T.Type) -> [T] {
        [T](unsafeUninitializedCapacity: capacity) { buffer, count in
          bases[k] = UnsafeMutableRawPointer(buffer.baseAddress)
          HugePages.advise(bases[k], bytes: capacity * MemoryLayout<T>.stride)
          nest(k + 1, placed: placed + 1)
          count = counts[k]
        }
      }
      switch width(of: plans[k].sink) {
      case 1: columns[k] = .uint8(allocate(UInt8.self))
      case 2: columns[k] = .uint16(allocate(UInt16.self))
      case 4: columns[k] = .int32(allocate(Int32.self))
      case 8 where plans[k].sink == .decimal: columns[k] = .double(allocate(Double.self))
      default: columns[k] = .int64(allocate(Int64.self))
      }
      if counts[k] == 0 { columns[k] = nil }
    }
    nest(0, placed: 0)
    return columns
  }

  /// The most columns placed before the parse (a register has tens).
  static let maximumPlacedColumns = 256

  /// After the parse: moves each placed column's parts together and returns the rows kept per
  /// column (the total, or 0 for a column that could not stay in place, whose parts are then
  /// detached to memory of their own).
  /// - Parameter offsets: the first row of each part's room.
  static func gather(
    parts: [ParsedPart], offsets: [Int], plans: [ColumnPlan], bases: [UnsafeMutableRawPointer?]
  ) -> [Int] {
    let total = parts.reduce(0) { $0 + $1.rows }
    return plans.indices.map { index -> Int in
      guard let base = bases[index], let width = width(of: plans[index].sink) else { return 0 }
      let inPlace = parts.allSatisfy { part in
        let sink = part.sinks[index]
        return !sink.ownsValues && sink.sink == plans[index].sink && sink.width == width
      }
      guard inPlace && total > 0 else {
        for part in parts { part.sinks[index].detach(rows: part.rows, capacity: part.capacity) }
        return 0
      }
      var row = 0
      for (k, part) in parts.enumerated() {
        if offsets[k] != row && part.rows > 0 {
          memmove(base + row * width, base + offsets[k] * width, part.rows * width)
        }
        row += part.rows
      }
      return total
    }
  }
}
