import Foundation
import Microdata
import Testing

@testable import SyntheticCounty

/// The four files agree with each other, read back from disk.
@Suite struct ConsistencyTests {
  func file(_ name: String) throws -> [[String]] {
    try ParsedCSV(TestCounties.smallDirectory.appendingPathComponent(name)).rows
  }

  @Test func populationAggregatesPersonsCellByCell() throws {
    var expected: [String: Int] = [:]
    for row in try file("persons.csv") {
      expected[row[1...5].joined(separator: ";"), default: 0] += 1
    }
    var observed: [String: Int] = [:]
    for row in try file("population.csv") {
      let key = row[0...4].joined(separator: ";")
      #expect(observed[key] == nil, "cell \(key) appears twice")
      observed[key] = Int(row[5])!
    }
    #expect(observed == expected)
    #expect(observed.values.reduce(0, +) == 20_000)
  }

  @Test func suspectsAgreeWithSuspicionsAndPersons() throws {
    let persons = Dictionary(
      uniqueKeysWithValues: try file("persons.csv").map { ($0[0], $0) })
    // Events per person and type in the study period 2016–2017.
    var events: [String: [String]] = [:]
    for row in try file("suspicions.csv") {
      #expect(persons[row[0]] != nil, "suspicion of unknown lopnr \(row[0])")
      if row[1] < "2018" { events["\(row[0])|\(row[3])", default: []].append(row[1]) }
    }
    let suspects = try file("suspects.csv")
    #expect(suspects.count == events.count)
    for row in suspects {
      let person = try #require(persons[row[0]], "suspect \(row[0]) is not in persons.csv")
      let dates = try #require(events["\(row[0])|\(row[6])"], "no suspicions for \(row)")
      #expect(Int(row[7]) == dates.count)
      let first = dates.min()!
      #expect(row[1] == String(first.prefix(4)))
      // kon, utbildning and fodelseland as in persons.csv.
      #expect(row[2] == person[2] && row[4] == person[4] && row[5] == person[5])
      // Age at the first suspicion: alder (31 Dec 2016) − 1 or alder in 2016, alder or
      // alder + 1 in 2017, and never under 15.
      let age = Int(row[3])!
      let alder = Int(person[3])!
      let allowed = row[1] == "2016" ? (alder - 1)...alder : alder...(alder + 1)
      #expect(allowed.contains(age), "age \(age) at first suspicion, alder \(alder), \(row)")
      #expect(age >= 15)
    }
  }

  /// Suspicions in the follow-up year belong to suspects of the same type.
  @Test func followUpSuspicionsBelongToSuspects() throws {
    let suspects = Set(try file("suspects.csv").map { "\($0[0])|\($0[6])" })
    let followUps = try file("suspicions.csv").filter { $0[1].hasPrefix("2018") }
    #expect(!followUps.isEmpty)
    for row in followUps { #expect(suspects.contains("\(row[0])|\(row[3])")) }
  }

  /// In memory, the age at each suspicion follows from the birth date, and no suspicion
  /// precedes the 15th birthday.
  @Test func noSuspicionBeforeTheFifteenthBirthday() {
    let county = TestCounties.large
    let births = Dictionary(uniqueKeysWithValues: county.persons.map { ($0.lopnr, $0.birthDate) })
    for event in county.suspicions {
      #expect(births[event.lopnr]!.age(on: event.date) >= 15)
    }
    for person in county.persons.prefix(5_000) {
      #expect(person.birthDate.age(on: CalendarDay(year: 2016, month: 12, day: 31)!) == person.age)
    }
  }
}
