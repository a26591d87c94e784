import Foundation
import Microdata

extension Recidivism {
  /// Follows up index suspicions read from a suspicion file, where a person key or a date may
  /// be missing: such rows are left out and counted in ``excludedSuspicions`` (and in
  /// ``warnings``); the rest is analysed as by ``init(persons:days:groups:options:)``, with
  /// dates as days since 1970-01-01.
  ///
  /// - Throws: the errors of ``init(persons:days:groups:options:)``.
  public init(
    persons: [String?], dates: [CalendarDay?], personVariable: String = "lopnr",
    dateVariable: String = "datum", groups: [Factor] = [],
    options: RecidivismOptions = RecidivismOptions()
  ) throws(TabulationError) {
    guard persons.count == dates.count else {
      throw .lengthMismatch(variable: dateVariable, count: dates.count, expected: persons.count)
    }
    for group in groups where group.count != dates.count {
      throw .lengthMismatch(variable: group.name, count: group.count, expected: dates.count)
    }
    var excluded = Exclusions()
    var rows: [Int] = []
    rows.reserveCapacity(dates.count)
    for row in dates.indices {
      let noPerson = persons[row] == nil
      let noDate = dates[row] == nil
      if noPerson { excluded.missing[personVariable, default: 0] += 1 }
      if noDate { excluded.missing[dateVariable, default: 0] += 1 }
      if noPerson || noDate {
        excluded.rows += 1
      } else {
        rows.append(row)
      }
    }
    let kept = groups.map { group in
      Factor(name: group.name, levels: group.levels, codes: rows.map { group.codes[$0] })
    }
    self = try Recidivism(
      persons: rows.map { persons[$0]! }, days: rows.map { Int(dates[$0]!.daysSince1970) },
      groups: kept, options: options)
    excludedSuspicions = excluded
    if !excluded.isEmpty {
      warnings =
        excluded.warnings.map { $0.replacingOccurrences(of: " row", with: " suspicion") }
        + warnings
    }
  }
}
