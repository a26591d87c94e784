import Analysis
import Microdata
import Reporting
import Yams

/// Reads recipe values from YAML nodes, turning every mistake into a `RecipeError` that
/// names the recipe file and the line of the offending node. Values are read by the shared
/// `YAMLNodeReader`; this type adds the recipe's unknown-key error.
public struct RecipeReader {
  /// The recipe file as named in messages.
  public let file: String
  let nodes: YAMLNodeReader<RecipeError>

  public init(file: String) {
    self.file = file
    nodes = YAMLNodeReader(file: file) { line, message in
      .invalidValue(file: file, line: line, message: message)
    }
  }

  package func line(_ node: Node?) -> Int { nodes.line(node) }

  package func invalid(_ node: Node?, _ message: String) -> RecipeError {
    nodes.invalid(node, message)
  }

  /// The pairs of a mapping, in order, after checking that every key is a distinct text.
  package func pairs(_ node: Node, context: String) throws(RecipeError) -> [(
    key: String, value: Node, keyNode: Node
  )] { try nodes.pairs(node, context: context) }

  /// Throws `unknownKey` (with suggestions) for a key not in `allowed`.
  package func checkKey(_ key: String, node: Node, allowed: [String], context: String)
    throws(RecipeError)
  {
    guard !allowed.contains(key) else { return }
    throw .unknownKey(
      file: file, line: line(node), key: key, context: context,
      suggestions: Microdata.suggestions(for: key, among: allowed), allowed: allowed)
  }

  package func string(_ node: Node, _ what: String) throws(RecipeError) -> String {
    try nodes.string(node, what)
  }

  package func strings(_ node: Node, _ what: String) throws(RecipeError) -> [String] {
    try nodes.strings(node, what)
  }

  package func integer(_ node: Node, _ what: String) throws(RecipeError) -> Int {
    try nodes.integer(node, what)
  }

  package func bool(_ node: Node, _ what: String) throws(RecipeError) -> Bool {
    try nodes.bool(node, what)
  }

  package func isNull(_ node: Node) -> Bool { nodes.isNull(node) }

  package func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as: T.Type)
    throws(RecipeError) -> T where T.RawValue == String
  {
    try nodes.choice(node, what, as: T.self)
  }
}
