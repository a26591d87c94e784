import Foundation
import Microdata
import Tabulation

/// Secondary suppression across the tables of one population: the cross-tabulations a report
/// publishes from the same file and unit, whatever their filters, are margins of one cover
/// table (``PopulationCover``: the cross-classification of all their variables and of which
/// filters a row satisfies), so a count one table suppresses could be recovered from another
/// (the age margins of kön × födelse × åldersgrupp printed by a table of åldersgrupp alone, or
/// the 18-year-olds as the difference of the tables of `alder >= 18` and `alder >= 19`).
/// `protect(_:)` runs `LinkedTables` on each such group and suppresses, in every table, each
/// figure the linked suppression hides that the table's own suppression did not (never fewer:
/// hiding more published figures only widens what a reader can infer).
///
/// The tables are ``CountTable``s: cross-tabulations of unweighted persons or rows under
/// disclosure control, and the stratum tables (cases per stratum) of MAIHDAs. A table whose
/// published counts are not sums of the cover's cells (counted another way) is left to its own
/// suppression and named in ``Group/unlinked``.
public enum LinkedTabulations {
  /// What linking did to one group of tables.
  public struct Group: Sendable {
    /// Indices of the group's tables in the list given to `protect`.
    public var members: [Int]
    /// The cover variables.
    public var variables: [String]
    /// The distinct filters of the tables (`""`: all rows).
    public var filters: [String]
    /// The populations (file, derivation and unit) joined.
    public var populations: Int
    /// The number of cover cells that can hold someone.
    public var coverCells: Int
    /// Figures hidden beyond the tables' own suppression.
    public var added: Int
    /// Information loss of the whole group under linked suppression (distinct figures).
    public var loss: InformationLoss
    /// Information loss of each member table's inner cells (`members` order).
    public var tableLoss: [InformationLoss]
    /// Why the group could not be linked, if it could not.
    public var skipped: String?
    /// Members left to their own suppression, with the reason.
    public var unlinked: [(member: Int, reason: String)]
  }

  /// The largest cover (cells that can hold someone) linked; a larger group is left to its
  /// per-table suppression and named.
  public static let maximumCoverCells = 20_000

  /// Protects `results` in place, group by group; returns what was done per group.
  public static func protect(_ results: inout [TabulationResult]) -> [Group] {
    var maihdas: [MAIHDAAnalysisResult] = []
    return protect(&results, &maihdas)
  }

  /// Protects cross-tabulations and MAIHDA stratum tables together: the members of each group
  /// index the tabulations first, then the MAIHDAs (`results.count + i`).
  public static func protect(
    _ results: inout [TabulationResult], _ maihdas: inout [MAIHDAAnalysisResult]
  ) -> [Group] {
    var repeats: [RepeatOffendingResult] = []
    return protect(&results, &maihdas, &repeats)
  }

  /// Protects every count table of a report together: cross-tabulations, MAIHDA stratum
  /// tables, and the suspects and repeat suspects of repeat-offending tables. Members of a
  /// group index the tabulations, then the MAIHDAs, then two tables per repeat result.
  public static func protect(
    _ results: inout [TabulationResult], _ maihdas: inout [MAIHDAAnalysisResult],
    _ repeats: inout [RepeatOffendingResult]
  ) -> [Group] {
    var recidivisms: [RecidivismResult] = []
    return protect(&results, &maihdas, &repeats, &recidivisms)
  }

  /// Protects every count table of a report together, recidivism included: its index
  /// suspicions, persons followed up and recidivists per group (three tables per result, after
  /// the two per repeat result). With the first suspicion as index, these count the same
  /// persons as the other files (the suspects of an offence type), and are linked to them
  /// through the persons (``JointCover``).
  public static func protect(
    _ results: inout [TabulationResult], _ maihdas: inout [MAIHDAAnalysisResult],
    _ repeats: inout [RepeatOffendingResult], _ recidivisms: inout [RecidivismResult]
  ) -> [Group] {
    var tables = countTables(results, maihdas, repeats, recidivisms)
    let groups = groups(tables).map { protectGroup($0, in: &tables) }
    for (i, table) in tables.enumerated() {
      guard let table else { continue }
      if i < results.count {
        _ = results[i].apply(table)
      } else if i < results.count + maihdas.count {
        _ = maihdas[i - results.count].apply(table)
      }
    }
    let first = results.count + maihdas.count
    for r in repeats.indices {
      if let n = tables[first + 2 * r], let repeated = tables[first + 2 * r + 1] {
        _ = repeats[r].apply([n, repeated])
      }
    }
    let third = first + 2 * repeats.count
    for r in recidivisms.indices {
      let own = tables[(third + 3 * r)..<(third + 3 * r + 3)].compactMap { $0 }
      if own.count == 3 { _ = recidivisms[r].apply(own) }
    }
    return groups
  }

  /// The count tables of the results, in member order (two per repeat result).
  static func countTables(
    _ results: [TabulationResult], _ maihdas: [MAIHDAAnalysisResult],
    _ repeats: [RepeatOffendingResult], _ recidivisms: [RecidivismResult] = []
  ) -> [CountTable?] {
    var tables: [CountTable?] = results.map(\.countTable)
    tables += maihdas.map(\.countTable)
    for result in repeats {
      let pair: [CountTable?] = result.countTables ?? [nil, nil]
      tables += pair
    }
    for result in recidivisms {
      let three: [CountTable?] = result.countTables ?? [nil, nil, nil]
      tables += three
    }
    return tables
  }

  /// The groups of tables linked together, in first-use order (indices into `tables`): all
  /// tables that count persons, whatever their file (``JointCover`` joins their populations
  /// through the persons), and the tables of each file that count rows.
  static func groups(_ tables: [CountTable?]) -> [[Int]] {
    var groups: [String: [Int]] = [:]
    var order: [String] = []
    for (index, table) in tables.enumerated() {
      guard let table else { continue }
      let key = table.countsPersons ? "persons" : table.linkKey
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(index)
    }
    return order.map { groups[$0]! }
  }

  static func protectGroup(_ members: [Int], in tables: inout [CountTable?]) -> Group {
    let (variables, filters) = variablesAndFilters(members.map { tables[$0]! })
    var group = Group(
      members: members, variables: variables, filters: filters, populations: 0, coverCells: 0,
      added: 0, loss: InformationLoss(figuresHidden: 0, figures: 0, personsHidden: 0, persons: 0),
      tableLoss: [], skipped: nil, unlinked: [])
    do {
      let built: Linked
      switch try linkedFigures(members.map { tables[$0]! }) {
      case .linked(let value): built = value
      case .skipped(let why, let cells):
        group.skipped = why
        group.coverCells = cells
        return group
      }
      group.coverCells = built.coverCells
      group.populations = built.populations
      group.unlinked = built.unlinked.map { (members[$0.member], $0.reason) }
      let linked = built.tables
      let threshold = members.map { tables[$0]!.suppress }.max() ?? 5
      let suppression = linked.suppress(
        threshold: threshold,
        hidden: hiddenFigures(members.map { tables[$0]! }, figureOf: built.figureOf))
      group.loss = suppression.informationLoss
      for (t, index) in members.enumerated() {
        guard var table = tables[index], let figureOf = built.figureOf[t] else { continue }
        var loss = InformationLoss(figuresHidden: 0, figures: 0, personsHidden: 0, persons: 0)
        for (position, figure) in figureOf.enumerated() {
          let record = table.records[position]
          let hidden = record.suppressed || figure.map(suppression.suppressed.contains) == true
          if table.isCell[position] {
            loss.figures += 1
            if hidden, let figure {
              loss.figuresHidden += 1
              loss.personsHidden += linked.values[figure]
            }
          }
          if record.keys.isEmpty { loss.persons = figure.map { linked.values[$0] } ?? 0 }
          if hidden && !record.suppressed {
            table.records[position] = SummaryRecord(keys: record.keys, suppressed: true)
            group.added += 1
          }
        }
        group.tableLoss.append(loss)
        tables[index] = table
      }
    } catch {
      group.skipped = "\(error)"
    }
    return group
  }

  /// The linked figures of a group: the tables' entries as figures of one cover table.
  struct Linked {
    var tables: LinkedTables
    /// The figure of each record of each member (`nil` for a member left unlinked); `nil` for
    /// an entry no cover cell can hold (a published zero).
    var figureOf: [[Int?]?]
    var coverCells: Int
    /// The populations joined.
    var populations: Int
    /// Members (positions in the group) whose counts are not sums of the cover.
    var unlinked: [(member: Int, reason: String)]
  }

  enum Linking {
    case linked(Linked)
    case skipped(String, coverCells: Int)
  }

  /// The variables and distinct filters of a group's tables, in first-use order.
  static func variablesAndFilters(_ tables: [CountTable]) -> (
    variables: [String], filters: [String]
  ) {
    var variables: [String] = []
    var filters: [String] = []
    for table in tables {
      for name in table.variables where !variables.contains(name) { variables.append(name) }
      let filter = table.filter ?? ""
      if !filters.contains(filter) { filters.append(filter) }
    }
    return (variables, filters)
  }

  /// Builds the cover of each population of a group (``PopulationCover``), joins them
  /// (``JointCover``) and gives every entry of the tables as a figure of the joint cover. A
  /// table with a published count that is not the sum of its cells is left out (unlinked).
  static func linkedFigures(_ tables: [CountTable]) throws -> Linking {
    // The populations: file, derivation and unit.
    var keys: [String] = []
    var populationOf: [Int] = []
    for table in tables {
      if !keys.contains(table.linkKey) { keys.append(table.linkKey) }
      populationOf.append(keys.firstIndex(of: table.linkKey)!)
    }
    var covers: [PopulationCover] = []
    var filtersOf: [[String]] = []
    var codebooks: [Codebook] = []
    for p in keys.indices {
      let members = tables.indices.filter { populationOf[$0] == p }.map { tables[$0] }
      let (variables, filters) = variablesAndFilters(members)
      guard filters.count <= 62 else {
        return .skipped("more than 62 filters on one population", coverCells: 0)
      }
      let codebook = try members[0].data.loadCodebook()
      codebooks.append(codebook)
      let sources = { (name: String) -> Set<String> in codebook.sources(of: name) }
      if let rows = members[0].rows {
        covers.append(
          try PopulationCover.build(
            of: rows, variables: variables, filters: filters, sources: sources))
      } else {
        let loaded = try members[0].data.load(filter: nil)
        covers.append(
          try PopulationCover.build(
            of: loaded.dataset, variables: variables, filters: filters,
            distinctPersons: members[0].countsPersons, sources: sources))
      }
      filtersOf.append(filters)
    }
    func sources(_ name: String) -> Set<String> {
      var sources = Set<String>()
      for codebook in codebooks { sources.formUnion(codebook.sources(of: name)) }
      return sources.isEmpty ? [name] : sources
    }
    // The variables each population's rows are selected by: its tables' filters, the analysis
    // filter of rows given as counted, and the derivation's combinations.
    var filterSources = [Set<String>](repeating: [], count: keys.count)
    for (t, table) in tables.enumerated() {
      var expressions = [table.filter ?? ""]
      if let rows = table.rows {
        expressions = rows.filters
      }
      for expression in expressions
      where !expression.trimmingCharacters(in: .whitespaces).isEmpty {
        // A subset name of rows given as counted is not an expression: skipped.
        guard let filter = try? RowFilter(parsing: expression) else { continue }
        for name in filter.variables { filterSources[populationOf[t]].formUnion(sources(name)) }
      }
      for name in table.data.personLevel?.by ?? [] {
        filterSources[populationOf[t]].formUnion(sources(name))
      }
    }
    let joint = JointCover(covers, sources: sources, filterSources: filterSources)
    guard joint.counts.count <= maximumCoverCells else {
      return .skipped(
        "the cover table has \(joint.counts.count) cells (at most \(maximumCoverCells) are linked)",
        coverCells: joint.counts.count)
    }
    var entryFigures: [[CoverFigure]?] = []
    var unlinked: [(member: Int, reason: String)] = []
    tableLoop: for (t, table) in tables.enumerated() {
      let p = populationOf[t]
      let cover = covers[p]
      let filter = filtersOf[p].firstIndex(of: table.filter ?? "")!
      var figures: [CoverFigure] = []
      for record in table.records {
        var entry: [String: Int?] = [:]
        for name in table.variables {
          guard let code = record.code(of: name) else {
            entry[name] = .some(nil)
            continue
          }
          let v = cover.variables.firstIndex(of: name)!
          guard let level = cover.levels[v].firstIndex(where: { $0.code == code }) else {
            unlinked.append((t, "a level (\(name) = \(code)) is not in the cover table"))
            entryFigures.append(nil)
            continue tableLoop
          }
          entry[name] = level
        }
        let local = cover.figure(filter: filter, levels: entry)
        let figure = local.cells.isEmpty ? local : joint.figure(population: p, local)
        if let count = record.count, Double(joint.value(figure)) != count {
          unlinked.append((t, "its counts are not sums of the cover table"))
          entryFigures.append(nil)
          continue tableLoop
        }
        figures.append(figure)
      }
      entryFigures.append(figures)
    }
    let threshold = tables.map(\.suppress).max() ?? 5
    var implied: [CoverFigure] = []
    var seen = Set<CoverFigure>()
    for p in covers.indices {
      let published = tables.indices.filter { populationOf[$0] == p }.compactMap {
        entryFigures[$0]
      }
      for part in impliedParts(
        published, cover: covers[p], filters: filtersOf[p], joint: joint, population: p)
      {
        let value = joint.value(part)
        if value >= 1, value < threshold, seen.insert(part).inserted { implied.append(part) }
      }
    }
    for part in crossPopulationDifferences(
      entryFigures, populationOf: populationOf, joint: joint, threshold: threshold)
    where seen.insert(part).inserted {
      implied.append(part)
    }
    implied.sort { $0.cells.lexicographicallyPrecedes($1.cells) }
    let published = entryFigures.compactMap { $0 }
    // An entry that sums no cover cell is a zero everyone knows (its level never occurs).
    let merged = MergedCover(counts: joint.counts, figures: published.flatMap { $0 } + implied)
    let linked = try LinkedTables(
      cover: merged.counts,
      figures: published.flatMap { $0 }.filter { !$0.cells.isEmpty }.map(merged.figure),
      implied: implied.map(merged.figure))
    var figureIndex: [CoverFigure: Int] = [:]
    for (i, figure) in linked.figures.enumerated() { figureIndex[figure] = i }
    let figureOf = entryFigures.map {
      $0?.map { $0.cells.isEmpty ? nil : figureIndex[merged.figure($0)] }
    }
    return .linked(
      Linked(
        tables: linked, figureOf: figureOf, coverCells: joint.counts.count,
        populations: covers.count, unlinked: unlinked))
  }

  /// The differences of figures of different populations: when every person (unit) of a
  /// figure of one file is also in a figure of another (the suspects of partner violence in
  /// 2016 derived from suspicions.csv, within those of suspects.csv), their difference is a
  /// count a reader can form, protected when it is 1 to threshold − 1. (Within one population
  /// the filter and left-out splits of ``impliedParts`` do this.)
  static func crossPopulationDifferences(
    _ entryFigures: [[CoverFigure]?], populationOf: [Int], joint: JointCover, threshold: Int
  ) -> [CoverFigure] {
    guard Set(populationOf).count > 1 else { return [] }
    var figures: [(population: Int, figure: CoverFigure, value: Int)] = []
    var seen = Set<CoverFigure>()
    for (t, list) in entryFigures.enumerated() {
      for figure in list ?? [] where !figure.cells.isEmpty && seen.insert(figure).inserted {
        figures.append((populationOf[t], figure, joint.value(figure)))
      }
    }
    let words = (joint.counts.count + 63) / 64
    let bits = figures.map { entry -> [UInt64] in
      var set = [UInt64](repeating: 0, count: words)
      for cell in entry.figure.cells { set[cell / 64] |= 1 << UInt64(cell % 64) }
      return set
    }
    var parts: [CoverFigure] = []
    for b in figures.indices {
      for a in figures.indices
      where figures[a].population != figures[b].population
        && figures[a].figure.cells.count < figures[b].figure.cells.count
      {
        let difference = figures[b].value - figures[a].value
        guard difference >= 1, difference < threshold else { continue }
        var inside = true
        for w in 0..<words where bits[a][w] & ~bits[b][w] != 0 {
          inside = false
          break
        }
        guard inside else { continue }
        let own = Set(figures[a].figure.cells)
        parts.append(CoverFigure(cells: figures[b].figure.cells.filter { !own.contains($0) }))
      }
    }
    return parts
  }

  /// The figures no table publishes: suppressed wherever they appear.
  static func hiddenFigures(_ tables: [CountTable], figureOf: [[Int?]?]) -> Set<Int> {
    var suppressed = Set<Int>()
    var published = Set<Int>()
    for (t, table) in tables.enumerated() {
      for (record, figure) in zip(table.records, figureOf[t] ?? []) {
        guard let figure else { continue }
        if record.suppressed { suppressed.insert(figure) } else { published.insert(figure) }
      }
    }
    return suppressed.subtracting(published)
  }

  /// The differences a reader can form between tables, as implied figures (see
  /// ``LinkedTables/init(cover:figures:implied:)``):
  /// - under nested filters: for every entry of a table under filter *i* and every other
  ///   filter *j*, the entry's persons inside *j* and outside it. The entry of `alder >= 18`
  ///   minus the same entry of `alder >= 19` is its 18-year-olds; the suspects of 2016–2017 of
  ///   one offence type minus those of 2016 are those first suspected in 2017;
  /// - with rows left out: for every entry and every variable the entry's table does not use,
  ///   the entry's persons a table of that variable leaves out (no education recorded) and the
  ///   rest. A table of sex minus a table of education is the number without education.
  ///
  /// Both parts of each split are returned as figures of the joint cover; the caller keeps
  /// those of 1 to threshold − 1 persons.
  static func impliedParts(
    _ entryFigures: [[CoverFigure]], cover: PopulationCover, filters: [String],
    joint: JointCover, population: Int
  ) -> [CoverFigure] {
    var splits: [(Int) -> Bool] = filters.indices.map { j in
      { cell in cover.patterns[cover.cells[cell][0]] & (1 << j) != 0 }
    }
    if filters.count == 1 { splits = [] }
    for v in cover.variables.indices {
      let leftOut = cover.levels[v].count
      if cover.cells.contains(where: { $0[v + 1] == leftOut }) {
        splits.append { cell in cover.cells[cell][v + 1] == leftOut }
      }
    }
    guard !splits.isEmpty else { return [] }
    // The entries' own cells: the population's cells of a joint figure.
    let range = joint.offsets[population]..<(joint.offsets[population] + cover.cells.count)
    var parts: [CoverFigure] = []
    var seen = Set<[Int]>()
    for figure in Set(entryFigures.flatMap { $0 }) where !figure.cells.isEmpty {
      let own = figure.cells.filter(range.contains).map { $0 - range.lowerBound }
      for split in splits {
        var inside: [Int] = []
        var outside: [Int] = []
        for cell in own {
          if split(cell) { inside.append(cell) } else { outside.append(cell) }
        }
        guard !inside.isEmpty, !outside.isEmpty else { continue }
        for part in [inside, outside] where seen.insert(part).inserted {
          parts.append(joint.figure(population: population, CoverFigure(cells: part)))
        }
      }
    }
    return parts
  }

  /// What an attacker with every table of `results` (and the MAIHDA stratum tables of
  /// `maihdas`) learns: for each population, the integer-programming audit
  /// (``DisclosureAudit``) of its cover table with every published entry and the `..` ≥ 1
  /// knowledge, implied differences included. A report is safe when every group's findings
  /// are empty.
  ///
  /// - Returns: per group, its member indices (tabulations first, then MAIHDAs) and findings,
  ///   or why it could not be audited.
  public static func audit(
    _ results: [TabulationResult], _ maihdas: [MAIHDAAnalysisResult] = [],
    _ repeats: [RepeatOffendingResult] = [], _ recidivisms: [RecidivismResult] = [],
    rule: ProtectionRule = ProtectionRule()
  ) throws -> [(members: [Int], findings: [DisclosureAudit.Finding], skipped: String?)] {
    let tables = countTables(results, maihdas, repeats, recidivisms)
    return try groups(tables).map { members in
      let group = members.map { tables[$0]! }
      switch try linkedFigures(group) {
      case .skipped(let why, _):
        return (members, [], why)
      case .linked(let built):
        if let first = built.unlinked.first {
          return (members, [], "table \(members[first.member]): \(first.reason)")
        }
        let suppressed = hiddenFigures(group, figureOf: built.figureOf)
        let threshold = group.map(\.suppress).max() ?? 5
        let findings = DisclosureAudit.findings(
          built.tables, suppressed: suppressed, threshold: threshold, rule: rule)
        return (members, findings, nil)
      }
    }
  }
}
