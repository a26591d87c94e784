import Microdata

extension StratumData {
  /// Strata from a population table and a table of cases (e.g. SCB's population by kön, ålder,
  /// utbildning and födelseland, and Brå's suspects), cross-classified by the same variables.
  ///
  /// Every combination of levels becomes a stratum (the first variable varying slowest), so
  /// combinations without persons appear with n = 0. Rows with a missing or out-of-range code
  /// (`Factor.missing`, `Factor.outside`) in any variable are left out and counted.
  ///
  /// - Parameters:
  ///   - population: one factor per variable over the population rows.
  ///   - personCounts: persons per population row (SCB's `antal`), or nil for one per row
  ///     (a person-level register).
  ///   - cases: one factor per variable over the case rows, in the order of `population`, with
  ///     the same level codes (matched by code).
  ///   - caseCounts: cases per case row, or nil for one per row.
  /// - Throws: `ModelError.invalidOption` for mismatched variables or lengths,
  ///   `.unknownLevel` for a case level code the population variable lacks, `.invalidOutcome`
  ///   for a negative count or a stratum with more cases than persons.
  public static func tabulating(
    population: [Factor], personCounts: [Int]? = nil, cases: [Factor], caseCounts: [Int]? = nil
  ) throws(ModelError) -> StratumData {
    guard !population.isEmpty, population.count == cases.count else {
      throw .invalidOption(
        "\(population.count) population variables and \(cases.count) case variables")
    }
    let variables = population.map { Variable(name: $0.name, levels: $0.levels) }
    // Case level index → population level index, by code.
    var caseMaps: [[Int]] = []
    for (p, c) in zip(population, cases) {
      guard p.name == c.name else {
        throw .invalidOption("the case variable `\(c.name)` does not match `\(p.name)`")
      }
      var map: [Int] = []
      for level in c.levels {
        guard let index = p.levelIndex(ofCode: level.code) else {
          throw .unknownLevel(
            variable: p.name, level: level.code, levels: p.levels.map(\.code))
        }
        map.append(index)
      }
      caseMaps.append(map)
    }
    let identity = population.map { Array(0..<$0.levels.count) }
    let (persons, excludedPersons) = try accumulate(
      population, counts: personCounts, maps: identity, radices: identity.map(\.count))
    let (caseTotals, excludedCases) = try accumulate(
      cases, counts: caseCounts, maps: caseMaps, radices: identity.map(\.count))
    var strata: [Stratum] = []
    strata.reserveCapacity(persons.count)
    for cell in 0..<persons.count {
      var levels = [Int](repeating: 0, count: variables.count)
      var rest = cell
      for v in stride(from: variables.count - 1, through: 0, by: -1) {
        levels[v] = rest % variables[v].levels.count
        rest /= variables[v].levels.count
      }
      strata.append(Stratum(levels: levels, persons: persons[cell], cases: caseTotals[cell]))
    }
    return try StratumData(
      variables: variables, strata: strata, excludedPopulationRows: excludedPersons,
      excludedCaseRows: excludedCases)
  }

  /// Strata from person-level rows with a 0/1 outcome (e.g. a register of residents joined to
  /// suspects): persons and cases counted per combination of levels, as in
  /// `tabulating(population:personCounts:cases:caseCounts:)`.
  /// - Throws: `ModelError.invalidOption` when the factors and the outcome differ in length.
  public static func tabulating(factors: [Factor], outcome: [Bool]) throws(ModelError)
    -> StratumData
  {
    guard !factors.isEmpty, factors.allSatisfy({ $0.count == outcome.count }) else {
      throw .invalidOption("the stratifying factors and the outcome differ in length")
    }
    let caseFactors = factors.map { f in
      Factor(
        name: f.name, levels: f.levels,
        codes: zip(f.codes, outcome).map { $1 ? $0 : Factor.missing })
    }
    var result = try tabulating(population: factors, cases: caseFactors)
    // Rows excluded as cases only because their outcome is 0 are not exclusions.
    let excludedCases = zip(0..<outcome.count, outcome).reduce(0) { sum, pair in
      pair.1 && factors.contains { $0.codes[pair.0] < 0 } ? sum + 1 : sum
    }
    result = try StratumData(
      variables: result.variables, strata: result.strata,
      excludedPopulationRows: result.excludedPopulationRows, excludedCaseRows: excludedCases)
    return result
  }

  /// Sums `counts` (or ones) into the full-factorial cells; returns the cells and the number of
  /// rows with a negative code.
  private static func accumulate(
    _ factors: [Factor], counts: [Int]?, maps: [[Int]], radices: [Int]
  ) throws(ModelError) -> ([Int], Int) {
    let rows = factors[0].count
    guard factors.allSatisfy({ $0.count == rows }) else {
      throw .invalidOption("the stratifying factors differ in length")
    }
    if let counts, counts.count != rows {
      throw .invalidOption("\(counts.count) counts for \(rows) rows")
    }
    let cells = radices.reduce(1, *)
    var totals = [Int](repeating: 0, count: cells)
    var excluded = 0
    rowLoop: for row in 0..<rows {
      var cell = 0
      for v in 0..<factors.count {
        let code = Int(factors[v].codes[row])
        guard code >= 0, code < maps[v].count else {
          excluded += 1
          continue rowLoop
        }
        cell = cell * radices[v] + maps[v][code]
      }
      let count = counts?[row] ?? 1
      guard count >= 0 else {
        throw .invalidOutcome(description: "the count \(count) is negative", row: row)
      }
      totals[cell] += count
    }
    return (totals, excluded)
  }
}
