import Distributions
import Microdata

/// Options for ``RepeatOffending``.
public struct RepeatOffendingOptions: Sendable, Equatable, Hashable {
  /// A person is a repeat offender with at least this many suspicions. Default 2 (Brå's
  /// "upprepad brottslighet": suspected on two or more occasions in the period).
  public var minimumSuspicions: Int
  /// Confidence level of the Wilson intervals. Default 0.95.
  public var level: Double
  /// Disclosure control of the persons counted (see ``DisclosureControl``). Default: threshold 5.
  public var disclosure: DisclosureControl

  public init(
    minimumSuspicions: Int = 2, level: Double = 0.95,
    disclosure: DisclosureControl = DisclosureControl()
  ) {
    self.minimumSuspicions = minimumSuspicions
    self.level = level
    self.disclosure = disclosure
  }
}

/// The share of repeat offenders in one group (or margin).
public struct RepeatShare: Sendable, Equatable, Hashable {
  /// The level code of each group variable (`nil` = all levels).
  public let codes: [String?]
  /// Persons in the group, and those with at least the minimum number of suspicions.
  public let persons: Int
  public let repeaters: Int
  /// `repeaters / persons` (`nil` when the group is empty).
  public let share: Double?
  /// The Wilson score interval.
  public let interval: Interval?
  /// Whether disclosure control hides the group's figures.
  public let suppressed: Bool
}

/// Repeat offending: the share of suspects with at least two suspicions (of the offence type, in
/// the period) by any grouping, with Wilson score intervals.
///
/// ```
/// share = r / n,   z = Φ⁻¹((1 + level)/2)
/// interval = (r + z²/2 ± z √(r(n − r)/n + z²/4)) / (n + z²)
/// ```
///
/// Wilson (1927), doi:10.1080/01621459.1927.10502953; R's `prop.test(r, n, correct = FALSE)`.
///
/// The input is the suspect file, one row per person: the grouping factors and the number of
/// suspicions (`antal_misstankar`, ≥ 1). Disclosure control works on the persons table
/// group × (repeat offender or not) with its margins: a group's share is suppressed when its
/// number of repeat offenders, of other suspects, or of persons is suppressed there (see
/// ``DisclosureControl``), so that no suppressed count can be recovered from published shares
/// and margins.
public struct RepeatOffending: Sendable, Equatable {
  /// The group variables.
  public let variables: [String]
  /// The options used.
  public let options: RepeatOffendingOptions
  /// One share per combination of the group variables, row-major.
  public let cells: [RepeatShare]
  /// The shares of every partial margin (proper, non-empty subsets of the group variables).
  public let margins: [RepeatShare]
  /// All persons.
  public let total: RepeatShare
  /// Persons left out because a group code is missing or outside every level.
  public let excluded: Exclusions
  /// The persons table: the group variables × repeat offending (the last dimension, named after
  /// the suspicion variable, with levels `ja` and `nej`).
  public let table: CrossTab

  /// - Parameters:
  ///   - groups: the grouping factors (none for the overall share), one code per person.
  ///   - suspicions: the number of suspicions of each person.
  ///   - suspicionVariable: the name of that variable, for messages. Default `antal_misstankar`.
  ///   - options: see ``RepeatOffendingOptions``.
  /// - Throws: `TabulationError.invalidWeight` for a suspicion count below 1,
  ///   `.lengthMismatch`, `.invalidOption`, and the errors of ``CrossTab``.
  public init(
    groups: [Factor], suspicions: [Int], suspicionVariable: String = "antal_misstankar",
    options: RepeatOffendingOptions = RepeatOffendingOptions()
  ) throws(TabulationError) {
    try self.init(
      groups: groups, suspicions: suspicions.map(Double.init),
      suspicionVariable: suspicionVariable, options: options)
  }

  /// As ``init(groups:suspicions:suspicionVariable:options:)`` with the counts as read from a
  /// file: `NaN` marks a missing count (the person is left out and counted as missing for
  /// `suspicionVariable`).
  ///
  /// - Throws: `TabulationError.invalidWeight` for a count that is below 1 or not a whole
  ///   number, and the errors of the other initialiser.
  public init(
    groups: [Factor], suspicions: [Double], suspicionVariable: String = "antal_misstankar",
    options: RepeatOffendingOptions = RepeatOffendingOptions()
  ) throws(TabulationError) {
    try Rate.validate(per: 1, level: options.level)
    guard options.minimumSuspicions >= 1 else {
      throw .invalidOption(
        name: "minimumSuspicions", value: "\(options.minimumSuspicions)", reason: "must be ≥ 1")
    }
    for group in groups where group.count != suspicions.count {
      throw .lengthMismatch(variable: group.name, count: group.count, expected: suspicions.count)
    }
    if let row = suspicions.firstIndex(where: { !$0.isNaN && !($0 >= 1 && $0 == $0.rounded()) }) {
      throw .invalidWeight(variable: suspicionVariable, row: row, value: suspicions[row])
    }
    let minimum = Double(options.minimumSuspicions)
    let status = Factor(
      name: suspicionVariable,
      levels: [
        Factor.Level(code: "ja", sv: "upprepad brottslighet", en: "repeat offending"),
        Factor.Level(code: "nej", sv: "en misstanke", en: "one suspicion"),
      ],
      codes: suspicions.map { $0.isNaN ? Factor.missing : ($0 >= minimum ? 0 : 1) })
    let table = try CrossTab(groups + [status])
    let suppression = table.suppression(options.disclosure)

    let groupShape = Array(table.shape.dropLast())
    var cells: [RepeatShare] = []
    var marginsByMask: [Int: [RepeatShare]] = [:]
    var total: RepeatShare?
    for coordinate in CrossTab.combinations(groupShape.map { $0 + 1 }) {
      let indices: [Int?] = zip(coordinate, groupShape).map { $0 < $1 ? $0 : nil }
      let share = Self.share(
        table: table, suppression: suppression, group: indices, level: options.level)
      var mask = 0
      for (d, i) in indices.enumerated() where i != nil { mask |= 1 << d }
      if mask == (1 << groupShape.count) - 1 {
        cells.append(share)
      } else if mask == 0 {
        total = share
      } else {
        marginsByMask[mask, default: []].append(share)
      }
    }
    self.variables = groups.map(\.name)
    self.options = options
    self.cells = cells
    self.margins = marginsByMask.keys.sorted().flatMap { marginsByMask[$0]! }
    self.total = total ?? cells[0]
    self.excluded = table.excluded
    self.table = table
  }

  /// The share of one group (level indices of the group variables, `nil` = all).
  static func share(
    table: CrossTab, suppression: Suppression, group: [Int?], level: Double
  ) -> RepeatShare {
    let repeaters = Int(table.count(at: group + [0]))
    let persons = Int(table.count(at: group + [nil]))
    let suppressed =
      suppression.isSuppressed(at: group + [0]) || suppression.isSuppressed(at: group + [1])
      || suppression.isSuppressed(at: group + [nil])
    let codes = group.enumerated().map { d, i in i.map { table.dimensions[d].levels[$0].code } }
    guard persons > 0 else {
      return RepeatShare(
        codes: codes, persons: 0, repeaters: 0, share: nil, interval: nil, suppressed: suppressed)
    }
    let interval = ProportionInterval.wilson(successes: repeaters, trials: persons, level: level)
    return RepeatShare(
      codes: codes, persons: persons, repeaters: repeaters,
      share: Double(repeaters) / Double(persons), interval: Interval(interval),
      suppressed: suppressed)
  }
}
