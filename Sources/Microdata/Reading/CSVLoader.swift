import Dispatch
import Foundation

/// Reads a delimited file held in memory into a `Dataset`: detects the dialect, reads the
/// header, matches it to the codebook, parses the body (in parallel parts when it is large),
/// and assembles the columns, the line map and the load report.
struct CSVLoader {
  let codebook: Codebook
  let options: LoadOptions
  let file: String

  /// What is known once the header is read: dialect, column plans, where the body starts.
  struct Preamble {
    var dialect: CSVDialect
    var planned: ColumnPlanner.Result
    var bodyStart: Int
    /// Line breaks before the body (the header's, and blank lines before it).
    var headerLineBreaks: Int
    /// The encoding is UTF-8 (forced, or by a byte-order mark) but some bytes are not UTF-8:
    /// check each field.
    var validateUTF8: Bool
    var stopTable: [UInt8]
  }

  /// Detects the dialect and reads the header from `buffer[0..<end]`; `complete` tells whether
  /// the buffer holds the whole file (then the whole file decides the encoding).
  func preamble(_ base: UnsafePointer<UInt8>, count end: Int, complete: Bool) throws(MicrodataError)
    -> Preamble
  {
    var start = 0
    var bom = false
    if end >= 2 && ((base[0] == 0xFF && base[1] == 0xFE) || (base[0] == 0xFE && base[1] == 0xFF)) {
      throw .fileNotReadable(
        file: file, reason: "it is UTF-16 text; save it as UTF-8 or Windows-1252")
    }
    if end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
      start = 3
      bom = true
    }
    // A block of a stream may end inside a character: judge only its complete lines.
    var judged = end
    if !complete {
      while judged > start && base[judged - 1] != 0x0A { judged -= 1 }
      if judged == start { judged = max(start, end - 4) }
    }
    // Over the whole file on every core when it is large (this reads every page of the file).
    let parts =
      options.parallel && judged - start >= max(1, options.minimumParallelBytes)
      ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
    let invalid = UTF8Validation.firstInvalidOffset(base, from: start, to: judged, parts: parts)
    let encoding: TextEncoding
    var validate = false
    if let forced = options.encoding {
      encoding = forced
      validate = forced == .utf8 && invalid != nil
    } else {
      encoding = bom || invalid == nil ? .utf8 : .windows1252
      // A byte-order mark says UTF-8: bytes that are not are reported, not guessed at.
      validate = bom && invalid != nil
    }
    let delimiter =
      try options.delimiterByte() ?? CSVDialect.detectDelimiter(base, from: start, to: end)
    // The header is read from at most `maximumRecordBytes` (a 100 MB header line fails here).
    let headerEnd = min(end, start + max(1, options.maximumRecordBytes))
    guard let header = HeaderReader.read(base, from: start, to: headerEnd, delimiter: delimiter)
    else {
      throw .emptyFile(file: file)
    }
    if header.bodyStart == headerEnd && headerEnd < end && base[headerEnd - 1] != 0x0A
      && base[headerEnd - 1] != 0x0D
    {
      throw .recordTooLong(
        DataLocation(file: file, line: 1 + header.lineBreaks), limit: options.maximumRecordBytes)
    }
    if options.encoding == nil && !bom, let invalid {
      try MixedEncoding.check(
        base, from: start, to: judged, firstInvalid: invalid, delimiter: delimiter,
        header: header.fields, file: file)
    }
    if validate,
      let bad = UTF8Validation.firstInvalidOffset(base, from: start, to: header.bodyStart)
    {
      let bytes = "0x" + String(base[bad], radix: 16, uppercase: true)
      throw .undecodableBytes(DataLocation(file: file, line: 1), bytes: bytes, encoding: .utf8)
    }
    let planner = ColumnPlanner(
      codebook: codebook, options: options, file: file, encoding: encoding)
    let planned = try planner.plan(header: header.fields)
    var table = [UInt8](repeating: 0, count: 256)
    table[Int(delimiter)] = 1
    table[0x0A] = 1
    table[0x0D] = 1
    return Preamble(
      dialect: CSVDialect(delimiter: delimiter, encoding: encoding, byteOrderMark: bom),
      planned: planned,
      bodyStart: header.bodyStart, headerLineBreaks: header.lineBreaks, validateUTF8: validate,
      stopTable: table)
  }

  /// Parses a whole file held in memory. The buffer must be `terminate()`d (sentinel line feed);
  /// the parts do not refer to it, so it can be freed before `finish`. The fixed-width columns
  /// are written in place (`ColumnPlacement`); the others stay in the parts' sinks.
  func parseWhole(_ buffer: ByteBuffer) throws(MicrodataError)
    -> (parts: [ParsedPart], preamble: Preamble, placed: [ColumnPlacement.Values?])
  {
    let base = UnsafePointer(buffer.base)
    let end = buffer.count
    let preamble = try self.preamble(base, count: end, complete: true)
    let cuts: [Int]
    let parallel =
      options.parallel && end - preamble.bodyStart >= max(1, options.minimumParallelBytes)
    if parallel {
      // Four parts per core, taken as cores come free: with one per core, one part often
      // finished a fifth of the parse after the other (page faults, the other processes).
      let parts = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
      cuts = RecordBoundaries.split(
        base, from: preamble.bodyStart, to: end, parts: parts, delimiter: preamble.dialect.delimiter
      )
    } else {
      cuts = [preamble.bodyStart, end]
    }
    // Room for each part's rows: its line feeds (every part but the last ends with one), the
    // last part one more for a final line without a line feed.
    let partCount = cuts.count - 1
    var rooms = [Int](repeating: 0, count: partCount)
    rooms.withUnsafeMutableBufferPointer { rooms in
      let rooms = SendableBuffer(rooms)
      let bytes = SendableBuffer(base)
      let count: @Sendable (Int) -> Void = { k in
        rooms.value[k] = LineFeedCount.count(bytes.value, from: cuts[k], to: cuts[k + 1])
      }
      if parallel && partCount > 1 {
        DispatchQueue.concurrentPerform(iterations: partCount, execute: count)
      } else {
        for k in 0..<partCount { count(k) }
      }
    }
    rooms[partCount - 1] += 1
    // A kept record has at least one byte per column (delimiters and its line end), whatever
    // its line feeds (a file of blank lines has many).
    let columnCount = max(1, preamble.planned.plans.count)
    for k in 0..<partCount {
      rooms[k] = min(rooms[k], (cuts[k + 1] - cuts[k]) / columnCount + 1)
    }
    var offsets = [0]
    for room in rooms.dropLast() { offsets.append(offsets.last! + room) }
    let capacity = offsets.last! + rooms.last!
    let plans = preamble.planned.plans
    // Columns larger than the in-memory limit are not allocated ahead: the parts grow with the
    // rows they really keep.
    let rowBytes = plans.reduce(0) { $0 + (ColumnPlacement.width(of: $1.sink) ?? 0) }
    let (placedBytes, overflow) = capacity.multipliedReportingOverflow(by: rowBytes)
    if overflow || placedBytes > options.inMemoryLimit {
      return (parse(base, cuts: cuts, preamble: preamble), preamble, [])
    }
    var parts: [ParsedPart] = []
    let placed = ColumnPlacement.withColumns(plans: plans, capacity: capacity) { bases in
      let places = (0..<partCount).map { k in
        plans.indices.map { index -> UnsafeMutableRawPointer? in
          guard let column = bases[index], let width = ColumnPlacement.width(of: plans[index].sink)
          else { return nil }
          return column + offsets[k] * width
        }
      }
      parts = parse(base, cuts: cuts, preamble: preamble, rooms: rooms, places: places)
      return ColumnPlacement.gather(parts: parts, offsets: offsets, plans: plans, bases: bases)
    }
    return (parts, preamble, placed)
  }

  /// Parses the byte ranges between consecutive cuts, concurrently when there are several.
  /// - Parameters:
  ///   - rooms: rows each part can write in place (with `places`), else estimated from its size.
  ///   - places: per part and column, where the part's values go (see `ColumnPlacement`).
  func parse(
    _ base: UnsafePointer<UInt8>, cuts: [Int], preamble: Preamble, maxRows: Int = .max,
    rooms: [Int] = [], places: [[UnsafeMutableRawPointer?]] = []
  ) -> [ParsedPart] {
    let plans = preamble.planned.plans
    let columnCount = max(1, plans.count)
    let parts = (0..<(cuts.count - 1)).map { k -> ParsedPart in
      let bytes = cuts[k + 1] - cuts[k]
      let bound = min(maxRows, bytes / columnCount + 16)
      return ParsedPart(
        plans: plans, capacity: k < rooms.count ? rooms[k] : min(bound, 1 << 26),
        arenaCapacity: max(4096, bytes / columnCount), encoding: preamble.dialect.encoding,
        places: k < places.count ? places[k] : [])
    }
    preamble.stopTable.withUnsafeBufferPointer { table in
      let parser = RecordParser(
        base: base, delimiter: preamble.dialect.delimiter, columnCount: plans.count,
        policy: options.errorPolicy,
        validateUTF8: preamble.validateUTF8, trailingDelimiter: preamble.planned.trailingDelimiter,
        stopTable: table.baseAddress!, plans: plans,
        maximumRecordBytes: max(1, options.maximumRecordBytes), selection: selection(plans))
      if parts.count == 1 {
        parser.parse(into: parts[0], from: cuts[0], to: cuts[1], maxRows: maxRows)
      } else {
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
          parser.parse(into: parts[k], from: cuts[k], to: cuts[k + 1], maxRows: maxRows)
        }
      }
    }
    return parts
  }

  /// The selected keys and their column, when the key column reads a plain number as that
  /// number (an identifier, integer, undeclared or text column; see `KeySelection`).
  func selection(_ plans: [ColumnPlan]) -> (keys: IntegerKeySet, column: Int)? {
    guard let selection = options.selection,
      let column = plans.firstIndex(where: { $0.name == selection.variable }),
      [.identifier, .integer, .inferred, .text, .skip].contains(plans[column].sink)
    else { return nil }
    return (selection.keys, column)
  }
}

extension RecordParser: @unchecked Sendable {}
