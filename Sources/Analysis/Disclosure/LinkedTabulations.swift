import Foundation
import Microdata
import Tabulation

/// Secondary suppression across the tables of one population: the cross-tabulations a report
/// publishes from the same file, selection and unit are margins of one cover table (the
/// cross-classification of all their variables), so a count one table suppresses could be
/// recovered from another (the age margins of kön × födelse × åldersgrupp printed by a table of
/// åldersgrupp alone). `protect(_:)` runs `LinkedTables` on each such group and suppresses, in
/// every table, each figure the linked suppression hides that the table's own suppression did
/// not (never fewer: hiding more published figures only widens what a reader can infer).
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
    /// Figures hidden beyond the tables' own suppression.
    public var added: Int
    /// Information loss of the whole group under linked suppression.
    public var loss: InformationLoss
    /// Why the group could not be linked, if it could not.
    public var skipped: String?
  }

  /// Protects `results` in place, group by group; returns what was done per group.
  public static func protect(_ results: inout [TabulationResult]) -> [Group] {
    var groups: [String: [Int]] = [:]
    var order: [String] = []
    for (index, result) in results.enumerated() {
      guard let key = linkKey(result) else { continue }
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(index)
    }
    return order.map { key in protectGroup(groups[key]!, in: &results) }
  }

  /// The population a table counts, or `nil` when it is not linked (weighted or aggregated
  /// counts, no disclosure control).
  static func linkKey(_ result: TabulationResult) -> String? {
    let request = result.request
    guard request.weight == nil, !request.aggregated, request.suppress > 0 else { return nil }
    return [
      request.data.path, request.filter ?? "", result.countsPersons ? "persons" : "rows",
    ].joined(separator: "\u{1F}")
  }

  static func protectGroup(_ members: [Int], in results: inout [TabulationResult]) -> Group {
    let first = results[members[0]]
    var variables: [String] = []
    for index in members {
      for name in results[index].request.rows + results[index].request.cols
      where !variables.contains(name) {
        variables.append(name)
      }
    }
    var group = Group(
      members: members, variables: variables, added: 0,
      loss: InformationLoss(figuresHidden: 0, figures: 0, personsHidden: 0, persons: 0))
    do {
      let loaded = try first.request.data.load(filter: first.request.filter)
      let cover = try TabulationRequest.crossTab(
        of: loaded.dataset, variables: variables, weight: nil,
        distinctPersons: first.countsPersons)
      let tables = members.map { results[$0].request.rows + results[$0].request.cols }
      let linked = try LinkedTables(cover: cover, tables: tables)
      // Every published count must be the sum of its cover cells.
      var figureOf: [[Int]] = []
      for (t, index) in members.enumerated() {
        var figures: [Int] = []
        for record in records(results[index].summary) {
          guard let levels = levels(of: record, table: tables[t], cover: cover) else {
            group.skipped = "a level of a table is not in the cover table"
            return group
          }
          let figure = linked.figure(table: t, levels: levels)
          if let count = record.count, Double(linked.values[figure]) != count {
            group.skipped = "the tables' counts are not sums of one cover table"
            return group
          }
          figures.append(figure)
        }
        figureOf.append(figures)
      }
      let threshold = members.map { results[$0].request.suppress }.max() ?? 5
      let suppression = linked.suppress(threshold: threshold)
      group.loss = suppression.informationLoss
      for (t, index) in members.enumerated() {
        var summary = results[index].summary
        var position = 0
        var added = 0
        func apply(_ record: inout SummaryRecord) {
          defer { position += 1 }
          guard !record.suppressed, suppression.suppressed.contains(figureOf[t][position]) else {
            return
          }
          record = SummaryRecord(keys: record.keys, suppressed: true)
          added += 1
        }
        var cells = summary.cells
        var margins = summary.margins
        var total = summary.total
        for i in cells.indices { apply(&cells[i]) }
        for i in margins.indices { apply(&margins[i]) }
        apply(&total)
        summary.cells = cells
        summary.margins = margins
        summary.total = total
        summary.suppression.secondary += added
        group.added += added
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

  /// A summary's records in the order `protectGroup` walks them.
  static func records(_ summary: CrossTabSummary) -> [SummaryRecord] {
    summary.cells + summary.margins + [summary.total]
  }

  /// The level index in the cover of each of a table's variables (`nil`: summed over).
  static func levels(of record: SummaryRecord, table: [String], cover: CrossTab) -> [Int?]? {
    var levels: [Int?] = []
    for name in table {
      guard let code = record.code(of: name) else {
        levels.append(nil)
        continue
      }
      guard let d = cover.variables.firstIndex(of: name),
        let i = cover.dimensions[d].codes.firstIndex(of: code)
      else { return nil }
      levels.append(i)
    }
    return levels
  }
}
