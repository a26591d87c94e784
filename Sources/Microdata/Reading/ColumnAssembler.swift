import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Joins the column sinks of consecutive parsed parts into the dataset's columns, copying each
/// sink once into a Swift array and freeing it, and types the columns whose type comes from the
/// data (undeclared columns, categorical variables without declared codes).
enum ColumnAssembler {
  /// Columns are assembled concurrently (each touches only its own sinks): the copies are
  /// bound by page faults, which proceed on several cores at once.
  /// - Parameter placed: columns already written in place, by plan (`ColumnPlacement`).
  static func assemble(
    parts: [ParsedPart], plans: [ColumnPlan], codebook: Codebook,
    placed: [ColumnPlacement.Values?] = []
  ) -> [Column] {
    let read = plans.indices.filter { plans[$0].sink != .skip }
    var assembled = [Column?](repeating: nil, count: read.count)
    let rows = parts.reduce(0) { $0 + $1.rows }
    assembled.withUnsafeMutableBufferPointer { results in
      let results = SendableBuffer(results)
      let work: @Sendable (Int) -> Void = { k in
        let index = read[k]
        results.value[k] =
          index < placed.count && placed[index] != nil
          ? placedColumn(plans[index], placed[index]!, parts: parts, index: index)
          : assembleColumn(index, plan: plans[index], parts: parts, codebook: codebook)
        for part in parts { part.sinks[index].release() }
      }
      if read.count > 1 && rows >= minimumParallelRows {
        DispatchQueue.concurrentPerform(iterations: read.count, execute: work)
      } else {
        for k in read.indices { work(k) }
      }
    }
    return assembled.map { $0! }
  }

  /// A column written in place: its values as they are (an undeclared column's `NA`s become
  /// missing).
  private static func placedColumn(
    _ plan: ColumnPlan, _ values: ColumnPlacement.Values, parts: [ParsedPart], index: Int
  ) -> Column {
    var column = Column(
      name: plan.name, header: plan.header, kind: plan.kind, declared: plan.variable != nil,
      storage: .integer32([]))
    switch values {
    case .uint8(let v): column.storage = .categorical8(v, levels: plan.levels)
    case .uint16(let v): column.storage = .categorical16(v, levels: plan.levels)
    case .double(let v): column.storage = .decimal(v)
    case .int64(let v): column.storage = .numericIdentifier(v)
    case .int32(var v):
      switch plan.sink {
      case .date: column.storage = .date(v)
      case .inferred:
        column.kind = .integer
        if parts.contains(where: { $0.sinks[index].naCount > 0 }) {
          replace(FieldSink.naInt32, by: Int32.min, in: &v)
        }
        column.storage = .integer32(v)
      default: column.storage = .integer32(v)
      }
    }
    return column
  }

  /// Fewer rows are assembled on one thread.
  static let minimumParallelRows = 100_000

  private static func assembleColumn(
    _ index: Int, plan: ColumnPlan, parts: [ParsedPart], codebook: Codebook
  ) -> Column {
    let total = parts.reduce(0) { $0 + $1.rows }
    func concatenate<T>(_ type: T.Type, widen: ((UnsafeRawPointer, Int) -> T)? = nil) -> [T] {
      [T](unsafeUninitializedCapacity: total) { buffer, count in
        HugePages.advise(
          UnsafeMutableRawPointer(buffer.baseAddress), bytes: total * MemoryLayout<T>.stride)
        var offset = 0
        for part in parts {
          let sink = part.sinks[index]
          if part.rows > 0 {
            if let widen, sink.width != MemoryLayout<T>.size {
              for r in 0..<part.rows {
                (buffer.baseAddress! + offset + r).initialize(to: widen(sink.values!, r))
              }
            } else {
              memcpy(buffer.baseAddress! + offset, sink.values!, part.rows * MemoryLayout<T>.size)
            }
          }
          offset += part.rows
        }
        count = total
      }
    }
    var column = Column(
      name: plan.name, header: plan.header, kind: plan.kind, declared: plan.variable != nil,
      storage: .integer32([]))
    switch plan.sink {
    case .categorical8: column.storage = .categorical8(concatenate(UInt8.self), levels: plan.levels)
    case .categorical16:
      column.storage = .categorical16(concatenate(UInt16.self), levels: plan.levels)
    case .integer:
      if parts.contains(where: { $0.sinks[index].width == 8 }) {
        column.storage = .integer64(
          concatenate(Int64.self) { p, r in
            let v = p.load(fromByteOffset: r * 4, as: Int32.self)
            return v == Int32.min ? Int64.min : Int64(v)
          })
      } else {
        column.storage = .integer32(concatenate(Int32.self))
      }
    case .decimal: column.storage = .decimal(concatenate(Double.self))
    case .date: column.storage = .date(concatenate(Int32.self))
    case .inferred where parts.allSatisfy({ $0.sinks[index].sink == .inferred }) && total > 0:
      // Whole numbers throughout: an `NA` (kept apart while reading) is missing.
      column.kind = .integer
      let hasNA = parts.contains { $0.sinks[index].naCount > 0 }
      if parts.contains(where: { $0.sinks[index].width == 8 }) {
        var values = concatenate(Int64.self) { p, r in
          FieldSink.widened(p.load(fromByteOffset: r * 4, as: Int32.self))
        }
        if hasNA { replace(FieldSink.naInt64, by: Int64.min, in: &values) }
        column.storage = .integer64(values)
      } else {
        var values = concatenate(Int32.self)
        if hasNA { replace(FieldSink.naInt32, by: Int32.min, in: &values) }
        column.storage = .integer32(values)
      }
    case .identifier, .text, .inferred:
      if parts.allSatisfy({ $0.sinks[index].sink == .identifier }) {
        column.storage = .numericIdentifier(concatenate(Int64.self))
      } else {
        for part in parts where part.sinks[index].sink == .identifier {
          part.sinks[index].identifiersToText(rows: part.rows, arenaCapacity: part.rows * 8)
        }
        for part in parts where part.sinks[index].sink == .inferred {
          part.sinks[index].inferredToText(rows: part.rows, arenaCapacity: part.rows * 8)
        }
        let text = concatenateText(index, parts: parts, total: total)
        if plan.inferType {
          column = inferred(column, text: text, codebook: codebook)
        } else if plan.levelsFromData {
          column.storage = categoricalFromData(text)
        } else {
          column.storage = .text(text)
        }
      }
    case .skip: break
    }
    return column
  }

  private static func replace<T: Equatable>(_ old: T, by new: T, in values: inout [T]) {
    for k in values.indices where values[k] == old { values[k] = new }
  }

  private static func concatenateText(_ index: Int, parts: [ParsedPart], total: Int) -> TextColumn {
    let byteCount = parts.reduce(0) { $0 + $1.sinks[index].arenaCount }
    let bytes = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, count in
      var offset = 0
      for part in parts where part.sinks[index].arenaCount > 0 {
        memcpy(buffer.baseAddress! + offset, part.sinks[index].arena!, part.sinks[index].arenaCount)
        offset += part.sinks[index].arenaCount
      }
      count = byteCount
    }
    let ends = [Int64](unsafeUninitializedCapacity: total) { buffer, count in
      var offset = 0
      var base: Int64 = 0
      for part in parts {
        let sink = part.sinks[index]
        for r in 0..<part.rows {
          buffer[offset + r] = base + sink.values!.load(fromByteOffset: r * 8, as: Int64.self)
        }
        offset += part.rows
        base += Int64(sink.arenaCount)
      }
      count = total
    }
    return TextColumn(bytes: bytes, ends: ends)
  }

  /// An undeclared column becomes integer if every present value is a whole number, decimal if
  /// every one is a number (decimal comma accepted), else text. `NA` (R's missing-value marker)
  /// is missing in a column that becomes a number, text in one that stays text.
  static func inferred(_ column: Column, text: TextColumn, codebook: Codebook) -> Column {
    var result = column
    var allInteger = true
    var allNumeric = true
    var integers = [Int64](repeating: Int64.min, count: text.count)
    var decimals = [Double](repeating: .nan, count: text.count)
    text.bytes.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      for row in 0..<text.count where allNumeric {
        let r = text.range(row)
        if r.isEmpty || FieldSink.isNA(base + r.lowerBound, r.count) { continue }
        let v = NumberParsing.integer(base + r.lowerBound, r.count)
        if v != NumberParsing.invalid {
          integers[row] = v
          decimals[row] = Double(v)
          continue
        }
        allInteger = false
        if let d = NumberParsing.decimal(base + r.lowerBound, r.count) {
          decimals[row] = d
        } else {
          allNumeric = false
        }
      }
    }
    if allInteger && text.count > 0 {
      result.kind = .integer
      if integers.allSatisfy({
        $0 == Int64.min || ($0 > Int64(Int32.min) && $0 <= Int64(Int32.max))
      }) {
        result.storage = .integer32(integers.map { $0 == Int64.min ? Int32.min : Int32($0) })
      } else {
        result.storage = .integer64(integers)
      }
    } else if allNumeric && text.count > 0 {
      result.kind = .decimal
      result.storage = .decimal(decimals)
    } else {
      result.kind = .text
      result.storage = .text(text)
    }
    return result
  }

  /// Levels from the data, sorted (numerically when every value is a number).
  static func categoricalFromData(_ text: TextColumn) -> Column.Storage {
    var index: [String: Int] = [:]
    var values: [String] = []
    var codes = [Int](repeating: -1, count: text.count)
    for row in 0..<text.count {
      guard let value = text[row] else { continue }
      if let k = index[value] {
        codes[row] = k
      } else {
        index[value] = values.count
        codes[row] = values.count
        values.append(value)
      }
    }
    let order = LevelOrder.dataOrder(values)
    var rank = [Int](repeating: 0, count: values.count)
    for (position, original) in order.enumerated() { rank[original] = position }
    let levels = order.map { Factor.Level(code: values[$0], sv: "", en: "") }
    if levels.count < Int(UInt8.max) {
      return .categorical8(codes.map { $0 < 0 ? UInt8.max : UInt8(rank[$0]) }, levels: levels)
    }
    return .categorical16(codes.map { $0 < 0 ? UInt16.max : UInt16(rank[$0]) }, levels: levels)
  }
}
