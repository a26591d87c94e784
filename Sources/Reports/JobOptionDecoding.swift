import Analysis
import Foundation
import Microdata
import Reporting
import Yams

/// Builds a job from a template and a recipe entry's options by decoding: the template is
/// encoded to a YAML mapping (so every field has its default), each option's YAML node
/// replaces its field, and the mapping is decoded back into the job type. New fields of a job
/// thus become recipe options without changes here, and values are checked by the job's own
/// `Decodable` conformance.
public struct JobOptionDecoding {
  public let file: String

  /// `template` with `fields` replaced (field name → YAML node) and `options` applied.
  ///
  /// - Throws: `RecipeError.invalidValue` naming the option's line when a value does not fit
  ///   its field (e.g. `window: a year`).
  package func decode<Job: Codable>(
    _ template: Job, setting fields: [(String, Node)], options: [RecipeOption], entryLine: Int
  ) throws(RecipeError) -> Job {
    var pairs: [(Node, Node)]
    do {
      let text = try YAMLEncoder().encode(template)
      pairs = Array(try Yams.compose(yaml: text)?.mapping ?? [:])
    } catch {
      throw .invalidValue(
        file: file, line: entryLine, message: "internal: cannot encode the job template (\(error))")
    }
    let templateShapes = Dictionary(
      pairs.compactMap { key, value in key.scalar.map { ($0.string, value) } },
      uniquingKeysWith: { first, _ in first })
    func set(_ field: String, _ node: Node) {
      pairs.removeAll { $0.0.scalar?.string == field }
      pairs.append((Node(field), node))
    }
    for (field, node) in fields { set(field, node) }
    var lines: [String: Int] = [:]
    for option in options {
      var node = option.node
      // A single value where the field holds a list is a list of one (`rows: kon`).
      if node.scalar != nil, templateShapes[option.key]?.sequence != nil {
        node = .sequence(Node.Sequence([node]))
      }
      set(option.key, node)
      lines[option.key] = option.line
    }
    do {
      return try YAMLDecoder().decode(Job.self, from: .mapping(Node.Mapping(pairs)))
    } catch let error as DecodingError {
      let (field, message) = Self.explain(error)
      throw .invalidValue(
        file: file, line: field.flatMap { lines[$0] } ?? entryLine,
        message: field.map { "`\(AnalysisKind.recipeName(of: $0))`: \(message)" } ?? message)
    } catch {
      throw .invalidValue(file: file, line: entryLine, message: "\(error)")
    }
  }

  /// The top-level field a decoding error is about, and a sentence.
  package static func explain(_ error: DecodingError) -> (String?, String) {
    func field(_ path: [any CodingKey]) -> String? { path.first?.stringValue }
    switch error {
    case .typeMismatch(let type, let context):
      return (field(context.codingPath), "expected \(describe(type)) (\(context.debugDescription))")
    case .valueNotFound(let type, let context):
      return (field(context.codingPath), "expected \(describe(type)), found nothing")
    case .keyNotFound(let key, let context):
      return (
        field(context.codingPath) ?? key.stringValue, "the key `\(key.stringValue)` is needed"
      )
    case .dataCorrupted(let context):
      return (
        field(context.codingPath),
        RecipeChoices.explain(context.debugDescription) ?? context.debugDescription
      )
    @unknown default:
      return (nil, "\(error)")
    }
  }

  package static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is Bool.Type: "true or false"
    case is String.Type: "a text"
    default: "\(type)"
    }
  }
}
