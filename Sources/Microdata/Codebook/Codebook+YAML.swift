import Yams

extension Codebook {
  /// Parses a codebook from YAML text (the schema is documented on `Codebook`).
  /// - Parameter source: a name for error messages, e.g. the file name.
  /// - Throws: `MicrodataError.invalidCodebook` naming the YAML line and what is wrong.
  public init(yaml: String, source: String = "codebook") throws(MicrodataError) {
    try self.init(yaml: yaml, source: source, resolver: .default)
  }

  /// Parses a codebook with the given tag resolver. The reader looks only at the text of
  /// scalars, so the tags matter only to YAML's duplicate-key check and to key lookups: user
  /// files use YAML's default resolver (so that `1:` and `"1":` stay distinct keys, as YAML
  /// says), while the embedded canonical codebook, checked by `CanonicalCodebookTests` to read
  /// the same either way, uses `.basic` and skips the regular-expression matching of every
  /// scalar at every start-up.
  init(yaml: String, source: String, resolver: Resolver) throws(MicrodataError) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml, resolver)
    } catch let error as YamlError {
      throw .invalidCodebook(
        file: source, line: yamlErrorLine(error), message: "not valid YAML: \(yamlProblem(error))")
    } catch {
      throw .invalidCodebook(file: source, line: 0, message: "not valid YAML: \(error)")
    }
    guard let root, let top = root.mapping else {
      throw .invalidCodebook(
        file: source, line: 1, message: "the codebook must be a mapping with `variables:`")
    }
    let reader = YAMLReader(source: source)
    try reader.checkKeys(
      top,
      allowed: [
        "name", "description", "version", "missing", "variables", "groupings", "code_lists",
      ])
    let name = try reader.string(top["name"]) ?? ""
    let defaults = try reader.stringList(top["missing"]) ?? Codebook.standardMissingCodes
    var variables: [Variable] = []
    if let node = top["variables"] {
      guard let mapping = node.mapping else {
        throw reader.error(node, "`variables` must be a mapping of names to declarations")
      }
      for (key, value) in mapping {
        variables.append(
          try reader.variable(name: try reader.requireString(key), node: value, defaults: defaults))
      }
    }
    var groupings: [Grouping] = []
    if let node = top["groupings"] {
      guard let mapping = node.mapping else {
        throw reader.error(node, "`groupings` must be a mapping of names to recodes")
      }
      for (key, value) in mapping {
        groupings.append(try reader.grouping(name: try reader.requireString(key), node: value))
      }
    }
    var codeLists: [CodeList] = []
    var codeListLines: [Int] = []
    if let node = top["code_lists"] {
      guard let mapping = node.mapping else {
        throw reader.error(node, "`code_lists` must be a mapping of code variables to lists")
      }
      for (key, value) in mapping {
        codeLists.append(try reader.codeList(variable: try reader.requireString(key), node: value))
        codeListLines.append(key.mark?.line ?? 0)
      }
    }
    self.init(
      name: name, source: source, defaultMissingCodes: defaults, variables: variables,
      groupings: groupings, codeLists: codeLists)
    try validate(
      lines: Dictionary(uniqueKeysWithValues: mapping(top["groupings"]).map { ($0, $1) }))
    for (list, line) in zip(codeLists, codeListLines) {
      try validate(list, line: line)
    }
  }

  /// Cross-checks: unique names, groupings that name a declared variable of a fitting kind,
  /// codes that exist.
  private func validate(lines: [String: Int]) throws(MicrodataError) {
    var seen = Set<String>()
    for variable in variables where !seen.insert(variable.name).inserted {
      throw .invalidCodebook(
        file: source, line: 0, message: "the variable `\(variable.name)` is declared twice")
    }
    for grouping in groupings {
      let line = lines[grouping.name] ?? 0
      if !seen.insert(grouping.name).inserted {
        throw .invalidCodebook(
          file: source, line: line, message: "`\(grouping.name)` is both a variable and a grouping")
      }
      guard let variable = variable(named: grouping.source) else {
        let hint = didYouMean(suggestions(for: grouping.source, among: variables.map(\.name)))
        throw .invalidCodebook(
          file: source, line: line,
          message:
            "the grouping `\(grouping.name)` is from `\(grouping.source)`, which is not a declared variable\(hint)"
        )
      }
      for other in grouping.requiredVariables.dropFirst() where self.variable(named: other) == nil {
        throw .invalidCodebook(
          file: source, line: line,
          message:
            "the grouping `\(grouping.name)` reads `\(other)`, which is not a declared variable")
      }
      guard [.categorical, .integer, .decimal].contains(variable.kind) else {
        throw .invalidCodebook(
          file: source, line: line,
          message:
            "the grouping `\(grouping.name)` recodes `\(variable.name)`, a \(variable.kind.rawValue) variable; "
            + "only categorical, integer and decimal variables can be grouped")
      }
      var codes = Set<String>()
      for level in grouping.levels {
        if !codes.insert(level.code).inserted {
          throw .invalidCodebook(
            file: source, line: line,
            message: "the grouping `\(grouping.name)` has the level `\(level.code)` twice")
        }
        if case .codes(let list) = level.rule, variable.kind == .categorical,
          !variable.codes.isEmpty
        {
          for code in list where !variable.codes.contains(where: { $0.code == code }) {
            throw .invalidCodebook(
              file: source, line: line,
              message:
                "the level `\(level.code)` of `\(grouping.name)` takes the code `\(code)`, which `\(variable.name)` does not have"
            )
          }
        }
      }
    }
  }
}

private func mapping(_ node: Node?) -> [(String, Int)] {
  guard let mapping = node?.mapping else { return [] }
  var seen = Set<String>()
  return mapping.compactMap { key, _ in
    guard let name = key.scalar?.string, seen.insert(name).inserted else { return nil }
    return (name, key.mark?.line ?? 0)
  }
}

private func yamlErrorLine(_ error: YamlError) -> Int {
  switch error {
  case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
    mark.line
  default: 0
  }
}

private func yamlProblem(_ error: YamlError) -> String {
  switch error {
  case .scanner(_, let problem, _, _), .parser(_, let problem, _, _),
    .composer(_, let problem, _, _):
    problem
  default: "\(error)"
  }
}
