import Analysis
import Foundation
import Microdata
import Reporting
import Yams

extension Recipe {
  /// The top-level keys of a recipe.
  package static let keys = [
    "title", "subtitle", "source", "language", "suppress", "codebook", "dialect", "data",
    "filter", "formats", "analyses", "internal", "csv_style",
  ]

  /// Reads a recipe file.
  ///
  /// - Throws: `RecipeError` naming the line of every mistake: YAML syntax, unknown keys (with
  ///   "did you mean"), values of the wrong shape, analyses that name data files the recipe
  ///   does not declare.
  public init(contentsOf url: URL) throws(RecipeError) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadable(file: url.path, reason: error.localizedDescription)
    }
    try self.init(yaml: text, file: url.path, directory: url.deletingLastPathComponent())
  }

  /// Reads a recipe from YAML text; relative paths resolve against `directory`.
  public init(yaml text: String, file: String, directory: URL) throws(RecipeError) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw Self.syntaxError(error, file: file)
    } catch {
      throw .syntax(file: file, line: 0, message: "\(error)")
    }
    guard let root else { throw .invalidValue(file: file, line: 0, message: "the recipe is empty") }
    let reader = RecipeReader(file: file)
    self.init(file: file, directory: directory, title: "")
    var dataNode: Node?
    var dialect = DataInput(path: "")
    var filterNode: Node?
    var analysesNode: Node?
    var suppressNode: Node?
    for (key, value, keyNode) in try reader.pairs(root, context: "the recipe") {
      try reader.checkKey(key, node: keyNode, allowed: Self.keys, context: "the recipe")
      switch key {
      case "title": title = try reader.string(value, "`title`")
      case "subtitle": subtitle = try reader.string(value, "`subtitle`")
      case "source": source = try reader.string(value, "`source`")
      case "language": language = try reader.choice(value, "`language`", as: Language.self)
      case "suppress":
        suppress = try Self.threshold(value, reader)
        suppressNode = value
      case "internal": isInternal = try reader.bool(value, "`internal`")
      case "codebook": dialect.codebook = resolved(try reader.string(value, "`codebook`"))
      case "dialect": try Self.readDialect(value, into: &dialect, reader)
      case "data": dataNode = value
      case "filter": filterNode = value
      case "formats": formats = try Self.formats(value, reader)
      case "csv_style":
        let style = try reader.string(value, "`csv_style`")
        guard let chosen = CSVRenderer.Style(recipeName: style) else {
          throw reader.invalid(value, "`csv_style` is rfc4180 or excel-sv, not `\(style)`")
        }
        csvStyle = chosen
      case "analyses": analysesNode = value
      default: break
      }
    }
    guard !title.isEmpty else {
      throw .missingKey(file: file, line: 1, key: "title", context: "the recipe")
    }
    guard let dataNode else {
      throw .missingKey(file: file, line: 1, key: "data", context: "the recipe")
    }
    data = try readData(dataNode, defaults: dialect, reader)
    if let filterNode { filters = try readFilters(filterNode, reader) }
    guard let analysesNode, let sequence = analysesNode.sequence, !sequence.isEmpty else {
      throw .missingKey(
        file: file, line: reader.line(analysesNode ?? root), key: "analyses",
        context: "the recipe (a non-empty list)")
    }
    var sections = 0
    for node in sequence {
      if node.mapping?["section"] != nil || node.mapping?["analyses"] != nil {
        let (section, members) = try Self.readSection(node, index: sections, reader)
        sections += 1
        for var entry in members {
          entry.section = section
          try checkReferences(of: entry, reader)
          entries.append(entry)
        }
        continue
      }
      let entry = try RecipeEntry(node, reader: reader)
      try checkReferences(of: entry, reader)
      entries.append(entry)
    }
    try checkInternal(suppressNode: suppressNode, reader)
  }

  /// Checks that a recipe turning suppression off anywhere declares `internal: true`.
  ///
  /// - Throws: `.invalidValue` on the line of the first `suppress: 0`.
  package func checkInternal(suppressNode: Node?, _ reader: RecipeReader) throws(RecipeError) {
    guard !isInternal else { return }
    var line: Int?
    if suppress == 0 { line = reader.line(suppressNode) }
    for entry in entries where line == nil {
      for option in entry.options where option.key == "suppress" {
        if let value = option.node.scalar.flatMap({ Int($0.string) }), value == 0 {
          line = option.line
          break
        }
      }
    }
    guard let line else { return }
    throw .invalidValue(
      file: file, line: line,
      message:
        "`suppress: 0` turns disclosure control off, so the report is not fit for publication; "
        + "a recipe that does so must declare `internal: true` at the top")
  }

  package static let sectionKeys = ["section", "note", "for_each", "filter", "analyses"]

  /// Reads a section (see `RecipeSection`) and its analyses.
  package static func readSection(_ node: Node, index: Int, _ reader: RecipeReader)
    throws(RecipeError)
    -> (RecipeSection, [RecipeEntry])
  {
    var section = RecipeSection(
      index: index, title: "", note: nil, forEach: [], filter: nil, line: reader.line(node))
    var members: [RecipeEntry] = []
    for (key, value, keyNode) in try reader.pairs(node, context: "a section") {
      try reader.checkKey(key, node: keyNode, allowed: sectionKeys, context: "a section")
      switch key {
      case "section": section.title = try reader.string(value, "`section`")
      case "note": section.note = try reader.string(value, "`note`")
      case "for_each": section.forEach = try RecipeEntry.readForEach(value, reader)
      case "filter": section.filter = try reader.string(value, "`filter`")
      default:
        guard let items = value.sequence, !items.isEmpty else {
          throw reader.invalid(value, "a section's `analyses` must be a non-empty list")
        }
        for item in items {
          if item.mapping?["analyses"] != nil {
            throw reader.invalid(item, "sections cannot be nested")
          }
          members.append(try RecipeEntry(item, reader: reader))
        }
      }
    }
    guard !section.title.isEmpty else {
      throw .missingKey(
        file: reader.file, line: section.line, key: "section", context: "a section (its heading)")
    }
    guard !members.isEmpty else {
      throw .missingKey(
        file: reader.file, line: section.line, key: "analyses", context: "a section")
    }
    return (section, members)
  }

  /// A path from the recipe, resolved against the recipe's folder.
  package func resolved(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return expanded }
    return directory.appendingPathComponent(path).standardizedFileURL.path
  }

  package static func threshold(_ node: Node, _ reader: RecipeReader) throws(RecipeError) -> Int {
    let value = try reader.integer(node, "`suppress`")
    guard value >= 0 else { throw reader.invalid(node, "`suppress` must be 0 (off) or positive") }
    return value
  }

  package static func formats(_ node: Node, _ reader: RecipeReader) throws(RecipeError)
    -> [TableFormat]
  {
    var result: [TableFormat] = []
    let items = node.sequence.map(Array.init) ?? [node]
    for item in items {
      let format = try reader.choice(item, "a format", as: TableFormat.self)
      if !result.contains(format) { result.append(format) }
    }
    return result
  }

  package static let dialectKeys = ["delimiter", "encoding", "on_error"]

  package static func readDialect(_ node: Node, into input: inout DataInput, _ reader: RecipeReader)
    throws(RecipeError)
  {
    for (key, value, keyNode) in try reader.pairs(node, context: "`dialect`") {
      try reader.checkKey(key, node: keyNode, allowed: dialectKeys, context: "`dialect`")
      switch key {
      case "delimiter":
        let text = try reader.string(value, "`delimiter`")
        guard LoadOptions.delimiter(named: text) != nil else {
          throw reader.invalid(value, "unknown delimiter `\(text)` (use ; , tab or |)")
        }
        input.delimiter = text
      case "encoding":
        let text = try reader.string(value, "`encoding`")
        guard TextEncoding(name: text) != nil else {
          throw reader.invalid(
            value, "unknown encoding `\(text)` (use utf8, latin1 or windows1252)")
        }
        input.encoding = text
      default:
        input.onError = try reader.choice(value, "`on_error`", as: LoadOptions.ErrorPolicy.self)
      }
    }
  }

  /// Maps a Yams error to a recipe syntax error with its line.
  package static func syntaxError(_ error: YamlError, file: String) -> RecipeError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .syntax(file: file, line: mark.line, message: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .syntax(
        file: file, line: context.mark.line,
        message: "the key `\(duplicates.joined(separator: "`, `"))` appears twice in one mapping")
    default:
      return .syntax(file: file, line: 0, message: "\(error)")
    }
  }
}
