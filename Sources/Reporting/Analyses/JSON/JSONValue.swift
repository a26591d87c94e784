import Foundation

/// A JSON value built in code and written with sorted keys (byte-stable), pretty-printed.
/// Non-finite numbers are written as `null` (JSON has none).
package indirect enum JSONValue: Sendable, Equatable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case array([JSONValue])
  case object(JSONObject)
  case null

  /// The text: two-space indentation, keys sorted, a final newline.
  package func encoded() throws -> Data {
    Data((text(indent: "") + "\n").utf8)
  }

  package func text(indent: String) -> String {
    let inner = indent + "  "
    switch self {
    case .string(let value): return Escaping.jsonString(value)
    case .number(let value): return Self.number(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    case .array(let items):
      if items.isEmpty { return "[]" }
      if items.allSatisfy({
        if case .number = $0 { true } else if case .string = $0 { true } else { false }
      }) {
        return "[" + items.map { $0.text(indent: inner) }.joined(separator: ", ") + "]"
      }
      return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n"
        + indent + "]"
    case .object(let object):
      if object.values.isEmpty { return "{}" }
      let lines = object.values.keys.sorted().map { key in
        inner + Escaping.jsonString(key) + ": " + object.values[key]!.text(indent: inner)
      }
      return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
    }
  }

  /// A finite number as its shortest round-trip decimal (integers without `.0`).
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}

/// A JSON object: its values by key, and the order keys were read in (written sorted).
package struct JSONObject: Sendable, Equatable {
  package init() {}

  package init(values: [String: JSONValue], order: [String]) {
    self.values = values
    self.order = order
  }

  package var values: [String: JSONValue] = [:]
  /// Keys in the order they were parsed (empty for objects built in code).
  package var order: [String] = []

  package subscript(key: String) -> JSONValue? {
    get { values[key] }
    set { values[key] = newValue }
  }
}
