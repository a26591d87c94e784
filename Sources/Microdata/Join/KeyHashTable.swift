/// An open-addressing hash table from keys to the first row that has them, built over a
/// `KeyColumn` without a `String` per row.
///
/// A text key that is the canonical decimal form of a number is hashed and compared as that
/// number, so numeric and text storage of the same identifiers agree.
struct KeyHashTable: Sendable {
  /// Row index per slot, -1 for an empty slot.
  let slots: [Int32]
  let mask: Int

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
    return KeyHashTable(slots: slots, mask: mask)
  }
}
