import Yams

extension YAMLReader {
  /// A code list: `{date: datum, codes: {...}, periods: [{from, to, codes: {CODE: {VARIABLE:
  /// VALUE, sv, en}}}]}`. The list's own `codes:` (optional) are in every period, before the
  /// period's codes; a code may not be in both.
  func codeList(variable: String, node: Node) throws(MicrodataError) -> CodeList {
    guard let mapping = node.mapping else {
      throw error(
        node, "the code list of `\(variable)` must be a mapping with `date:` and `periods:`")
    }
    try checkKeys(
      mapping, allowed: ["date", "codes", "periods", "description"],
      context: "the code list of `\(variable)`")
    guard let date = try string(mapping["date"]) else {
      throw error(
        node, "the code list of `\(variable)` has no `date:` (the variable that picks the period)")
    }
    guard let list = mapping["periods"]?.sequence, !list.isEmpty else {
      throw error(node, "the code list of `\(variable)` needs `periods:` as a list")
    }
    var shared: [CodeList.Entry] = []
    if let node = mapping["codes"] {
      guard let codes = node.mapping else {
        throw error(
          node,
          "the `codes:` of every period of `\(variable)` must be a mapping of codes to meanings")
      }
      shared = try entries(codes, variable: variable)
    }
    var periods: [CodeList.Period] = []
    for item in list {
      guard let m = item.mapping else {
        throw error(
          item,
          "a period of `\(variable)` is written {from: YYYY-MM-DD, to: YYYY-MM-DD, codes: {...}}")
      }
      try checkKeys(
        m, allowed: ["from", "to", "codes", "description"], context: "a period of `\(variable)`")
      let start = try day(m["from"])
      let end = try day(m["to"])
      if let start, let end, start > end {
        throw error(item, "the period \(start)…\(end) of `\(variable)` ends before it starts")
      }
      var own: [CodeList.Entry] = []
      if let codes = m["codes"]?.mapping {
        own = try entries(codes, variable: variable, besides: shared)
      } else if m["codes"] != nil || shared.isEmpty {
        throw error(
          item, "a period of `\(variable)` needs `codes:` as a mapping of codes to meanings")
      }
      periods.append(CodeList.Period(start: start, end: end, codes: shared + own))
    }
    return CodeList(variable: variable, dateVariable: date, periods: periods)
  }

  /// The entries of a `codes:` mapping, none of them a code of `besides`.
  private func entries(
    _ codes: Node.Mapping, variable: String, besides: [CodeList.Entry] = []
  ) throws(MicrodataError) -> [CodeList.Entry] {
    var entries: [CodeList.Entry] = []
    var seen = Set<String>()
    let inEveryPeriod = Set(besides.map(\.code))
    for (key, value) in codes {
      let code = try requireString(key)
      guard seen.insert(code).inserted else {
        throw error(key, "the code `\(code)` of `\(variable)` is listed twice in one period")
      }
      guard !inEveryPeriod.contains(code) else {
        throw error(
          key,
          "the code `\(code)` of `\(variable)` is in the list's `codes:` for every period and again in a period"
        )
      }
      guard let meaning = value.mapping else {
        throw error(
          value, "the code `\(code)` is written {VARIABLE: CODE, ..., sv: ..., en: ...}")
      }
      var pairs: [(variable: String, value: String)] = []
      var label = Label(sv: "", en: "")
      for (k, v) in meaning {
        let name = try requireString(k)
        switch name {
        case "sv": label.sv = try requireString(v)
        case "en": label.en = try requireString(v)
        default: pairs.append((name, try requireString(v)))
        }
      }
      entries.append(CodeList.Entry(code: code, label: label, meaning: pairs))
    }
    return entries
  }

  private func day(_ node: Node?) throws(MicrodataError) -> CalendarDay? {
    guard let text = try string(node) else { return nil }
    guard let day = CalendarDay(text) else {
      throw error(node, "`\(text)` is not a date YYYY-MM-DD")
    }
    return day
  }
}

extension Codebook {
  /// Checks a code list against the variables: the code and date variables are declared, every
  /// derived variable is declared and every value is one of its codes, periods do not overlap.
  func validate(_ list: CodeList, line: Int) throws(MicrodataError) {
    func fail(_ message: String) -> MicrodataError {
      .invalidCodebook(file: source, line: line, message: message)
    }
    guard let codes = variable(named: list.variable) else {
      throw fail("the code list `\(list.variable)` is not a declared variable")
    }
    guard [.text, .categorical, .id].contains(codes.kind) else {
      throw fail(
        "the codes of `\(list.variable)` must be text or categorical, not \(codes.kind.rawValue)")
    }
    guard variable(named: list.dateVariable)?.kind == .date else {
      throw fail(
        "the code list `\(list.variable)` picks its period by `\(list.dateVariable)`, which is not a declared date variable"
      )
    }
    for name in list.derivedVariables {
      guard let derived = variable(named: name) else {
        let hint = didYouMean(suggestions(for: name, among: variables.map(\.name)))
        throw fail(
          "a code of `\(list.variable)` gives `\(name)`, which is not a declared variable\(hint)")
      }
      guard derived.kind == .categorical else {
        throw fail(
          "a code of `\(list.variable)` gives `\(name)`, a \(derived.kind.rawValue) variable; only categorical variables can be derived from codes"
        )
      }
      guard !derived.codes.isEmpty else { continue }
      for period in list.periods {
        for entry in period.codes {
          if let value = entry.value(of: name), !derived.codes.contains(where: { $0.code == value })
          {
            throw fail(
              "the code `\(entry.code)` of `\(list.variable)` gives `\(name)` = `\(value)`, which is not a code of `\(name)`"
            )
          }
        }
      }
    }
    for (i, a) in list.periods.enumerated() {
      for b in list.periods[(i + 1)...] {
        let lo = max(
          a.start ?? CalendarDay(daysSince1970: .min), b.start ?? CalendarDay(daysSince1970: .min))
        let hi = min(
          a.end ?? CalendarDay(daysSince1970: .max), b.end ?? CalendarDay(daysSince1970: .max))
        if lo <= hi {
          throw fail(
            "the periods \(a.description) and \(b.description) of `\(list.variable)` overlap")
        }
      }
    }
  }
}
