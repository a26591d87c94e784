/// Matches a file's header to the codebook: which column each variable is read from (its
/// `columns` aliases, case-insensitively, first match wins), which columns are undeclared, which
/// declared variables are absent, and whether the required ones are there.
struct ColumnPlanner {
  struct Result {
    var plans: [ColumnPlan]
    var undeclared: [String]
    var absent: [String]
    /// The header ended with a delimiter (a trailing empty column name), which was dropped.
    var trailingDelimiter: Bool
  }

  let codebook: Codebook
  let options: LoadOptions
  let file: String
  let encoding: TextEncoding

  func plan(header rawFields: [[UInt8]]) throws(MicrodataError) -> Result {
    var names = rawFields.map { encoding.decode($0) }
    var trailingDelimiter = false
    if names.count > 1 && names.last!.isEmpty {
      names.removeLast()
      trailingDelimiter = true
    }
    guard names.count <= options.maximumColumns else {
      throw .tooManyColumns(file: file, found: names.count, limit: options.maximumColumns)
    }
    // Empty names become column1, column2, …; a name given twice (ignoring case) is an error:
    // which of the two columns holds the data cannot be guessed.
    var seen: [String: Int] = [:]
    for k in names.indices {
      if names[k].isEmpty { names[k] = "column\(k + 1)" }
      let key = names[k].lowercased()
      if let first = seen[key] {
        throw .duplicateHeaderName(file: file, name: names[k], first: first + 1, second: k + 1)
      }
      seen[key] = k
    }
    let lowered = names.map { $0.lowercased() }
    var assigned = [Variable?](repeating: nil, count: names.count)
    var absent: [String] = []
    for variable in codebook.variables {
      var found: Int? = nil
      for alias in variable.columns {
        let a = alias.lowercased()
        if let k = lowered.indices.first(where: { lowered[$0] == a && assigned[$0] == nil }) {
          found = k
          break
        }
      }
      if let found { assigned[found] = variable } else { absent.append(variable.name) }
    }
    var plans = names.indices.map {
      ColumnPlan(header: names[$0], variable: assigned[$0], codebook: codebook, encoding: encoding)
    }

    // Required variables: the codebook's, and those the analysis names (a grouping needs its source).
    var required = codebook.variables.filter(\.required).map(\.name)
    for name in options.requiredVariables {
      required.append(codebook.grouping(named: name)?.source ?? name)
    }
    for name in required
    where !plans.contains(where: { $0.name == name || $0.header.lowercased() == name.lowercased() })
    {
      let looked = codebook.variable(named: name)?.columns ?? [name]
      throw .missingRequiredColumn(
        file: file, variable: name, columns: looked,
        suggestions: suggestions(
          for: name,
          among: names + looked.flatMap { alias in names.filter { editDistance($0, alias) <= 2 } }))
    }

    // Only the variables asked for (and the sources of groupings asked for).
    if let wanted = options.variables {
      var keep = Set<String>()
      for name in wanted {
        let target = codebook.grouping(named: name)?.source ?? name
        guard
          let k = plans.indices.first(where: {
            plans[$0].name == target || plans[$0].header == target
          })
        else {
          throw .missingRequiredColumn(
            file: file, variable: target,
            columns: codebook.variable(named: target)?.columns ?? [target],
            suggestions: suggestions(for: target, among: plans.map(\.name)))
        }
        keep.insert(plans[k].header)
      }
      for k in plans.indices where !keep.contains(plans[k].header) {
        plans[k] = .skipped(header: plans[k].header)
      }
    }
    let undeclared = plans.filter { $0.variable == nil && $0.sink != .skip }.map(\.header)
    return Result(
      plans: plans, undeclared: undeclared, absent: absent, trailingDelimiter: trailingDelimiter)
  }
}
