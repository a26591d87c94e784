import Analysis
import Foundation
import Microdata
import Reporting

/// Finds a published figure's value in an analysis's contract JSON (see `PublishedFigure`).
public enum ContractLookup {
  /// What a lookup found.
  public enum Found: Sendable, Equatable {
    case value(Double)
    /// The cell exists but is suppressed (`"suppressed": true`, no value).
    case suppressed
    /// Nothing matched; the sentence says what is there instead.
    case notFound(String)
  }

  /// Lists searched first, in this order; other lists follow in key order.
  package static let preferredLists = ["cells", "groups", "strata", "coefficients", "margins"]

  /// The value of `measure` in the object of `json` that is the cell `cell` (or, for an
  /// empty cell, at the path `measure` from the top).
  package static func find(measure: String, cell: [CellCoordinate], in json: Data) -> Found {
    guard let root = try? JSONValue.parse(json) else {
      return .notFound("the analysis's JSON cannot be read")
    }
    if cell.isEmpty { return value(at: measure, in: root, suppressed: false) }
    var objects: [JSONObject] = []
    collect(root, into: &objects)
    let exact = objects.filter { matches($0, cell, exactly: true) }
    let candidates = exact.isEmpty ? objects.filter { matches($0, cell, exactly: false) } : exact
    guard let object = candidates.first else {
      let variables = cell.map(\.variable)
      let near = objects.filter { object in variables.allSatisfy { object[$0] != nil } }
      if near.isEmpty {
        return .notFound(
          "no object of the JSON has the variables \(variables.joined(separator: ", "))")
      }
      let codes = cell.map { coordinate in
        let seen = Set(near.compactMap { text($0[coordinate.variable]) }).sorted()
        return "\(coordinate.variable): \(seen.prefix(12).joined(separator: ", "))"
      }
      return .notFound("no cell has these codes (in the JSON: \(codes.joined(separator: "; ")))")
    }
    if candidates.count > 1 {
      return .notFound("\(candidates.count) objects match the cell; name more of its variables")
    }
    return value(at: measure, in: .object(object), suppressed: object["suppressed"] == .bool(true))
  }

  /// Every object inside lists of `node`, preferred lists first.
  package static func collect(_ node: JSONValue, into objects: inout [JSONObject]) {
    switch node {
    case .array(let items):
      for item in items {
        if case .object(let object) = item { objects.append(object) }
        collect(item, into: &objects)
      }
    case .object(let object):
      let keys = object.values.keys.sorted { a, b in
        let ia = preferredLists.firstIndex(of: a) ?? Int.max
        let ib = preferredLists.firstIndex(of: b) ?? Int.max
        return ia != ib ? ia < ib : a < b
      }
      for key in keys { collect(object.values[key]!, into: &objects) }
    default: break
    }
  }

  /// Whether `object` is the cell: each coordinate's code equals the object's value (text, or
  /// a number written as the code); `exactly` also requires that the object has no other
  /// text-valued keys (so a margin is not mistaken for a cell).
  package static func matches(_ object: JSONObject, _ cell: [CellCoordinate], exactly: Bool) -> Bool
  {
    for coordinate in cell {
      guard let value = text(object[coordinate.variable]), value == coordinate.code else {
        return false
      }
    }
    guard exactly else { return true }
    let textKeys = Set(
      object.values.compactMap { if case .string = $0.value { $0.key } else { nil } })
    return textKeys == Set(cell.map(\.variable))
  }

  /// A JSON scalar as text (numbers in their shortest form, integers without `.0`).
  package static func text(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let string): string
    case .number(let number): JSONValue.number(number)
    default: nil
    }
  }

  /// The number at a dotted path (`rate`, `rate_ci.0`, `null_model.vpc`).
  package static func value(at path: String, in root: JSONValue, suppressed: Bool) -> Found {
    var node = root
    for component in path.split(separator: ".").map(String.init) {
      switch node {
      case .object(let object) where object[component] != nil:
        node = object[component]!
      case .array(let items) where Int(component).map(items.indices.contains) == true:
        node = items[Int(component)!]
      default:
        if suppressed { return .suppressed }
        var known = ""
        if case .object(let object) = node {
          let keys = object.values.filter {
            switch $0.value {
            case .number, .array, .object: true
            default: false
            }
          }.keys.sorted()
          known = " (numbers here: \(keys.joined(separator: ", ")))"
        }
        return .notFound("no `\(component)`\(known)")
      }
    }
    switch node {
    case .number(let value): return .value(value)
    case .null: return suppressed ? .suppressed : .notFound("`\(path)` is null")
    default: return .notFound("`\(path)` is not a number")
    }
  }
}
