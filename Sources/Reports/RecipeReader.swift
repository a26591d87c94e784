import Analysis
import Microdata
import Reporting
import Yams

/// Reads recipe values from YAML nodes, turning every mistake into a `RecipeError` that
/// names the recipe file and the line of the offending node.
public struct RecipeReader {
  /// The recipe file as named in messages.
  public let file: String

  package func line(_ node: Node?) -> Int { node?.mark?.line ?? 0 }

  package func invalid(_ node: Node?, _ message: String) -> RecipeError {
    .invalidValue(file: file, line: line(node), message: message)
  }

  /// The pairs of a mapping, in order, after checking that every key is a distinct text.
  package func pairs(_ node: Node, context: String) throws(RecipeError) -> [(
    key: String, value: Node, keyNode: Node
  )] {
    guard let mapping = node.mapping else {
      throw invalid(node, "\(context) must be a mapping of `key: value` lines")
    }
    var seen: [String: Int] = [:]
    var result: [(key: String, value: Node, keyNode: Node)] = []
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        throw invalid(key, "a key in \(context) must be a plain name")
      }
      if let first = seen[name] {
        throw invalid(key, "the key `\(name)` appears twice in \(context) (first on line \(first))")
      }
      seen[name] = line(key)
      result.append((name, value, key))
    }
    return result
  }

  /// Throws `unknownKey` (with suggestions) for a key not in `allowed`.
  package func checkKey(_ key: String, node: Node, allowed: [String], context: String)
    throws(RecipeError)
  {
    guard !allowed.contains(key) else { return }
    throw .unknownKey(
      file: file, line: line(node), key: key, context: context,
      suggestions: Microdata.suggestions(for: key, among: allowed), allowed: allowed)
  }

  /// A single text value.
  package func string(_ node: Node, _ what: String) throws(RecipeError) -> String {
    guard let scalar = node.scalar else {
      throw invalid(node, "\(what) must be a single value, not a list or mapping")
    }
    return scalar.string
  }

  /// A list of texts; a single value is a list of one.
  package func strings(_ node: Node, _ what: String) throws(RecipeError) -> [String] {
    if let scalar = node.scalar { return [scalar.string] }
    guard let sequence = node.sequence else {
      throw invalid(node, "\(what) must be a list such as [a, b]")
    }
    var values: [String] = []
    for item in sequence { values.append(try string(item, "an item of \(what)")) }
    return values
  }

  package func integer(_ node: Node, _ what: String) throws(RecipeError) -> Int {
    let text = try string(node, what)
    guard let value = Int(text) else {
      throw invalid(node, "\(what) must be a whole number, not `\(text)`")
    }
    return value
  }

  package func bool(_ node: Node, _ what: String) throws(RecipeError) -> Bool {
    let text = try string(node, what)
    switch text.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw invalid(node, "\(what) must be true or false, not `\(text)`")
    }
  }

  /// Whether the node is YAML's null (`~`, `null`, or nothing).
  package func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else {
      return false
    }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// A value of a closed set, e.g. a language or a rounding rule.
  package func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as: T.Type)
    throws(RecipeError) -> T where T.RawValue == String
  {
    let text = try string(node, what)
    if let value = T(rawValue: text) { return value }
    let names = T.allCases.map(\.rawValue)
    let hint =
      Microdata.suggestions(for: text, among: names).first.map { "; did you mean `\($0)`?" } ?? ""
    throw invalid(
      node, "\(what) must be one of \(names.joined(separator: ", ")), not `\(text)`\(hint)")
  }
}
