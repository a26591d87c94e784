/// Storing fields into sinks: every type and every problem (the scanner's inner loop stores a
/// known code, a plain integer or a numeric id itself and calls these for the rest).
extension RecordParser {
  /// Stores one field into its sink; returns the problem, if any (the caller decides whether to
  /// store a missing value, exclude the row or stop). `parse` handles the common cases inline
  /// and calls this for everything else.
  @inline(never)
  func storeGeneral(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int
  ) -> IssueKind? {
    if validateUTF8 && !UTF8Validation.isValid(p, count: n) { return .undecodable }
    switch s.pointee.sink {
    case .categorical8:
      let v = s.pointee.lookup.find(p, n)
      if v >= 0 {
        s.pointee.values!.storeBytes(
          of: UInt8(truncatingIfNeeded: v), toByteOffset: row, as: UInt8.self)
        return nil
      }
      return categoricalSlow(s, p, n, row: row, found: v)
    case .integer:
      let v = NumberParsing.integer(p, n)
      if s.pointee.width == 4 && v > Int64(Int32.min) && v <= Int64(Int32.max)
        && v >= s.pointee.integerMinimum
        && v <= s.pointee.integerMaximum && s.pointee.numericMissingCount == 0
      {
        s.pointee.values!.storeBytes(
          of: Int32(truncatingIfNeeded: v), toByteOffset: row &* 4, as: Int32.self)
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
      if n == 0
        || n <= s.pointee.lookup.maxLength && s.pointee.lookup.find(p, n) == CodeLookup.missing
      {
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
        if Int64(v) < s.pointee.integerMinimum || Int64(v) > s.pointee.integerMaximum {
          return .outOfRange
        }
        return nil
      }
      return missingOrUnparseable(s, p, n, row: row)
    case .categorical16:
      let v = s.pointee.lookup.find(p, n)
      if v >= 0 {
        s.pointee.values!.storeBytes(
          of: UInt16(truncatingIfNeeded: v), toByteOffset: row &* 2, as: UInt16.self)
        return nil
      }
      return categoricalSlow(s, p, n, row: row, found: v)
    case .inferred:
      return inferredSlow(s, p, n, row: row)
    case .skip:
      return nil
    }
  }

  /// An undeclared column's value that is not a plain `Int32`: missing, a wider whole number,
  /// or the first value that is not a whole number (the column becomes text).
  @inline(never)
  private func inferredSlow(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int
  ) -> IssueKind? {
    if n == 0
      || (n <= s.pointee.lookup.maxLength && s.pointee.lookup.find(p, n) == CodeLookup.missing)
    {
      storeMissing(s, row: row)
      return nil
    }
    let v = NumberParsing.canonicalInteger(p, n)
    if v == NumberParsing.invalid {
      s.pointee.inferredToText(rows: row, arenaCapacity: max(1024, row * 8))
      s.pointee.appendText(p, n, row: row)
      return nil
    }
    if s.pointee.isNumericMissing(v) {
      storeMissing(s, row: row)
      return nil
    }
    if s.pointee.width == 4 && (v <= Int64(Int32.min) || v > Int64(Int32.max)) {
      s.pointee.widenIntegers(rows: row, capacity: s.pointee.capacity)
    }
    if s.pointee.width == 4 {
      s.pointee.values!.storeBytes(
        of: Int32(truncatingIfNeeded: v), toByteOffset: row &* 4, as: Int32.self)
    } else {
      s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 8, as: Int64.self)
    }
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
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int,
    parsed: Int64
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
      s.pointee.values!.storeBytes(
        of: Int32(truncatingIfNeeded: v), toByteOffset: row &* 4, as: Int32.self)
    } else {
      s.pointee.values!.storeBytes(of: v, toByteOffset: row &* 8, as: Int64.self)
    }
    if v < s.pointee.integerMinimum || v > s.pointee.integerMaximum { return .outOfRange }
    return nil
  }

  @inline(never)
  private func identifierSlow(
    _ s: UnsafeMutablePointer<FieldSink>, _ p: UnsafePointer<UInt8>, _ n: Int, row: Int
  ) -> IssueKind? {
    if n == 0
      || (n <= s.pointee.lookup.maxLength && s.pointee.lookup.find(p, n) == CodeLookup.missing)
    {
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
    if n == 0 || s.pointee.lookup.find(p, n) == CodeLookup.missing {
      return s.pointee.required ? .missingRequired : nil
    }
    return .unparseable
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
