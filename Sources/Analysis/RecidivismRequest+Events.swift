import Foundation
import Microdata
import Tabulation

/// The dates that bound a recidivism analysis.
public struct StudyWindow: Sendable, Equatable {
  public var start: CalendarDay?
  public var indexEnd: CalendarDay?
  public var end: CalendarDay?

  /// The days index suspicions may fall on; `nil` (every day up to the end) without a start
  /// or an end of the index period.
  public var indexPeriod: ClosedRange<Int>? {
    guard start != nil || indexEnd != nil else { return nil }
    return (start?.dayNumber ?? Int.min)...(indexEnd?.dayNumber ?? Int.max)
  }
}

/// The suspicions ready for follow-up, and what was left out on the way.
public struct RecidivismEvents: Sendable {
  public var persons: [String?]
  public var dates: [CalendarDay?]
  public var groups: [Factor]
  public var codebook: Codebook
  /// Labels of the group variables' levels, by variable and code.
  public var labels: [String: [String: String]]
  public var warnings: [String]
  /// Suspicions left out: of persons not in the person file, dated before the start or before
  /// the person's birth.
  public var unmatchedSuspicions = 0
  public var unmatchedPersons = 0
  public var beforeStart = 0
  public var beforeBirth = 0
  /// Where birth dates came from (`fodelsedatum`, `fodelsear`, `ar - alder`), if anywhere.
  public var birthSource: String?
}

extension RecidivismRequest {
  /// The parsed `start`, `indexEnd` and `end`, checked for order.
  package func studyWindow() throws -> StudyWindow {
    func day(_ text: String?, _ option: String) throws -> CalendarDay? {
      guard let text else { return nil }
      guard let day = CalendarDay(text.trimmingCharacters(in: .whitespaces)) else {
        throw InputError.invalidDate(option: option, value: text)
      }
      return day
    }
    let window = StudyWindow(
      start: try day(start, "start"), indexEnd: try day(indexEnd, "index-end"),
      end: try day(end, "end"))
    let ordered = [window.start, window.indexEnd, window.end].compactMap { $0 }
    guard ordered == ordered.sorted() else {
      throw InputError.invalidOptions(
        "The dates must come in the order --start ≤ --index-end ≤ --end.")
    }
    return window
  }

  /// Reads the suspicions, joins the persons, applies the filter, and leaves out (counting
  /// them) suspicions of unknown persons and those dated before the start or before birth.
  package func loadEvents(window: StudyWindow) throws -> RecidivismEvents {
    let loaded = try suspicions.load()
    var dataset = loaded.dataset
    var warnings = loaded.warnings
    let file = URL(fileURLWithPath: suspicions.path).lastPathComponent
    var unmatchedSuspicions = 0
    var unmatchedPersons = 0
    var personsFile: String?
    if let persons {
      // The register is read and indexed once per report (the cache), not once per offence type.
      // Only the persons the suspicions name are read in full.
      let (register, index) = try persons.loadIndexed(
        key: "lopnr", namedBy: (suspicions, dataset))
      warnings += register.warnings
      personsFile = URL(fileURLWithPath: persons.path).lastPathComponent
      let keys = try TabulationRequest.naming(dataset) { () throws(MicrodataError) in
        try dataset.keys("lopnr")
      }
      let matches = index.matches(keys)
      var unknown: Set<KeyColumn.Key> = []
      var keep: [Int] = []
      for row in 0..<dataset.rowCount {
        if matches[row] < 0, let key = keys.key(at: row) {
          unmatchedSuspicions += 1
          unknown.insert(key)
        } else {
          keep.append(row)
        }
      }
      unmatchedPersons = unknown.count
      dataset = try dataset.joined(
        with: register.dataset, index: index, on: "lopnr", kind: .left
      ).rows(keep)
      if unmatchedSuspicions > 0 {
        warnings.append(
          "\(unmatchedSuspicions) \(unmatchedSuspicions == 1 ? "suspicion" : "suspicions") of "
            + "\(unmatchedPersons) \(unmatchedPersons == 1 ? "person" : "persons") in \(file) "
            + "have no row in \(personsFile!) and are left out.")
      }
    }
    if let selection = filter?.trimmingCharacters(in: .whitespaces), !selection.isEmpty {
      let before = dataset.rowCount
      dataset = try dataset.filtered(by: RowFilter(parsing: selection))
      if dataset.rowCount == 0 && before > 0 {
        warnings.append("the filter `\(selection)` leaves no rows of \(suspicions.path)")
      }
    }

    let dates = try TabulationRequest.naming(dataset) { () throws(MicrodataError) in
      try dataset.dates("datum")
    }
    let births = try Self.earliestBirths(dataset)
    var keep: [Int] = []
    var beforeStart = 0
    var beforeBirth = 0
    var firstBeforeBirth: Int?
    for row in dates.indices {
      // A date before birth is a data error whatever the window, so it is counted as such.
      if let date = dates[row], let birth = births?.days[row], date < birth {
        beforeBirth += 1
        if firstBeforeBirth == nil { firstBeforeBirth = row }
      } else if let date = dates[row], let start = window.start, date < start {
        beforeStart += 1
      } else {
        keep.append(row)
      }
    }
    if beforeStart > 0 {
      warnings.append(
        "\(beforeStart) \(beforeStart == 1 ? "suspicion" : "suspicions") dated before the start "
          + "\(window.start!) \(beforeStart == 1 ? "was" : "were") left out.")
    }
    if let row = firstBeforeBirth, let births {
      let person = (try? dataset.value("lopnr", row: row)).flatMap { $0 } ?? "?"
      warnings.append(
        "\(beforeBirth) \(beforeBirth == 1 ? "suspicion is" : "suspicions are") dated before the "
          + "person's birth (from \(births.source)) and left out; the first: \(file), line "
          + "\(dataset.sourceLine(ofRow: row)), lopnr \(person), datum \(dates[row]!), born "
          + "\(births.days[row]!) at the earliest.")
    }
    if keep.count < dataset.rowCount { dataset = dataset.rows(keep) }

    var groups: [Factor] = []
    for name in by {
      do {
        groups.append(try TabulationRequest.factor(name, of: dataset))
      } catch InputError.unknownVariable(_, let name, let suggestions) {
        throw InputError.unknownVariable(
          file: [file, personsFile].compactMap { $0 }.joined(separator: " or "), name: name,
          suggestions: suggestions)
      }
    }
    let keys = try TabulationRequest.naming(dataset) { () throws(MicrodataError) in
      try dataset.keys("lopnr")
    }
    return RecidivismEvents(
      persons: (0..<dataset.rowCount).map { keys.key(at: $0)?.description },
      dates: keep.count == dates.count ? dates : keep.map { dates[$0] }, groups: groups,
      codebook: dataset.codebook,
      labels: Dictionary(
        groups.map { factor in
          (
            factor.name,
            Dictionary(
              factor.levels.map { ($0.code, $0.label(language)) }, uniquingKeysWith: { a, _ in a }
            )
          )
        }, uniquingKeysWith: { a, _ in a }),
      warnings: warnings, unmatchedSuspicions: unmatchedSuspicions,
      unmatchedPersons: unmatchedPersons, beforeStart: beforeStart, beforeBirth: beforeBirth,
      birthSource: births?.source)
  }

  /// The earliest possible birth date of each row's person: a birth date (`fodelsedatum`), else
  /// 1 January of the birth year (`fodelsear`), else 1 January of `ar − alder − 1` (age in
  /// completed years at some day of the year `ar`); `nil` when the data have none of these.
  package static func earliestBirths(_ dataset: Dataset) throws -> (
    days: [CalendarDay?], source: String
  )? {
    if dataset.hasVariable("fodelsedatum") {
      let text = try dataset.strings("fodelsedatum")
      return (text.map { $0.flatMap { CalendarDay($0) } }, "fodelsedatum")
    }
    if dataset.hasVariable("fodelsear") {
      let years = try dataset.numeric("fodelsear")
      return (years.map { Self.newYear($0) }, "fodelsear")
    }
    if dataset.hasVariable("ar") && dataset.hasVariable("alder") {
      let years = try dataset.numeric("ar")
      let ages = try dataset.numeric("alder")
      return (zip(years, ages).map { Self.newYear($0 - $1 - 1) }, "ar - alder")
    }
    return nil
  }

  /// 1 January of a year given as a number (NaN: unknown).
  package static func newYear(_ year: Double) -> CalendarDay? {
    guard year.isFinite, year == year.rounded(), abs(year) < 10_000 else { return nil }
    return CalendarDay(year: Int(year), month: 1, day: 1)
  }
}
