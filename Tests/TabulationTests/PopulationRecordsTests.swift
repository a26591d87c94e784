import Foundation
import Microdata
import Testing

@testable import Tabulation

/// Issue #12: a population that repeats a cell or a person, or is smaller than its cases, is
/// an error naming the files and lines, not a sum.
@Suite struct PopulationRecordsTests {
  @Test("an aggregate that lists a cell twice is an error naming the file, the cell and both lines")
  func duplicateCell() throws {
    let population = try Dataset(
      csv: "ar;kon;alder;kommun;antal\n2016;1;30;0180;100\n2016;2;30;0180;90\n"
        + "2016;1;30;0114;40\n2016;1;30;0180;100\n",
      source: "population.csv")
    let expected = PopulationCountError.duplicateCell(
      file: "population.csv", cell: "ar = 2016, kon = 1, alder = 30, kommun = 0180", firstLine: 2,
      secondLine: 5)
    #expect(throws: expected) { try PopulationRecords.check(population) }
    #expect(expected.description.contains("line 2 and again on line 5"))
    // Rows that differ only in a column the table collapses over (kommun) are distinct cells.
    #expect(throws: Never.self) { try PopulationRecords.check(population.rows([0, 1, 2])) }
  }

  @Test("a person register that lists a person twice in a year is an error naming both lines")
  func duplicatePerson() throws {
    let persons = try Dataset(
      csv: "lopnr;ar;kon\nP1;2016;1\nP2;2016;2\nP1;2017;1\nP2;2016;2\n", source: "persons.csv")
    let expected = PopulationCountError.duplicatePerson(
      file: "persons.csv", person: "P2", year: "2016", firstLine: 3, secondLine: 5)
    #expect(throws: expected) { try PopulationRecords.check(persons) }
    #expect(expected.description.contains("persons.csv"))
    // One row a year is a register of several years, not a repeat.
    #expect(throws: Never.self) { try PopulationRecords.check(persons.rows([0, 1, 2])) }
    // Without `ar` a person occurs once.
    let single = try Dataset(csv: "lopnr;kon\n1000001;1\n1000002;2\n1000001;1\n", source: "p.csv")
    #expect(
      throws: PopulationCountError.duplicatePerson(
        file: "p.csv", person: "1000001", year: nil, firstLine: 2, secondLine: 4)
    ) { try PopulationRecords.check(single) }
  }

  @Test("CaseCells runs the same check on the population")
  func caseCellsShareTheCheck() throws {
    let data = try Dataset(csv: "lopnr;kon\nA;1\nB;2\n", source: "suspects.csv")
    let population = try Dataset(
      csv: "kon;antal\n1;100\n2;90\n1;100\n", source: "population.csv")
    #expect(
      throws: PopulationCountError.duplicateCell(
        file: "population.csv", cell: "kon = 1", firstLine: 2, secondLine: 4)
    ) {
      try CaseCells.count(data: data, include: nil, population: population, variables: ["kon"])
    }
    let small = try Dataset(csv: "kon;antal\n1;1\n2;90\n", source: "population.csv")
    let twice = try Dataset(csv: "lopnr;kon\nA;1\nB;1\nC;2\n", source: "suspects.csv")
    let error = PopulationCountError.moreCasesThanPopulation(
      cell: "kon = 1", cases: 2, population: 1, file: "suspects.csv",
      populationFile: "population.csv")
    #expect(throws: error) {
      try CaseCells.count(data: twice, include: nil, population: small, variables: ["kon"])
    }
    #expect(
      error.description.contains("suspects.csv") && error.description.contains("population.csv"))
  }

  @Test("a count of persons above its population is an error; a count of events is not")
  func countAbovePopulation() throws {
    let suspects = try expandedTable([5, 3], shape: [2], names: ["kon"])
    let population = try CrossTab(
      [factor("kon", levels: 2, [0, 1])], weight: .integers(name: "antal", [4, 1000]))
    #expect(throws: TabulationError.countAbovePopulation(cell: "kon = 1", count: 5, population: 4))
    {
      try RateTable(suspects: suspects, population: population)
    }
    // Equal is possible (everyone in the cell is a suspect).
    let equal = try CrossTab(
      [factor("kon", levels: 2, [0, 1])], weight: .integers(name: "antal", [5, 1000]))
    #expect(try RateTable(suspects: suspects, population: equal).cells[0].rate?.rate == 100_000)
    // Suspicions (a weighted count) may outnumber the persons: 3 persons, 9 suspicions.
    let suspicions = try CrossTab(
      [factor("kon", levels: 2, [0, 0, 1])],
      weight: .integers(name: "antal_misstankar", [5, 4, 3]))
    let rates = try RateTable(suspects: suspicions, population: population)
    #expect(rates.cells[0].rate?.rate == 225_000)
    // Unless the caller says the weight counts persons (an aggregated table).
    #expect(throws: TabulationError.countAbovePopulation(cell: "kon = 1", count: 9, population: 4))
    {
      try RateTable(
        suspects: suspicions, population: population, options: RateOptions(unit: .persons))
    }
  }
}
