import Analysis
import Microdata
import Reporting
import Yams

extension PublishedFigure {
  package static let keys = [
    "cell", "measure", "published", "decimals", "rounding", "known_mismatch", "for_each",
  ]
  package static let defaultKeys = ["measure", "decimals", "rounding", "figures"]

  /// Defaults that an `expect:` mapping gives its `figures:`.
  public struct Defaults {
    var measure: FigureMeasure?
    var decimals: Int?
    var rounding: RoundingRule = .halfUp
  }

  /// Reads `expect:` — a list of figures, or `{measure, decimals, rounding, figures: [...]}`.
  package static func list(_ node: Node, _ reader: RecipeReader) throws(RecipeError)
    -> [PublishedFigure]
  {
    var defaults = Defaults()
    var items = node
    if node.mapping != nil {
      var figures: Node?
      for (key, value, keyNode) in try reader.pairs(node, context: "`expect`") {
        try reader.checkKey(key, node: keyNode, allowed: defaultKeys, context: "`expect`")
        switch key {
        case "measure":
          defaults.measure = try reader.choice(value, "`measure`", as: FigureMeasure.self)
        case "decimals": defaults.decimals = try decimals(value, reader)
        case "rounding":
          defaults.rounding = try reader.choice(value, "`rounding`", as: RoundingRule.self)
        default: figures = value
        }
      }
      guard let figures else {
        throw .missingKey(
          file: reader.file, line: reader.line(node), key: "figures", context: "`expect`")
      }
      items = figures
    }
    guard let sequence = items.sequence else {
      throw reader.invalid(items, "`expect` must be a list of published figures")
    }
    var result: [PublishedFigure] = []
    for item in sequence { result.append(try PublishedFigure(item, defaults: defaults, reader)) }
    return result
  }

  public init(_ node: Node, defaults: Defaults, _ reader: RecipeReader) throws(RecipeError) {
    let context = "a published figure"
    var cell: [CellCoordinate] = []
    var forEach: [CellCoordinate] = []
    var measure = defaults.measure
    var published: String?
    var decimals = defaults.decimals
    var rounding = defaults.rounding
    var knownMismatch: String?
    for (key, value, keyNode) in try reader.pairs(node, context: context) {
      try reader.checkKey(key, node: keyNode, allowed: Self.keys, context: context)
      switch key {
      case "cell": cell = try Self.coordinates(value, "`cell`", reader)
      case "for_each": forEach = try Self.coordinates(value, "`for_each`", reader)
      case "measure": measure = try reader.choice(value, "`measure`", as: FigureMeasure.self)
      case "published":
        let text = try reader.string(value, "`published`")
        guard DecimalNumber(parsing: text) != nil else {
          throw reader.invalid(
            value, "`published` must be a number such as 26 or 24.5, not `\(text)`")
        }
        published = text
      case "decimals": decimals = try Self.decimals(value, reader)
      case "rounding": rounding = try reader.choice(value, "`rounding`", as: RoundingRule.self)
      default: knownMismatch = try reader.string(value, "`known_mismatch`")
      }
    }
    guard let measure else {
      throw .missingKey(
        file: reader.file, line: reader.line(node), key: "measure", context: context)
    }
    guard let published, let value = DecimalNumber(parsing: published) else {
      throw .missingKey(
        file: reader.file, line: reader.line(node), key: "published", context: context)
    }
    self.init(
      cell: cell, measure: measure, published: published,
      decimals: decimals ?? value.writtenDecimals, rounding: rounding,
      knownMismatch: knownMismatch, forEach: forEach, line: reader.line(node))
  }

  package static func decimals(_ node: Node, _ reader: RecipeReader) throws(RecipeError) -> Int {
    let value = try reader.integer(node, "`decimals`")
    guard (0...15).contains(value) else { throw reader.invalid(node, "`decimals` must be 0 to 15") }
    return value
  }

  package static func coordinates(_ node: Node, _ what: String, _ reader: RecipeReader)
    throws(RecipeError)
    -> [CellCoordinate]
  {
    try reader.pairs(node, context: what).map { key, value, _ throws(RecipeError) in
      CellCoordinate(variable: key, code: try reader.string(value, "the code of `\(key)`"))
    }
  }
}
