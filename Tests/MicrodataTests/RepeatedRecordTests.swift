import Foundation
import Microdata
import Testing

/// `firstRepeatedRecord(over:)`: a combination of values listed twice, found with both rows.
@Suite struct RepeatedRecordTests {
  let aggregate = try! Dataset(
    csv: "ar;kon;alder;utbildning;antal\n2016;1;30;4;5\n2016;2;30;4;6\n2016;1;31;;7\n"
      + "2016;1;30;4;8\n2016;1;31;;9\n",
    source: "population.csv")

  @Test func aCombinationListedTwiceIsFoundWithTheEarlierRow() throws {
    let repeated = try aggregate.firstRepeatedRecord(over: ["ar", "kon", "alder", "utbildning"])
    #expect(repeated?.firstRow == 0 && repeated?.row == 3)
    #expect(aggregate.sourceLine(ofRow: repeated!.row) == 5)
    // Without `alder` the rows of ages 30 and 31 are one combination too, first found earlier.
    let coarser = try aggregate.firstRepeatedRecord(over: ["kon", "ar"])
    #expect(coarser?.firstRow == 0 && coarser?.row == 2)
  }

  @Test func missingValuesAreAValueUnlessSkipped() throws {
    let cells = try Dataset(
      csv: "kon;utbildning;antal\n1;;5\n2;;6\n1;;7\n", source: "population.csv")
    let repeated = try cells.firstRepeatedRecord(over: ["utbildning", "kon"])
    #expect(repeated?.firstRow == 0 && repeated?.row == 2)
    #expect(
      try cells.firstRepeatedRecord(over: ["utbildning", "kon"], skippingMissing: true) == nil)
  }

  @Test func distinctCombinationsAreNoRepeat() throws {
    let persons = try Dataset(
      csv: "lopnr;ar;kon\nP1;2016;1\nP2;2016;2\nP1;2017;1\n;2016;1\n;2016;1\n",
      source: "persons.csv")
    #expect(try persons.firstRepeatedRecord(over: ["lopnr", "ar"], skippingMissing: true) == nil)
    let byPerson = try persons.firstRepeatedRecord(over: ["lopnr"], skippingMissing: true)
    #expect(byPerson?.firstRow == 0 && byPerson?.row == 2)
    #expect(throws: MicrodataError.self) { try persons.firstRepeatedRecord(over: ["lopnummer"]) }
  }
}
