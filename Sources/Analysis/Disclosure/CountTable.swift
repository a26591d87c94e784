import Microdata
import Tabulation

/// One published table of counts as linked suppression sees it: which file, filter and unit it
/// counts, the variables it cross-classifies, and its entries (cells, margins and total as
/// ``SummaryRecord``s, each a count or suppressed).
///
/// Cross-tabulations and the stratum table of a MAIHDA (cases per stratum) are both count
/// tables of their data file: ``LinkedTabulations`` suppresses all count tables of one file
/// and unit together.
public struct CountTable: Sendable {
  /// The file counted.
  public var data: DataInput
  /// The rows counted (`nil`: all).
  public var filter: String?
  /// The variables cross-classified; an entry's keys name a subset of them (the rest summed).
  public var variables: [String]
  /// Whether an entry counts distinct persons (`lopnr`) rather than rows.
  public var countsPersons: Bool
  /// The table's threshold.
  public var suppress: Int
  /// The entries, with `count` for a published one.
  public var records: [SummaryRecord]
  /// Whether each entry is an inner cell (for the information loss), not a margin or total.
  public var isCell: [Bool]
  /// The rows counted, when they are not `data`'s rows as they stand (then `filter` names one
  /// of their subsets).
  public var rows: CountRows?

  public init(
    data: DataInput, filter: String?, variables: [String], countsPersons: Bool, suppress: Int,
    records: [SummaryRecord], isCell: [Bool], rows: CountRows? = nil
  ) {
    self.data = data
    self.filter = filter
    self.variables = variables
    self.countsPersons = countsPersons
    self.suppress = suppress
    self.records = records
    self.isCell = isCell
    self.rows = rows
  }

  /// The population the table counts (file, codebook, derivation of persons and unit).
  var linkKey: String {
    if let rows { return "\u{1F}rows\u{1F}" + rows.name }
    return [
      data.path, data.codebook ?? "", data.personLevel?.summary ?? "",
      countsPersons ? "persons" : "rows",
    ].joined(separator: "\u{1F}")
  }
}

extension TabulationResult {
  /// The table's counts for linked suppression, or `nil` when it is not linked (weighted or
  /// aggregated counts, no disclosure control).
  var countTable: CountTable? {
    guard request.weight == nil, !request.aggregated, request.suppress > 0 else { return nil }
    return CountTable(
      data: request.data, filter: request.filter, variables: request.rows + request.cols,
      countsPersons: countsPersons, suppress: request.suppress,
      records: summary.cells + summary.margins + [summary.total],
      isCell: summary.cells.map { _ in true } + summary.margins.map { _ in false } + [false])
  }

  /// Suppresses the entries `table` suppresses that the summary does not; returns how many.
  mutating func apply(_ table: CountTable) -> Int {
    var summary = self.summary
    var added = 0
    func update(_ record: inout SummaryRecord, _ linked: SummaryRecord) {
      guard !record.suppressed, linked.suppressed else { return }
      record = SummaryRecord(keys: record.keys, suppressed: true)
      added += 1
    }
    let cells = summary.cells.count
    let margins = summary.margins.count
    for i in 0..<cells { update(&summary.cells[i], table.records[i]) }
    for i in 0..<margins { update(&summary.margins[i], table.records[cells + i]) }
    update(&summary.total, table.records[cells + margins])
    if added > 0 {
      // The table's warning counts what the linked suppression hides as well.
      let threshold = Double(request.suppress)
      let before = CrossTabSummary.suppressionWarning(
        primary: summary.suppression.primary, secondary: summary.suppression.secondary,
        threshold: threshold)
      let after = CrossTabSummary.suppressionWarning(
        primary: summary.suppression.primary, secondary: summary.suppression.secondary + added,
        threshold: threshold)
      if let k = summary.warnings.firstIndex(of: before) {
        summary.warnings[k] = after
      } else {
        summary.warnings.append(after)
      }
    }
    summary.suppression.secondary += added
    if summary.test != nil, summary.suppression.primary + summary.suppression.secondary > 0 {
      summary.test = nil
      summary.testWithheld = true
      summary.warnings.append(CrossTabSummary.testWithheldWarning)
    }
    self.summary = summary
    return added
  }
}

extension MAIHDAAnalysisResult {
  /// The stratum table's cases for linked suppression: one entry per stratum (cases, or
  /// suppressed as ``disclosure`` says) and the total of cases when it is published. `nil`
  /// without disclosure control or when cases are counted against a weighting outcome.
  var countTable: CountTable? {
    guard request.suppress > 0 else { return nil }
    let disclosure = self.disclosure
    var records = result.strata.map { stratum in
      var record = SummaryRecord(
        keys: zip(result.variables, stratum.codes).map {
          SummaryRecord.Key(variable: $0, code: $1)
        },
        suppressed: disclosure.suppressed.contains(stratum.index))
      if !record.suppressed { record.count = Double(stratum.cases) }
      return record
    }
    var total = SummaryRecord(keys: [], suppressed: disclosure.totalCasesWithheld)
    if !total.suppressed { total.count = Double(result.strata.reduce(0) { $0 + $1.cases }) }
    records.append(total)
    let filter = [request.filter, request.outcome].compactMap { $0 }.filter {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
    return CountTable(
      data: request.data,
      filter: filter.count <= 1 ? filter.first : filter.map { "(\($0))" }.joined(separator: " && "),
      variables: result.variables, countsPersons: true, suppress: request.suppress,
      records: records, isCell: result.strata.map { _ in true } + [false])
  }

  /// Suppresses the strata (and the total of cases) `table` suppresses that the disclosure
  /// rule does not; returns how many.
  mutating func apply(_ table: CountTable) -> Int {
    let disclosure = self.disclosure
    var added = 0
    for (stratum, record) in zip(result.strata, table.records)
    where record.suppressed && !disclosure.suppressed.contains(stratum.index) {
      linkedSuppressed.insert(stratum.index)
      added += 1
    }
    if table.records.last?.suppressed == true, !disclosure.totalCasesWithheld {
      linkedTotalWithheld = true
      added += 1
    }
    return added
  }
}

extension RepeatOffendingResult {
  /// The table's two counts for linked suppression: the suspects per group, and the repeat
  /// suspects per group (the rows of the filter with at least `threshold` suspicions). The
  /// others per group are their difference, an implied figure of the two. `nil` without
  /// disclosure control.
  var countTables: [CountTable]? {
    guard request.suppress > 0 else { return nil }
    let records = summary.groups + summary.margins + [summary.total]
    let isCell = summary.groups.map { _ in true } + summary.margins.map { _ in false } + [false]
    func table(filter: String?, count: (SummaryRecord) -> Int?) -> CountTable {
      CountTable(
        data: request.data, filter: filter, variables: request.by, countsPersons: true,
        suppress: request.suppress,
        records: records.map { record in
          var entry = SummaryRecord(keys: record.keys, suppressed: record.suppressed)
          entry.count = record.suppressed ? nil : count(record).map(Double.init)
          return entry
        }, isCell: isCell)
    }
    let repeated = "\(request.countVariable) >= \(request.threshold)"
    let filter = request.filter.flatMap {
      $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0
    }
    return [
      table(filter: filter, count: \.persons),
      table(filter: filter.map { "(\($0)) && (\(repeated))" } ?? repeated, count: \.repeaters),
    ]
  }

  /// Suppresses every group either of `tables` (``countTables``) suppresses; returns how many.
  mutating func apply(_ tables: [CountTable]) -> Int {
    var added = 0
    var position = 0
    func update(_ record: inout SummaryRecord) {
      defer { position += 1 }
      guard !record.suppressed, tables.contains(where: { $0.records[position].suppressed })
      else { return }
      record = SummaryRecord(keys: record.keys, suppressed: true)
      added += 1
    }
    for i in summary.groups.indices { update(&summary.groups[i]) }
    for i in summary.margins.indices { update(&summary.margins[i]) }
    update(&summary.total)
    return added
  }
}

extension RecidivismResult {
  /// The analysis's counts for linked suppression, per group and in total: the index
  /// suspicions, the persons followed up for the whole window, and the recidivists (so the
  /// censored and the persons without a new suspicion are implied differences). With the first
  /// suspicion of each person as index these count persons, who are the persons of other
  /// files (the suspects of the same offence type), and are linked to them. `nil` without
  /// disclosure control.
  var countTables: [CountTable]? {
    guard request.suppress > 0, let window = try? request.studyWindow() else { return nil }
    let options = RecidivismOptions(
      windowDays: request.windowDays, index: request.index, endDay: summary.endDay,
      indexPeriod: window.indexPeriod)
    let index = Recidivism.indexSuspicions(
      persons: events.persons, dates: events.dates, options: options)
    let countsPersons = request.index == .first
    let rows = CountRows(
      name: [
        "recidivism", request.suspicions.path, request.suspicions.personLevel?.summary ?? "",
        request.persons?.path ?? "", request.filter ?? "", "\(request.windowDays)",
        request.index.rawValue, request.start ?? "", request.indexEnd ?? "", request.end ?? "",
        request.by.joined(separator: ","),
      ].joined(separator: "\u{1F}"),
      persons: index.map { events.persons[$0.row].map(KeyColumn.Key.init) },
      countsPersons: countsPersons,
      factors: events.groups.map { group in
        Factor(name: group.name, levels: group.levels, codes: index.map { group.codes[$0.row] })
      },
      subsets: [
        Self.followedUp: index.map(\.followedUp), Self.reoffended: index.map(\.reoffended),
      ], filters: request.filter.map { [$0] } ?? [])
    let records = summary.variables.isEmpty ? [summary.total] : summary.groups + [summary.total]
    let isCell = records.indices.map { $0 < records.count - 1 }
    func table(filter: String?, count: (SummaryRecord) -> Int?) -> CountTable {
      CountTable(
        data: request.suspicions, filter: filter, variables: summary.variables,
        countsPersons: countsPersons, suppress: request.suppress,
        records: records.map { record in
          var entry = SummaryRecord(keys: record.keys, suppressed: record.suppressed)
          entry.count = record.suppressed ? nil : count(record).map(Double.init)
          return entry
        }, isCell: isCell, rows: rows)
    }
    return [
      table(filter: nil, count: \.indexEvents),
      table(filter: Self.followedUp, count: \.persons),
      table(filter: Self.reoffended, count: \.recidivists),
    ]
  }

  static let followedUp = "followed up for the whole window"
  static let reoffended = "reoffended within the window"

  /// Suppresses every group (and the total) any of `tables` (``countTables``) suppresses;
  /// returns how many.
  mutating func apply(_ tables: [CountTable]) -> Int {
    var added = 0
    let groups = summary.variables.isEmpty ? 0 : summary.groups.count
    for position in 0..<(groups + 1)
    where tables.contains(where: { $0.records[position].suppressed }) {
      if position < groups {
        guard !summary.groups[position].suppressed else { continue }
        summary.groups[position] = SummaryRecord(
          keys: summary.groups[position].keys, suppressed: true)
      } else {
        guard !summary.total.suppressed else { continue }
        summary.total = SummaryRecord(keys: summary.total.keys, suppressed: true)
        if summary.variables.isEmpty { summary.groups = [summary.total] }
      }
      added += 1
    }
    return added
  }
}
