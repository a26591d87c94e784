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
/// A group is linked when its tables count unweighted persons or rows under disclosure control,
/// and every published count of every table equals the sum of its cover cells (a person counted
/// once in each cell keeps that true; a group where it fails is left to its per-table
/// suppression and named in the warnings).
public enum LinkedTabulations {
  /// What linking did to one group of tables.
  public struct Group: Sendable {
    /// Indices of the group's tables in the list given to `protect`.
    public var members: [Int]
    /// The cover variables.
    public var variables: [String]
    /// The distinct filters of the tables (`""`: all rows).
    public var filters: [String]
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
  }

  /// The largest cover (cells that can hold someone) linked; a larger group is left to its
  /// per-table suppression and named.
  public static let maximumCoverCells = 20_000

  /// Protects `results` in place, group by group; returns what was done per group.
  public static func protect(_ results: inout [TabulationResult]) -> [Group] {
    groups(results).map { protectGroup($0, in: &results) }
  }

  /// The population a table counts (file, codebook and unit), or `nil` when it is not linked
  /// (weighted or aggregated counts, no disclosure control).
  static func linkKey(_ result: TabulationResult) -> String? {
    let request = result.request
    guard request.weight == nil, !request.aggregated, request.suppress > 0 else { return nil }
    return [
      request.data.path, request.data.codebook ?? "",
      result.countsPersons ? "persons" : "rows",
    ].joined(separator: "\u{1F}")
  }

  static func protectGroup(_ members: [Int], in results: inout [TabulationResult]) -> Group {
    let (variables, filters) = variablesAndFilters(members, results)
    var group = Group(
      members: members, variables: variables, filters: filters, coverCells: 0, added: 0,
      loss: InformationLoss(figuresHidden: 0, figures: 0, personsHidden: 0, persons: 0),
      tableLoss: [], skipped: nil)
    do {
      let built: Linked
      switch try linkedFigures(members, results, variables: variables, filters: filters) {
      case .linked(let value): built = value
      case .skipped(let why, let cells):
        group.skipped = why
        group.coverCells = cells
        return group
      }
      group.coverCells = built.coverCells
      let linked = built.tables
      let figureOf = built.figureOf
      let threshold = members.map { results[$0].request.suppress }.max() ?? 5
      let suppression = linked.suppress(threshold: threshold)
      group.loss = suppression.informationLoss
      for (t, index) in members.enumerated() {
        var summary = results[index].summary
        var position = 0
        var added = 0
        var loss = InformationLoss(figuresHidden: 0, figures: 0, personsHidden: 0, persons: 0)
        func apply(_ record: inout SummaryRecord, isCell: Bool) {
          defer { position += 1 }
          guard let figure = figureOf[t][position] else {
            if isCell { loss.figures += 1 }
            return
          }
          let hidden = record.suppressed || suppression.suppressed.contains(figure)
          if isCell {
            loss.figures += 1
            if hidden {
              loss.figuresHidden += 1
              loss.personsHidden += linked.values[figure]
            }
          }
          guard !record.suppressed, suppression.suppressed.contains(figure) else { return }
          record = SummaryRecord(keys: record.keys, suppressed: true)
          added += 1
        }
        var cells = summary.cells
        var margins = summary.margins
        var total = summary.total
        for i in cells.indices { apply(&cells[i], isCell: true) }
        for i in margins.indices { apply(&margins[i], isCell: false) }
        loss.persons = figureOf[t][position].map { linked.values[$0] } ?? 0
        apply(&total, isCell: false)
        summary.cells = cells
        summary.margins = margins
        summary.total = total
        summary.suppression.secondary += added
        group.added += added
        group.tableLoss.append(loss)
        if summary.test != nil, summary.suppression.primary + summary.suppression.secondary > 0 {
          summary.test = nil
          summary.testWithheld = true
          summary.warnings.append(CrossTabSummary.testWithheldWarning)
        }
        results[index].summary = summary
      }
    } catch {
      group.skipped = "\(error)"
    }
    return group
  }

  /// The linked figures of a group: the tables' entries as figures of one cover table.
  struct Linked {
    var tables: LinkedTables
    /// The figure of each record of each member (`records(_:)` order); `nil` for an entry no
    /// cover cell can hold (a published zero).
    var figureOf: [[Int?]]
    var coverCells: Int
  }

  enum Linking {
    case linked(Linked)
    case skipped(String, coverCells: Int)
  }

  /// The variables and distinct filters of a group's tables, in first-use order.
  static func variablesAndFilters(_ members: [Int], _ results: [TabulationResult]) -> (
    variables: [String], filters: [String]
  ) {
    var variables: [String] = []
    var filters: [String] = []
    for index in members {
      for name in results[index].request.rows + results[index].request.cols
      where !variables.contains(name) {
        variables.append(name)
      }
      let filter = results[index].request.filter ?? ""
      if !filters.contains(filter) { filters.append(filter) }
    }
    return (variables, filters)
  }

  /// Builds the cover of a group and every entry of its tables as a figure of it; checks that
  /// every published count is the sum of its cover cells.
  static func linkedFigures(
    _ members: [Int], _ results: [TabulationResult], variables: [String], filters: [String]
  ) throws -> Linking {
    guard filters.count <= 62 else {
      return .skipped("more than 62 filters on one population", coverCells: 0)
    }
    let first = results[members[0]]
    let loaded = try first.request.data.load(filter: nil)
    let cover = try PopulationCover.build(
      of: loaded.dataset, variables: variables, filters: filters,
      distinctPersons: first.countsPersons)
    guard cover.cells.count <= maximumCoverCells else {
      return .skipped(
        "the cover table has \(cover.cells.count) cells (at most \(maximumCoverCells) are linked)",
        coverCells: cover.cells.count)
    }
    var entryFigures: [[CoverFigure]] = []
    for index in members {
      let result = results[index]
      let filter = filters.firstIndex(of: result.request.filter ?? "")!
      let tableVariables = result.request.rows + result.request.cols
      var figures: [CoverFigure] = []
      for record in records(result.summary) {
        var entry: [String: Int?] = [:]
        for name in tableVariables {
          guard let code = record.code(of: name) else {
            entry[name] = .some(nil)
            continue
          }
          let v = variables.firstIndex(of: name)!
          guard let level = cover.levels[v].firstIndex(where: { $0.code == code }) else {
            return .skipped(
              "a level of a table (\(name) = \(code)) is not in the cover table",
              coverCells: cover.cells.count)
          }
          entry[name] = level
        }
        figures.append(cover.figure(filter: filter, levels: entry))
      }
      entryFigures.append(figures)
    }
    // An entry that sums no cover cell is a zero everyone knows (its level never occurs).
    let implied = impliedFigures(entryFigures, members, results, cover: cover, filters: filters)
    let merged = MergedCover(
      counts: cover.counts, figures: entryFigures.flatMap { $0 } + implied)
    let linked = try LinkedTables(
      cover: merged.counts,
      figures: entryFigures.flatMap { $0 }.filter { !$0.cells.isEmpty }.map(merged.figure),
      implied: implied.map(merged.figure))
    var figureIndex: [CoverFigure: Int] = [:]
    for (i, figure) in linked.figures.enumerated() { figureIndex[figure] = i }
    let figureOf = entryFigures.map {
      $0.map { $0.cells.isEmpty ? nil : figureIndex[merged.figure($0)] }
    }
    for (t, index) in members.enumerated() {
      for (record, figure) in zip(records(results[index].summary), figureOf[t]) {
        if let count = record.count, Double(figure.map { linked.values[$0] } ?? 0) != count {
          return .skipped(
            "the tables' counts are not sums of one cover table", coverCells: cover.cells.count)
        }
      }
    }
    return .linked(Linked(tables: linked, figureOf: figureOf, coverCells: cover.cells.count))
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
  /// Each part is implied when it is a proper part of the entry with 1 to threshold − 1 persons.
  static func impliedFigures(
    _ entryFigures: [[CoverFigure]], _ members: [Int], _ results: [TabulationResult],
    cover: PopulationCover, filters: [String]
  ) -> [CoverFigure] {
    let threshold = members.map { results[$0].request.suppress }.max() ?? 5
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
    var implied: [CoverFigure] = []
    var seen = Set<CoverFigure>()
    for figure in Set(entryFigures.flatMap { $0 }) where !figure.cells.isEmpty {
      for split in splits {
        var inside: [Int] = []
        var outside: [Int] = []
        for cell in figure.cells {
          if split(cell) { inside.append(cell) } else { outside.append(cell) }
        }
        guard !inside.isEmpty, !outside.isEmpty else { continue }
        for part in [inside, outside] {
          let value = part.reduce(0) { $0 + cover.counts[$1] }
          guard value >= 1, value < threshold else { continue }
          let candidate = CoverFigure(cells: part)
          if seen.insert(candidate).inserted { implied.append(candidate) }
        }
      }
    }
    return implied.sorted { $0.cells.lexicographicallyPrecedes($1.cells) }
  }

  /// The groups of `results` (indices), as `protect(_:)` forms them.
  static func groups(_ results: [TabulationResult]) -> [[Int]] {
    var groups: [String: [Int]] = [:]
    var order: [String] = []
    for (index, result) in results.enumerated() {
      guard let key = linkKey(result) else { continue }
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(index)
    }
    return order.map { groups[$0]! }
  }

  /// What an attacker with every table of `results` learns: for each population, the
  /// integer-programming audit (``DisclosureAudit``) of its cover table with every published
  /// entry and the `..` ≥ 1 knowledge. A report is safe when every group's findings are empty.
  ///
  /// - Returns: per group, its member indices and findings, or why it could not be audited.
  public static func audit(_ results: [TabulationResult], rule: ProtectionRule = ProtectionRule())
    throws -> [(members: [Int], findings: [DisclosureAudit.Finding], skipped: String?)]
  {
    try groups(results).map { members in
      let (variables, filters) = variablesAndFilters(members, results)
      switch try linkedFigures(members, results, variables: variables, filters: filters) {
      case .skipped(let why, _):
        return (members, [], why)
      case .linked(let built):
        var suppressed = Set<Int>()
        for (t, index) in members.enumerated() {
          for (record, figure) in zip(records(results[index].summary), built.figureOf[t])
          where record.suppressed {
            if let figure { suppressed.insert(figure) }
          }
        }
        let threshold = members.map { results[$0].request.suppress }.max() ?? 5
        let findings = DisclosureAudit.findings(
          built.tables, suppressed: suppressed, threshold: threshold, rule: rule)
        return (members, findings, nil)
      }
    }
  }

  /// A summary's records in the order `protectGroup` walks them.
  static func records(_ summary: CrossTabSummary) -> [SummaryRecord] {
    summary.cells + summary.margins + [summary.total]
  }
}
