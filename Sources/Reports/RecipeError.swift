import Analysis
import Microdata
import Reporting

/// A mistake in a report recipe, with the file and line it is on.
///
/// ```
/// report.yaml, line 14: unknown key `colls` in a `tabulate` analysis; did you mean `cols`?
/// ```
public enum RecipeError: Error, CustomStringConvertible, Equatable {
  /// The recipe file cannot be read.
  case unreadable(file: String, reason: String)
  /// The text is not valid YAML.
  case syntax(file: String, line: Int, message: String)
  /// A key the recipe format does not know, with the closest known keys.
  case unknownKey(
    file: String, line: Int, key: String, context: String, suggestions: [String],
    allowed: [String])
  /// A key that must be present is absent.
  case missingKey(file: String, line: Int, key: String, context: String)
  /// A value of the wrong shape or out of its domain.
  case invalidValue(file: String, line: Int, message: String)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "Cannot read the recipe \(file): \(reason)."
    case .syntax(let file, let line, let message):
      return "\(Self.place(file, line)): the recipe is not valid YAML: \(message)."
    case .unknownKey(let file, let line, let key, let context, let suggestions, let allowed):
      let hint =
        suggestions.isEmpty
        ? "" : "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
      let list = allowed.isEmpty ? "" : " (known keys: \(allowed.joined(separator: ", ")))"
      return "\(Self.place(file, line)): unknown key `\(key)` in \(context)\(hint)\(list)"
    case .missingKey(let file, let line, let key, let context):
      return "\(Self.place(file, line)): \(context) needs the key `\(key)`."
    case .invalidValue(let file, let line, let message):
      let end = message.hasSuffix("?") || message.hasSuffix(".") ? "" : "."
      return "\(Self.place(file, line)): \(message)\(end)"
    }
  }

  /// The line of the error (0 when unknown).
  public var line: Int {
    switch self {
    case .unreadable: 0
    case .syntax(_, let line, _), .unknownKey(_, let line, _, _, _, _),
      .missingKey(_, let line, _, _), .invalidValue(_, let line, _):
      line
    }
  }

  private static func place(_ file: String, _ line: Int) -> String {
    line > 0 ? "\(file), line \(line)" : file
  }
}
