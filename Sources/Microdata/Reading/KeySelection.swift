/// The rows `Dataset.load` reads of a file joined by key: only those whose key variable holds
/// one of the given keys, as a semi-join would keep them (the persons a suspicions file names,
/// out of a register of the whole population).
///
/// ```swift
/// let suspicions = try Dataset.load(contentsOf: suspicionsURL, codebook: .canonical)
/// var options = LoadOptions()
/// options.selection = KeySelection(variable: "lopnr", keys: try suspicions.keys("lopnr"))
/// let persons = try Dataset.load(contentsOf: personsURL, codebook: .canonical, options: options)
/// persons.loadReport.rowsSkipped     // register rows no suspicion names
/// ```
///
/// A row whose key is a plain number (digits without a leading zero, as `1000001`) that is not
/// among the keys is skipped: its fields are split and counted, so a wrong number of columns,
/// a quote or a record over `LoadOptions.maximumRecordBytes` is still found and reported (by
/// reading that row in full), but its values are not read, checked against the codebook or
/// kept. Every other row is read as usual, whatever its key: selecting never drops a row a
/// join to the keys would match, and the rows read are checked as without it. Skipped rows
/// are counted in `LoadReport.rowsRead` and `LoadReport.rowsSkipped`, not in `rowsKept`.
public struct KeySelection: Sendable, Equatable {
  /// The key variable (a codebook name, or the header of an undeclared column).
  public let variable: String
  let keys: IntegerKeySet

  /// Selects the rows whose `variable` holds one of `keys` (a key that is text, or missing,
  /// selects nothing more: such rows are read anyway unless their key is a plain number).
  public init(variable: String, keys: KeyColumn) {
    self.variable = variable
    var numbers: [Int64] = []
    switch keys.storage {
    case .integers(let values):
      numbers = values.filter { $0 != Int64.min }
    case .text:
      for row in 0..<keys.count {
        if case .integer(let v)? = keys.key(at: row)?.value { numbers.append(v) }
      }
    }
    self.keys = IntegerKeySet(numbers)
  }

  /// The number of distinct numeric keys selected.
  public var count: Int { keys.count }
}

/// A set of 64-bit keys for the scanner's hot loop: a bitmap over the keys' range when it is
/// dense enough (a register's `lopnr` runs consecutively), else open addressing. Immutable.
final class IntegerKeySet: @unchecked Sendable, Equatable {
  /// The distinct keys, ascending (for equality).
  let sorted: [Int64]
  private let minimum: Int64
  /// Bits: `bitCount` bits from `minimum` (bitmap mode), or nil.
  private let bits: UnsafeMutablePointer<UInt64>?
  private let bitCount: UInt64
  /// Open addressing (when the range is too wide for a bitmap): `mask + 1` slots, `Int64.min`
  /// empty.
  private let slots: UnsafeMutablePointer<Int64>?
  private let mask: Int

  /// A bitmap is used when it takes at most 16 MiB or 64 bits per key.
  static let maximumBitmapBits: UInt64 = 1 << 27

  init(_ keys: [Int64]) {
    var unique = keys.filter { $0 != Int64.min }
    unique.sort()
    var distinct: [Int64] = []
    distinct.reserveCapacity(unique.count)
    for key in unique where key != distinct.last { distinct.append(key) }
    unique = distinct
    sorted = unique
    minimum = unique.first ?? 0
    let span =
      unique.isEmpty
      ? 0 : UInt64(bitPattern: unique.last! &- unique.first!) &+ 1
    if span <= max(Self.maximumBitmapBits, 64 * UInt64(unique.count)) && span < UInt64(1) << 40 {
      bitCount = span
      let words = Int((span + 63) / 64)
      let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, words))
      bits.initialize(repeating: 0, count: max(1, words))
      for key in unique {
        let d = UInt64(bitPattern: key &- minimum)
        bits[Int(d >> 6)] |= 1 << (d & 63)
      }
      self.bits = bits
      slots = nil
      mask = 0
    } else {
      bitCount = 0
      bits = nil
      var capacity = 16
      while capacity < 2 * unique.count { capacity *= 2 }
      let slots = UnsafeMutablePointer<Int64>.allocate(capacity: capacity)
      slots.initialize(repeating: Int64.min, count: capacity)
      mask = capacity - 1
      for key in unique {
        var i = Self.slot(key, mask)
        while slots[i] != Int64.min { i = (i + 1) & mask }
        slots[i] = key
      }
      self.slots = slots
    }
  }

  deinit {
    bits?.deallocate()
    slots?.deallocate()
  }

  var count: Int { sorted.count }

  @inline(__always)
  private static func slot(_ key: Int64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  @inline(__always)
  func contains(_ key: Int64) -> Bool {
    if let bits {
      let d = UInt64(bitPattern: key &- minimum)
      return d < bitCount && (bits[Int(d >> 6)] >> (d & 63)) & 1 != 0
    }
    guard let slots, key != Int64.min else { return false }
    var i = Self.slot(key, mask)
    while true {
      let s = slots[i]
      if s == key { return true }
      if s == Int64.min { return false }
      i = (i + 1) & mask
    }
  }

  static func == (a: IntegerKeySet, b: IntegerKeySet) -> Bool { a === b || a.sorted == b.sorted }
}
