/// The type of a variable, as a codebook declares it or as it is inferred for an undeclared column.
public enum VariableKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  /// Codes from a list, stored as small integers with a dictionary (e.g. `kon`, `utbildning`).
  case categorical
  /// Whole numbers, stored as `Int32` (or `Int64` when a value needs it).
  case integer
  /// Real numbers, stored as `Double`; a decimal comma (`3,5`) is accepted.
  case decimal
  /// Calendar dates written `YYYY-MM-DD` (or `YYYYMMDD`), stored as day numbers.
  case date
  /// Free text, stored in a byte arena.
  case text
  /// Identifiers such as `lopnr`: stored as `Int64` when every id is a plain number, else as text.
  case id

  var article: String { self == .integer || self == .id ? "an" : "a" }

  /// Parses `categorical`, `integer`, `decimal`, `date`, `text`, `id` and common synonyms
  /// (`int`, `number`, `double`, `string`, `key`, `factor`).
  init?(name: String) {
    switch name.lowercased() {
    case "categorical", "category", "factor", "nominal", "ordinal": self = .categorical
    case "integer", "int", "count": self = .integer
    case "decimal", "double", "number", "numeric", "real", "float": self = .decimal
    case "date": self = .date
    case "text", "string": self = .text
    case "id", "key", "identifier": self = .id
    default: return nil
    }
  }

  /// Whether `numeric(_:)` can return the variable's values.
  var isNumeric: Bool { self == .integer || self == .decimal }
}
