/// The problems the scanner can meet in one field or record.
enum IssueKind: UInt8 {
  case unknownCode
  case outOfRange
  case unparseable
  case missingRequired
  case undecodable
  case wrongColumnCount
  case unterminatedQuote
  case malformedQuote
  case recordTooLong
}

/// One problem as the scanner saw it; turned into a `MicrodataError` once file-level facts
/// (absolute line numbers, decoded header names) are known.
struct RawIssue {
  var kind: IssueKind
  /// File column index, or -1 for a record-level problem.
  var column: Int
  /// Line breaks before the problem, counted from the start of the part.
  var relativeLine: Int
  /// The offending field's raw bytes (for record-level problems, empty).
  var value: [UInt8]
  /// Fields found (wrong column count), or the limit in bytes (record too long).
  var found: Int
}

/// Counts of one kind of problem in one column, with its first occurrence.
struct IssueTally {
  var kind: IssueKind
  var column: Int
  var excluded: Bool
  var count: Int
  var first: RawIssue
}

/// What parsing one byte range produced: its column sinks, row count, problems and the map from
/// rows to source lines. Owns the sinks' memory.
final class ParsedPart: @unchecked Sendable {
  let sinks: UnsafeMutablePointer<FieldSink>
  let columnCount: Int
  var rows = 0
  var capacity: Int
  /// Data records met (kept or excluded; blank lines not counted).
  var recordsRead = 0
  /// Records skipped unread: their key is a plain number not selected (`LoadOptions.selection`);
  /// not among `recordsRead`.
  var recordsSkipped = 0
  /// Line breaks consumed in the part.
  var lineBreaks = 0
  /// Where parsing stopped (the end, or the start of the first unread record).
  var stopOffset = 0
  /// Strict mode: the first problem, after which parsing stopped.
  var error: RawIssue?
  var tallies: [IssueTally] = []
  /// Rows at which (record start line − row index) changes, with the new difference; relative
  /// to the part. The first row's difference is always recorded.
  var lineShifts: [(row: Int, shift: Int)] = []

  /// - Parameter places: per column, where this part's values go in a column allocated for the
  ///   whole file (room for `capacity` rows), or nil for memory of the sink's own.
  init(
    plans: [ColumnPlan], capacity: Int, arenaCapacity: Int, encoding: TextEncoding,
    places: [UnsafeMutableRawPointer?] = []
  ) {
    columnCount = plans.count
    self.capacity = places.isEmpty ? max(16, capacity) : capacity
    sinks = .allocate(capacity: max(1, plans.count))
    for (index, plan) in plans.enumerated() {
      (sinks + index).initialize(
        to: FieldSink(
          plan: plan, column: index, capacity: self.capacity, arenaCapacity: arenaCapacity,
          encoding: encoding, place: index < places.count ? places[index] : nil))
    }
  }

  deinit {
    for index in 0..<columnCount { sinks[index].release() }
    sinks.deinitialize(count: columnCount)
    sinks.deallocate()
  }

  func growRows() {
    let newCapacity = max(16, capacity * 2)
    for index in 0..<columnCount { sinks[index].grow(rows: newCapacity) }
    capacity = newCapacity
  }

  func tally(_ issue: RawIssue, excluded: Bool) {
    if let index = tallies.firstIndex(where: {
      $0.kind == issue.kind && $0.column == issue.column && $0.excluded == excluded
    }) {
      tallies[index].count += 1
    } else {
      tallies.append(
        IssueTally(
          kind: issue.kind, column: issue.column, excluded: excluded, count: 1, first: issue))
    }
  }

  /// The source line (relative to the part, 0-based) of each row's record start.
  func relativeLine(ofRow row: Int) -> Int {
    var lo = 0
    var hi = lineShifts.count - 1
    guard hi >= 0 else { return row }
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineShifts[mid].row <= row { lo = mid } else { hi = mid - 1 }
    }
    return row + lineShifts[lo].shift
  }
}
