import Foundation

extension JSONValue {
  /// Parses JSON text (RFC 8259). Numbers become `Double`; `true`/`false` stay booleans.
  ///
  /// - Throws: `JSONValue.ParseError` with the byte offset of the problem.
  package static func parse(_ data: Data) throws(ParseError) -> JSONValue {
    var parser = Parser(bytes: Array(data))
    parser.skipWhitespace()
    let value = try parser.value()
    parser.skipWhitespace()
    guard parser.position == parser.bytes.count else { throw ParseError(offset: parser.position) }
    return value
  }

  public struct ParseError: Error, Equatable {
    var offset: Int
  }

  private struct Parser {
    let bytes: [UInt8]
    var position = 0

    public init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipWhitespace() {
      while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) {
        position += 1
      }
    }

    func error() -> ParseError { ParseError(offset: position) }

    mutating func value() throws(ParseError) -> JSONValue {
      guard position < bytes.count else { throw error() }
      switch bytes[position] {
      case UInt8(ascii: "{"): return try object()
      case UInt8(ascii: "["): return try array()
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"):
        try literal("true")
        return .bool(true)
      case UInt8(ascii: "f"):
        try literal("false")
        return .bool(false)
      case UInt8(ascii: "n"):
        try literal("null")
        return .null
      default: return .number(try number())
      }
    }

    mutating func literal(_ text: String) throws(ParseError) {
      let expected = Array(text.utf8)
      guard position + expected.count <= bytes.count,
        Array(bytes[position..<position + expected.count]) == expected
      else { throw error() }
      position += expected.count
    }

    mutating func object() throws(ParseError) -> JSONValue {
      position += 1
      var result = JSONObject()
      skipWhitespace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(result)
      }
      while true {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error() }
        let key = try string()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error() }
        position += 1
        skipWhitespace()
        result[key] = try value()
        result.order.append(key)
        skipWhitespace()
        guard position < bytes.count else { throw error() }
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
        } else if bytes[position] == UInt8(ascii: "}") {
          position += 1
          return .object(result)
        } else {
          throw error()
        }
      }
    }

    mutating func array() throws(ParseError) -> JSONValue {
      position += 1
      var items: [JSONValue] = []
      skipWhitespace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      while true {
        skipWhitespace()
        items.append(try value())
        skipWhitespace()
        guard position < bytes.count else { throw error() }
        if bytes[position] == UInt8(ascii: ",") {
          position += 1
        } else if bytes[position] == UInt8(ascii: "]") {
          position += 1
          return .array(items)
        } else {
          throw error()
        }
      }
    }

    mutating func string() throws(ParseError) -> String {
      position += 1
      var scalars = String.UnicodeScalarView()
      var raw: [UInt8] = []
      func flush() {
        if !raw.isEmpty {
          scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
          raw.removeAll()
        }
      }
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: "\"") {
          flush()
          return String(scalars)
        }
        guard byte == UInt8(ascii: "\\") else {
          raw.append(byte)
          continue
        }
        flush()
        guard position < bytes.count else { throw error() }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
          {
            position += 2
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default: scalars.append(Unicode.Scalar(escape))
        }
      }
      throw error()
    }

    mutating func hex4() throws(ParseError) -> UInt32 {
      guard position + 4 <= bytes.count,
        let value = UInt32(
          String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
      else { throw error() }
      position += 4
      return value
    }

    mutating func number() throws(ParseError) -> Double {
      let start = position
      while position < bytes.count,
        "+-0123456789.eE".utf8.contains(bytes[position])
      {
        position += 1
      }
      guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else {
        position = start
        throw error()
      }
      return value
    }
  }
}
