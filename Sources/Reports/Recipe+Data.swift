import Analysis
import Microdata
import Reporting
import Yams

extension Recipe {
  /// The keys of a data file written as a mapping.
  package static let dataFileKeys = [
    "path", "codebook", "delimiter", "encoding", "on_error", "description", "per_person",
  ]

  /// The keys of `per_person:` (persons derived from suspicions, `DataInput.PersonLevel`).
  package static let personLevelKeys = ["persons", "by", "from", "to"]

  /// Reads `data:`: `NAME: path` or `NAME: {path, codebook, delimiter, encoding, on_error,
  /// description, per_person}`; the recipe's `codebook` and `dialect` are the defaults.
  /// `per_person: {persons: PATH, by: [brottstyp, parrelation], from: DATE, to: DATE}` makes
  /// the file's suspicions a person-level table (one row per person and combination).
  package func readData(_ node: Node, defaults: DataInput, _ reader: RecipeReader)
    throws(RecipeError)
    -> [RecipeDataFile]
  {
    var files: [RecipeDataFile] = []
    for (name, value, keyNode) in try reader.pairs(node, context: "`data`") {
      var input = defaults
      var description: String?
      if value.scalar != nil {
        input.path = resolved(try reader.string(value, "the path of `\(name)`"))
      } else {
        var path: String?
        let context = "the data file `\(name)`"
        for (key, item, itemKey) in try reader.pairs(value, context: context) {
          try reader.checkKey(key, node: itemKey, allowed: Self.dataFileKeys, context: context)
          switch key {
          case "path": path = resolved(try reader.string(item, "`path`"))
          case "codebook": input.codebook = resolved(try reader.string(item, "`codebook`"))
          case "description": description = try reader.string(item, "`description`")
          case "per_person": input.personLevel = try readPersonLevel(item, reader)
          default:
            var dialect = input
            try Self.readDialect(
              .mapping(Node.Mapping([(Node(key), item)])), into: &dialect, reader)
            input = dialect
          }
        }
        guard let path else {
          throw .missingKey(file: file, line: reader.line(keyNode), key: "path", context: context)
        }
        input.path = path
      }
      files.append(
        RecipeDataFile(
          name: name, input: input, description: description, line: reader.line(keyNode)))
    }
    guard !files.isEmpty else { throw reader.invalid(node, "`data` names no files") }
    return files
  }

  /// Reads `per_person: {persons, by, from, to}`.
  private func readPersonLevel(_ node: Node, _ reader: RecipeReader) throws(RecipeError)
    -> DataInput.PersonLevel
  {
    var level = DataInput.PersonLevel(by: [])
    for (key, item, itemKey) in try reader.pairs(node, context: "`per_person`") {
      try reader.checkKey(
        key, node: itemKey, allowed: Self.personLevelKeys, context: "`per_person`")
      switch key {
      case "persons": level.persons = resolved(try reader.string(item, "`persons`"))
      case "by": level.by = try reader.strings(item, "`by`")
      case "from": level.from = try reader.string(item, "`from`")
      default: level.to = try reader.string(item, "`to`")
      }
    }
    guard !level.by.isEmpty else {
      throw reader.invalid(node, "`per_person` needs `by:`, e.g. [brottstyp, parrelation]")
    }
    return level
  }

  /// Reads `filter:`: one expression for every file, or `{NAME: expression}` per data file.
  package func readFilters(_ node: Node, _ reader: RecipeReader) throws(RecipeError) -> [String:
    String]
  {
    if node.scalar != nil { return ["*": try reader.string(node, "`filter`")] }
    var filters: [String: String] = [:]
    let names = data.map(\.name)
    for (name, value, keyNode) in try reader.pairs(node, context: "`filter`") {
      try reader.checkKey(
        name, node: keyNode, allowed: names + ["*"], context: "`filter` (data file names)")
      filters[name] = try reader.string(value, "the filter of `\(name)`")
    }
    return filters
  }

  /// Checks that an entry's data references name declared files.
  package func checkReferences(of entry: RecipeEntry, _ reader: RecipeReader) throws(RecipeError) {
    let names = data.map(\.name)
    for reference in entry.references {
      guard let name = reference.name, !names.contains(name) else { continue }
      let hint =
        Microdata.suggestions(for: name, among: names).first.map { "; did you mean `\($0)`?" } ?? ""
      throw .invalidValue(
        file: file, line: reference.line,
        message:
          "`\(reference.role): \(name)` names no file of `data` (declared: \(names.joined(separator: ", ")))\(hint)"
      )
    }
  }
}
