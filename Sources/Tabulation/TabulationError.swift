/// Everything that can go wrong when tabulating, computing rates or following up recidivism.
///
/// Every case carries the location of the problem (variable, row, cell) so that the message can
/// tell the analyst what to fix. Conditions that are part of ordinary data (a missing code, an
/// age outside every group) are not errors: they are counted in ``Exclusions``.
public enum TabulationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A factor, weight or other per-row input has a different number of rows from the first
  /// factor.
  case lengthMismatch(variable: String, count: Int, expected: Int)
  /// Two factors of one table share a name, so cells could not be keyed by variable.
  case duplicateVariable(name: String)
  /// A factor code is neither a level index nor `Factor.missing` / `Factor.outside`.
  case invalidCode(variable: String, row: Int, code: Int32)
  /// The product of the factors' level counts is too large to tabulate.
  case tooManyCells(count: Double, limit: Int)
  /// A weight is negative, infinite, or otherwise not a count.
  case invalidWeight(variable: String, row: Int, value: Double)
  /// A count that must be a non-negative whole number is not (Fisher's exact test, Poisson
  /// intervals of a count, a suspicion count).
  case notACount(what: String, value: Double)
  /// A variable named in a layout, margin or comparison is not a dimension of the table.
  case unknownVariable(name: String, available: [String], suggestion: String?)
  /// A level code named in a comparison is not a level of its variable.
  case unknownLevel(variable: String, code: String, available: [String])
  /// Two tables that must be tabulated over the same variables are not.
  case dimensionMismatch(expected: [String], found: [String])
  /// A level of the suspect table has no level with the same code in the population table.
  case levelMissingFromPopulation(variable: String, code: String)
  /// A cell has suspects but the population table has no record for it.
  case populationMissing(cell: String, count: Double)
  /// A cell has suspects but its population is zero, so its rate is undefined.
  case zeroPopulation(cell: String, count: Double)
  /// A cell counts more persons than its population (see ``CountUnit``).
  case countAbovePopulation(cell: String, count: Double, population: Double)
  /// A stratum of a direct standardisation has a positive standard weight but no population, so
  /// the stratum-specific rate is undefined.
  case emptyStratum(group: String, stratum: String)
  /// The standard population has a negative weight or sums to zero.
  case invalidStandardPopulation(reason: String)
  /// A statistical test needs at least a 2 × 2 table after empty rows and columns are dropped.
  case tableTooSmall(rows: Int, columns: Int, test: String)
  /// A 2 × 2 table was required.
  case notTwoByTwo(rows: Int, columns: Int)
  /// Fisher's exact test of an r × c table would visit more than `limit` partial tables.
  case exactTestTooLarge(rows: Int, columns: Int, n: Int, limit: Int)
  /// An option has a value outside its domain (a level not in (0, 1), a non-positive multiplier,
  /// a negative window).
  case invalidOption(name: String, value: String, reason: String)

  public var description: String {
    switch self {
    case .lengthMismatch(let variable, let count, let expected):
      return "'\(variable)' has \(count) rows but the table's first variable has \(expected)."
    case .duplicateVariable(let name):
      return "The variable '\(name)' appears twice in one table; name each dimension once."
    case .invalidCode(let variable, let row, let code):
      return
        "Row \(row + 1) of '\(variable)' has code \(code), which is neither a level nor a "
        + "missing/outside code; the factor is corrupt."
    case .tooManyCells(let count, let limit):
      return
        "The table would have \(Int(count)) cells, more than the limit of \(limit); "
        + "tabulate fewer or coarser variables."
    case .invalidWeight(let variable, let row, let value):
      return
        "Row \(row + 1) of the weight '\(variable)' is \(value); weights must be finite and "
        + "non-negative."
    case .notACount(let what, let value):
      return "\(what) must be a non-negative whole number, but it is \(value)."
    case .unknownVariable(let name, let available, let suggestion):
      let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
      return
        "The table has no variable '\(name)' (it has \(available.joined(separator: ", "))).\(hint)"
    case .unknownLevel(let variable, let code, let available):
      return
        "'\(variable)' has no level '\(code)' (levels: \(available.joined(separator: ", ")))."
    case .dimensionMismatch(let expected, let found):
      return
        "The tables must have the same variables: expected \(expected.joined(separator: " × ")), "
        + "found \(found.joined(separator: " × "))."
    case .levelMissingFromPopulation(let variable, let code):
      return
        "The population table has no level '\(code)' of '\(variable)', which the suspect "
        + "table has."
    case .populationMissing(let cell, let count):
      return
        "The cell \(cell) has \(Self.format(count)) suspects but no population record; "
        + "add the population or allow missing population to report such cells."
    case .zeroPopulation(let cell, let count):
      return
        "The cell \(cell) has \(Self.format(count)) suspects but a population of zero, "
        + "so its rate is undefined; check that both files use the same codes."
    case .countAbovePopulation(let cell, let count, let population):
      return
        "The cell \(cell) has \(Self.format(count)) persons but a population of only "
        + "\(Self.format(population)); the files do not match (another year or region?)."
    case .emptyStratum(let group, let stratum):
      return
        "The group \(group) has no population in the stratum \(stratum), which the standard "
        + "population weights; its standardised rate is undefined."
    case .invalidStandardPopulation(let reason):
      return "The standard population is invalid: \(reason)."
    case .tableTooSmall(let rows, let columns, let test):
      return
        "\(test) needs at least two non-empty rows and columns; the table has \(rows) × "
        + "\(columns) after dropping empty ones."
    case .notTwoByTwo(let rows, let columns):
      return "Fisher's exact test here needs a 2 × 2 table, not \(rows) × \(columns)."
    case .exactTestTooLarge(let rows, let columns, let n, let limit):
      return
        "Fisher's exact test of this \(rows) × \(columns) table of \(n) would enumerate more than "
        + "\(limit) partial tables (the stated limit of the exact algorithm); use the χ² test "
        + "(without --fisher), or a Monte-Carlo p-value (--simulate 10000 with a --seed, as R's "
        + "simulate.p.value)."
    case .invalidOption(let name, let value, let reason):
      return "The option \(name) = \(value) is invalid: \(reason)."
    }
  }

  private static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}

extension TabulationError {
  /// `.unknownVariable` with a "did you mean" suggestion chosen by edit distance.
  static func unknown(_ name: String, among available: [String]) -> TabulationError {
    let scored = available.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    let best = scored.min { $0.1 < $1.1 }
    let suggestion = best.flatMap { $0.1 <= max(1, name.count / 3) ? $0.0 : nil }
    return .unknownVariable(name: name, available: available, suggestion: suggestion)
  }
}

/// Levenshtein distance between two strings, by characters.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
