import Foundation
import Microdata
import Tabulation

/// A table counted from a file, with the warnings about how the file was read.
public struct CountedTable: Sendable {
  public var table: CrossTab
  public var warnings: [String]
  /// The years (`ar`) among the rows, when the file has the variable.
  public var years: Set<String>?
  /// Whether the counts are distinct persons (`lopnr`) rather than rows.
  public var persons = false
}

extension TabulationRequest {
  /// Reads `data` into memory (after `filter`) and counts it.
  package func countInMemory() throws -> CountedTable {
    // A misspelt variable or filter of a large file fails before the file is read.
    try data.preflight(filter: filter) { first in
      // An unknown name throws before anything is computed from the row.
      for name in countedVariables where !first.hasVariable(name) {
        _ = try Self.factor(name, of: first)
      }
      if let weight, !first.hasVariable(weight) { _ = try Self.weight(weight, of: first) }
    }
    let loaded = try data.load(filter: filter)
    let persons = countsPersons(loaded.dataset)
    return CountedTable(
      table: try Self.crossTab(
        of: loaded.dataset, variables: countedVariables, weight: weight, distinctPersons: persons),
      warnings: loaded.warnings, years: try Self.years(of: loaded.dataset), persons: persons)
  }

  /// The distinct years (`ar`) of the rows, or `nil` when the file has no `ar`.
  package static func years(of dataset: Dataset) throws -> Set<String>? {
    guard dataset.hasVariable("ar") else { return nil }
    return try dataset.presentCodes("ar")
  }

  /// Whether the table counts distinct persons: by default when the file has `lopnr` and no
  /// weight is summed (Brå's netto counting); `count: .rows` counts rows.
  package func countsPersons(_ dataset: Dataset) -> Bool {
    count == .persons && weight == nil && dataset.hasVariable(Self.personVariable)
  }

  /// The person identifier of register files.
  package static let personVariable = "lopnr"

  /// The cross-tabulation of `variables` in `dataset`, counting rows or summing `weight`; with
  /// `distinctPersons`, a person (`lopnr`) counts once in each cell they fall in, however many
  /// rows they have there (a person suspected of two offence types is one person in a table by
  /// kön, and one in each offence type in a table by brottstyp); margins add the cells.
  ///
  /// - Throws: `InputError.unknownVariable` naming the file, `.invalidValue` naming the line of
  ///   a negative weight, and the errors of `CrossTab`.
  package static func crossTab(
    of dataset: Dataset, variables: [String], weight: String?, distinctPersons: Bool = false
  ) throws -> CrossTab {
    var factors = try naming(dataset) { () throws(MicrodataError) in
      try dataset.factors(variables)
    }
    if distinctPersons && weight == nil {
      let persons = try naming(dataset) { () throws(MicrodataError) in
        try dataset.keys(personVariable)
      }
      factors = firstRowPerPersonAndCell(factors, persons: persons)
    }
    let weights = try weight.map { try Self.weight($0, of: dataset) }
    do {
      return try CrossTab(factors, weight: weights)
    } catch {
      if case .invalidWeight(let variable, let row, let value) = error {
        throw InputError.invalidValue(
          file: dataset.source, line: dataset.sourceLine(ofRow: row), variable: variable,
          value: Self.format(value), expected: "a finite weight of zero or more")
      }
      throw error
    }
  }

  /// A variable or grouping of `dataset` as a factor; an unknown name is an error naming the
  /// file, with suggestions.
  package static func factor(_ name: String, of dataset: Dataset) throws -> Factor {
    try naming(dataset) { () throws(MicrodataError) in try dataset.factor(name) }
  }

  /// Runs `body`, turning an unknown variable into an error that names the file.
  package static func naming<T>(_ dataset: Dataset, _ body: () throws(MicrodataError) -> T) throws
    -> T
  {
    do {
      return try body()
    } catch {
      if case .unknownVariable(let name, let suggestions) = error {
        throw InputError.unknownVariable(
          file: dataset.source, name: name, suggestions: suggestions)
      }
      throw error
    }
  }

  /// Per-row weights: whole numbers are summed exactly as integers; otherwise as reals, where a
  /// missing value leaves the row out (counted as missing).
  package static func weight(_ name: String, of dataset: Dataset) throws -> Weight {
    let values = try naming(dataset) { () throws(MicrodataError) in try dataset.numeric(name) }
    if values.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e15 }) {
      return .integers(name: name, values.map { Int($0) })
    }
    return .doubles(name: name, values)
  }

  package static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// The factors restricted to the first row of each person in each cell (rows without a
  /// person id are kept).
  ///
  /// Only the rows of a person met before can be dropped, so the persons are indexed once
  /// (`KeyColumn.duplicateRows`, a single pass when the ids are consecutive numbers) and only
  /// those rows are compared by cell: a register with one row per person is kept whole without
  /// any per-row hashing.
  static func firstRowPerPersonAndCell(_ factors: [Factor], persons: KeyColumn) -> [Factor] {
    let repeats = persons.duplicateRows()
    guard !repeats.isEmpty else { return factors }
    // (person's first row, cell) pairs met so far; the cell as the row's codes.
    struct Visit: Hashable {
      var person: Int
      var cell: [Int32]
    }
    func cell(_ row: Int) -> [Int32] { factors.map { $0.codes[row] } }
    var seen = Set<Visit>()
    var drop = [Bool](repeating: false, count: persons.count)
    for (first, row) in repeats {
      seen.insert(Visit(person: first, cell: cell(first)))
      if !seen.insert(Visit(person: first, cell: cell(row))).inserted { drop[row] = true }
    }
    let keep = drop.indices.filter { !drop[$0] }
    guard keep.count < drop.count else { return factors }
    return factors.map { factor in
      Factor(name: factor.name, levels: factor.levels, codes: keep.map { factor.codes[$0] })
    }
  }
}
