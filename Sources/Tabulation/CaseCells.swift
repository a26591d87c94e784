import Microdata

/// Persons in a data file counted per cell of categorical variables, against the population of
/// each cell: the "is a suspect" data of `strata logit --population` and `strata maihda
/// --population`.
///
/// ```
/// cases(cell)      = #{ distinct lopnr in DATA whose first row falls in the cell }
/// population(cell) = Σ antal over the population rows of the cell   (1 per row without `antal`)
/// ```
/// A person with several rows (one per offence type) counts once, in the cell of their first
/// row. Rows with a missing or out-of-range value are left out and counted. A cell with persons
/// in the data but none in the population, or more than its population, is an error that names
/// the cell: the two files do not describe the same people. So is a population that repeats a
/// cell or a person (``PopulationRecords``).
public struct CaseCells: Sendable {
  /// The variables, in order (the first varies fastest in the cell index, as in `CellKey`).
  public let names: [String]
  /// The levels of each variable (the population's).
  public let levels: [[Factor.Level]]
  /// Persons of the data per cell (all cells of the full cross-classification).
  public let cases: [Int]
  /// Population per cell.
  public let population: [Double]
  /// Rows left out of either file.
  public let excluded: Exclusions
  /// Warnings for the analyst (exclusions, repeated persons).
  public let warnings: [String]

  /// Rows left out of the data (cases) and of the population file.
  public struct Exclusions: Sendable, Equatable, Encodable {
    public var cases = Side()
    public var population = Side()

    public init() {}

    /// Rows of one file left out, by variable and reason.
    public struct Side: Sendable, Equatable, Encodable {
      /// Rows with a missing value, by variable.
      public var missing: [String: Int] = [:]
      /// Rows with a value outside every level, by variable.
      public var outside: [String: Int] = [:]
      public var rows = 0
      /// For the population: the persons (`antal`) of the rows left out.
      public var persons: Double?

      public init() {}
    }
  }

  /// Counts the persons of `data` (rows where `include` is true, all rows without it) and the
  /// population of `population` in the cells of `variables`.
  /// - Parameter categorical: variables to treat as categorical although numeric (`C(alder)`).
  /// - Throws: `PopulationCountError` (a numeric variable, a bad count, a repeated cell or person
  ///   of the population, a cell the population lacks or with too few persons), `MicrodataError`
  ///   for unknown variables.
  public static func count(
    data: Dataset, include: [Bool]?, population: Dataset, variables: [String],
    categorical: Set<String> = []
  ) throws -> CaseCells {
    var populationFactors: [Factor] = []
    var caseFactors: [Factor] = []
    for name in variables {
      for source in [data, population] where source.hasVariable(name) {
        guard categorical.contains(name) || source.isCategorical(name) else {
          throw PopulationCountError.notCategorical(variable: name)
        }
      }
      let p = try population.factor(name)
      populationFactors.append(p)
      caseFactors.append(try data.factor(name))
    }
    try PopulationRecords.check(population)
    let radices = populationFactors.map { max(1, $0.levels.count) }
    let cellCount = radices.reduce(1, *)
    var excluded = Exclusions()

    // Population.
    var totals = [Double](repeating: 0, count: cellCount)
    let countName = PopulationRecords.countVariable
    let counts = population.hasVariable(countName) ? try population.numeric(countName) : nil
    let key = CellKey(populationFactors)
    var excludedPersons = 0.0
    for row in 0..<population.rowCount {
      let n = counts?[row] ?? 1
      guard n >= 0, n == n.rounded() else {
        throw PopulationCountError.invalidPopulationCount(
          file: population.source, line: population.sourceLine(ofRow: row), value: n)
      }
      let cell = key.cells[row]
      if cell >= 0 {
        totals[Int(cell)] += n
      } else {
        note(row: row, factors: populationFactors, into: &excluded.population)
        excludedPersons += n
      }
    }
    excluded.population.persons = excludedPersons

    // Cases: the first row of each person.
    let aligned = zip(caseFactors, populationFactors).map { $0.aligned(to: $1.levels) }
    let person: Factor? = data.hasVariable("lopnr") ? try data.factor("lopnr") : nil
    var firstCell = [Int32](repeating: Int32.min, count: person?.levels.count ?? 0)
    var cases = [Int](repeating: 0, count: cellCount)
    var firstRow = [Int](repeating: -1, count: cellCount)
    var unmatched: [[String]: (count: Int, row: Int)] = [:]
    var repeated = 0
    var conflicting = 0
    for row in 0..<data.rowCount where include?[row] ?? true {
      var cell = 0
      var stride = 1
      var missing = false
      var lacking = false
      for k in 0..<variables.count {
        if caseFactors[k].codes[row] < 0 {
          missing = true
        } else if aligned[k].codes[row] < 0 {
          lacking = true
        } else {
          cell += Int(aligned[k].codes[row]) * stride
        }
        stride *= radices[k]
      }
      let code: Int32 = missing ? -1 : (lacking ? -2 : Int32(cell))
      if let person, person.codes[row] >= 0 {
        let id = Int(person.codes[row])
        if firstCell[id] != Int32.min {
          repeated += 1
          if firstCell[id] != code { conflicting += 1 }
          continue
        }
        firstCell[id] = code
      }
      if missing {
        note(row: row, factors: caseFactors, into: &excluded.cases)
      } else if lacking {
        let codes = caseFactors.map { $0.levels[Int($0.codes[row])].code }
        let previous = unmatched[codes]
        unmatched[codes] = ((previous?.count ?? 0) + 1, previous?.row ?? row)
      } else {
        cases[cell] += 1
        if firstRow[cell] < 0 { firstRow[cell] = row }
      }
    }
    func describe(_ codes: [String]) -> String {
      zip(variables, codes).map { "\($0) = \($1)" }.joined(separator: ", ")
    }
    if let (codes, first) = unmatched.min(by: { $0.value.row < $1.value.row }) {
      throw PopulationCountError.populationMissing(
        cell: describe(codes), cases: first.count, file: data.source,
        line: data.sourceLine(ofRow: first.row))
    }
    for cell in 0..<cellCount where cases[cell] > 0 {
      var rest = cell
      let codes = zip(populationFactors, radices).map { factor, radix in
        defer { rest /= radix }
        return factor.levels[rest % radix].code
      }
      if totals[cell] == 0 {
        throw PopulationCountError.populationMissing(
          cell: describe(codes), cases: cases[cell], file: data.source,
          line: data.sourceLine(ofRow: firstRow[cell]))
      }
      if Double(cases[cell]) > totals[cell] {
        throw PopulationCountError.moreCasesThanPopulation(
          cell: describe(codes), cases: cases[cell], population: totals[cell], file: data.source,
          populationFile: population.source)
      }
    }

    var warnings: [String] = []
    if person == nil {
      warnings.append("\(data.source) has no `lopnr`: every row counts as one person.")
    } else if conflicting > 0 {
      warnings.append(
        "\(conflicting) of \(repeated) repeated rows of a person in \(data.source) fall in another cell of \(variables.joined(separator: ", ")) than the person's first row; each person counts once, in the cell of their first row."
      )
    }
    if excluded.cases.rows > 0 {
      warnings.append(
        "\(excluded.cases.rows) persons in \(data.source) with a missing or out-of-range value were left out (\(Self.reasons(excluded.cases)))."
      )
    }
    if excluded.population.rows > 0 {
      warnings.append(
        "\(excluded.population.rows) rows of \(population.source) (\(Int(excludedPersons)) persons) with a missing or out-of-range value were left out (\(Self.reasons(excluded.population)))."
      )
    }
    return CaseCells(
      names: variables, levels: populationFactors.map(\.levels), cases: cases, population: totals,
      excluded: excluded, warnings: warnings)
  }

  /// The level index of each variable in a cell.
  public func levelIndices(ofCell cell: Int) -> [Int] {
    var rest = cell
    return levels.map { levels in
      let radix = max(1, levels.count)
      defer { rest /= radix }
      return rest % radix
    }
  }

  /// Counts the variables that make a row missing (code −1) or outside (−2).
  private static func note(row: Int, factors: [Factor], into side: inout Exclusions.Side) {
    side.rows += 1
    for factor in factors {
      let code = factor.codes[row]
      if code == Factor.missing {
        side.missing[factor.name, default: 0] += 1
      } else if code == Factor.outside {
        side.outside[factor.name, default: 0] += 1
      }
    }
  }

  /// `fodelse: 3 missing; aldersgrupp: 1 outside its levels`.
  private static func reasons(_ side: Exclusions.Side) -> String {
    let missing = side.missing.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value) missing" }
    let outside = side.outside.sorted { $0.key < $1.key }.map {
      "\($0.key): \($0.value) outside its levels"
    }
    return (missing + outside).joined(separator: "; ")
  }
}
