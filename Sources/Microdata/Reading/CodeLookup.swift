/// A small open-addressing hash table from the raw bytes of a field (in the file's encoding)
/// to a code: a level index ≥ 0, or `CodeLookup.missing` for a missing-value code.
///
/// Fields are looked up without decoding or allocating: the first eight bytes are packed into
/// a `UInt64` (codes never contain NUL, so the packing is unique), mixed with the length, and
/// probed linearly. Longer codes compare their remaining bytes in an arena.
final class CodeLookup: @unchecked Sendable {
  static let missing: Int32 = -1
  static let notFound: Int32 = -3

  struct Entry {
    var packed: UInt64
    var length: Int32  // -1 = empty slot
    var value: Int32
    var restOffset: Int32
  }

  let entries: UnsafeMutablePointer<Entry>
  let mask: Int
  let arena: UnsafeMutablePointer<UInt8>
  /// The longest key, so callers can skip lookups of longer fields.
  let maxLength: Int
  /// For codes that are all digits: the code index by numeric value (`114` finds `0114`).
  let numericCodes: [Int64: Int32]
  /// Direct table for fields of zero or one byte.
  let short: UnsafeMutablePointer<Int32>

  /// - Parameter keys: byte strings and their values; the first occurrence of a key wins.
  init(keys: [([UInt8], Int32)], numericCodes: [Int64: Int32] = [:]) {
    var size = 8
    while size < keys.count * 4 { size *= 2 }
    let mask = size - 1
    let entries = UnsafeMutablePointer<Entry>.allocate(capacity: size)
    entries.initialize(
      repeating: Entry(packed: 0, length: -1, value: 0, restOffset: 0), count: size)
    let arenaSize = keys.reduce(0) { $0 + max(0, $1.0.count - 8) }
    let arena = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, arenaSize))
    var used = 0
    var longest = 0
    for (key, value) in keys {
      let probe = View(entries: entries, mask: mask, arena: arena, maxLength: Int.max)
      let found = key.withUnsafeBufferPointer {
        probe.find($0.baseAddress ?? UnsafePointer(arena), key.count)
      }
      if found != CodeLookup.notFound { continue }
      longest = max(longest, key.count)
      let packed = key.withUnsafeBufferPointer {
        CodeLookup.pack($0.baseAddress ?? UnsafePointer(arena), key.count)
      }
      var slot = CodeLookup.slot(packed, key.count, mask)
      while entries[slot].length >= 0 { slot = (slot + 1) & mask }
      if key.count > 8 {
        for (k, byte) in key.dropFirst(8).enumerated() { arena[used + k] = byte }
      }
      entries[slot] = Entry(
        packed: packed, length: Int32(key.count), value: value, restOffset: Int32(used))
      used += max(0, key.count - 8)
    }
    let short = UnsafeMutablePointer<Int32>.allocate(capacity: 257)
    let probe = View(entries: entries, mask: mask, arena: arena, maxLength: longest)
    var byte: UInt8 = 0
    for k in 0..<256 {
      byte = UInt8(k)
      short[k] = probe.find(&byte, 1)
    }
    short[256] = probe.find(&byte, 0)
    self.entries = entries
    self.mask = mask
    self.arena = arena
    self.maxLength = longest
    self.numericCodes = numericCodes
    self.short = short
  }

  deinit {
    short.deallocate()
    entries.deallocate()
    arena.deallocate()
  }

  @inline(__always)
  static func pack(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    if count >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }
    var value: UInt64 = 0
    var i = 0
    while i < count {
      value |= UInt64(p[i]) << (8 * UInt64(i))
      i += 1
    }
    return value
  }

  @inline(__always)
  static func slot(_ packed: UInt64, _ count: Int, _ mask: Int) -> Int {
    let mixed =
      (packed ^ (UInt64(truncatingIfNeeded: count) &* 0xFF51_AFD7_ED55_8CCD))
      &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: mixed >> 40) & mask
  }

  /// The value for the field `p[0..<count]`, or `notFound`.
  func find(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int32 { view.find(p, count) }

  /// The table as raw pointers, for the scanner's inner loop (no reference counting).
  var view: View {
    View(entries: entries, mask: mask, arena: arena, maxLength: maxLength, short: short)
  }

  /// A non-owning view of the table; valid while the `CodeLookup` lives.
  struct View {
    let entries: UnsafeMutablePointer<Entry>
    let mask: Int
    let arena: UnsafeMutablePointer<UInt8>
    let maxLength: Int
    /// Values of the empty field (index 256) and of one-byte fields (index = the byte).
    var short: UnsafeMutablePointer<Int32>? = nil

    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
      if count <= 1, let short { return short[count == 0 ? 256 : Int(p[0])] }
      if count > maxLength { return CodeLookup.notFound }
      let packed = CodeLookup.pack(p, count)
      var slot = CodeLookup.slot(packed, count, mask)
      while true {
        let entry = entries[slot]
        if entry.length < 0 { return CodeLookup.notFound }
        if entry.packed == packed && Int(entry.length) == count {
          if count <= 8 || memcmpBytes(p + 8, arena + Int(entry.restOffset), count - 8) {
            return entry.value
          }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The code of a field that is a number equal to a numeric code (`114` or `+114` for `0114`).
  func findNumeric(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard !numericCodes.isEmpty, count > 0, count <= 18 else { return CodeLookup.notFound }
    var value: Int64 = 0
    for i in 0..<count {
      let d = Int64(p[i]) &- 48
      guard d >= 0 && d <= 9 else { return CodeLookup.notFound }
      value = value * 10 + d
    }
    return numericCodes[value] ?? CodeLookup.notFound
  }
}

@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var i = 0
  while i < count {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}
