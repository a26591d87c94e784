import Microdata
import StatsTestSupport
import Testing

@testable import Tabulation

@Suite("Recidivism with follow-up against survival::survfit")
struct RecidivismTests {
  let reference = ReferenceValues.shared.recidivism

  @Test(
    "crude shares, Kaplan–Meier incidence and Greenwood log intervals equal R",
    arguments: [0, 1, 2])
  func matchesR(analysis index: Int) throws {
    let analysis = reference.analyses[index]
    let result = try Recidivism(
      persons: reference.person, days: reference.day,
      groups: [factor("grupp", levels: 2, reference.group)],
      options: RecidivismOptions(
        windowDays: analysis.window, index: IndexRule(rawValue: analysis.index)!,
        endDay: reference.endDay, disclosure: .off))
    #expect(result.eventsAfterEnd == reference.day.filter { $0 > reference.endDay }.count)
    #expect(result.eventsAfterEnd > 0)
    for expected in analysis.groups {
      let group = expected.group.map { result.groups[$0] } ?? result.total
      let what =
        "\(analysis.index) \(analysis.window) group \(expected.group.map(String.init) ?? "all")"
      #expect(group.indexEvents == expected.indexEvents, "\(what)")
      #expect(group.persons == expected.persons, "\(what)")
      #expect(group.recidivists == expected.recidivists, "\(what)")
      #expect(group.censored == expected.censored, "\(what)")
      expectApproximatelyEqual(group.rate, expected.rate, relative: Tolerance.countsAndRates, what)
      let ci = try #require(group.rateInterval)
      expectApproximatelyEqual(
        [ci.lower, ci.upper], expected.rateCi, relative: Tolerance.countsAndRates, what)
      let km = try #require(group.kaplanMeier)
      expectApproximatelyEqual(
        km.cumulativeIncidence, expected.km, relative: Tolerance.testStatistics, what + " km")
      let kmCI = try #require(km.interval)
      expectApproximatelyEqual(
        [kmCI.lower, kmCI.upper], expected.kmCi, relative: Tolerance.testStatistics,
        what + " km ci")
      expectApproximatelyEqual(
        km.standardError, expected.kmStdErr, relative: Tolerance.testStatistics, what + " se")
    }
  }

  @Test("definitions on a hand-made example: same-day events, censoring, the end date")
  func handExample() throws {
    // Person a: index day 0, same-day event 0, next 100 → recidivist at 100.
    // Person b: index day 10, next 500 → no recidivism within 365 (full follow-up).
    // Person c: index day 800, no further event; end 1000 → censored (C = 200 < 365).
    // Person d: index day 900, next 950 → event at 50 but C = 100 < 365: censored in the crude
    //           share, an event in Kaplan–Meier.
    // Person e: index 20, next 1200 after the end → ignored; no recidivism, full follow-up.
    let persons = ["a", "a", "a", "b", "b", "c", "d", "d", "e", "e"]
    let days = [0, 0, 100, 10, 500, 800, 900, 950, 20, 1200]
    let result = try Recidivism(
      persons: persons, days: days,
      options: RecidivismOptions(windowDays: 365, endDay: 1000, disclosure: .off))
    let total = result.total
    #expect(total.indexEvents == 5)
    #expect(total.persons == 3 && total.recidivists == 1 && total.censored == 2)
    #expect(result.eventsAfterEnd == 1)
    // KM: times a 100 (event), b 490 (censored at min(490, 990)? no: event at 490), …
    // a: T = 100 event; b: T = 490 event (beyond the window); c: C = 200 censored;
    // d: T = 50 event; e: C = 980 censored.
    // Event times ≤ 365: 50 (5 at risk), 100 (4 at risk) → S = 4/5 · 3/4 = 0.6.
    let km = try #require(total.kaplanMeier)
    expectApproximatelyEqual(km.cumulativeIncidence, 0.4, relative: 1e-14)
    #expect(km.events == 2)
    // Each: every distinct date is an index: a 0 → 100 (event), a 100 → none.
    let each = try Recidivism(
      persons: persons, days: days,
      options: RecidivismOptions(windowDays: 365, index: .each, endDay: 1000, disclosure: .off))
    #expect(each.total.indexEvents == 8)
  }

  @Test("a missing group code at the index excludes that index suspicion and is counted")
  func missingGroup() throws {
    let persons = [1, 1, 2, 3]
    let days = [0, 10, 0, 0]
    let group = factor("kon", levels: 2, [Factor.missing, 0, 1, 0])
    let result = try Recidivism(
      persons: persons, days: days, groups: [group],
      options: RecidivismOptions(windowDays: 5, endDay: 100, disclosure: .off))
    #expect(result.excluded.missing == ["kon": 1])
    #expect(result.total.indexEvents == 2)
    #expect(result.warnings.contains("1 index suspicion excluded: kon is missing."))
  }

  @Test("calendar dates with missing persons or dates: the rest as by day numbers")
  func calendarDates() throws {
    let persons: [String?] = reference.person.map { "p\($0)" } + [nil, "p1"]
    let dates: [CalendarDay?] =
      reference.day.map { CalendarDay(daysSince1970: Int32($0)) } + [
        CalendarDay("2016-01-01"), nil,
      ]
    let group = factor("grupp", levels: 2, reference.group + [0, 1])
    let options = RecidivismOptions(endDay: reference.endDay, disclosure: .off)
    let withDates = try Recidivism(
      persons: persons, dates: dates, groups: [group], options: options)
    let withDays = try Recidivism(
      persons: reference.person, days: reference.day,
      groups: [factor("grupp", levels: 2, reference.group)], options: options)
    #expect(withDates.groups == withDays.groups && withDates.total == withDays.total)
    #expect(withDates.excludedSuspicions.missing == ["lopnr": 1, "datum": 1])
    #expect(withDates.excludedSuspicions.rows == 2)
    #expect(withDates.warnings.first == "1 suspicion excluded: datum is missing.")
  }

  @Test("options are validated")
  func validation() {
    #expect(throws: TabulationError.self) {
      try Recidivism(persons: [1], days: [0], options: RecidivismOptions(windowDays: 0))
    }
    #expect(throws: TabulationError.lengthMismatch(variable: "days", count: 1, expected: 2)) {
      try Recidivism(persons: [1, 2], days: [0])
    }
  }

  @Test("Brå table 811: shares recomputed from counts against the published percentages")
  func braTable811() throws {
    try BraTable811.check()
  }
}
