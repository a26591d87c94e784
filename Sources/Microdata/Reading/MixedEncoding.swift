/// Finds a file that is UTF-8 in one place and something else (Latin-1, Windows-1252) in
/// another, which detection would otherwise decode whole as Windows-1252 (`kön` becoming
/// `kÃ¶n`).
///
/// The rule: when the bytes are not all UTF-8 but some non-ASCII character is a valid
/// multi-byte UTF-8 sequence, the file mixes encodings. A Windows-1252 text forms such a
/// sequence only when an uppercase accented letter (C2–DF) is followed by a symbol in 80–BF,
/// which Swedish register text does not do.
enum MixedEncoding {
  /// Throws `.mixedEncoding` naming the first invalid byte and the first valid UTF-8 character
  /// in `base[start..<end]` when both occur; `firstInvalid` is the offset of the former.
  static func check(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, firstInvalid: Int,
    delimiter: UInt8, header: [[UInt8]], file: String
  ) throws(MicrodataError) {
    guard let valid = firstMultibyteOffset(base, from: start, to: end) else { return }
    let length = UTF8Validation.sequenceLength(base, at: valid, end: end)
    let character = String(
      decoding: UnsafeBufferPointer(start: base + valid, count: length), as: UTF8.self)
    let badBytes = (firstInvalid..<min(end, firstInvalid + 2)).map {
      "0x" + (base[$0] < 0x10 ? "0" : "") + String(base[$0], radix: 16, uppercase: true)
    }
    let names = header.map { String(decoding: $0, as: UTF8.self) }
    throw .mixedEncoding(
      invalid: location(
        of: firstInvalid, base, from: start, delimiter: delimiter, names: names, file: file),
      bytes: badBytes.joined(separator: " "),
      validUTF8: location(
        of: valid, base, from: start, delimiter: delimiter, names: names, file: file),
      character: character)
  }

  /// The offset of the first valid multi-byte UTF-8 sequence, skipping invalid bytes.
  static func firstMultibyteOffset(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int)
    -> Int?
  {
    var i = start
    while i < end {
      while i + 8 <= end
        && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      { i += 8 }
      if i >= end { break }
      if base[i] >= 0xC2 && UTF8Validation.sequenceLength(base, at: i, end: end) > 0 { return i }
      i += 1
    }
    return nil
  }

  /// The physical line of `offset` and the header column it falls in (delimiters counted from
  /// the line's start; quotes are not interpreted, which suits a line without quoted delimiters).
  static func location(
    of offset: Int, _ base: UnsafePointer<UInt8>, from start: Int, delimiter: UInt8,
    names: [String], file: String
  ) -> DataLocation {
    var line = 1
    var lineStart = start
    for i in start..<offset where base[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    var column = 0
    for i in lineStart..<offset where base[i] == delimiter { column += 1 }
    return DataLocation(file: file, line: line, column: column < names.count ? names[column] : nil)
  }
}
