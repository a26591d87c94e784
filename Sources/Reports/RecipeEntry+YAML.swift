import Analysis
import Microdata
import Reporting
import Yams

extension RecipeEntry {
  /// The keys every entry may have besides its job's options.
  package static let commonKeys = [
    "analysis", "name", "title", "note", "formats", "for_each", "expect", "filter", "only_for",
    "except_for", "selection", "urval", "layout", "columns", "decimals",
  ]

  /// Reads one item of `analyses:`.
  public init(_ node: Node, reader: RecipeReader) throws(RecipeError) {
    let pairs = try reader.pairs(node, context: "an analysis")
    guard let kindPair = pairs.first(where: { $0.key == "analysis" }) else {
      throw .missingKey(
        file: reader.file, line: reader.line(node), key: "analysis",
        context:
          "an analysis (one of \(AnalysisKind.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    let kind = try reader.choice(kindPair.value, "`analysis`", as: AnalysisKind.self)
    self.init(kind: kind, line: reader.line(node), title: "")
    let context = "a `\(kind.rawValue)` analysis"
    let roles = kind.dataRoles
    let optionNames = kind.optionNames
    let allowed = Self.commonKeys + roles + optionNames
    for (key, value, keyNode) in pairs {
      let field = kind.optionField(for: key)
      if field == nil {
        try reader.checkKey(key, node: keyNode, allowed: allowed, context: context)
      }
      switch key {
      case "analysis": break
      case "name": name = try reader.string(value, "`name`")
      case "title": title = try reader.string(value, "`title`")
      case "note": note = try reader.string(value, "`note`")
      case "selection", "urval": selection = try reader.string(value, "`\(key)`")
      case "formats": formats = try Recipe.formats(value, reader)
      case "layout":
        presentation.layout = try reader.choice(
          value, "`layout`", as: TablePresentation.Layout.self)
      case "columns": presentation.columns = try Self.figureNames(value, "`columns`", reader)
      case "decimals": presentation.decimals = try Self.readDecimals(value, reader)
      case "filter": filter = try reader.string(value, "`filter`")
      case "for_each": forEach = try Self.readForEach(value, reader)
      case "only_for": onlyFor = try Self.readForEach(value, reader)
      case "except_for": exceptFor = try Self.readForEach(value, reader)
      case "expect": expectations = try PublishedFigure.list(value, reader)
      case _ where roles.contains(key):
        let name: String? =
          reader.isNull(value)
            || (value.scalar.map { ["false", "no", "off"].contains($0.string) } ?? false)
          ? nil : try reader.string(value, "`\(key)`")
        references.append(DataReference(role: key, name: name, line: reader.line(value)))
      default:
        options.append(RecipeOption(key: field ?? key, node: value, line: reader.line(keyNode)))
      }
    }
    guard !title.isEmpty else {
      throw .missingKey(file: reader.file, line: line, key: "title", context: context)
    }
    for required in kind.requiredOptions where !options.contains(where: { $0.key == required }) {
      throw .missingKey(
        file: reader.file, line: line, key: AnalysisKind.recipeName(of: required), context: context)
    }
  }

  /// Figure names (`count`, `rate`, `interval`, …) of `columns:`.
  package static func figureNames(_ node: Node, _ what: String, _ reader: RecipeReader)
    throws(RecipeError) -> [String]
  {
    let names = try reader.strings(node, what)
    let known = TablePresentation.figureNames.keys.sorted()
    for name in names where !known.contains(name) {
      throw reader.invalid(
        node, "\(what) names `\(name)`, which is none of \(known.joined(separator: ", "))")
    }
    return names
  }

  /// `decimals: {rate: 1, percent: 0}`.
  package static func readDecimals(_ node: Node, _ reader: RecipeReader) throws(RecipeError)
    -> [String: Int]
  {
    var decimals: [String: Int] = [:]
    for (name, value, keyNode) in try reader.pairs(node, context: "`decimals`") {
      _ = try figureNames(keyNode, "`decimals`", reader)
      let count = try reader.integer(value, "the decimals of `\(name)`")
      guard (0...6).contains(count) else {
        throw reader.invalid(value, "the decimals of `\(name)` must be 0 to 6, not \(count)")
      }
      decimals[name] = count
    }
    return decimals
  }

  /// `for_each: {VARIABLE: [code, ...] | all, ...}`.
  package static func readForEach(_ node: Node, _ reader: RecipeReader) throws(RecipeError)
    -> [ForEachAxis]
  {
    var axes: [ForEachAxis] = []
    for (variable, value, keyNode) in try reader.pairs(node, context: "`for_each`") {
      let values = try reader.strings(value, "the values of `\(variable)`")
      let all = values == ["all"] && value.scalar != nil
      guard all || !values.isEmpty else {
        throw reader.invalid(value, "`for_each` of `\(variable)` lists no values")
      }
      axes.append(
        ForEachAxis(variable: variable, values: all ? nil : values, line: reader.line(keyNode)))
    }
    return axes
  }

  /// The data file this entry reads for `role`: its own reference, else the kind's default
  /// (`nil` when the role takes no file).
  package func dataName(_ role: String, recipe: Recipe) -> String? {
    if let reference = references.first(where: { $0.role == role }) { return reference.name }
    switch role {
    case "data", "suspicions": return kind.defaultData
    case "population":
      return kind.usesPopulationByDefault(options: options)
        && recipe.dataFile(named: "population") != nil
        ? "population" : nil
    case "persons":
      return recipe.dataFile(named: "persons") != nil ? "persons" : nil
    default: return nil
    }
  }
}
