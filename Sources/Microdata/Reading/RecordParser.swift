#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The scanner: turns a byte range of a delimited file into column values, field by field,
/// without allocating per field.
///
/// Goals, in order: exact RFC 4180 semantics (quoted fields with doubled quotes, delimiters and
/// line breaks inside quotes; CRLF, LF or CR line ends), every problem reported with its line
/// and column, and speed: an unquoted field is found with one table lookup per byte (the byte
/// after the range is a line feed or the next record's first byte, so the loop needs no bounds
/// check), categorical codes are looked up on their raw bytes, numbers are parsed in place.
///
/// A field starts quoted only when its first byte is a quote; a quote later in an unquoted
/// field is an ordinary character (as in data.table's `fread`). Spaces around unquoted fields are
/// trimmed. Lines that are empty or hold only spaces are skipped.
struct RecordParser {
  let base: UnsafePointer<UInt8>
  let delimiter: UInt8
  let columnCount: Int
  let policy: LoadOptions.ErrorPolicy
  /// Check every field for valid UTF-8 (the encoding was forced to UTF-8 and the file is not).
  let validateUTF8: Bool
  /// The header ended with a delimiter: records may carry one extra, empty, field.
  let trailingDelimiter: Bool
  /// 1 for the delimiter, line feed and carriage return; 0 for every other byte.
  let stopTable: UnsafePointer<UInt8>
  let plans: [ColumnPlan]
  /// A record longer than this is reported (`LoadOptions.maximumRecordBytes`).
  let maximumRecordBytes: Int
  /// The selected keys (`LoadOptions.selection`) and the column that holds them; records with
  /// another plain-number key are skipped (`unselectedRecordEnd`).
  var selection: (keys: IntegerKeySet, column: Int)? = nil
  /// Bytes of a field kept for an error message; the message shows fewer still.
  static let excerptBytes = 256

  /// The first `excerptBytes` of a field, for a problem's report.
  static func excerpt(_ p: UnsafePointer<UInt8>, _ n: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: p, count: min(n, excerptBytes)))
  }

  private static let quote = UInt8(ascii: "\"")
  private static let lf: UInt8 = 0x0A
  private static let cr: UInt8 = 0x0D
  private static let space: UInt8 = 0x20
  private static let tab: UInt8 = 0x09

  /// Parses records in `start..<end` (which must begin at a record start and end after a line
  /// break or at the end of the input) into `part`, stopping after `maxRows` kept rows.
  func parse(into part: ParsedPart, from start: Int, to end: Int, maxRows: Int = .max) {
    let sinks = part.sinks
    let quote = RecordParser.quote
    let trimTab = delimiter != RecordParser.tab
    var p = start
    var line = 0
    var row = part.rows
    var scratch = ScratchBuffer()
    defer { scratch.release() }
    var pending: [RawIssue] = []
    var lastShift = part.lineShifts.last?.shift ?? Int.min

    recordLoop: while p < end && row < maxRows {
      // Blank lines (empty, or only spaces and tabs) are skipped.
      var b = base[p]
      if b == RecordParser.lf || b == RecordParser.cr || b == RecordParser.space
        || b == RecordParser.tab
      {
        var q = p
        while q < end && (base[q] == RecordParser.space || base[q] == RecordParser.tab) { q += 1 }
        if q >= end {
          p = q
          break recordLoop
        }
        if base[q] == RecordParser.lf || base[q] == RecordParser.cr {
          p = q + 1
          if base[q] == RecordParser.cr && p < end && base[p] == RecordParser.lf { p += 1 }
          line += 1
          continue recordLoop
        }
      }
      if let selection, let lineEnd = unselectedRecordEnd(from: p, selection.keys, selection.column)
      {
        p = lineEnd
        if p < end {
          b = base[p]
          p += 1
          if b == RecordParser.cr && p < end && base[p] == RecordParser.lf { p += 1 }
          line += 1
        }
        part.recordsSkipped += 1
        continue recordLoop
      }
      if row == part.capacity { part.growRows() }
      let recordStart = p
      let recordLine = line
      var column = 0
      var lastFieldEmpty = false
      var structural: RawIssue? = nil

      fieldLoop: while true {
        var fieldStart: UnsafePointer<UInt8>
        var fieldCount: Int
        // The field's value when it is a plain number read while scanning, else `invalid`.
        var number = NumberParsing.invalid
        let fieldLine = line
        if base[p] == quote && p < end {
          // A quoted field: find the closing quote, unescaping doubled quotes into `scratch`.
          let openLine = line
          var q = p + 1
          var segment = q
          var escaped = false
          while true {
            while q < end && base[q] != quote {
              let c = base[q]
              if c == RecordParser.lf
                || (c == RecordParser.cr && (q + 1 >= end || base[q + 1] != RecordParser.lf))
              {
                line += 1
              }
              q += 1
            }
            if q >= end {
              // The quote is never closed: the rest of the input belongs to this field.
              let issue = RawIssue(
                kind: .unterminatedQuote, column: column, relativeLine: openLine, value: [],
                found: 0)
              part.recordsRead += 1
              if policy == .strict {
                part.error = issue
              } else {
                part.tally(issue, excluded: true)
                for k in 0..<columnCount { sinks[k].rollBack(row: row) }
              }
              p = end
              break recordLoop
            }
            if q + 1 < end && base[q + 1] == quote {
              if !escaped { scratch.count = 0 }
              escaped = true
              scratch.append(base + segment, q + 1 - segment)
              q += 2
              segment = q
              continue
            }
            break
          }
          if escaped {
            scratch.append(base + segment, q - segment)
            fieldStart = UnsafePointer(scratch.base!)
            fieldCount = scratch.count
          } else {
            fieldStart = base + p + 1
            fieldCount = q - p - 1
          }
          p = q + 1
          while p < end
            && (base[p] == RecordParser.space || (trimTab && base[p] == RecordParser.tab))
          { p += 1 }
          if p < end && stopTable[Int(base[p])] == 0 {
            // Something follows the closing quote: read on to the field's end, report the field.
            let value = RecordParser.excerpt(fieldStart, fieldCount)
            while stopTable[Int(base[p])] == 0 { p += 1 }
            if structural == nil {
              structural = RawIssue(
                kind: .malformedQuote, column: column, relativeLine: fieldLine, value: value,
                found: 0)
            }
          }
        } else {
          // A plain number (1–18 digits, no leading zero, ended by the delimiter or the line
          // end) is read while it is scanned: most fields of a register are one.
          if let (value, q) = plainNumber(at: p) {
            number = value
            fieldStart = base + p
            fieldCount = q - p
            p = q
          } else {
            // Any other unquoted field: scan to the delimiter or line end, then trim spaces.
            var s = p
            while stopTable[Int(base[p])] == 0 { p += 1 }
            var e = p
            while s < e
              && (base[s] == RecordParser.space || (trimTab && base[s] == RecordParser.tab))
            { s += 1 }
            while e > s
              && (base[e - 1] == RecordParser.space || (trimTab && base[e - 1] == RecordParser.tab))
            { e -= 1 }
            fieldStart = base + s
            fieldCount = e - s
          }
        }

        if column < columnCount {
          // The common cases inline (a known code, a plain integer, a numeric id, a whole number in
          // an undeclared column), else the general path. A code, an integer or an id that
          // matches here is ASCII or a codebook code, so valid UTF-8 too; everything else goes
          // through `storeGeneral`, which validates when asked.
          // (Written out here: as a function of its own, it was not inlined.)
          let sink = sinks + column
          var stored = false
          let kind = sink.pointee.sink
          if number != NumberParsing.invalid {
            // A plain number: a code, an id or a whole number (tested on flags of their own,
            // as branches rather than a jump table, which the processor predicts less well).
            if sink.pointee.numbersAreCodes {
              let v = sink.pointee.lookup.find(fieldStart, fieldCount)
              if v >= 0 {
                sink.pointee.values!.storeBytes(
                  of: UInt8(truncatingIfNeeded: v), toByteOffset: row, as: UInt8.self)
                stored = true
              }
            } else if sink.pointee.numbersAreWhole {
              stored = storeInt32(sink, number, row: row)
            } else if sink.pointee.numbersAreIdentifiers {
              sink.pointee.values!.storeBytes(of: number, toByteOffset: row &* 8, as: Int64.self)
              stored = true
            }
          } else {
            switch kind {
            case .categorical8:
              let v = sink.pointee.lookup.find(fieldStart, fieldCount)
              if v >= 0 {
                sink.pointee.values!.storeBytes(
                  of: UInt8(truncatingIfNeeded: v), toByteOffset: row, as: UInt8.self)
                stored = true
              }
            case .integer:
              stored = storeInt32(sink, NumberParsing.integer(fieldStart, fieldCount), row: row)
            case .inferred:
              stored = storeInt32(
                sink, NumberParsing.canonicalInteger(fieldStart, fieldCount), row: row)
            case .identifier:
              let v = NumberParsing.canonicalIdentifier(fieldStart, fieldCount)
              if v != NumberParsing.invalid {
                sink.pointee.values!.storeBytes(of: v, toByteOffset: row &* 8, as: Int64.self)
                stored = true
              }
            default:
              break
            }
          }
          if !stored, let issue = storeGeneral(sink, fieldStart, fieldCount, row: row) {
            pending.append(
              RawIssue(
                kind: issue, column: column, relativeLine: fieldLine,
                value: RecordParser.excerpt(fieldStart, fieldCount), found: 0))
            if policy == .markMissing { storeMissing(sinks + column, row: row) }
          }
        }
        lastFieldEmpty = fieldCount == 0
        column += 1
        if p >= end { break fieldLoop }
        b = base[p]
        p += 1
        if b == delimiter { continue fieldLoop }
        if b == RecordParser.cr && p < end && base[p] == RecordParser.lf { p += 1 }
        line += 1
        break fieldLoop
      }

      part.recordsRead += 1
      if p - recordStart > maximumRecordBytes {
        structural = RawIssue(
          kind: .recordTooLong, column: -1, relativeLine: recordLine, value: [],
          found: maximumRecordBytes)
      } else if column != columnCount
        && !(trailingDelimiter && column == columnCount + 1 && lastFieldEmpty)
      {
        if structural == nil || structural!.kind != .malformedQuote {
          structural = RawIssue(
            kind: .wrongColumnCount, column: -1, relativeLine: recordLine, value: [], found: column)
        }
        if column < columnCount {
          // Give the missing columns a value so every sink stays row-aligned until the row is dropped.
          for k in column..<columnCount { storeMissing(sinks + k, row: row) }
        }
      }
      if structural != nil || !pending.isEmpty {
        let excluded = structural != nil || policy == .skip || policy == .strict
        if policy == .strict {
          part.error = structural ?? pending[0]
          part.stopOffset = recordStart
          part.rows = row
          part.lineBreaks = line
          return
        }
        if let structural {
          part.tally(structural, excluded: true)
        } else if excluded {
          part.tally(pending[0], excluded: true)
        } else {
          for issue in pending { part.tally(issue, excluded: false) }
        }
        pending.removeAll(keepingCapacity: true)
        if excluded {
          for k in 0..<columnCount { sinks[k].rollBack(row: row) }
          continue recordLoop
        }
      }
      let shift = recordLine - row
      if shift != lastShift {
        part.lineShifts.append((row, shift))
        lastShift = shift
      }
      row += 1
    }
    part.rows = row
    part.lineBreaks = line
    part.stopOffset = p
  }

  /// The plain number starting at `p` (1–18 digits, no leading zero unless it is `0`, ended
  /// by the delimiter or a line end) and the position after it; nil for any other field.
  @inline(__always)
  func plainNumber(at p: Int) -> (value: Int64, end: Int)? {
    var q = p
    var value: Int64 = 0
    while true {
      let digit = UInt64(base[q]) &- 48
      if digit > 9 { break }
      value = value &* 10 &+ Int64(digit)
      q += 1
    }
    let digits = q - p
    guard
      digits > 0 && digits <= 18 && stopTable[Int(base[q])] != 0
        && (digits == 1 || base[p] != UInt8(ascii: "0"))
    else { return nil }
    return (value, q)
  }

  /// Where the record starting at `start` ends (at its line break, or the end of the input)
  /// when it is to be skipped: its key (in `column`) is a plain number not among `keys`, it
  /// holds no quote, and it has the header's number of fields within the record limit. Nil for
  /// every other record, which is then read as usual (and any problem in it reported).
  ///
  /// After the key, the record is scanned eight bytes at a time (the buffer's slack allows
  /// reading past its sentinel): a byte-wise loop paid a mispredicted branch at every field's
  /// end, which made skipping a row cost half as much as reading it.
  @inline(__always)
  func unselectedRecordEnd(from start: Int, _ keys: IntegerKeySet, _ column: Int) -> Int? {
    var p = start
    var fields = 0
    // The fields before the key, byte by byte (the key usually comes first).
    while fields < column {
      if base[p] == RecordParser.quote { return nil }
      while stopTable[Int(base[p])] == 0 { p += 1 }
      if base[p] != delimiter { return nil }
      p += 1
      fields += 1
    }
    guard let (key, keyEnd) = plainNumber(at: p), !keys.contains(key) else { return nil }
    p = keyEnd
    fields += 1
    // The rest of the record: count delimiters up to the first line feed, carriage return or
    // quote (a quote sends the record to the full reader).
    let delimiters = ByteLanes.repeating(delimiter)
    let lineFeeds = ByteLanes.repeating(RecordParser.lf)
    let returns = ByteLanes.repeating(RecordParser.cr)
    let quotes = ByteLanes.repeating(RecordParser.quote)
    while true {
      let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self).littleEndian
      let stops =
        ByteLanes.zeroBytes(word ^ lineFeeds) | ByteLanes.zeroBytes(word ^ returns)
        | ByteLanes.zeroBytes(word ^ quotes)
      let separators = ByteLanes.zeroBytes(word ^ delimiters)
      if stops == 0 {
        fields += ByteLanes.markedCount(separators)
        p += 8
        continue
      }
      let offset = stops.trailingZeroBitCount >> 3
      fields += ByteLanes.markedCount(separators & ((1 << (offset << 3)) &- 1))
      p += offset
      break
    }
    guard
      base[p] != RecordParser.quote && p - start <= maximumRecordBytes
        && (fields == columnCount
          || (trailingDelimiter && fields == columnCount + 1 && base[p - 1] == delimiter))
    else { return nil }
    return p
  }
}
