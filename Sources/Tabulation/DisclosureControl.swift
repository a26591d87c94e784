/// The disclosure-control policy applied to published counts. On by default.
///
/// Policy, in the manner of Swedish official statistics:
///
/// - **Primary suppression.** A count `n` with `0 < n < threshold` is suppressed (shown as `..`).
///   This applies to cells and to every margin, since a margin is published too. Zero counts are
///   true zeros and are shown (`0`): in register data an empty group is a fact, not an estimate,
///   and a zero reveals nothing about any person. In a weighted table an entry is also
///   suppressed when fewer than `threshold` (but some) input rows lie behind it
///   (``protectRows``).
/// - **Secondary suppression.** No suppressed count may be recoverable from the published cells
///   and margins. First a line rule: in every line of the table with its margins (a row, a
///   column, and for n-way tables every line along any dimension, margin lines included) that is
///   left with exactly one suppressed entry, the smallest further non-zero entry is suppressed
///   (preferring cells to margins), repeated until no line has exactly one. Then an audit: the
///   published entries define linear equations for the suppressed ones (each line's cells sum to
///   its margin); a suppressed entry whose value those equations determine uniquely is exposed
///   (this happens, for example, to a cell that links two otherwise separate groups of suppressed
///   cells), and a further entry on one of its lines is suppressed, after which the line rule and
///   the audit run again until nothing is exposed.
/// - Rates, confidence intervals and percentages of a suppressed entry are suppressed with it.
///
/// For two-way tables with margins, the constraint matrix is totally unimodular, so an entry
/// that the equations leave undetermined can move by ±1 along a cycle of suppressed entries
/// (all of which are ≥ 1): its smallest and largest feasible values differ. The test suite
/// proves this by exhaustive integer enumeration for many small tables. For n-way tables the
/// audit guarantees the same over the reals.
///
/// A threshold of 0 turns suppression off.
public struct DisclosureControl: Sendable, Equatable, Hashable, Codable {
  /// Counts below this value (and above zero) are suppressed. Default 5; 0 turns it off.
  public var threshold: Double
  /// Whether to suppress further entries so that suppressed ones cannot be recovered from the
  /// margins. Default `true`; turning it off publishes recoverable counts and is meant only for
  /// internal tables.
  public var secondary: Bool
  /// For a weighted table (e.g. suspicions counted with `antal_misstankar`), whether an entry is
  /// also suppressed when the number of input rows behind it — persons, in a person-level file —
  /// is above zero and below the threshold, even if its weighted count is not: 7 suspicions of
  /// one person reveal that person. Default `true`; turn it off when the input rows are
  /// themselves aggregates (one row per cell of an aggregated file).
  public var protectRows: Bool

  public init(threshold: Double = 5, secondary: Bool = true, protectRows: Bool = true) {
    self.threshold = threshold
    self.secondary = secondary
    self.protectRows = protectRows
  }

  /// No suppression at all.
  public static let off = DisclosureControl(threshold: 0)

  /// The largest threshold a command line or recipe may ask for (1 000 000). Thresholds in use
  /// are 3 to 10; anything above the largest count only suppresses every cell, and a limit keeps
  /// absurd values (`9223372036854775807`) from reaching the arithmetic.
  public static let maximumThreshold = 1_000_000

  /// Whether any count is suppressed under this policy.
  public var isActive: Bool { threshold > 0 }

  /// Whether a count is primarily suppressed.
  public func isBelowThreshold(_ count: Double) -> Bool { count > 0 && count < threshold }
}

/// Which entries of a table (cells and margins) are suppressed, and why.
public struct Suppression: Sendable, Equatable {
  /// The status of one entry.
  public enum Status: String, Sendable, Equatable, Codable {
    /// Shown.
    case published
    /// Suppressed because the count is below the threshold.
    case primary
    /// Suppressed so that a primarily suppressed count cannot be recovered.
    case secondary
  }

  /// The policy applied.
  public let control: DisclosureControl
  /// The status of every entry of the extended table (cells and margins; see ``CrossTab``).
  let status: [Status]
  /// Shape of the table.
  let shape: [Int]

  /// The number of entries (cells and margins) suppressed for each reason.
  public var primaryCount: Int { status.lazy.filter { $0 == .primary }.count }
  public var secondaryCount: Int { status.lazy.filter { $0 == .secondary }.count }

  /// The status of the entry at level indices, with `nil` for "summed over" (a margin).
  public func status(at levelIndices: [Int?]) -> Status {
    status[position(levelIndices)]
  }

  /// Whether the entry at level indices (`nil` = summed over) is suppressed.
  public func isSuppressed(at levelIndices: [Int?]) -> Bool {
    status(at: levelIndices) != .published
  }

  /// Whether the cell at a row-major cell index is suppressed.
  public func isSuppressed(cell: Int) -> Bool {
    var rest = cell
    var indices = [Int?](repeating: nil, count: shape.count)
    for d in shape.indices.reversed() {
      indices[d] = rest % shape[d]
      rest /= shape[d]
    }
    return isSuppressed(at: indices)
  }

  func isSuppressed(extended position: Int) -> Bool { status[position] != .published }

  private func position(_ levelIndices: [Int?]) -> Int {
    precondition(levelIndices.count == shape.count, "one level index (or nil) per dimension")
    var position = 0
    for d in shape.indices {
      let i = levelIndices[d] ?? shape[d]
      precondition(i >= 0 && i <= shape[d], "level index in range")
      position = position * (shape[d] + 1) + i
    }
    return position
  }
}
