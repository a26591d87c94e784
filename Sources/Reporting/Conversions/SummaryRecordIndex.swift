import Tabulation

/// The records of a tabulation summary looked up by the codes they are keyed by, with the
/// order of every variable's codes (the order in which they first appear among the records,
/// which is the level order: a summary lists its cells row-major).
struct SummaryRecordIndex {
  private var records: [String: SummaryRecord] = [:]
  /// The codes of each variable in level order.
  private(set) var levels: [String: [String]] = [:]

  /// An index of no records with the given level order (for results that are not records).
  init(levels: [String: [String]]) {
    self.levels = levels
  }

  init(_ records: [SummaryRecord]) {
    var seen: [String: Set<String>] = [:]
    for record in records {
      let key = Self.key(record.keys.map { ($0.variable, $0.code) })
      if self.records[key] == nil { self.records[key] = record }
      for key in record.keys where seen[key.variable, default: []].insert(key.code).inserted {
        levels[key.variable, default: []].append(key.code)
      }
    }
  }

  /// The record keyed by exactly these variables and codes (the other variables summed over).
  func record(_ pairs: [(variable: String, code: String)]) -> SummaryRecord? {
    records[Self.key(pairs)]
  }

  /// The record of a stub entry and a column entry.
  func record(
    rows: [String], _ rowEntry: StubEntry, cols: [String] = [], _ columnEntry: StubEntry? = nil
  ) -> SummaryRecord? {
    var pairs = zip(rows, rowEntry.codes).map { (variable: $0, code: $1) }
    if let columnEntry { pairs += zip(cols, columnEntry.codes).map { (variable: $0, code: $1) } }
    return record(pairs)
  }

  private static func key(_ pairs: [(String, String)]) -> String {
    pairs.sorted { $0.0 < $1.0 }.map { "\($0.0)\u{1F}\($0.1)" }.joined(separator: "\u{1E}")
  }

  /// The codes of `variables` in every combination, the first varying slowest.
  func combinations(_ variables: [String]) -> [[String]] {
    variables.reduce([[]]) { prefixes, variable in
      prefixes.flatMap { prefix in (levels[variable] ?? []).map { prefix + [$0] } }
    }
  }

  /// The rows (or columns) of a nested layout of `variables`: every combination, followed —
  /// when `subtotals` is on — by the subtotal of each outer level after its block, and the
  /// grand total last.
  func stubEntries(_ variables: [String], subtotals: Bool) -> [StubEntry] {
    var entries: [StubEntry] = []
    func emit(_ prefix: [String]) {
      if prefix.count == variables.count {
        entries.append(StubEntry(codes: prefix, isTotal: false))
        return
      }
      for code in levels[variables[prefix.count]] ?? [] { emit(prefix + [code]) }
      if subtotals && !prefix.isEmpty { entries.append(StubEntry(codes: prefix, isTotal: true)) }
    }
    emit([])
    entries.append(StubEntry(codes: [], isTotal: true))
    return entries
  }
}

/// One row (or column) of a nested layout: the codes of its leading variables; the variables
/// after them are summed over (a subtotal or the total).
struct StubEntry: Equatable {
  var codes: [String]
  var isTotal: Bool

  /// `codes` followed by "" up to `count` (a total stands for every level).
  static func padded(_ codes: [String], to count: Int) -> [String] {
    codes + Array(repeating: "", count: max(0, count - codes.count))
  }

  /// One label per variable: the level labels, then "Totalt" for a total, then blanks.
  func labels(
    _ variables: [String], options: TabulationReportOptions,
    fallback: [String: [String: String]] = [:]
  ) -> [String] {
    variables.indices.map { i in
      if i < codes.count { return options.levelLabel(variables[i], codes[i], fallback: fallback) }
      return i == codes.count && isTotal ? TabulationText.total(options.language) : ""
    }
  }
}
