/// The delimiter and encoding of a delimited file, detected or given.
struct CSVDialect: Sendable, Equatable {
  var delimiter: UInt8
  var encoding: TextEncoding
  /// The file starts with a UTF-8 byte-order mark (skipped).
  var byteOrderMark: Bool

  static let quote = UInt8(ascii: "\"")
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  /// The delimiter as text for reports.
  var delimiterText: String { delimiter == 0x09 ? "\\t" : String(UnicodeScalar(delimiter)) }

  /// The candidates, in order of preference on a tie: `;` is the Swedish default.
  static let candidates: [UInt8] = [UInt8(ascii: ";"), 0x09, UInt8(ascii: ","), UInt8(ascii: "|")]

  /// Detects the delimiter from the first records: the candidate that splits the header into
  /// the most fields and every following record (up to 50, or 64 KiB) into as many; if none is
  /// consistent, the one that splits the header into the most fields; `;` when none splits it.
  static func detectDelimiter(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt8 {
    let limit = min(end, start + 1 << 16)
    var best: (delimiter: UInt8, fields: Int, consistent: Bool)? = nil
    for candidate in candidates {
      let counts = fieldCounts(
        base, from: start, to: limit, delimiter: candidate, maxRecords: 50, complete: limit == end)
      guard let header = counts.first, header > 1 else { continue }
      let consistent = counts.dropFirst().allSatisfy { $0 == header }
      let better: Bool
      if let b = best {
        better = (consistent && !b.consistent) || (consistent == b.consistent && header > b.fields)
      } else {
        better = true
      }
      if better { best = (candidate, header, consistent) }
    }
    return best?.delimiter ?? UInt8(ascii: ";")
  }

  /// Field counts of the first records (quote-aware; blank lines skipped). When `complete` is
  /// false the last, possibly cut, record is left out.
  static func fieldCounts(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, delimiter: UInt8, maxRecords: Int,
    complete: Bool
  ) -> [Int] {
    var counts: [Int] = []
    var i = start
    var fields = 1
    var inQuotes = false
    var atFieldStart = true
    var lineHasContent = false
    while i < end && counts.count < maxRecords {
      let b = base[i]
      if inQuotes {
        if b == quote {
          if i + 1 < end && base[i + 1] == quote { i += 1 } else { inQuotes = false }
        }
      } else if b == quote && atFieldStart {
        inQuotes = true
        lineHasContent = true
        atFieldStart = false
      } else if b == delimiter {
        fields += 1
        atFieldStart = true
        lineHasContent = true
      } else if b == lineFeed || b == carriageReturn {
        if lineHasContent { counts.append(fields) }
        fields = 1
        atFieldStart = true
        lineHasContent = false
        if b == carriageReturn && i + 1 < end && base[i + 1] == lineFeed { i += 1 }
      } else {
        atFieldStart = false
        if b != 0x20 { lineHasContent = true }
      }
      i += 1
    }
    if complete && lineHasContent && counts.count < maxRecords { counts.append(fields) }
    return counts
  }
}
