import Foundation
import Microdata
import StatsTestSupport
import Testing

/// Joins by key, duplicate keys, unmatched rows, and cell keys over several factors.
@Suite struct JoinTests {
  let persons: Dataset
  let suspects: Dataset

  init() throws {
    persons = try Dataset.load(contentsOf: fixture("Fixtures/persons.csv"), codebook: .canonical)
    suspects = try Dataset.load(contentsOf: fixture("Fixtures/suspects.csv"), codebook: .canonical)
  }

  @Test func suspectsJoinPersonsByLopnr() throws {
    let joined = try suspects.joined(with: persons, on: "lopnr")
    #expect(joined.rowCount == 5)
    #expect(
      joined.variableNames == [
        "lopnr", "ar", "kon", "alder", "utbildning", "fodelseland", "brottstyp", "antal_misstankar",
        "ar_y", "kon_y", "alder_y", "utbildning_y", "fodelseland_y", "kommun",
      ])
    #expect(try joined.strings("kommun") == ["0180", "0114", "0127", "0160", nil])
    #expect(try joined.factor("kommun").levels.count == 26)
    let summary = try #require(joined.loadReport.joins.first)
    #expect(
      summary
        == JoinSummary(
          key: "lopnr", other: "persons.csv", kind: .left, rows: 5, matched: 4, unmatched: 1,
          missingKeys: 0))
    let inner = try suspects.joined(with: persons, on: "lopnr", kind: .inner)
    #expect(try inner.strings("lopnr") == ["1000001", "1000003", "1000005", "1000006"])
    #expect((0..<inner.rowCount).map { inner.sourceLine(ofRow: $0) } == [2, 3, 4, 5])
  }

  @Test func keyIndexFindsPartnersAndCountsUnmatched() throws {
    let index = try KeyIndex(persons, key: "lopnr")
    #expect(index.count == 6)
    #expect(index.matches(try suspects.keys("lopnr")) == [0, 2, 4, 5, -1])
    #expect(index.unmatchedCount(try suspects.keys("lopnr")) == 1)
    #expect(index.firstRow(for: KeyColumn.Key("1000004")) == 3)
    #expect(index.firstRow(for: KeyColumn.Key(1_000_004)) == 3)
    #expect(index.firstRow(for: KeyColumn.Key("999")) == nil)
  }

  @Test func numericAndTextKeysMatch() throws {
    // One file's ids are all numbers (stored as Int64), the other's are not (stored as text).
    let left = try Dataset(csv: "lopnr;kon\n1000001;1\n17;2\n0017;1\n")
    let right = try Dataset(csv: "lopnr;alder\nX9;30\n1000001;40\n0017;50\n17;60\n")
    let joined = try left.joined(with: right, on: "lopnr")
    #expect(try joined.numeric("alder") == [40, 60, 50])
  }

  @Test func duplicateKeysAreNamedWithBothLines() {
    let duplicated = try! Dataset(csv: "lopnr;alder\n1;30\n2;40\n1;50\n", source: "personer.csv")
    #expect(
      throws: MicrodataError.duplicateKey(
        file: "personer.csv", variable: "lopnr", value: "1", firstLine: 2, secondLine: 4)
    ) {
      try suspects.joined(with: duplicated, on: "lopnr")
    }
    let index = try? KeyIndex(duplicated, key: "lopnr", requireUnique: false)
    #expect(index?.duplicateCount == 1)
    #expect(index?.firstRow(for: KeyColumn.Key(1)) == 0)
  }

  @Test func missingKeysNeverMatch() throws {
    let left = try Dataset(csv: "lopnr;kon\n;1\n1000001;2\n")
    let joined = try left.joined(with: persons, on: "lopnr", kind: .inner)
    #expect(joined.rowCount == 1)
    #expect(joined.loadReport.joins[0].missingKeys == 1)
    #expect(throws: MicrodataError.self) { try left.joined(with: persons, on: "lopnummer") }
  }

  @Test func cellKeyCombinesFactorsInMixedRadix() throws {
    let sex = try persons.factor("kon")  // 2 levels
    let age = try persons.factor("aldersgrupp3")  // 3 levels
    let cells = CellKey([sex, age])
    #expect(cells.radices == [2, 3])
    #expect(cells.cellCount == 6)
    // Ages 34, 14, 17, 65, 99, 18 with sex 1, 2, 1, 2, 1, 2.
    #expect(cells.cells == [0, Factor.outside, 0, 5, 4, 1])
    #expect(cells.codes(ofCell: 5) == ["2", "55+"])
    #expect(cells.levelIndices(ofCell: 5) == [1, 2])
    #expect(cells.cell(levelIndices: [1, 2]) == 5)
    #expect(cells.totals() == [2, 1, 0, 0, 1, 1])
    #expect(cells.outsideCount == 1 && cells.missingCount == 0)
    #expect(
      cells.totals().reduce(0, +) + Double(cells.outsideCount + cells.missingCount)
        == Double(persons.rowCount))
    let withMissing = CellKey([try persons.factor("fodelseland"), age])
    #expect(withMissing.cells[4] == Factor.missing)
    #expect(withMissing.cells[1] == Factor.outside)
  }

  @Test func suspectsAndPopulationAggregateToTheSameCells() throws {
    let population = try Dataset(
      csv: "kon;alder;antal\n1;17;100\n1;34;200\n2;18;300\n2;70;50\n1;12;80\n")
    let popCells = CellKey([try population.factor("kon"), try population.factor("aldersgrupp3")])
    let susCells = CellKey([try suspects.factor("kon"), try suspects.factor("aldersgrupp3")])
    #expect(popCells.names == susCells.names && popCells.levels == susCells.levels)
    #expect(popCells.totals(weights: try population.numeric("antal")) == [300, 300, 0, 0, 0, 50])
    #expect(susCells.totals() == [2, 1, 1, 0, 1, 0])
    // Integer factors get the same levels by alignment.
    let ages = try population.factor("alder").aligned(to: try suspects.factor("alder").levels)
    #expect(ages.levels == (try suspects.factor("alder").levels))
    #expect(ages.codes == [0, 2, 1, Factor.outside, Factor.outside])
  }
}

/// Derived variables: an "is a suspect" outcome on the persons file.
@Suite struct DerivedVariableTests {
  @Test func suspectOutcomeOnPersons() throws {
    let persons = try Dataset.load(
      contentsOf: fixture("Fixtures/persons.csv"), codebook: .canonical)
    let suspects = try Dataset.load(
      contentsOf: fixture("Fixtures/suspects.csv"), codebook: .canonical)
    let index = try KeyIndex(suspects, key: "lopnr", requireUnique: false)
    let outcome = index.matches(try persons.keys("lopnr")).map { $0 >= 0 ? 1.0 : 0.0 }
    let data = persons.adding("misstankt", numbers: outcome)
    #expect(data.kind(of: "misstankt") == .integer)
    #expect(try data.numeric("misstankt") == [1, 0, 1, 0, 1, 1])
    #expect(try data.filtered("misstankt && kon == 2").rowCount == 1)
    let share = data.adding("andel", numbers: [0.5, .nan, 1, 2, 3, 4])
    #expect(share.kind(of: "andel") == .decimal)
    let grouped = data.adding(try data.factor("aldersgrupp3"))
    #expect(grouped.kind(of: "aldersgrupp3") == .categorical)
    #expect(try grouped.factor("aldersgrupp3").codes == [0, Factor.missing, 0, 2, 2, 0])
    #expect(
      data.removing(["kommun", "ar"]).variableNames == [
        "lopnr", "kon", "alder", "utbildning", "fodelseland", "misstankt",
      ])
  }
}
