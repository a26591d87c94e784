extension RawIssue {
  /// The analyst-facing error for this problem, at an absolute line of the file.
  func error(line: Int, plans: [ColumnPlan], file: String, encoding: TextEncoding) -> MicrodataError
  {
    let plan = column >= 0 && column < plans.count ? plans[column] : nil
    let location = DataLocation(file: file, line: line, column: plan?.header)
    let text = value.withUnsafeBufferPointer { encoding.decode($0) }
    let variable = plan?.name ?? ""
    switch kind {
    case .unknownCode:
      return .unknownCode(
        location, variable: variable, value: text, expected: plan?.expectedCodes ?? [])
    case .outOfRange:
      if let declared = plan?.variable, declared.kind == .date {
        func day(_ x: Double?) -> CalendarDay? {
          x.flatMap { $0.isFinite && abs($0) < 1e9 ? CalendarDay(dayNumber: Int($0)) : nil }
        }
        return .dateOutOfRange(
          location, variable: variable, value: text,
          earliest: day(declared.minimum?.rounded(.up)),
          latest: day(declared.maximum?.rounded(.down)))
      }
      return .outOfRange(
        location, variable: variable, value: text, minimum: plan?.variable?.minimum,
        maximum: plan?.variable?.maximum)
    case .unparseable:
      return .unparseableValue(
        location, variable: variable, value: text, expected: plan?.expectedDescription ?? "a value")
    case .missingRequired:
      return .missingRequiredValue(location, variable: variable)
    case .undecodable:
      return .undecodableBytes(location, bytes: invalidBytesDescription, encoding: .utf8)
    case .wrongColumnCount:
      return .wrongColumnCount(
        DataLocation(file: file, line: line), found: found, expected: plans.count)
    case .unterminatedQuote:
      return .unterminatedQuote(location)
    case .malformedQuote:
      return .malformedQuotedField(location, value: text)
    case .recordTooLong:
      return .recordTooLong(DataLocation(file: file, line: line), limit: found)
    }
  }

  /// The first invalid UTF-8 sequence of the value, in hex (`0xE5 0x72`).
  private var invalidBytesDescription: String {
    value.withUnsafeBufferPointer { buffer -> String in
      guard let base = buffer.baseAddress,
        let offset = UTF8Validation.firstInvalidOffset(base, from: 0, to: buffer.count)
      else { return "" }
      let bytes = buffer[offset..<min(buffer.count, offset + 2)]
      return bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
    }
  }
}

/// Joins tallies of consecutive parts: counts add up, the first occurrence is the earliest.
func mergeTallies(_ parts: [(tallies: [IssueTally], lineBase: Int)]) -> [(
  tally: IssueTally, line: Int
)] {
  var merged: [(tally: IssueTally, line: Int)] = []
  for part in parts {
    for tally in part.tallies {
      if let k = merged.firstIndex(where: {
        $0.tally.kind == tally.kind && $0.tally.column == tally.column
          && $0.tally.excluded == tally.excluded
      }) {
        merged[k].tally.count += tally.count
      } else {
        merged.append((tally, part.lineBase + tally.first.relativeLine))
      }
    }
  }
  return merged
}
