/// Reads the header record: the column names, where the data starts and how many line breaks
/// the header (and any blank lines before it) took.
struct HeaderReader {
  struct Header {
    /// Raw bytes of each header field (unquoted, unescaped, trimmed).
    var fields: [[UInt8]]
    /// Offset of the first byte after the header record.
    var bodyStart: Int
    /// Line breaks up to `bodyStart`.
    var lineBreaks: Int
  }

  /// Reads the first non-blank record at or after `start`; nil when there is none.
  static func read(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, delimiter: UInt8)
    -> Header?
  {
    var i = start
    var breaks = 0
    // Skip blank lines.
    while i < end {
      var j = i
      while j < end && (base[j] == 0x20 || base[j] == 0x09) { j += 1 }
      if j < end && (base[j] == 0x0A || base[j] == 0x0D) {
        i = j + 1
        if base[j] == 0x0D && i < end && base[i] == 0x0A { i += 1 }
        breaks += 1
        continue
      }
      if j >= end { return nil }
      break
    }
    guard i < end else { return nil }
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    var quoted = false
    while i <= end {
      if i == end {
        fields.append(trimmed(field, quoted: quoted))
        break
      }
      let b = base[i]
      if field.isEmpty && !quoted && b == UInt8(ascii: "\"") {
        quoted = true
        i += 1
        while i < end {
          if base[i] == UInt8(ascii: "\"") {
            if i + 1 < end && base[i + 1] == UInt8(ascii: "\"") {
              field.append(UInt8(ascii: "\""))
              i += 2
              continue
            }
            break
          }
          if base[i] == 0x0A { breaks += 1 }
          field.append(base[i])
          i += 1
        }
        i += 1
        continue
      }
      if b == delimiter {
        fields.append(trimmed(field, quoted: quoted))
        field = []
        quoted = false
        i += 1
        continue
      }
      if b == 0x0A || b == 0x0D {
        fields.append(trimmed(field, quoted: quoted))
        i += 1
        if b == 0x0D && i < end && base[i] == 0x0A { i += 1 }
        breaks += 1
        break
      }
      if !quoted { field.append(b) }
      i += 1
    }
    return Header(fields: fields, bodyStart: min(i, end), lineBreaks: breaks)
  }

  private static func trimmed(_ field: [UInt8], quoted: Bool) -> [UInt8] {
    if quoted { return field }
    var s = 0
    var e = field.count
    while s < e && (field[s] == 0x20 || field[s] == 0x09) { s += 1 }
    while e > s && (field[e - 1] == 0x20 || field[e - 1] == 0x09) { e -= 1 }
    return Array(field[s..<e])
  }
}
