/// Text values stored compactly: all bytes (UTF-8) in one arena and each row's end offset, not
/// a `String` per row. An empty value is missing.
struct TextColumn: Sendable, Equatable, Hashable {
  var bytes: [UInt8]
  /// `ends[row]` is the arena offset after the row's bytes; the row starts at `ends[row − 1]`.
  var ends: [Int64]

  init(bytes: [UInt8] = [], ends: [Int64] = []) {
    self.bytes = bytes
    self.ends = ends
  }

  var count: Int { ends.count }

  @inline(__always)
  func range(_ row: Int) -> Range<Int> {
    let start = row == 0 ? 0 : Int(ends[row - 1])
    return start..<Int(ends[row])
  }

  func isMissing(_ row: Int) -> Bool { range(row).isEmpty }

  /// The value of a row, nil when missing.
  subscript(row: Int) -> String? {
    let r = range(row)
    if r.isEmpty { return nil }
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self)
    }
  }

  /// Calls `body` with the raw UTF-8 bytes of a row.
  @inline(__always)
  func withBytes<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let r = range(row)
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[r])) }
  }

  mutating func append(_ text: String?) {
    if let text { bytes.append(contentsOf: text.utf8) }
    ends.append(Int64(bytes.count))
  }

  /// The rows at `indices` (an index of -1 gives a missing value).
  func gathered(_ indices: [Int32]) -> TextColumn {
    var result = TextColumn()
    result.ends.reserveCapacity(indices.count)
    bytes.withUnsafeBufferPointer { source in
      for index in indices {
        if index >= 0 {
          let r = range(Int(index))
          result.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[r]))
        }
        result.ends.append(Int64(result.bytes.count))
      }
    }
    return result
  }
}
