/// The character encodings register extracts arrive in.
///
/// Detection (when `LoadOptions.encoding` is nil): a UTF-8 byte-order mark means UTF-8; a file
/// whose bytes are all valid UTF-8 is UTF-8; anything else is Windows-1252, which agrees with
/// ISO-8859-1 on every printable character (å ä ö Å Ä Ö é ü) and adds € “ ” – — in 0x80–0x9F,
/// where ISO-8859-1 has only control characters.
public enum TextEncoding: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  case utf8
  case latin1
  case windows1252

  /// Parses the names analysts write: `utf8`, `utf-8`, `latin1`, `iso-8859-1`, `windows1252`,
  /// `cp1252`, case-insensitively.
  public init?(name: String) {
    switch name.lowercased().filter({ $0 != "-" && $0 != "_" }) {
    case "utf8": self = .utf8
    case "latin1", "iso88591", "l1": self = .latin1
    case "windows1252", "cp1252", "win1252", "ansi": self = .windows1252
    default: return nil
    }
  }

  /// `UTF-8`, `ISO-8859-1`, `Windows-1252`.
  public var displayName: String {
    switch self {
    case .utf8: "UTF-8"
    case .latin1: "ISO-8859-1"
    case .windows1252: "Windows-1252"
    }
  }

  /// Decodes bytes to a String (invalid UTF-8 becomes U+FFFD; a single-byte encoding never fails).
  func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    switch self {
    case .utf8: return String(decoding: bytes, as: UTF8.self)
    case .latin1, .windows1252:
      var utf8: [UInt8] = []
      utf8.reserveCapacity(bytes.count + 8)
      appendTranscodedToUTF8(bytes, into: &utf8)
      return String(decoding: utf8, as: UTF8.self)
    }
  }

  func decode(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// Appends `bytes` (in this single-byte encoding) to `output` as UTF-8.
  func appendTranscodedToUTF8(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
      } else {
        let scalar = self == .windows1252 ? windows1252Scalar(byte) : UInt32(byte)
        appendUTF8(scalar, into: &output)
      }
    }
  }

  /// The bytes of `text` in this encoding, or nil when a character has no byte in it.
  func encode(_ text: String) -> [UInt8]? {
    switch self {
    case .utf8: return Array(text.utf8)
    case .latin1, .windows1252:
      var bytes: [UInt8] = []
      for scalar in text.unicodeScalars {
        if scalar.value < 0x80 || (self == .latin1 && scalar.value <= 0xFF) {
          bytes.append(UInt8(scalar.value))
        } else if scalar.value >= 0xA0 && scalar.value <= 0xFF {
          bytes.append(UInt8(scalar.value))
        } else if self == .windows1252, let byte = windows1252Byte(scalar.value) {
          bytes.append(byte)
        } else {
          return nil
        }
      }
      return bytes
    }
  }
}

/// The Unicode scalar of a Windows-1252 byte ≥ 0x80 (WHATWG mapping: the five undefined bytes
/// map to the C1 control characters of the same value).
@inline(__always)
func windows1252Scalar(_ byte: UInt8) -> UInt32 {
  if byte >= 0xA0 || byte < 0x80 { return UInt32(byte) }
  return windows1252High[Int(byte - 0x80)]
}

private let windows1252High: [UInt32] = [
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
]

private func windows1252Byte(_ scalar: UInt32) -> UInt8? {
  windows1252High.firstIndex(of: scalar).map { UInt8(0x80 + $0) }
}

@inline(__always)
func appendUTF8(_ scalar: UInt32, into output: inout [UInt8]) {
  switch scalar {
  case 0..<0x80:
    output.append(UInt8(scalar))
  case 0x80..<0x800:
    output.append(UInt8(0xC0 | (scalar >> 6)))
    output.append(UInt8(0x80 | (scalar & 0x3F)))
  case 0x800..<0x10000:
    output.append(UInt8(0xE0 | (scalar >> 12)))
    output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
    output.append(UInt8(0x80 | (scalar & 0x3F)))
  default:
    output.append(UInt8(0xF0 | (scalar >> 18)))
    output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
    output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
    output.append(UInt8(0x80 | (scalar & 0x3F)))
  }
}
