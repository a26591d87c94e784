import Yams

/// Reads codebook declarations from YAML nodes, turning every mistake into
/// `MicrodataError.invalidCodebook` with the line of the offending node. Values are read by
/// the shared `YAMLNodeReader`; this type adds the codebook's declarations.
struct YAMLReader {
  let source: String
  let nodes: YAMLNodeReader<MicrodataError>

  init(source: String) {
    self.source = source
    nodes = YAMLNodeReader(file: source) { line, message in
      .invalidCodebook(file: source, line: line, message: message)
    }
  }

  func error(_ node: Node?, _ message: String) -> MicrodataError {
    nodes.invalid(node, message)
  }

  func checkKeys(_ mapping: Node.Mapping, allowed: [String], context: String = "the codebook")
    throws(MicrodataError)
  {
    for (key, _) in mapping {
      let name = key.scalar?.string ?? ""
      if !allowed.contains(name) {
        let hint = didYouMean(suggestions(for: name, among: allowed))
        throw error(
          key,
          "unknown key `\(name)` in \(context)\(hint) (allowed: \(allowed.joined(separator: ", ")))"
        )
      }
    }
  }

  func string(_ node: Node?) throws(MicrodataError) -> String? {
    guard let node else { return nil }
    return try nodes.string(node, "the value")
  }

  func requireString(_ node: Node) throws(MicrodataError) -> String {
    try nodes.string(node, "the value")
  }

  /// A list of strings; a single scalar is a list of one, null an empty list.
  func stringList(_ node: Node?) throws(MicrodataError) -> [String]? {
    guard let node else { return nil }
    return try nodes.strings(node, "the value")
  }

  func number(_ node: Node?) throws(MicrodataError) -> Double? {
    guard let node else { return nil }
    return try nodes.number(node, "the value")
  }

  func bool(_ node: Node?) throws(MicrodataError) -> Bool? {
    guard let node else { return nil }
    return try nodes.bool(node, "the value")
  }

  /// `{sv: ..., en: ...}` or a single string used for both languages.
  func label(_ node: Node?) throws(MicrodataError) -> Label {
    guard let node else { return Label(sv: "", en: "") }
    guard node.scalar != nil || node.mapping != nil else {
      throw error(node, "a label is a text or {sv: ..., en: ...}")
    }
    return try nodes.label(node, "a label")
  }

  func variable(name: String, node: Node, defaults: [String]) throws(MicrodataError) -> Variable {
    guard let mapping = node.mapping else {
      throw error(node, "the declaration of `\(name)` must be a mapping with `type:`")
    }
    try checkKeys(
      mapping,
      allowed: [
        "type", "column", "columns", "label", "codes", "missing", "range", "min", "max", "required",
        "unique", "reference", "description",
      ],
      context: "the variable `\(name)`")
    guard let typeName = try string(mapping["type"]) else {
      throw error(node, "the variable `\(name)` has no `type:`")
    }
    guard let kind = VariableKind(name: typeName) else {
      throw error(
        mapping["type"],
        "unknown type `\(typeName)` for `\(name)` (use categorical, integer, decimal, date, text or id)"
      )
    }
    var columns = try stringList(mapping["columns"]) ?? []
    if let single = try string(mapping["column"]) { columns.insert(single, at: 0) }
    if !columns.contains(where: { $0.lowercased() == name.lowercased() })
      && mapping["columns"] == nil && mapping["column"] == nil
    {
      columns = [name]
    }
    let codes = try self.codes(mapping["codes"], variable: name)
    if !codes.isEmpty && kind != .categorical {
      throw error(
        mapping["codes"],
        "`\(name)` has codes but is of type \(kind.rawValue); declare it `type: categorical`")
    }
    var minimum = try number(mapping["min"])
    var maximum = try number(mapping["max"])
    if let range = mapping["range"] {
      if let m = range.mapping {
        try checkKeys(m, allowed: ["min", "max"], context: "a range")
        minimum = try number(m["min"]) ?? minimum
        maximum = try number(m["max"]) ?? maximum
      } else if let s = range.sequence, s.count == 2 {
        minimum = try number(s[0])
        maximum = try number(s[1])
      } else {
        throw error(range, "a range is {min: a, max: b} or [a, b]")
      }
    }
    if let lo = minimum, let hi = maximum, lo > hi {
      throw error(mapping["range"] ?? node, "the range of `\(name)` has min > max")
    }
    let reference = try string(mapping["reference"])
    if let reference, !codes.isEmpty, !codes.contains(where: { $0.code == reference }) {
      throw error(
        mapping["reference"], "the reference level `\(reference)` is not a code of `\(name)`")
    }
    return Variable(
      name: name, columns: columns, kind: kind, label: try label(mapping["label"]), codes: codes,
      missingCodes: defaults, ownMissingCodes: try stringList(mapping["missing"]) ?? [],
      minimum: minimum, maximum: maximum, required: try bool(mapping["required"]) ?? false,
      unique: try bool(mapping["unique"]) ?? false, reference: reference)
  }

  /// Codes as a mapping (`"1": {sv:, en:}` or `"1": Label`) or a list of `{code:, sv:, en:}`.
  func codes(_ node: Node?, variable: String) throws(MicrodataError) -> [ValueLabel] {
    guard let node else { return [] }
    var result: [ValueLabel] = []
    if let mapping = node.mapping {
      for (key, value) in mapping {
        let l = try label(value)
        result.append(ValueLabel(code: try requireString(key), sv: l.sv, en: l.en))
      }
    } else if let sequence = node.sequence {
      for item in sequence {
        if let code = item.scalar?.string {
          result.append(ValueLabel(code: code, sv: "", en: ""))
          continue
        }
        guard let m = item.mapping, let code = try string(m["code"]) else {
          throw error(item, "a code is written {code: \"1\", sv: ..., en: ...}")
        }
        try checkKeys(
          m, allowed: ["code", "sv", "en", "label"], context: "a code of `\(variable)`")
        let l =
          m["label"] != nil
          ? try label(m["label"])
          : Label(sv: try string(m["sv"]) ?? "", en: try string(m["en"]) ?? "")
        result.append(ValueLabel(code: code, sv: l.sv, en: l.en))
      }
    } else {
      throw error(node, "`codes` of `\(variable)` must be a mapping or a list")
    }
    var seen = Set<String>()
    for code in result where !seen.insert(code.code).inserted {
      throw error(node, "the code `\(code.code)` of `\(variable)` is declared twice")
    }
    return result
  }

  func grouping(name: String, node: Node) throws(MicrodataError) -> Grouping {
    guard let mapping = node.mapping else {
      throw error(node, "the grouping `\(name)` must be a mapping with `from:` and `levels:`")
    }
    try checkKeys(
      mapping,
      allowed: ["from", "label", "levels", "reference", "description", "compare", "only"],
      context: "the grouping `\(name)`")
    guard let source = try string(mapping["from"]) else {
      throw error(node, "the grouping `\(name)` has no `from:`")
    }
    guard let list = mapping["levels"]?.sequence else {
      throw error(node, "the grouping `\(name)` needs `levels:` as a list")
    }
    var levels: [Grouping.Level] = []
    // Ranges and codes seen so far, to refuse reversed or overlapping ones.
    var ranges: [(code: String, low: Double, high: Double)] = []
    var listed: [String: String] = [:]
    for item in list {
      guard let m = item.mapping, let code = try string(m["code"]) else {
        throw error(
          item,
          "a level of `\(name)` is written {code: ..., range: [a, b] | codes: [...] | missing: true, sv: ..., en: ...}"
        )
      }
      try checkKeys(
        m,
        allowed: [
          "code", "sv", "en", "label", "range", "min", "max", "codes", "missing", "otherwise",
          "same", "different",
        ],
        context: "the level `\(code)` of `\(name)`")
      let l =
        m["label"] != nil
        ? try label(m["label"])
        : Label(sv: try string(m["sv"]) ?? "", en: try string(m["en"]) ?? "")
      var rules: [Grouping.Rule] = []
      if let r = m["range"] {
        guard let s = r.sequence, s.count == 2 else { throw error(r, "a range is [min, max]") }
        rules.append(.range(minimum: try number(s[0]), maximum: try number(s[1])))
      } else if m["min"] != nil || m["max"] != nil {
        rules.append(.range(minimum: try number(m["min"]), maximum: try number(m["max"])))
      }
      if let codes = try stringList(m["codes"]) { rules.append(.codes(codes)) }
      if try bool(m["missing"]) == true { rules.append(.missing) }
      if try bool(m["otherwise"]) == true { rules.append(.otherwise) }
      if try bool(m["same"]) == true { rules.append(.same) }
      if try bool(m["different"]) == true { rules.append(.different) }
      guard rules.count == 1 else {
        throw error(
          item,
          "the level `\(code)` of `\(name)` needs exactly one of range/min/max, codes, missing: true, otherwise: true, same: true, different: true"
        )
      }
      if (rules[0] == .same || rules[0] == .different) != (mapping["compare"] != nil)
        && rules[0] != .missing
      {
        throw error(
          item,
          "the level `\(code)` of `\(name)`: `same`/`different` levels need `compare:`, and a grouping with `compare:` has only same, different and missing levels"
        )
      }
      switch rules[0] {
      case .range(let minimum, let maximum):
        let low = minimum ?? -.infinity
        let high = maximum ?? .infinity
        if low > high {
          throw error(
            m["range"] ?? item,
            "the range of the level `\(code)` of `\(name)` is reversed: it starts at "
              + "\(minimum.map(describe) ?? "−∞") but ends at \(maximum.map(describe) ?? "∞")")
        }
        if let other = ranges.first(where: { max($0.low, low) <= min($0.high, high) }) {
          throw error(
            m["range"] ?? item,
            "the range of the level `\(code)` of `\(name)` overlaps that of `\(other.code)`; "
              + "a value must fall in one level only")
        }
        ranges.append((code, low, high))
      case .codes(let codes):
        for listedCode in codes {
          if let other = listed[listedCode] {
            throw error(
              m["codes"] ?? item,
              "the code `\(listedCode)` is in both `\(other)` and `\(code)` of `\(name)`; "
                + "a value must fall in one level only")
          }
          listed[listedCode] = code
        }
      default:
        break
      }
      levels.append(Grouping.Level(code: code, sv: l.sv, en: l.en, rule: rules[0]))
    }
    let reference = try string(mapping["reference"])
    if let reference, !levels.contains(where: { $0.code == reference }) {
      throw error(
        mapping["reference"], "the reference level `\(reference)` is not a level of `\(name)`")
    }
    var condition: Grouping.Condition?
    if let only = mapping["only"] {
      guard let m = only.mapping, m.count == 1, let (key, value) = m.first else {
        throw error(only, "`only` of `\(name)` is written {VARIABLE: [CODES]}")
      }
      condition = Grouping.Condition(
        variable: try requireString(key), codes: try stringList(value) ?? [])
    }
    return Grouping(
      name: name, source: source, label: try label(mapping["label"]), levels: levels,
      reference: reference, comparedWith: try string(mapping["compare"]), condition: condition)
  }

  /// `15` or `15.5`.
  private func describe(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
  }
}
