import Foundation

/// The JSON of the analysis subcommands: pretty-printed with sorted keys (byte-stable output),
/// slashes unescaped, a final line break. The output types hold optionals rather than NaN or
/// infinities (JSON has neither); one that slips through is an encoding error, never invalid
/// JSON.
enum ContractJSON {
  static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
  }

  /// `value` when it is finite, else `nil` (written as `null` or left out).
  static func finite(_ value: Double?) -> Double? {
    guard let value, value.isFinite else { return nil }
    return value
  }
}

/// A JSON object key given at run time: a variable name in a record (`"kon": "1"`) or a field.
struct JSONKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
