import Microdata
import Tabulation

/// The cover table of every cross-tabulation a report publishes from one file and unit,
/// whatever their filters: the cross-classification of all their variables and of the
/// *selection pattern* (which of the tables' filters a row satisfies).
///
/// Tables under different filters are margins of one population too: the tables of
/// `alder >= 18` and of `alder >= 19` differ exactly by the 18-year-olds, and a table of all
/// suspects 2016–2017 by offence type minus the tables of 2016 gives the suspects of 2017 alone.
/// With the pattern as a dimension, every published count of every table is a sum of cover
/// cells (the table of filter *i* sums the patterns that contain *i*), so linked suppression
/// and the attacker see these differences.
///
/// Two more facts of the data become part of the cover:
/// - A row a table leaves out because its variable is missing or outside every level (no
///   education recorded, age under 15) is still counted by the tables that do not use that
///   variable; such rows form one extra level ("left out") of the variable, which no table
///   of the variable publishes.
/// - Cells that cannot hold anyone are left out of the cover: a pattern whose rows never take
///   a level of a variable (the rows of `brottstyp == "sexkop"` are never of another offence
///   type) has no cells for it. The attacker is assumed to know every such zero, including
///   the ones that are empty by chance rather than by definition; zeros are published as `0`
///   anyway, so this only makes the protection stronger.
struct PopulationCover {
  /// The cover variables (the tables' variables, in first-use order).
  let variables: [String]
  /// The distinct filters (`""` for all rows), in first-use order.
  let filters: [String]
  /// The cover cells that can hold someone: pattern index and one level index per variable
  /// (the level `levels[v].count` is "left out").
  let cells: [[Int]]
  /// The count of each cover cell.
  let counts: [Int]
  /// The filter bitmask of each pattern.
  let patterns: [Int]
  /// The levels of each variable (without "left out").
  let levels: [[Factor.Level]]
  /// The persons (`lopnr`) counted in each cell, when the cover counts distinct persons (empty
  /// otherwise, and for rows without a person number, which count as persons of their own).
  /// ``JointCover`` links the covers of several files through them.
  let persons: [[KeyColumn.Key]]

  /// The cover of `dataset` for tables under `filters` cross-classifying `variables`.
  ///
  /// - Parameters:
  ///   - distinctPersons: count each person once per cover cell (the tables count each person
  ///     once per table cell; ``figure(filter:levels:)`` sums are then checked against them).
  static func build(
    of dataset: Dataset, variables: [String], filters: [String], distinctPersons: Bool,
    sources: (String) -> Set<String> = { [$0] }
  ) throws -> PopulationCover {
    precondition(filters.count <= 62, "at most 62 filters per population")
    var mask = [Int](repeating: 0, count: dataset.rowCount)
    for (i, filter) in filters.enumerated() {
      if filter.trimmingCharacters(in: .whitespaces).isEmpty {
        for row in mask.indices { mask[row] |= 1 << i }
        continue
      }
      let selected = try dataset.rowMask(RowFilter(parsing: filter))
      for (row, isSelected) in selected.enumerated() where isSelected { mask[row] |= 1 << i }
    }
    let factors = try TabulationRequest.naming(dataset) { () throws(MicrodataError) in
      try dataset.factors(variables)
    }
    let persons: KeyColumn? =
      distinctPersons
      ? try TabulationRequest.naming(dataset) { () throws(MicrodataError) in
        try dataset.keys(TabulationRequest.personVariable)
      } : nil
    let filterSources = filters.map { filter -> Set<String> in
      guard let parsed = try? RowFilter(parsing: filter) else { return [] }
      return parsed.variables.reduce(into: Set<String>()) { $0.formUnion(sources($1)) }
    }
    return build(
      mask: mask, factors: factors,
      persons: persons.map { keys in
        (0..<keys.count).map { keys.key(at: $0) }
      }, variables: variables, filters: filters,
      related: relatedGroups(
        variableSources: variables.map(sources), filterSources: filterSources))
  }

  /// The cover of rows given as they are counted (``CountRows``): the filters are the names
  /// of its subsets (`""`: all rows).
  static func build(
    of rows: CountRows, variables: [String], filters: [String],
    sources: (String) -> Set<String> = { [$0] }
  ) throws -> PopulationCover {
    precondition(filters.count <= 62, "at most 62 filters per population")
    var mask = [Int](repeating: 0, count: rows.persons.count)
    for (i, filter) in filters.enumerated() {
      let selected: [Bool]
      if filter.isEmpty {
        selected = [Bool](repeating: true, count: mask.count)
      } else if let subset = rows.subsets[filter] {
        selected = subset
      } else {
        throw JobError.invalidOption("`\(filter)` is not a subset of \(rows.name)")
      }
      for (row, isSelected) in selected.enumerated() where isSelected { mask[row] |= 1 << i }
    }
    let factors = try variables.map { name in
      guard let factor = rows.factors.first(where: { $0.name == name }) else {
        throw JobError.invalidOption("`\(name)` is not a variable of \(rows.name)")
      }
      return factor
    }
    return build(
      mask: mask, factors: factors, persons: rows.countsPersons ? rows.persons : nil,
      variables: variables, filters: filters,
      related: relatedGroups(variableSources: variables.map(sources), filterSources: []))
  }

  /// Groups of two or more cover variables tied by definition: variables with a common source
  /// (`aldersgrupp` and `aldersgrupp3` from `alder`), or whose sources meet those of one filter
  /// (`kon` and `malsagande_kon` under `parrelation == "samkonad"`). Not every combination of
  /// their levels can occur (a same-sex suspect of violence against a partner of the other
  /// sex), so the cover keeps only the combinations the rows of each pattern take: a reader
  /// knows the definitions, and an attacker who could move persons into impossible cells would
  /// be weaker than a real one.
  static func relatedGroups(variableSources: [Set<String>], filterSources: [Set<String>])
    -> [[Int]]
  {
    let n = variableSources.count
    var parent = Array(0..<(n + filterSources.count))
    func root(_ i: Int) -> Int {
      var i = i
      while parent[i] != i { i = parent[i] }
      return i
    }
    func join(_ a: Int, _ b: Int) { parent[root(a)] = root(b) }
    for a in 0..<n {
      for b in (a + 1)..<max(a + 1, n)
      where !variableSources[a].isDisjoint(with: variableSources[b]) {
        join(a, b)
      }
      for (f, sources) in filterSources.enumerated()
      where !variableSources[a].isDisjoint(with: sources) {
        join(a, n + f)
      }
    }
    var groups: [Int: [Int]] = [:]
    for v in 0..<n { groups[root(v), default: []].append(v) }
    return groups.values.filter { $0.count >= 2 }.sorted { $0[0] < $1[0] }
  }

  /// The cover of rows with the filters they satisfy (`mask`, one bit per filter), their
  /// variables' codes and, to count distinct persons, their person keys.
  private static func build(
    mask: [Int], factors: [Factor], persons personKeys: [KeyColumn.Key?]?, variables: [String],
    filters: [String], related: [[Int]]
  ) -> PopulationCover {
    var patterns: [Int] = []
    var patternIndex: [Int: Int32] = [:]
    var patternCodes = [Int32](repeating: Factor.missing, count: mask.count)
    for (row, bits) in mask.enumerated() where bits != 0 {
      if let index = patternIndex[bits] {
        patternCodes[row] = index
      } else {
        let index = Int32(patterns.count)
        patternIndex[bits] = index
        patterns.append(bits)
        patternCodes[row] = index
      }
    }
    var factors = factors
    let levels = factors.map(\.levels)
    // Rows a table of the variable leaves out: one more level.
    for k in factors.indices {
      let leftOut = Int32(factors[k].levels.count)
      factors[k].codes = factors[k].codes.map { $0 < 0 ? leftOut : $0 }
      factors[k].levels.append(Factor.Level(code: "\u{1F}left-out", sv: "", en: ""))
    }
    let all =
      [
        Factor(
          name: "\u{1F}pattern",
          levels: patterns.map { Factor.Level(code: String($0), sv: "", en: "") },
          codes: patternCodes)
      ] + factors
    // Which levels of each variable each pattern's rows take.
    var seen = [[Set<Int32>]](
      repeating: [Set<Int32>](repeating: [], count: factors.count), count: patterns.count)
    var counts: [[Int32]: Int] = [:]
    // The combinations of related variables each pattern's rows take.
    var occurring = [Set<[Int32]>](repeating: [], count: related.count)
    // Each person once per cell (the tables count each person once per table cell).
    var members: [[Int32]: Set<KeyColumn.Key>] = [:]
    var key = [Int32](repeating: 0, count: all.count)
    for row in 0..<all[0].codes.count {
      let pattern = all[0].codes[row]
      guard pattern >= 0 else { continue }
      for k in all.indices { key[k] = all[k].codes[row] }
      if let person = personKeys?[row] {
        guard members[key, default: []].insert(person).inserted else { continue }
      }
      counts[key, default: 0] += 1
      for k in factors.indices { seen[Int(pattern)][k].insert(key[k + 1]) }
      for (g, group) in related.enumerated() {
        occurring[g].insert([pattern] + group.map { key[$0 + 1] })
      }
    }
    var cells: [[Int]] = []
    var values: [Int] = []
    var persons: [[KeyColumn.Key]] = []
    for p in patterns.indices {
      var choices = seen[p].map { $0.sorted().map(Int.init) }
      if choices.contains(where: \.isEmpty) { choices = [] }
      var position = [Int](repeating: 0, count: choices.count)
      guard !choices.isEmpty || factors.isEmpty else { continue }
      while true {
        let levelsOfCell = position.enumerated().map { choices[$0.offset][$0.element] }
        let cell = [p] + levelsOfCell
        let possible = related.indices.allSatisfy { g in
          occurring[g].contains([Int32(p)] + related[g].map { Int32(levelsOfCell[$0]) })
        }
        if possible {
          cells.append(cell)
          values.append(counts[cell.map(Int32.init)] ?? 0)
          if personKeys != nil { persons.append(Array(members[cell.map(Int32.init)] ?? [])) }
        }
        var d = position.count - 1
        while d >= 0 {
          position[d] += 1
          if position[d] < choices[d].count { break }
          position[d] = 0
          d -= 1
        }
        if d < 0 { break }
      }
    }
    return PopulationCover(
      variables: variables, filters: filters, cells: cells, counts: values, patterns: patterns,
      levels: levels, persons: persons)
  }

  /// The cover cells a table's entry sums: the table's filter, and for each of its variables
  /// the given level index, or every level but "left out" (`nil`, a margin).
  func figure(filter: Int, levels entry: [String: Int?]) -> CoverFigure {
    // Per variable of the cover: the level wanted, `allButLeftOut` for a margin, or `any` when
    // the table does not have the variable (looked up once, not once per cell: the string
    // lookups were half of building the 10-million-person county's linked figures).
    let any = -1
    let allButLeftOut = -2
    let wanted = variables.map { name -> Int in
      guard let level = entry[name] else { return any }
      return level ?? allButLeftOut
    }
    let leftOut = levels.map(\.count)
    var members: [Int] = []
    for (index, cell) in cells.enumerated() where patterns[cell[0]] & (1 << filter) != 0 {
      var inside = true
      for v in wanted.indices {
        let level = cell[v + 1]
        switch wanted[v] {
        case any: continue
        case allButLeftOut: inside = level != leftOut[v]
        default: inside = level == wanted[v]
        }
        if !inside { break }
      }
      if inside { members.append(index) }
    }
    return CoverFigure(cells: members)
  }
}
