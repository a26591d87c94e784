#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The typed output of one column while a part of a file is parsed: a raw, growable array of
/// values (one per row) and, for text, a byte arena. Plain memory with no reference counting, so
/// the scanner's inner loop stays free of retain/release and exclusivity checks.
///
/// Values by sink: categorical `UInt8`/`UInt16` level index (max = missing); integer `Int32`
/// (`Int32.min` missing) until a value needs `Int64` (`Int64.min` missing); decimal `Double`
/// (NaN missing); date `Int32` day number (`Int32.min` missing); identifier `Int64`
/// (`Int64.min` missing) until a value is not a plain number, then text; text: the arena's end
/// offset after the row (`Int64`), an empty value is missing.
struct FieldSink {
  /// The file column this sink reads.
  let column: Int
  /// Rows the value buffer holds.
  var capacity: Int
  var sink: ColumnPlan.Sink {
    didSet { setNumberPaths() }
  }
  var width: Int {
    didSet { setNumberPaths() }
  }
  /// The scanner's paths for a plain number: a categorical code (1 byte), a whole number
  /// (`Int32`), a numeric id (`Int64`); kept apart from `sink` so that the scanner tests them
  /// as separate branches.
  private(set) var numbersAreCodes = false
  private(set) var numbersAreWhole = false
  private(set) var numbersAreIdentifiers = false

  private mutating func setNumberPaths() {
    numbersAreCodes = sink == .categorical8
    numbersAreWhole = (sink == .integer || sink == .inferred) && width == 4
    numbersAreIdentifiers = sink == .identifier
  }
  var values: UnsafeMutableRawPointer?
  /// Whether `values` is this sink's own memory (else it is the sink's place in a column
  /// allocated for the whole file: `ColumnPlacement`; it is never freed or reallocated here).
  var ownsValues = true
  var lookup: CodeLookup.View
  var integerMinimum: Int64
  var integerMaximum: Int64
  /// Whole numbers in `plainMinimum...plainMaximum` are stored as they are (`Int32` values, in
  /// the variable's range, above the sentinels, no numeric missing codes to check); an empty
  /// range once the values are `Int64`. One comparison pair per field on the scanner's path.
  var plainMinimum: Int64 = 1
  var plainMaximum: Int64 = 0
  var decimalMinimum: Double
  var decimalMaximum: Double
  var numericMissing: UnsafeMutablePointer<Int64>?
  var numericMissingCount: Int
  var required: Bool
  /// Text is stored as UTF-8: bytes ≥ 0x80 of a single-byte encoding are transcoded.
  var transcode: TextEncoding?
  var arena: UnsafeMutablePointer<UInt8>?
  var arenaCount: Int = 0
  var arenaCapacity: Int = 0
  /// Values written `NA` (R's missing-value marker) read as missing in a numeric column: how
  /// many, and the first and last row (relative to the part) that had one.
  var naCount = 0
  var firstNARow = -1
  var lastNARow = -1

  /// - Parameter place: where the values go in a column allocated for the whole file (room for
  ///   `capacity` rows of the sink's width), or nil for memory of the sink's own.
  init(
    plan: ColumnPlan, column: Int, capacity: Int, arenaCapacity: Int, encoding: TextEncoding,
    place: UnsafeMutableRawPointer? = nil
  ) {
    self.column = column
    self.capacity = capacity
    sink = plan.sink
    switch plan.sink {
    case .skip: width = 0
    case .categorical8: width = 1
    case .categorical16: width = 2
    case .integer, .date, .inferred: width = 4
    case .decimal, .identifier, .text: width = 8
    }
    if let place, width > 0 {
      values = place
      ownsValues = false
    } else {
      values = width > 0 ? malloc(capacity * width) : nil
      HugePages.advise(values, bytes: capacity * width)
    }
    lookup = plan.lookup.view
    integerMinimum = plan.integerMinimum
    integerMaximum = plan.integerMaximum
    if (plan.sink == .integer || plan.sink == .inferred) && plan.numericMissing.isEmpty {
      // Above `Int32.min` (missing) and, for an undeclared column, above `NA`'s sentinel.
      let lowest = plan.sink == .inferred ? Int64(FieldSink.naInt32) : Int64(Int32.min)
      plainMinimum = max(lowest + 1, plan.integerMinimum)
      plainMaximum = min(Int64(Int32.max), plan.integerMaximum)
    }
    decimalMinimum = plan.decimalMinimum
    decimalMaximum = plan.decimalMaximum
    numericMissingCount = plan.numericMissing.count
    if !plan.numericMissing.isEmpty {
      numericMissing = .allocate(capacity: plan.numericMissing.count)
      numericMissing!.initialize(from: plan.numericMissing, count: plan.numericMissing.count)
    }
    required = plan.required
    transcode = encoding == .utf8 ? nil : encoding
    if plan.sink == .text {
      self.arenaCapacity = max(64, arenaCapacity)
      arena = malloc(self.arenaCapacity)!.assumingMemoryBound(to: UInt8.self)
      HugePages.advise(arena, bytes: self.arenaCapacity)
    }
    setNumberPaths()
  }

  /// Frees the memory (the sink must not be used afterwards).
  mutating func release() {
    if ownsValues { free(values) }
    free(arena)
    numericMissing?.deallocate()
    values = nil
    arena = nil
    numericMissing = nil
  }

  mutating func grow(rows newCapacity: Int) {
    guard width > 0 else {
      capacity = newCapacity
      return
    }
    if ownsValues {
      values = realloc(values, newCapacity * width)
      precondition(values != nil, "out of memory")
    } else {
      detach(rows: capacity, capacity: newCapacity)
    }
    capacity = newCapacity
  }

  /// Moves the first `rows` values from the sink's place in a whole-file column to memory of
  /// its own, with room for `capacity` rows (the part outgrew its place, or the column cannot
  /// stay where it was written).
  mutating func detach(rows: Int, capacity newCapacity: Int) {
    guard !ownsValues, let place = values else { return }
    let own = malloc(max(1, newCapacity) * width)!
    memcpy(own, place, rows * width)
    values = own
    ownsValues = true
  }

  @inline(__always)
  mutating func reserveArena(_ additional: Int) {
    if arenaCount + additional > arenaCapacity {
      var newCapacity = arenaCapacity * 2
      while newCapacity < arenaCount + additional { newCapacity *= 2 }
      arena = realloc(arena, newCapacity)!.assumingMemoryBound(to: UInt8.self)
      arenaCapacity = newCapacity
    }
  }

  /// Appends a text value (transcoded to UTF-8 when needed) and records the row's end offset.
  @inline(__always)
  mutating func appendText(_ p: UnsafePointer<UInt8>, _ n: Int, row: Int) {
    if let encoding = transcode {
      reserveArena(n * 3)
      var k = 0
      while k < n {
        let b = p[k]
        if b < 0x80 {
          arena![arenaCount] = b
          arenaCount += 1
        } else {
          let scalar = encoding == .windows1252 ? windows1252Scalar(b) : UInt32(b)
          if scalar < 0x800 {
            arena![arenaCount] = UInt8(0xC0 | (scalar >> 6))
            arena![arenaCount + 1] = UInt8(0x80 | (scalar & 0x3F))
            arenaCount += 2
          } else {
            arena![arenaCount] = UInt8(0xE0 | (scalar >> 12))
            arena![arenaCount + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            arena![arenaCount + 2] = UInt8(0x80 | (scalar & 0x3F))
            arenaCount += 3
          }
        }
        k += 1
      }
    } else {
      reserveArena(n)
      (arena! + arenaCount).update(from: p, count: n)
      arenaCount += n
    }
    values!.storeBytes(of: Int64(arenaCount), toByteOffset: row &* 8, as: Int64.self)
  }

  /// Records an empty (missing) text value.
  @inline(__always)
  mutating func appendMissingText(row: Int) {
    values!.storeBytes(of: Int64(arenaCount), toByteOffset: row &* 8, as: Int64.self)
  }

  /// Counts an `NA` read as missing in `row`.
  @inline(__always)
  mutating func noteNA(row: Int) {
    if naCount == 0 { firstNARow = row }
    naCount += 1
    lastNARow = row
  }

  /// Forgets what was stored for `row` (the row is being dropped): its text and its `NA`.
  mutating func rollBack(row: Int) {
    if lastNARow == row {
      naCount -= 1
      lastNARow = -1
      if naCount == 0 { firstNARow = -1 }
    }
    guard sink == .text else { return }
    arenaCount = row == 0 ? 0 : Int(values!.load(fromByteOffset: (row - 1) * 8, as: Int64.self))
  }

  /// Widens an `Int32` integer column to `Int64` for the first `rows` rows.
  mutating func widenIntegers(rows: Int, capacity: Int) {
    let wide = malloc(max(1, capacity) * 8)!
    for r in 0..<rows {
      let v = values!.load(fromByteOffset: r * 4, as: Int32.self)
      wide.storeBytes(of: FieldSink.widened(v), toByteOffset: r * 8, as: Int64.self)
    }
    if ownsValues { free(values) }
    values = wide
    ownsValues = true
    width = 8
    plainMinimum = 1
    plainMaximum = 0
  }

  /// An inferred column's `NA`, while it is read as whole numbers (as `Int32` and as `Int64`):
  /// told apart from an empty value so that it reads `NA` again if the column becomes text.
  static let naInt32 = Int32.min + 1
  static let naInt64 = Int64.min + 1

  /// An `Int32` value (or sentinel) as `Int64`, keeping the missing and `NA` sentinels.
  @inline(__always)
  static func widened(_ v: Int32) -> Int64 {
    v == Int32.min ? Int64.min : v == naInt32 ? naInt64 : Int64(v)
  }

  /// Turns an inferred column read as whole numbers into text (a value that is not one
  /// appeared). The numbers were read in canonical form, so their text is the file's.
  mutating func inferredToText(rows: Int, arenaCapacity: Int) {
    let ends = malloc(max(1, capacity) * 8)!
    let oldValues = values!
    let oldWidth = width
    let ownedOld = ownsValues
    values = ends
    ownsValues = true
    width = 8
    self.arenaCapacity = max(64, arenaCapacity)
    arena = malloc(self.arenaCapacity)!.assumingMemoryBound(to: UInt8.self)
    sink = .text
    for r in 0..<rows {
      let v =
        oldWidth == 4
        ? FieldSink.widened(oldValues.load(fromByteOffset: r * 4, as: Int32.self))
        : oldValues.load(fromByteOffset: r * 8, as: Int64.self)
      if v != Int64.min {
        let digits = Array(v == FieldSink.naInt64 ? "NA".utf8 : String(v).utf8)
        digits.withUnsafeBufferPointer { appendTextRaw($0.baseAddress!, $0.count) }
      }
      values!.storeBytes(of: Int64(arenaCount), toByteOffset: r * 8, as: Int64.self)
    }
    if ownedOld { free(oldValues) }
  }

  /// Turns an identifier column read as numbers into text (a non-numeric id appeared).
  mutating func identifiersToText(rows: Int, arenaCapacity: Int) {
    detach(rows: rows, capacity: capacity)
    self.arenaCapacity = max(64, arenaCapacity)
    arena = malloc(self.arenaCapacity)!.assumingMemoryBound(to: UInt8.self)
    sink = .text
    for r in 0..<rows {
      let v = values!.load(fromByteOffset: r * 8, as: Int64.self)
      if v != Int64.min {
        let digits = Array(String(v).utf8)
        digits.withUnsafeBufferPointer { appendTextRaw($0.baseAddress!, $0.count) }
      }
      values!.storeBytes(of: Int64(arenaCount), toByteOffset: r * 8, as: Int64.self)
    }
  }

  /// Whether a field is `NA`, R's missing-value marker (`write.csv`, `fwrite`).
  @inline(__always)
  static func isNA(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    n == 2 && p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "A")
  }

  private mutating func appendTextRaw(_ p: UnsafePointer<UInt8>, _ n: Int) {
    reserveArena(n)
    (arena! + arenaCount).update(from: p, count: n)
    arenaCount += n
  }

  /// Whether an integer equals one of the variable's own numeric missing codes.
  @inline(__always)
  func isNumericMissing(_ v: Int64) -> Bool {
    var k = 0
    while k < numericMissingCount {
      if numericMissing![k] == v { return true }
      k += 1
    }
    return false
  }
}
