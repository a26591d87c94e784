/// A lookup from keys to the first row that has them, built over a `KeyColumn` without a
/// `String` per row: an open-addressing hash table, or, for numeric keys that lie close
/// together (a register's `lopnr`, numbered consecutively), an array indexed by the key itself,
/// which is built and probed in one pass with no collisions (a 10-million-row register in a
/// few tens of milliseconds instead of half a second).
///
/// A text key that is the canonical decimal form of a number is hashed and compared as that
/// number, so numeric and text storage of the same identifiers agree.
struct KeyHashTable: Sendable {
  /// Row index per slot, -1 for an empty slot: hashed, or the row of key `offset + slot`.
  let slots: [Int32]
  let mask: Int
  /// Direct layout: the smallest key (slot 0); `nil` for the hashed layout.
  let offset: Int64?

  /// Direct addressing is used when the keys span at most this many slots per row.
  static let directSpanPerRow = 4

  /// The key of one row, viewed without copying.
  enum Probe {
    case integer(Int64)
    case bytes(UnsafeBufferPointer<UInt8>)
    case missing
  }

  @inline(__always)
  static func mix(_ x: UInt64) -> Int {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int(truncatingIfNeeded: z ^ (z >> 31))
  }

  @inline(__always)
  static func hash(_ probe: Probe) -> Int {
    switch probe {
    case .integer(let v): return mix(UInt64(bitPattern: v))
    case .bytes(let b):
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
      return mix(h)
    case .missing: return 0
    }
  }

  @inline(__always)
  static func equal(_ a: Probe, _ b: Probe) -> Bool {
    switch (a, b) {
    case (.integer(let x), .integer(let y)): return x == y
    case (.bytes(let x), .bytes(let y)):
      return x.count == y.count
        && (x.count == 0 || memcmpBytes(x.baseAddress!, y.baseAddress!, x.count))
    default: return false
    }
  }

  /// The probe for text bytes: a canonical integer (`-12`, `1000001`) becomes `.integer`.
  @inline(__always)
  static func probe(_ bytes: UnsafeBufferPointer<UInt8>) -> Probe {
    if bytes.isEmpty { return .missing }
    let base = bytes.baseAddress!
    if base[0] == UInt8(ascii: "-") && bytes.count > 1 {
      let v = NumberParsing.canonicalIdentifier(base + 1, bytes.count - 1)
      if v != NumberParsing.invalid && v != 0 { return .integer(-v) }
      return .bytes(bytes)
    }
    let v = NumberParsing.canonicalIdentifier(base, bytes.count)
    return v != NumberParsing.invalid ? .integer(v) : .bytes(bytes)
  }

  /// Calls `body` with a probe function for the column's rows.
  static func withProbes<R>(_ keys: KeyColumn, _ body: ((Int) -> Probe) -> R) -> R {
    switch keys.storage {
    case .integers(let values):
      return values.withUnsafeBufferPointer { v in
        body { v[$0] == Int64.min ? .missing : .integer(v[$0]) }
      }
    case .text(let text):
      return text.bytes.withUnsafeBufferPointer { bytes in
        text.ends.withUnsafeBufferPointer { ends in
          body { row in
            let start = row == 0 ? 0 : Int(ends[row - 1])
            return probe(UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[row])]))
          }
        }
      }
    }
  }

  /// Builds the table; `duplicate(firstRow, row)` is called for every repeated key.
  @discardableResult
  static func build(_ keys: KeyColumn, duplicate: (Int, Int) -> Void) -> KeyHashTable {
    if case .integers(let values) = keys.storage, let direct = direct(values, duplicate: duplicate)
    {
      return direct
    }
    var size = 16
    while size < keys.count * 2 { size *= 2 }
    let mask = size - 1
    var slots = [Int32](repeating: -1, count: size)
    withProbes(keys) { probeOf in
      slots.withUnsafeMutableBufferPointer { table in
        for row in 0..<keys.count {
          let probe = probeOf(row)
          if case .missing = probe { continue }
          var slot = hash(probe) & mask
          while true {
            let occupant = table[slot]
            if occupant < 0 {
              table[slot] = Int32(row)
              break
            }
            if equal(probeOf(Int(occupant)), probe) {
              duplicate(Int(occupant), row)
              break
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
    return KeyHashTable(slots: slots, mask: mask, offset: nil)
  }

  /// The direct layout, when the numeric keys span few enough values; else nil.
  private static func direct(_ values: [Int64], duplicate: (Int, Int) -> Void) -> KeyHashTable? {
    var low = Int64.max
    var high = Int64.min
    for v in values where v != Int64.min {
      low = min(low, v)
      high = max(high, v)
    }
    guard low <= high, values.count < Int(Int32.max) else { return nil }
    let (span, overflow) = high.subtractingReportingOverflow(low)
    guard !overflow, span < Int64(directSpanPerRow * values.count + 1024) else { return nil }
    var slots = [Int32](repeating: -1, count: Int(span) + 1)
    values.withUnsafeBufferPointer { v in
      slots.withUnsafeMutableBufferPointer { table in
        for row in 0..<v.count where v[row] != Int64.min {
          let slot = Int(v[row] &- low)
          let occupant = table[slot]
          if occupant < 0 {
            table[slot] = Int32(truncatingIfNeeded: row)
          } else {
            duplicate(Int(occupant), row)
          }
        }
      }
    }
    return KeyHashTable(slots: slots, mask: 0, offset: low)
  }

  /// For each row of `other`, the row of `keys` (which the table was built over) with the same
  /// key, or -1 (no partner or a missing key).
  func matches(indexed keys: KeyColumn, _ other: KeyColumn) -> [Int32] {
    var result = [Int32](repeating: -1, count: other.count)
    let mask = self.mask
    let offset = self.offset
    KeyHashTable.withProbes(keys) { indexed in
      KeyHashTable.withProbes(other) { probeOf in
        slots.withUnsafeBufferPointer { slots in
          result.withUnsafeMutableBufferPointer { result in
            for row in 0..<other.count {
              let probe = probeOf(row)
              if let offset {
                // Only numbers are indexed directly (a text key that is a number probes as one).
                if case .integer(let v) = probe {
                  let (slot, overflow) = v.subtractingReportingOverflow(offset)
                  if !overflow && slot >= 0 && slot < Int64(slots.count) {
                    result[row] = slots[Int(slot)]
                  }
                }
                continue
              }
              if case .missing = probe { continue }
              var slot = KeyHashTable.hash(probe) & mask
              while slots[slot] >= 0 {
                if KeyHashTable.equal(indexed(Int(slots[slot])), probe) {
                  result[row] = slots[slot]
                  break
                }
                slot = (slot + 1) & mask
              }
            }
          }
        }
      }
    }
    return result
  }
}
