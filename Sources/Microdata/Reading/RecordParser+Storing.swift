/// Storing fields into sinks: every type and every problem (the scanner's inner loop stores a
/// known code, a plain integer or a numeric id itself and calls these for the rest).
extension RecordParser {
  /// Stores a whole number in an `Int32` column when it is a plain value there
  /// (`FieldSink.plainMinimum...plainMaximum`); returns whether it did.
  @inline(__always)
  func storeInt32(_ s: UnsafeMutablePointer<FieldSink>, _ v: Int64, row: Int) -> Bool {
    guard v >= s.pointee.plainMinimum && v <= s.pointee.plainMaximum else { return false }
    s.pointee.values!.storeBytes(
      of: Int32(truncatingIfNeeded: v), toByteOffset: row &* 4, as: Int32.self)
    return true
  }

  /// Stores one field that `parse` did not store itself; returns the problem, if any (the caller
  /// decides whether to store a missing value, exclude the row or stop).
  @inline(never)
  func storeGeneral(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int
  ) -> IssueKind? {
    if validateUTF8 && !UTF8Validation.isValid(p, count: n) { return .undecodable }
    switch s.pointee.sink {
    case .categorical8, .categorical16:
      return categoricalSlow(s, p, n, row: row, found: s.pointee.lookup.find(p, n))
    case .integer:
      return integerSlow(s, p, n, row: row, parsed: NumberParsing.integer(p, n))
    case .identifier:
      return identifierSlow(s, p, n, row: row)
    case .text:
      if isMissingCode(s, p, n) {
        s.pointee.appendMissingText(row: row)
        return s.pointee.required ? .missingRequired : nil
      }
      // An undeclared column that became text may still be numeric but for its `NA`s: count
      // them (the column's type is decided when it is assembled).
      if FieldSink.isNA(p, n) && plans[s.pointee.column].inferType { s.pointee.noteNA(row: row) }
      s.pointee.appendText(p, n, row: row)
      return nil
    case .decimal:
      if let v = NumberParsing.decimal(p, n) {
        s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 8, as: Double.self)
        if v < s.pointee.decimalMinimum || v > s.pointee.decimalMaximum { return .outOfRange }
        return nil
      }
      if FieldSink.isNA(p, n) { return missingNA(s, row: row) }
      return missingOrUnparseable(s, p, n, row: row)
    case .date:
      if let v = CalendarDay.parse(p, count: n) {
        s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 4, as: Int32.self)
        if Int64(v) < s.pointee.integerMinimum || Int64(v) > s.pointee.integerMaximum {
          return .outOfRange
        }
        return nil
      }
      return missingOrUnparseable(s, p, n, row: row)
    case .inferred:
      return inferredSlow(s, p, n, row: row)
    case .skip:
      return nil
    }
  }

  /// Whether a field is empty or one of the column's missing-value codes.
  @inline(__always)
  private func isMissingCode(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int
  ) -> Bool {
    n == 0 || (n <= s.pointee.lookup.maxLength && s.pointee.lookup.find(p, n) == CodeLookup.missing)
  }

  /// Stores a whole number, widening the column's values to `Int64` first when it does not fit
  /// `Int32` (or is `above` or below, where the column's sentinels are).
  private func storeWhole(
    _ s: UnsafeMutablePointer<FieldSink>, _ v: Int64, above: Int64, row: Int
  ) {
    if s.pointee.width == 4 && (v <= above || v > Int64(Int32.max)) {
      s.pointee.widenIntegers(rows: row, capacity: s.pointee.capacity)
    }
    if s.pointee.width == 4 {
      s.pointee.values!.storeBytes(
        of: Int32(truncatingIfNeeded: v), toByteOffset: row &* 4, as: Int32.self)
    } else {
      s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 8, as: Int64.self)
    }
  }

  /// An undeclared column's value that is not a plain `Int32`: missing, a wider whole number,
  /// or the first value that is not a whole number (the column becomes text).
  @inline(never)
  private func inferredSlow(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int
  ) -> IssueKind? {
    if isMissingCode(s, p, n) {
      storeMissing(s, row: row)
      return nil
    }
    if FieldSink.isNA(p, n) {
      // Kept apart from missing until the column's type is known (`NA` in a text column is text).
      s.pointee.noteNA(row: row)
      if s.pointee.width == 4 {
        s.pointee.values!.storeBytes(of: FieldSink.naInt32, toByteOffset: row &* 4, as: Int32.self)
      } else {
        s.pointee.values!.storeBytes(of: FieldSink.naInt64, toByteOffset: row &* 8, as: Int64.self)
      }
      return nil
    }
    let v = NumberParsing.canonicalInteger(p, n)
    if v == NumberParsing.invalid || v == FieldSink.naInt64 {
      s.pointee.inferredToText(rows: row, arenaCapacity: max(1024, row * 8))
      s.pointee.appendText(p, n, row: row)
      return nil
    }
    if s.pointee.isNumericMissing(v) {
      storeMissing(s, row: row)
      return nil
    }
    storeWhole(s, v, above: Int64(FieldSink.naInt32), row: row)
    return nil
  }

  @inline(never)
  private func categoricalSlow(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int,
    found: Int32
  ) -> IssueKind? {
    var code = found
    if code == CodeLookup.notFound {
      // `114` for the code `0114`, `01` for `1`: same number, same code.
      let lookup = plans[s.pointee.column].lookup
      code = lookup.findNumeric(p, n)
      // Codes that are all numbers: `NA` is R's missing value, not an unknown code.
      if code == CodeLookup.notFound && !lookup.numericCodes.isEmpty && FieldSink.isNA(p, n) {
        return missingNA(s, row: row)
      }
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
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int,
    parsed: Int64
  ) -> IssueKind? {
    var v = parsed
    if v == NumberParsing.invalid {
      if isMissingCode(s, p, n) {
        storeMissing(s, row: row)
        return s.pointee.required ? .missingRequired : nil
      }
      if FieldSink.isNA(p, n) { return missingNA(s, row: row) }
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
    storeWhole(s, v, above: Int64(Int32.min), row: row)
    if v < s.pointee.integerMinimum || v > s.pointee.integerMaximum { return .outOfRange }
    return nil
  }

  @inline(never)
  private func identifierSlow(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int
  ) -> IssueKind? {
    if isMissingCode(s, p, n) {
      storeMissing(s, row: row)
      return s.pointee.required ? .missingRequired : nil
    }
    // Not a plain number: from here on the identifiers are text.
    s.pointee.identifiersToText(rows: row, arenaCapacity: max(1024, row * 8))
    s.pointee.appendText(p, n, row: row)
    return nil
  }

  @inline(never)
  private func missingOrUnparseable(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int
  ) -> IssueKind? {
    storeMissing(s, row: row)
    if isMissingCode(s, p, n) {
      return s.pointee.required ? .missingRequired : nil
    }
    return .unparseable
  }

  /// `NA` in a numeric column: missing, and counted for the load report's note.
  private func missingNA(_ s: UnsafeMutablePointer<FieldSink>, row: Int) -> IssueKind? {
    storeMissing(s, row: row)
    s.pointee.noteNA(row: row)
    return s.pointee.required ? .missingRequired : nil
  }

  @inline(__always)
  private func storeCategorical(_ s: UnsafeMutablePointer<FieldSink>, _ code: Int32, row: Int) {
    if s.pointee.width == 1 {
      s.pointee.values!.storeBytes(
        of: UInt8(truncatingIfNeeded: code), toByteOffset: row, as: UInt8.self)
    } else {
      s.pointee.values!.storeBytes(
        of: UInt16(truncatingIfNeeded: code), toByteOffset: row &* 2, as: UInt16.self)
    }
  }

  /// Stores the missing sentinel of the sink's type.
  func storeMissing(_ s: UnsafeMutablePointer<FieldSink>, row: Int) {
    switch s.pointee.sink {
    case .categorical8:
      s.pointee.values!.storeBytes(of: UInt8.max, toByteOffset: row, as: UInt8.self)
    case .categorical16:
      s.pointee.values!.storeBytes(of: UInt16.max, toByteOffset: row * 2, as: UInt16.self)
    case .integer, .inferred:
      if s.pointee.width == 4 {
        s.pointee.values!.storeBytes(of: Int32.min, toByteOffset: row * 4, as: Int32.self)
      } else {
        s.pointee.values!.storeBytes(of: Int64.min, toByteOffset: row * 8, as: Int64.self)
      }
    case .date: s.pointee.values!.storeBytes(of: Int32.min, toByteOffset: row * 4, as: Int32.self)
    case .decimal:
      s.pointee.values!.storeBytes(of: Double.nan, toByteOffset: row * 8, as: Double.self)
    case .identifier:
      s.pointee.values!.storeBytes(of: Int64.min, toByteOffset: row * 8, as: Int64.self)
    case .text: s.pointee.appendMissingText(row: row)
    case .skip: break
    }
  }
}
