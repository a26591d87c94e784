import Yams

/// Reads values from YAML nodes (a codebook's or a recipe's), turning every mistake into the
/// caller's error type with the line of the offending node. The one YAML value reader of
/// Strata: the codebook reader and the recipe reader both use it.
///
/// ```swift
/// let reader = YAMLNodeReader(file: "recipe.yaml") { line, message in
///   RecipeError.invalidValue(file: "recipe.yaml", line: line, message: message)
/// }
/// let title = try reader.string(node, "`title`")
/// ```
public struct YAMLNodeReader<Failure: Error>: Sendable {
  /// The file as named in messages.
  public let file: String
  private let makeError: @Sendable (_ line: Int, _ message: String) -> Failure

  public init(file: String, error: @escaping @Sendable (_ line: Int, _ message: String) -> Failure)
  {
    self.file = file
    self.makeError = error
  }

  /// The 1-based line of a node (0 when unknown).
  public func line(_ node: Node?) -> Int { node?.mark?.line ?? 0 }

  /// The caller's error for a value at `node`.
  public func invalid(_ node: Node?, _ message: String) -> Failure {
    makeError(line(node), message)
  }

  /// The pairs of a mapping, in order, after checking that every key is a distinct text.
  public func pairs(_ node: Node, context: String) throws(Failure) -> [(
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

  /// A single text value.
  public func string(_ node: Node, _ what: String) throws(Failure) -> String {
    guard let scalar = node.scalar else {
      throw invalid(node, "\(what) must be a single value, not a list or mapping")
    }
    return scalar.string
  }

  /// A list of texts; a single value is a list of one, and null (`~`, `null`) is empty.
  public func strings(_ node: Node, _ what: String) throws(Failure) -> [String] {
    if isNull(node) { return [] }
    if let scalar = node.scalar { return [scalar.string] }
    guard let sequence = node.sequence else {
      throw invalid(node, "\(what) must be a list such as [a, b]")
    }
    var values: [String] = []
    for item in sequence { values.append(try string(item, "an item of \(what)")) }
    return values
  }

  /// A whole number.
  public func integer(_ node: Node, _ what: String) throws(Failure) -> Int {
    let text = try string(node, what)
    guard let value = Int(text) else {
      throw invalid(node, "\(what) must be a whole number, not `\(text)`")
    }
    return value
  }

  /// A number, or a date `YYYY-MM-DD` as its day number.
  public func number(_ node: Node, _ what: String) throws(Failure) -> Double {
    let text = try string(node, what)
    if let value = Double(text) { return value }
    if let day = CalendarDay(text) { return Double(day.daysSince1970) }
    throw invalid(node, "\(what) must be a number (or a date YYYY-MM-DD), not `\(text)`")
  }

  /// `true`/`false` (also yes/no, on/off, 1/0).
  public func bool(_ node: Node, _ what: String) throws(Failure) -> Bool {
    let text = try string(node, what)
    switch text.lowercased() {
    case "true", "yes", "on", "1": return true
    case "false", "no", "off", "0": return false
    default: throw invalid(node, "\(what) must be true or false, not `\(text)`")
    }
  }

  /// Whether the node is YAML's null (`~`, `null`, or nothing).
  public func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else {
      return false
    }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// A value of a closed set, e.g. a language or a rounding rule, with a did-you-mean.
  public func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as: T.Type)
    throws(Failure) -> T where T.RawValue == String
  {
    let text = try string(node, what)
    if let value = T(rawValue: text) { return value }
    let names = T.allCases.map(\.rawValue)
    let hint = suggestions(for: text, among: names).first.map { "; did you mean `\($0)`?" } ?? ""
    throw invalid(
      node, "\(what) must be one of \(names.joined(separator: ", ")), not `\(text)`\(hint)")
  }

  /// A label: `{sv: ..., en: ...}`, or a single text used for both languages.
  public func label(_ node: Node, _ what: String) throws(Failure) -> Label {
    if let text = node.scalar?.string { return Label(sv: text, en: text) }
    var label = Label(sv: "", en: "")
    for (key, value, keyNode) in try pairs(node, context: what) {
      switch key {
      case "sv": label.sv = try string(value, "`sv`")
      case "en": label.en = try string(value, "`en`")
      default:
        throw invalid(keyNode, "unknown key `\(key)` in \(what) (allowed: sv, en)")
      }
    }
    return label
  }
}
