import Foundation
import Microdata

/// A buffered writer of `;`-separated UTF-8 text with LF line ends.
///
/// Rows are appended as bytes (integers formatted by hand, strings copied as UTF-8), so no
/// `String` is built per row; the buffer goes to disk whenever it passes `capacity`.
struct CSVOutput {
  static let separator: UInt8 = 59  // ";"
  static let newline: UInt8 = 10

  let url: URL
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private let capacity = 1 << 20

  /// Creates (or truncates) the file.
  init(url: URL) throws(CountyError) {
    self.url = url
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw .cannotWrite(path: url.path, reason: "the file could not be created")
    }
    do {
      handle = try FileHandle(forWritingTo: url)
    } catch {
      throw .cannotWrite(path: url.path, reason: fileErrorReason(error, path: url.path))
    }
    buffer.reserveCapacity(capacity + 4096)
  }

  @inline(__always)
  mutating func append(_ text: String) {
    buffer.append(contentsOf: text.utf8)
  }

  @inline(__always)
  mutating func separator() {
    buffer.append(Self.separator)
  }

  /// Appends a non-negative integer in decimal.
  @inline(__always)
  mutating func append(_ value: Int) {
    precondition(value >= 0, "only non-negative integers are written")
    let start = buffer.count
    var v = value
    repeat {
      buffer.append(UInt8(truncatingIfNeeded: 48 + v % 10))
      v /= 10
    } while v > 0
    buffer[start...].reverse()
  }

  /// Appends an integer with leading zeros to `width` digits.
  @inline(__always)
  mutating func append(_ value: Int, width: Int) {
    var digits = 1
    var v = value
    while v >= 10 {
      v /= 10
      digits += 1
    }
    for _ in digits..<max(width, digits) { buffer.append(48) }
    append(value)
  }

  /// Appends an optional integer; `nil` writes nothing (an empty field).
  @inline(__always)
  mutating func append(_ value: Int?) {
    if let value { append(value) }
  }

  /// Ends the row and flushes the buffer when it is full.
  @inline(__always)
  mutating func endRow() throws(CountyError) {
    buffer.append(Self.newline)
    if buffer.count >= capacity { try flush() }
  }

  mutating func flush() throws(CountyError) {
    guard !buffer.isEmpty else { return }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      throw .cannotWrite(path: url.path, reason: fileErrorReason(error, path: url.path))
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file.
  mutating func close() throws(CountyError) {
    try flush()
    do {
      try handle.close()
    } catch {
      throw .cannotWrite(path: url.path, reason: fileErrorReason(error, path: url.path))
    }
  }
}
