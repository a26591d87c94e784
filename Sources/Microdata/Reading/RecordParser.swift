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
      if b == RecordParser.lf || b == RecordParser.cr || b == RecordParser.space || b == RecordParser.tab {
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
      if row == part.capacity { part.growRows() }
      let recordStart = p
      let recordLine = line
      var column = 0
      var lastFieldEmpty = false
      var structural: RawIssue? = nil

      fieldLoop: while true {
        var fieldStart: UnsafePointer<UInt8>
        var fieldCount: Int
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
              if c == RecordParser.lf || (c == RecordParser.cr && (q + 1 >= end || base[q + 1] != RecordParser.lf)) {
                line += 1
              }
              q += 1
            }
            if q >= end {
              // The quote is never closed: the rest of the input belongs to this field.
              let issue = RawIssue(kind: .unterminatedQuote, column: column, relativeLine: openLine, value: [], found: 0)
              part.recordsRead += 1
              if policy == .strict {
                part.error = issue
              } else {
                part.tally(issue, excluded: true)
                for k in 0..<columnCount { sinks[k].rollBackText(row: row) }
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
          while p < end && (base[p] == RecordParser.space || (trimTab && base[p] == RecordParser.tab)) { p += 1 }
          if p < end && stopTable[Int(base[p])] == 0 {
            // Something follows the closing quote: read on to the field's end, report the field.
            let value = Array(UnsafeBufferPointer(start: fieldStart, count: fieldCount))
            while stopTable[Int(base[p])] == 0 { p += 1 }
            if structural == nil {
              structural = RawIssue(kind: .malformedQuote, column: column, relativeLine: fieldLine, value: value, found: 0)
            }
          }
        } else {
          // An unquoted field: scan to the delimiter or line end, then trim spaces.
          var s = p
          while stopTable[Int(base[p])] == 0 { p += 1 }
          var e = p
          while s < e && (base[s] == RecordParser.space || (trimTab && base[s] == RecordParser.tab)) { s += 1 }
          while e > s && (base[e - 1] == RecordParser.space || (trimTab && base[e - 1] == RecordParser.tab)) { e -= 1 }
          fieldStart = base + s
          fieldCount = e - s
        }

        if column < columnCount {
          // The common cases inline (a known code, a plain integer, a numeric id), else the general path.
          let sink = sinks + column
          var stored = false
          if !validateUTF8 {
            switch sink.pointee.sink {
            case .categorical8:
              let v = sink.pointee.lookup.find(fieldStart, fieldCount)
              if v >= 0 {
                sink.pointee.values!.storeBytes(of: UInt8(truncatingIfNeeded: v), toByteOffset: row, as: UInt8.self)
                stored = true
              }
            case .integer:
              let v = NumberParsing.integer(fieldStart, fieldCount)
              if sink.pointee.width == 4 && v > Int64(Int32.min) && v <= Int64(Int32.max)
                && v >= sink.pointee.integerMinimum && v <= sink.pointee.integerMaximum
                && sink.pointee.numericMissingCount == 0
              {
                sink.pointee.values!.storeBytes(of: Int32(truncatingIfNeeded: v), toByteOffset: row &* 4, as: Int32.self)
                stored = true
              }
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
            let value = Array(UnsafeBufferPointer(start: fieldStart, count: fieldCount))
            pending.append(RawIssue(kind: issue, column: column, relativeLine: fieldLine, value: value, found: 0))
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
      if column != columnCount && !(trailingDelimiter && column == columnCount + 1 && lastFieldEmpty) {
        if structural == nil || structural!.kind != .malformedQuote {
          structural = RawIssue(kind: .wrongColumnCount, column: -1, relativeLine: recordLine, value: [], found: column)
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
          for k in 0..<columnCount { sinks[k].rollBackText(row: row) }
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

  /// Stores one field into its sink; returns the problem, if any (the caller decides whether to
  /// store a missing value, exclude the row or stop). `parse` handles the common cases inline
  /// and calls this for everything else.
  @inline(never)
  private func storeGeneral(_ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int) -> IssueKind? {
    if validateUTF8 && !UTF8Validation.isValid(p, count: n) { return .undecodable }
    switch s.pointee.sink {
    case .categorical8:
      let v = s.pointee.lookup.find(p, n)
      if v >= 0 {
        s.pointee.values!.storeBytes(of: UInt8(truncatingIfNeeded: v), toByteOffset: row, as: UInt8.self)
        return nil
      }
      return categoricalSlow(s, p, n, row: row, found: v)
    case .integer:
      let v = NumberParsing.integer(p, n)
      if s.pointee.width == 4 && v > Int64(Int32.min) && v <= Int64(Int32.max) && v >= s.pointee.integerMinimum
        && v <= s.pointee.integerMaximum && s.pointee.numericMissingCount == 0
      {
        s.pointee.values!.storeBytes(of: Int32(truncatingIfNeeded: v), toByteOffset: row &* 4, as: Int32.self)
        return nil
      }
      return integerSlow(s, p, n, row: row, parsed: v)
    case .identifier:
      let v = NumberParsing.canonicalIdentifier(p, n)
      if v != NumberParsing.invalid {
        s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 8, as: Int64.self)
        return nil
      }
      return identifierSlow(s, p, n, row: row)
    case .text:
      if n == 0 || n <= s.pointee.lookup.maxLength && s.pointee.lookup.find(p, n) == CodeLookup.missing {
        s.pointee.appendMissingText(row: row)
        return s.pointee.required ? .missingRequired : nil
      }
      s.pointee.appendText(p, n, row: row)
      return nil
    case .decimal:
      if let v = NumberParsing.decimal(p, n) {
        s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 8, as: Double.self)
        if v < s.pointee.decimalMinimum || v > s.pointee.decimalMaximum { return .outOfRange }
        return nil
      }
      return missingOrUnparseable(s, p, n, row: row)
    case .date:
      if let v = CalendarDay.parse(p, count: n) {
        s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 4, as: Int32.self)
        if Int64(v) < s.pointee.integerMinimum || Int64(v) > s.pointee.integerMaximum { return .outOfRange }
        return nil
      }
      return missingOrUnparseable(s, p, n, row: row)
    case .categorical16:
      let v = s.pointee.lookup.find(p, n)
      if v >= 0 {
        s.pointee.values!.storeBytes(of: UInt16(truncatingIfNeeded: v), toByteOffset: row &* 2, as: UInt16.self)
        return nil
      }
      return categoricalSlow(s, p, n, row: row, found: v)
    case .skip:
      return nil
    }
  }

  @inline(never)
  private func categoricalSlow(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int, found: Int32
  ) -> IssueKind? {
    var code = found
    if code == CodeLookup.notFound {
      // `114` for the code `0114`, `01` for `1`: same number, same code.
      code = plans[s.pointee.column].lookup.findNumeric(p, n)
    }
    if code >= 0 {
      storeCategorical(s, code, row: row)
      return nil
    }
    storeMissing(s, row: row)
    if code == CodeLookup.missing { return s.pointee.required ? .missingRequired : nil }
    return .unknownCode
  }

  @inline(never)
  private func integerSlow(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int, parsed: Int64
  ) -> IssueKind? {
    var v = parsed
    if v == NumberParsing.invalid {
      if n == 0 || s.pointee.lookup.find(p, n) == CodeLookup.missing {
        storeMissing(s, row: row)
        return s.pointee.required ? .missingRequired : nil
      }
      v = NumberParsing.integerWithZeroFraction(p, n)
      if v == NumberParsing.invalid {
        storeMissing(s, row: row)
        return .unparseable
      }
    }
    if s.pointee.isNumericMissing(v) {
      storeMissing(s, row: row)
      return s.pointee.required ? .missingRequired : nil
    }
    if s.pointee.width == 4 && (v <= Int64(Int32.min) || v > Int64(Int32.max)) {
      s.pointee.widenIntegers(rows: row, capacity: s.pointee.capacity)
    }
    if s.pointee.width == 4 {
      s.pointee.values!.storeBytes(of: Int32(truncatingIfNeeded: v), toByteOffset: row &* 4, as: Int32.self)
    } else {
      s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 8, as: Int64.self)
    }
    if v < s.pointee.integerMinimum || v > s.pointee.integerMaximum { return .outOfRange }
    return nil
  }

  @inline(never)
  private func identifierSlow(_ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int) -> IssueKind? {
    if n == 0 || (n <= s.pointee.lookup.maxLength && s.pointee.lookup.find(p, n) == CodeLookup.missing) {
      storeMissing(s, row: row)
      return s.pointee.required ? .missingRequired : nil
    }
    // Not a plain number: from here on the identifiers are text.
    s.pointee.identifiersToText(rows: row, arenaCapacity: max(1024, row * 8))
    s.pointee.appendText(p, n, row: row)
    return nil
  }

  @inline(never)
  private func missingOrUnparseable(_ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int) -> IssueKind? {
    storeMissing(s, row: row)
    if n == 0 || s.pointee.lookup.find(p, n) == CodeLookup.missing { return s.pointee.required ? .missingRequired : nil }
    return .unparseable
  }

  @inline(__always)
  private func storeCategorical(_ s: UnsafeMutablePointer<FieldSink>, _ code: Int32, row: Int) {
    if s.pointee.width == 1 {
      s.pointee.values!.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: row, as: UInt8.self)
    } else {
      s.pointee.values!.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: row &* 2, as: UInt16.self)
    }
  }

  /// Stores the missing sentinel of the sink's type.
  func storeMissing(_ s: UnsafeMutablePointer<FieldSink>, row: Int) {
    switch s.pointee.sink {
    case .categorical8: s.pointee.values!.storeBytes(of: UInt8.max, toByteOffset: row, as: UInt8.self)
    case .categorical16: s.pointee.values!.storeBytes(of: UInt16.max, toByteOffset: row * 2, as: UInt16.self)
    case .integer:
      if s.pointee.width == 4 {
        s.pointee.values!.storeBytes(of: Int32.min, toByteOffset: row * 4, as: Int32.self)
      } else {
        s.pointee.values!.storeBytes(of: Int64.min, toByteOffset: row * 8, as: Int64.self)
      }
    case .date: s.pointee.values!.storeBytes(of: Int32.min, toByteOffset: row * 4, as: Int32.self)
    case .decimal: s.pointee.values!.storeBytes(of: Double.nan, toByteOffset: row * 8, as: Double.self)
    case .identifier: s.pointee.values!.storeBytes(of: Int64.min, toByteOffset: row * 8, as: Int64.self)
    case .text: s.pointee.appendMissingText(row: row)
    case .skip: break
    }
  }
}

/// A growable byte buffer for unescaping quoted fields, with a stable address while in use.
struct ScratchBuffer {
  var base: UnsafeMutablePointer<UInt8>?
  var count = 0
  var capacity = 0

  mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
    if count + n > capacity {
      capacity = max(256, (count + n) * 2)
      base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }
    (base! + count).update(from: p, count: n)
    count += n
  }

  mutating func release() {
    free(base)
    base = nil
  }
}
