import Microdata

/// The check that a population file lists each cell, or each person, once: the rule shared by
/// rates (`strata tabulate --population`) and by persons counted against a population for
/// models (``CaseCells``).
///
/// A population file is one of two kinds, and each has its own notion of a repeated record:
///
/// - **An SCB-style aggregate** (it has a count column `antal`): every other column classifies
///   (`ar`, `kon`, `alder`, `utbildning`, `fodelseland`, and any further column such as
///   `kommun`), so a row is one cell of the cross-classification of all of them. Two rows with
///   the same values in *every* column but `antal` are the same cell listed twice, and summing
///   them counts its persons twice. Rows that differ in a column the table does not use
///   (`kommun`) are different cells, summed on purpose when the table collapses over it. A
///   missing value (*uppgift saknas*) is a value of its own here, as it is a cell of SCB's
///   tables.
/// - **A person register** (no `antal`; each row counts as one person): a person is a
///   `lopnr`, once per year `ar` when the file has that column (a register of several years
///   lists a resident once a year). Rows without a `lopnr` cannot be compared and are not
///   checked; without a `lopnr` column nothing can be checked (the count warns that each row
///   counts as one person).
///
/// The check runs on the rows that are counted, i.e. after any population filter.
public enum PopulationRecords {
  /// The name of the count column of an SCB-style aggregate.
  public static let countVariable = "antal"
  /// The person identifier of a person register.
  public static let personVariable = "lopnr"
  /// The year, within which a person of a register occurs once.
  public static let yearVariable = "ar"

  /// Throws when `population` repeats a record (see ``PopulationRecords``).
  /// - Throws: `PopulationCountError.duplicateCell` naming the file, the cell and both lines;
  ///   `.duplicatePerson` naming the file, the person (and year) and both lines.
  public static func check(_ population: Dataset) throws(PopulationCountError) {
    let names = population.variableNames
    // The names are the dataset's own, so looking them up cannot fail.
    func value(_ name: String, _ row: Int) -> String? {
      (try? population.value(name, row: row)) ?? nil
    }
    if names.contains(countVariable) {
      let classifying = names.filter { $0 != countVariable }
      guard let (first, row) = try? population.firstRepeatedRecord(over: classifying) else {
        return
      }
      let cell = classifying.map { "\($0) = \(value($0, row) ?? "(missing)")" }
      throw .duplicateCell(
        file: population.source, cell: cell.joined(separator: ", "),
        firstLine: population.sourceLine(ofRow: first),
        secondLine: population.sourceLine(ofRow: row))
    } else if names.contains(personVariable) {
      let byYear = names.contains(yearVariable)
      let key = [personVariable] + (byYear ? [yearVariable] : [])
      guard
        let (first, row) = try? population.firstRepeatedRecord(over: key, skippingMissing: true)
      else { return }
      throw .duplicatePerson(
        file: population.source, person: value(personVariable, row) ?? "",
        year: byYear ? value(yearVariable, row) : nil,
        firstLine: population.sourceLine(ofRow: first),
        secondLine: population.sourceLine(ofRow: row))
    }
  }
}
