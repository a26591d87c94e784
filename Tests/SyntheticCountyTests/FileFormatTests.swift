import Foundation
import Microdata
import Testing

@testable import SyntheticCounty

/// The files follow the canonical format exactly: headers, field counts, codes, order.
@Suite struct FileFormatTests {
  static let municipalities: Set<String> = [
    "0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136", "0138",
    "0139", "0140", "0160", "0162", "0163", "0180", "0181", "0182", "0183", "0184", "0186",
    "0187", "0188", "0191", "0192",
  ]

  func file(_ name: String) throws -> ParsedCSV {
    try ParsedCSV(TestCounties.smallDirectory.appendingPathComponent(name))
  }

  @Test func headersAreExact() throws {
    #expect(try file("persons.csv").header == "lopnr;ar;kon;alder;utbildning;fodelseland;kommun")
    #expect(try file("population.csv").header == "ar;kon;alder;utbildning;fodelseland;antal")
    #expect(
      try file("suspects.csv").header
        == "lopnr;ar;kon;alder;utbildning;fodelseland;brottstyp;antal_misstankar")
    #expect(
      try file("suspicions.csv").header
        == "lopnr;datum;brottskod;brottstyp;malsagande_kon;malsagande_barn;relation")
  }

  @Test(arguments: ["persons.csv", "population.csv", "suspects.csv", "suspicions.csv"])
  func everyRowHasOneFieldPerColumnAndNoCarriageReturn(name: String) throws {
    let csv = try file(name)
    #expect(!csv.rows.isEmpty)
    #expect(csv.rows.allSatisfy { $0.count == csv.columns.count })
    #expect(!csv.text.contains("\r"))
    #expect(!csv.text.hasPrefix("\u{FEFF}"))
  }

  @Test func personsHaveValidCodes() throws {
    let rows = try file("persons.csv").rows
    #expect(rows.count == 20_000)
    #expect(rows.map { Int($0[0])! } == Array(1_000_001...1_020_000))
    for row in rows {
      #expect(row[0].count == 7)
      #expect(row[1] == "2016")
      #expect(row[2] == "1" || row[2] == "2")
      #expect((15...100).contains(Int(row[3])!))
      #expect(row[4].isEmpty || (1...7).contains(Int(row[4])!))
      #expect(row[5].isEmpty || (1...9).contains(Int(row[5])!))
      #expect(Self.municipalities.contains(row[6]))
    }
    // Missing values exist and are written as empty fields.
    #expect(rows.contains { $0[4].isEmpty })
    #expect(Set(rows.map { $0[6] }) == Self.municipalities)
    #expect(Set(rows.map { $0[5] }).isSuperset(of: (1...8).map(String.init)))
  }

  @Test func populationIsSortedWithMissingLast() throws {
    let rows = try file("population.csv").rows
    func key(_ row: [String]) -> [Int] {
      [Int(row[1])!, Int(row[2])!, optionalInt(row[3]) ?? 8, optionalInt(row[4]) ?? 10]
    }
    let keys = rows.map(key)
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    #expect(rows.allSatisfy { $0[0] == "2016" && Int($0[5])! > 0 })
  }

  @Test func suspectsHaveValidCodesAndOrder() throws {
    let rows = try file("suspects.csv").rows
    let types = OffenceType.allCases.map(\.rawValue)
    for row in rows {
      #expect(row[1] == "2016" || row[1] == "2017")
      #expect(Int(row[3])! >= 15)
      #expect(types.contains(row[6]))
      #expect(Int(row[7])! >= 1)
    }
    #expect(Set(rows.map { $0[6] }) == Set(types))
    let keys = rows.map { (Int($0[0])!, types.firstIndex(of: $0[6])!) }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
  }

  @Test func suspicionsHaveValidDatesCodesAndOrder() throws {
    let rows = try file("suspicions.csv").rows
    // Every code is in the canonical code list for its date, with the written meaning.
    let list = try #require(Codebook.canonical.codeLists.first)
    for row in rows {
      let parts = row[1].split(separator: "-")
      #expect(parts.map(\.count) == [4, 2, 2], "date \(row[1])")
      let date = try #require(
        CalendarDay(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!))
      #expect(date.description == row[1])
      #expect((2016...2018).contains(date.year))
      #expect(row[2].count == 4 && row[2].allSatisfy(\.isASCII) && Int(row[2]) != nil)
      let entry = try #require(list.entry(for: row[2], on: date), "\(row[2]) on \(date)")
      let written = zip(["brottstyp", "malsagande_kon", "malsagande_barn", "relation"], row[3...])
      for (variable, value) in written {
        #expect((entry.value(of: variable) ?? "") == value, "\(row[2]): \(variable)")
      }
    }
    #expect(rows.contains { $0[1].hasPrefix("2018") })
    let keys = rows.map { ($0[0], $0[1]) }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
  }

  @Test func truthJSONDecodesToTheModel() throws {
    let data = try Data(
      contentsOf: TestCounties.smallDirectory.appendingPathComponent("truth.json"))
    let decoded = try JSONDecoder().decode(CountyModel.self, from: data)
    #expect(decoded == TestCounties.small.model)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let offences = try #require(json["offences"] as? [[String: Any]])
    #expect(offences.count == 5)
    let strata = try #require(json["strata"] as? [[String: Any]])
    #expect(strata.count == 112)
  }

  @Test func lopnrWidensBeyondNineMillionPersons() throws {
    let generator = try CountyGenerator(configuration: CountyConfiguration(persons: 10_000_000))
    #expect(generator.lopnrDigits == 8)
    #expect(generator.firstLopnr == 10_000_001)
    let small = try CountyGenerator(configuration: CountyConfiguration(persons: 8_999_999))
    #expect(small.lopnrDigits == 7)
    #expect(small.firstLopnr == 1_000_001)
  }
}
