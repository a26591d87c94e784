/// A JSON object key given at run time: a variable name in a record (`"kon": "1"`) or a field.
struct JSONKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
