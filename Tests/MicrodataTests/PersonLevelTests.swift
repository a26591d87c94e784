import Foundation
import Microdata
import Testing

/// Persons derived from suspicions: Brå's netto counting per combination.
@Suite struct PersonLevelTests {
  let suspicions = try! Dataset(
    csv: """
      lopnr;datum;brottskod
      1;2016-03-01;0375
      1;2016-09-01;0386
      1;2017-02-01;0375
      2;2017-05-05;0386
      2;2016-12-24;0386
      3;2016-04-04;0383
      4;2016-05-05;0375
      9;2016-06-06;0375
      2;2018-02-02;0386

      """, source: "suspicions.csv")
  let persons = try! Dataset(
    csv: """
      lopnr;ar;kon;alder;utbildning;fodelseland
      1;2016;1;30;4;1
      2;2016;1;41;6;3
      3;2016;2;19;3;1
      4;2016;2;66;;1

      """, source: "persons.csv")
  let period = CalendarDay("2016-01-01")!...CalendarDay("2017-12-31")!

  @Test func aPersonCountsOnceInEachCombination() throws {
    let table = try suspicions.personLevel(
      by: ["brottstyp", "malsagande_kon"], persons: persons, period: period)
    #expect(try table.strings("lopnr") == ["1", "1", "2", "3", "4"])
    #expect(
      try table.strings("brottstyp") == [
        "vnr_partner", "vnr_partner", "vnr_partner", "vbek", "vnr_partner",
      ])
    #expect(try table.strings("malsagande_kon") == ["1", "2", "1", "2", "2"])
    // Person 1: two suspicions against a woman, one against a man; person 2: two in the
    // period (the 2018 one is outside it), the first in 2016.
    #expect(try table.numeric("antal_misstankar") == [1, 2, 2, 1, 1])
    #expect(try table.numeric("ar") == [2016, 2016, 2016, 2016, 2016])
    #expect(try table.strings("kon") == ["1", "1", "1", "2", "2"])
    #expect(try table.numeric("alder") == [30, 30, 41, 19, 66])
    #expect(!table.variableNames.contains("datum") && !table.variableNames.contains("brottskod"))
    // The suspicion of a person missing from the register is left out, and the join says so.
    #expect(table.loadReport.joins.last?.unmatched == 1)
  }

  @Test func parrelationIsComputedAfterTheJoinAndStored() throws {
    let table = try suspicions.personLevel(
      by: ["brottstyp", "parrelation"], persons: persons, period: period)
    #expect(try table.strings("lopnr") == ["1", "1", "2", "3", "4"])
    #expect(
      try table.strings("parrelation") == ["olikkonad", "samkonad", "samkonad", nil, "samkonad"])
    #expect(try table.numeric("antal_misstankar") == [2, 1, 2, 1, 1])
    let partner = try table.filtered(by: RowFilter(parsing: "parrelation == \"samkonad\""))
    #expect(try partner.strings("lopnr") == ["1", "2", "4"])
  }

  @Test func withoutAPeriodEveryEventCountsAndTheYearIsTheFirstEvents() throws {
    let table = try suspicions.personLevel(by: ["brottstyp"], persons: persons)
    #expect(try table.strings("lopnr") == ["1", "2", "3", "4"])
    #expect(try table.numeric("antal_misstankar") == [3, 3, 1, 1])
    #expect(try table.numeric("ar") == [2016, 2016, 2016, 2016])
  }

  @Test func aVariableBothFilesHaveKeepsTheRegistersValue() throws {
    let withSex = try Dataset(
      csv: "lopnr;kon;datum;brottskod\n1;2;2016-03-01;0375\n3;2;2016-04-04;0383\n",
      source: "s.csv")
    let table = try withSex.personLevel(by: ["brottstyp"], persons: persons)
    #expect(try table.strings("kon") == ["1", "2"])
    #expect(!table.variableNames.contains("kon_y"))
  }

  @Test func anUnknownVariableIsAnError() {
    #expect(throws: MicrodataError.self) {
      try suspicions.personLevel(by: ["brottstypp"], persons: persons)
    }
    #expect(throws: MicrodataError.self) {
      try suspicions.personLevel(by: ["parrelation"])
    }
  }
}
