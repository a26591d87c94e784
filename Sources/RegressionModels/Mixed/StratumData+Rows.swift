import Microdata

extension StratumData {
  /// Strata (and cells, with covariates) from rows of any of the MAIHDA families:
  ///
  /// - binomial: `outcome` holds each row's cases (0/1 for a person, or a count with
  ///   `trials`, as `cbind(cases, trials − cases)` in glmer);
  /// - poisson: `outcome` holds each row's count of events, `trials` its exposure (default 1:
  ///   one person);
  /// - gaussian: `outcome` holds each person's value; `trials` must be nil.
  ///
  /// `weights` are frequency weights: a row stands for that many identical rows (a whole
  /// number ≥ 0). Every combination of stratum levels becomes a stratum (the first
  /// variable varying slowest), as in `tabulating(population:personCounts:cases:caseCounts:)`;
  /// each categorical covariate adds treatment-coded columns (`period: 2`, …) against its first
  /// level present, and the cells are the stratum × covariate patterns present. Rows with a
  /// missing or out-of-range code in a stratifying variable or covariate, or a missing outcome,
  /// trials or weight (NaN), are left out and counted in `excludedPopulationRows`.
  ///
  /// - Throws: `ModelError.invalidOption` for mismatched lengths, `.invalidOutcome` for a
  ///   negative or non-integer count, cases above trials (binomial) or a negative weight.
  public static func tabulating(
    factors: [Factor], covariates: [Factor] = [], outcome: [Double], trials: [Double]? = nil,
    weights: [Double]? = nil, family: MixedFamily
  ) throws(ModelError) -> StratumData {
    let rows = outcome.count
    guard !factors.isEmpty, (factors + covariates).allSatisfy({ $0.count == rows }),
      trials.map({ $0.count == rows }) ?? true, weights.map({ $0.count == rows }) ?? true
    else {
      throw .invalidOption(
        "the stratifying factors, covariates, outcome, trials and weights differ in length")
    }
    if family == .gaussian, trials != nil {
      throw .invalidOption("a Gaussian outcome has no trials; give weights instead")
    }
    let variables = factors.map { Variable(name: $0.name, levels: $0.levels) }
    let radices = factors.map(\.levels.count)
    let strataCount = radices.reduce(1, *)
    // Covariate levels present, for the reference level and the columns.
    var present = covariates.map { [Bool](repeating: false, count: $0.levels.count) }
    var excluded = 0
    var usable = [Bool](repeating: false, count: rows)
    let allFactors = factors + covariates
    rowLoop: for row in 0..<rows {
      for factor in allFactors {
        let code = Int(factor.codes[row])
        guard code >= 0, code < factor.levels.count else {
          excluded += 1
          continue rowLoop
        }
      }
      guard outcome[row].isFinite, trials?[row].isFinite ?? true, weights?[row].isFinite ?? true
      else {
        excluded += 1
        continue
      }
      usable[row] = true
      for (c, factor) in covariates.enumerated() { present[c][Int(factor.codes[row])] = true }
    }
    var terms: [ModelTerm] = []
    var columnOf: [[Int?]] = []  // covariate, level → column (nil for the reference)
    for (c, factor) in covariates.enumerated() {
      let levels = factor.levels.indices.filter { present[c][$0] }
      let reference = levels.first.map { factor.levels[$0].code }
      var map = [Int?](repeating: nil, count: factor.levels.count)
      for level in levels.dropFirst() {
        map[level] = terms.count
        terms.append(.level(factor.name, code: factor.levels[level].code, reference: reference))
      }
      columnOf.append(map)
    }

    struct Accumulator {
      var persons = 0.0
      var cases = 0.0
      var mean = 0.0
      var sumOfSquares = 0.0

      mutating func add(persons w: Double, cases y: Double, value: Double?) {
        if let value {
          // Weighted Welford update.
          let total = persons + w
          let delta = value - mean
          mean += w / total * delta
          sumOfSquares += w * delta * (value - mean)
          persons = total
        } else {
          persons += w
          cases += y
        }
      }

      mutating func merge(_ other: Accumulator) {
        let total = persons + other.persons
        guard total > 0 else { return }
        let delta = other.mean - mean
        sumOfSquares += other.sumOfSquares + delta * delta * persons * other.persons / total
        mean += delta * other.persons / total
        persons = total
        cases += other.cases
      }
    }
    func integer(_ x: Double, _ what: String, row: Int) throws(ModelError) -> Double {
      guard x >= 0, x == x.rounded() else {
        throw .invalidOutcome(description: "the \(what) \(x) is not a count", row: row)
      }
      return x
    }

    let patternRadices = covariates.map(\.levels.count)
    let patterns = patternRadices.reduce(1, *)
    var cellIndex = [Int](repeating: -1, count: strataCount * patterns)
    var cellKeys: [(stratum: Int, pattern: [Int])] = []
    var cellSums: [Accumulator] = []
    for row in 0..<rows where usable[row] {
      var stratum = 0
      for (v, factor) in factors.enumerated() {
        stratum = stratum * radices[v] + Int(factor.codes[row])
      }
      let pattern = covariates.map { Int($0.codes[row]) }
      let w = try integer(weights?[row] ?? 1, "frequency weight", row: row)
      var accumulator = Accumulator()
      switch family {
      case .gaussian:
        if w > 0 { accumulator.add(persons: w, cases: 0, value: outcome[row]) }
      case .binomial, .poisson:
        let y = try integer(outcome[row], "count of cases", row: row)
        let n = try integer(
          trials?[row] ?? 1, family == .binomial ? "trials" : "exposure", row: row)
        if family == .binomial, y > n {
          throw .invalidOutcome(description: "\(Int(y)) cases among \(Int(n)) trials", row: row)
        }
        accumulator.add(persons: w * n, cases: w * y, value: nil)
      }
      var key = stratum
      for (c, level) in pattern.enumerated() { key = key * patternRadices[c] + level }
      if cellIndex[key] >= 0 {
        cellSums[cellIndex[key]].merge(accumulator)
      } else {
        cellIndex[key] = cellKeys.count
        cellKeys.append((stratum, pattern))
        cellSums.append(accumulator)
      }
    }

    var strataSums = [Accumulator](repeating: Accumulator(), count: strataCount)
    for (key, sums) in zip(cellKeys, cellSums) { strataSums[key.stratum].merge(sums) }
    var strata: [Stratum] = []
    strata.reserveCapacity(strataCount)
    for cell in 0..<strataCount {
      var levels = [Int](repeating: 0, count: variables.count)
      var rest = cell
      for v in stride(from: variables.count - 1, through: 0, by: -1) {
        levels[v] = rest % radices[v]
        rest /= radices[v]
      }
      let sums = strataSums[cell]
      strata.append(
        Stratum(
          levels: levels, persons: Int(sums.persons.rounded()), cases: Int(sums.cases),
          mean: sums.mean, sumOfSquares: sums.sumOfSquares))
    }
    var cells: [Cell] = []
    if !covariates.isEmpty {
      let order = cellKeys.indices.sorted { a, b in
        cellKeys[a].stratum != cellKeys[b].stratum
          ? cellKeys[a].stratum < cellKeys[b].stratum
          : cellKeys[a].pattern.lexicographicallyPrecedes(cellKeys[b].pattern)
      }
      for index in order {
        var columns = [Double](repeating: 0, count: terms.count)
        for (c, level) in cellKeys[index].pattern.enumerated() {
          if let column = columnOf[c][level] { columns[column] = 1 }
        }
        let sums = cellSums[index]
        cells.append(
          Cell(
            stratum: cellKeys[index].stratum, covariates: columns,
            persons: Int(sums.persons.rounded()), cases: Int(sums.cases), mean: sums.mean,
            sumOfSquares: sums.sumOfSquares))
      }
    }
    return try StratumData(
      variables: variables, strata: strata, excludedPopulationRows: excluded,
      covariateTerms: terms, cells: cells, casesBoundedByPersons: family == .binomial)
  }
}
