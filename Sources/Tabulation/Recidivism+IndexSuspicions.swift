import Microdata

/// One index suspicion of a recidivism analysis as its counts see it.
public struct IndexSuspicion: Sendable, Equatable {
  /// The suspicion's row in the input.
  public let row: Int
  /// Whether its whole window lies within the data (a person of the crude share).
  public let followedUp: Bool
  /// Whether a new suspicion came within the window (a recidivist of the crude share).
  public let reoffended: Bool
}

extension Recidivism {
  /// The index suspicions that ``init(persons:dates:personVariable:dateVariable:groups:options:)``
  /// follows up, before grouping: what its counts per group (index suspicions, persons,
  /// recidivists) count, row by row, so that disclosure control can link them to other tables
  /// of the same persons.
  public static func indexSuspicions(
    persons: [String?], dates: [CalendarDay?], options: RecidivismOptions
  ) -> [IndexSuspicion] {
    let rows = dates.indices.filter { persons[$0] != nil && dates[$0] != nil }
    let days = rows.map { Int(dates[$0]!.daysSince1970) }
    let end = options.endDay ?? days.max() ?? 0
    let window = options.windowDays
    return followUps(persons: rows.map { persons[$0]! }, days: days, end: end, options: options)
      .map { followUp in
        let followedUp = followUp.censoring >= window
        return IndexSuspicion(
          row: rows[followUp.row], followedUp: followedUp,
          reoffended: followedUp && followUp.event && followUp.time <= window)
      }
  }
}
