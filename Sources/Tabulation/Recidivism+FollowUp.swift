import Distributions
import Foundation
import Microdata

/// One index suspicion and its follow-up.
struct FollowUp {
  /// The input row of the index suspicion (for group codes).
  var row: Int
  /// `min(T, C)`, whether the event was observed, and `C`.
  var time: Int
  var event: Bool
  var censoring: Int
}

extension Recidivism {
  /// Follows up index suspicions for a new suspicion.
  ///
  /// - Parameters:
  ///   - persons: the person key of each suspicion (e.g. `lopnr`).
  ///   - days: the date of each suspicion as a day number.
  ///   - groups: grouping factors with one code per suspicion (none for everyone).
  ///   - options: see ``RecidivismOptions``.
  /// - Throws: `TabulationError.lengthMismatch`, `.invalidOption` (window < 1, level), and the
  ///   errors of ``CrossTab`` for corrupt group codes.
  /// - Complexity: O(n log n) for n suspicions (one sort by person and date).
  public init<Key: Hashable>(
    persons: [Key], days: [Int], groups: [Factor] = [],
    options: RecidivismOptions = RecidivismOptions()
  ) throws(TabulationError) {
    try Rate.validate(per: 1, level: options.level)
    guard options.windowDays >= 1 else {
      throw .invalidOption(
        name: "window", value: "\(options.windowDays)", reason: "the window must be at least 1 day")
    }
    guard persons.count == days.count else {
      throw .lengthMismatch(variable: "days", count: days.count, expected: persons.count)
    }
    for group in groups where group.count != days.count {
      throw .lengthMismatch(variable: group.name, count: group.count, expected: days.count)
    }
    let end = options.endDay ?? days.max() ?? 0
    let followUps = Self.followUps(persons: persons, days: days, end: end, options: options)
    let afterEnd = days.lazy.filter { $0 > end }.count

    // Group each follow-up; exclude missing and outside codes.
    let shape = groups.map(\.levels.count)
    var cellOf: [Int] = []
    var kept: [FollowUp] = []
    var exclusions = Exclusions()
    for followUp in followUps {
      var cell = 0
      var excluded = false
      for (d, group) in groups.enumerated() {
        let code = group.codes[followUp.row]
        if code == Factor.missing {
          exclusions.missing[group.name, default: 0] += 1
          excluded = true
        } else if code == Factor.outside {
          exclusions.outside[group.name, default: 0] += 1
          excluded = true
        } else if code < 0 || Int(code) >= shape[d] {
          throw .invalidCode(variable: group.name, row: followUp.row, code: code)
        }
        cell = cell * shape[d] + Int(max(code, 0))
      }
      if excluded {
        exclusions.rows += 1
      } else {
        kept.append(followUp)
        cellOf.append(cell)
      }
    }

    // Disclosure control on group × recidivist among full follow-ups.
    let window = options.windowDays
    let full = kept.indices.filter { kept[$0].censoring >= window }
    let statusCodes = full.map { (kept[$0].event && kept[$0].time <= window ? 0 : 1) as Int32 }
    let status = Factor(
      name: "aterfall",
      levels: [
        .init(code: "ja", sv: "återfall", en: "reoffended"), .init(code: "nej", sv: "", en: ""),
      ],
      codes: statusCodes)
    let groupFactors = groups.enumerated().map { d, group in
      Factor(
        name: group.name, levels: group.levels,
        codes: full.map { Int32((cellOf[$0] / CrossTab.strides(of: shape)[d]) % shape[d]) })
    }
    let table = try CrossTab(groupFactors + [status])
    let suppression = table.suppression(options.disclosure)

    var byCell = [[FollowUp]](repeating: [], count: shape.reduce(1, *))
    for (followUp, cell) in zip(kept, cellOf) { byCell[cell].append(followUp) }
    let groupIndices = CrossTab.combinations(shape)
    let results = byCell.indices.map { cell in
      Self.summarize(
        byCell[cell], codes: groupIndices[cell].enumerated().map { groups[$0].levels[$1].code },
        suppressed: Self.isSuppressed(suppression, group: groupIndices[cell].map { $0 }),
        options: options)
    }
    let total = Self.summarize(
      kept, codes: groups.map { _ in nil },
      suppressed: Self.isSuppressed(suppression, group: groups.map { _ in nil }), options: options)
    var warnings = exclusions.warnings.map {
      $0.replacingOccurrences(of: "row", with: "index suspicion")
    }
    if afterEnd > 0 {
      warnings.append("\(afterEnd) suspicions after the end of the data (day \(end)) were ignored.")
    }
    self.init(
      variables: groups.map(\.name), options: options, endDay: end, groups: results,
      total: total, excluded: exclusions, eventsAfterEnd: afterEnd, warnings: warnings)
  }

  static func isSuppressed(_ suppression: Suppression, group: [Int?]) -> Bool {
    suppression.isSuppressed(at: group + [0]) || suppression.isSuppressed(at: group + [1])
      || suppression.isSuppressed(at: group + [nil])
  }

  /// The index suspicions and their follow-up, in order of person and date.
  static func followUps<Key: Hashable>(
    persons: [Key], days: [Int], end: Int, options: RecidivismOptions
  ) -> [FollowUp] {
    var identifiers = [Key: Int](minimumCapacity: persons.count / 2)
    let ids = persons.map { key in
      if let id = identifiers[key] { return id }
      let id = identifiers.count
      identifiers[key] = id
      return id
    }
    var order = days.indices.filter { days[$0] <= end }
    order.sort { (ids[$0], days[$0], $0) < (ids[$1], days[$1], $1) }
    let period = options.indexPeriod ?? Int.min...end
    var result: [FollowUp] = []
    var i = 0
    var distinct: [(day: Int, row: Int)] = []
    while i < order.count {
      let id = ids[order[i]]
      distinct.removeAll(keepingCapacity: true)
      while i < order.count && ids[order[i]] == id {
        let row = order[i]
        if distinct.last?.day != days[row] { distinct.append((days[row], row)) }
        i += 1
      }
      for (q, index) in distinct.enumerated() where period.contains(index.day) {
        let censoring = end - index.day
        if q + 1 < distinct.count {
          result.append(
            FollowUp(
              row: index.row, time: distinct[q + 1].day - index.day, event: true,
              censoring: censoring))
        } else {
          result.append(
            FollowUp(row: index.row, time: censoring, event: false, censoring: censoring))
        }
        if options.index == .first { break }
      }
    }
    return result
  }

  /// The crude share and the Kaplan–Meier estimate of one group.
  static func summarize(
    _ followUps: [FollowUp], codes: [String?], suppressed: Bool, options: RecidivismOptions
  ) -> RecidivismGroup {
    let window = options.windowDays
    var persons = 0
    var recidivists = 0
    for followUp in followUps where followUp.censoring >= window {
      persons += 1
      if followUp.event && followUp.time <= window { recidivists += 1 }
    }
    var rate: Double?
    var interval: Interval?
    if persons > 0 {
      rate = Double(recidivists) / Double(persons)
      interval = Interval(
        ProportionInterval.wilson(successes: recidivists, trials: persons, level: options.level))
    }
    let km = KaplanMeierEstimate(
      times: followUps.map(\.time), events: followUps.map(\.event), at: window,
      level: options.level)
    return RecidivismGroup(
      codes: codes, indexEvents: followUps.count, persons: persons, recidivists: recidivists,
      rate: rate, rateInterval: interval, kaplanMeier: km,
      censored: followUps.count - persons, suppressed: suppressed)
  }
}
