import Microdata

extension ModelFrame {
  /// Applies `schema` to `data`.
  ///
  /// - Parameters:
  ///   - weights: a numeric column of prior (frequency) weights, ≥ 0.
  ///   - cluster: a variable whose values identify clusters for cluster-robust covariance.
  ///   - family: `.poisson` accepts counts as the outcome; `.binomial` (default) 0/1 or grouped.
  /// - Throws: `.invalidOutcome` (outcome not 0/1, successes outside 0…trials),
  ///   `.constantOutcome`, `.nonFiniteCovariate` (an infinite value), `.singleLevelFactor`,
  ///   `.unknownLevel` (the reference level does not occur in the rows used), `.emptyData`,
  ///   `.invalidOption` (negative weights).
  public init(
    schema: ModelSchema, data: some VariableSource, weights weightVariable: String? = nil,
    cluster clusterVariable: String? = nil, family: Family = .binomial
  ) throws(ModelError) {
    let n = data.rowCount
    var keep = [Bool](repeating: true, count: n)
    var exclusions = Exclusions()
    var warnings: [String] = []

    // Response.
    var (y, trials) = try ModelFrame.readResponse(
      schema.formula.response, data: data, family: family, keep: &keep, exclusions: &exclusions)

    // Predictors.
    var rawFactors: [String: Factor] = [:]
    var rawNumerics: [String: [Double]] = [:]
    for v in schema.formula.predictorVariables {
      if schema.categorical[v] == true {
        let f =
          schema.formula.categoricalVariables.contains(v) && !data.isCategorical(v)
          ? try ModelFrame.factorFromNumbers(v, try data.modelNumeric(v)) : try data.modelFactor(v)
        for i in 0..<n where f.codes.withUnsafeBufferPointer({ $0[i] < 0 }) {
          if f.codes[i] == Factor.outside {
            exclusions.outside[v, default: 0] += 1
          } else {
            exclusions.missing[v, default: 0] += 1
          }
          keep[i] = false
        }
        rawFactors[v] = f
      } else {
        let x: [Double]
        if let e = schema.formula.derivedVariables[v] {
          x = try e.evaluate({ (name) throws(ModelError) in try data.modelNumeric(name) }, rows: n)
        } else {
          x = try data.modelNumeric(v)
        }
        for i in 0..<n where !x[i].isFinite {
          if x[i].isNaN {
            exclusions.missing[v, default: 0] += 1
            keep[i] = false
          } else {
            throw .nonFiniteCovariate(variable: v, row: i)
          }
        }
        rawNumerics[v] = x
      }
    }

    // Offsets: a value R would make NaN (missing, or the log of a negative number) leaves the
    // row out; an infinite one (the log of 0) is an error naming the row.
    var offset: [Double]? = nil
    if !schema.formula.offsets.isEmpty {
      var total = [Double](repeating: 0, count: n)
      for e in schema.formula.offsets {
        let name = "offset(\(e))"
        let values = try e.evaluate(
          { (v) throws(ModelError) in try data.modelNumeric(v) }, rows: n)
        for i in 0..<n {
          if values[i].isNaN {
            if keep[i] { exclusions.missing[name, default: 0] += 1 }
            keep[i] = false
          } else if !values[i].isFinite && keep[i] {
            throw .nonFiniteCovariate(variable: name, row: i)
          }
          total[i] += values[i]
        }
      }
      offset = total
    }

    // Weights and clusters.
    var w: [Double]? = nil
    if let weightVariable {
      let values = try data.modelNumeric(weightVariable)
      for i in 0..<n {
        if values[i].isNaN {
          exclusions.missing[weightVariable, default: 0] += 1
          keep[i] = false
        } else if values[i] < 0 || !values[i].isFinite {
          throw .invalidOption(
            "the weight `\(weightVariable)` is \(values[i]) in row \(i + 1); weights must be finite and ≥ 0"
          )
        } else if values[i] == 0 && keep[i] {
          exclusions.zeroWeight += 1
          keep[i] = false
        }
      }
      w = values
    }
    var clusterCodes: [Int32]? = nil
    var clusterCount = 0
    if let clusterVariable {
      let (codes, count) = try ModelFrame.clusterCodes(clusterVariable, data: data)
      for i in 0..<n where codes[i] < 0 {
        exclusions.missing[clusterVariable, default: 0] += 1
        keep[i] = false
      }
      clusterCodes = codes
      clusterCount = count
    }

    // Kept rows.
    let keptCount = keep.reduce(0) { $0 + ($1 ? 1 : 0) }
    exclusions.rows = n - keptCount
    guard keptCount > 0 else { throw .emptyData }
    let sourceRows: [Int]? = keptCount == n ? nil : (0..<n).filter { keep[$0] }
    func subset<T>(_ values: [T]) -> [T] {
      guard let sourceRows else { return values }
      return sourceRows.map { values[$0] }
    }
    y = subset(y)
    trials = trials.map(subset)
    w = w.map(subset)
    offset = offset.map(subset)
    if exclusions.rows > 0 {
      warnings.append(ModelFrame.exclusionNote(exclusions, of: n))
    }

    // Factors: drop unused levels, choose the reference.
    var factors: [String: FrameFactor] = [:]
    for (v, f) in rawFactors {
      let codes = subset(f.codes)
      var used = [Bool](repeating: false, count: f.levels.count)
      codes.withUnsafeBufferPointer { c in
        used.withUnsafeMutableBufferPointer { u in
          for i in 0..<c.count { u[Int(c[i])] = true }
        }
      }
      let usedLevels = (0..<f.levels.count).filter { used[$0] }
      if usedLevels.count < 2 {
        throw .singleLevelFactor(variable: v, level: f.levels[usedLevels[0]].code)
      }
      var newIndex = [Int32](repeating: -1, count: f.levels.count)
      for (k, old) in usedLevels.enumerated() { newIndex[old] = Int32(k) }
      let levels = usedLevels.map { f.levels[$0] }
      var reference = 0
      if let code = schema.reference[v] {
        guard let r = levels.firstIndex(where: { $0.code == code }) else {
          throw .unknownLevel(variable: v, level: code, levels: levels.map(\.code))
        }
        reference = r
      }
      let dropped = f.levels.count - usedLevels.count
      if dropped > 0 {
        let names = (0..<f.levels.count).filter { !used[$0] }.map { f.levels[$0].code }
        warnings.append(
          "`\(v)`: level\(dropped == 1 ? "" : "s") \(names.joined(separator: ", ")) not present in the rows used"
        )
      }
      let allUsed = usedLevels.count == f.levels.count
      factors[v] = FrameFactor(
        name: v, levels: levels, reference: reference,
        codes: allUsed ? codes : codes.map { newIndex[Int($0)] })
    }
    var numerics: [String: [Double]] = [:]
    for (v, x) in rawNumerics { numerics[v] = subset(x) }

    // Clusters renumbered among kept rows.
    if let codes = clusterCodes {
      var renumber = [Int32](repeating: -1, count: clusterCount)
      var next: Int32 = 0
      var kept = subset(codes)
      for i in 0..<kept.count {
        let c = Int(kept[i])
        if renumber[c] < 0 {
          renumber[c] = next
          next += 1
        }
        kept[i] = renumber[c]
      }
      clusterCodes = kept
      clusterCount = Int(next)
    }

    try ModelFrame.checkVariation(
      y: y, trials: trials, response: schema.formula.response, family: family)
    self.schema = schema
    self.sourceRowCount = n
    self.sourceRows = sourceRows
    self.y = y
    self.trials = trials
    self.weights = w
    self.offset = offset
    self.factors = factors
    self.numerics = numerics
    self.clusters = clusterCodes
    self.clusterCount = clusterCount
    self.exclusions = exclusions
    self.warnings = warnings
  }

  /// "12 of 5 336 rows excluded: missing utbildning 10, outside aldersgrupp 2."
  static func exclusionNote(_ e: Exclusions, of n: Int) -> String {
    var parts: [String] = []
    for (v, k) in e.missing.sorted(by: { $0.key < $1.key }) { parts.append("missing \(v) \(k)") }
    for (v, k) in e.outside.sorted(by: { $0.key < $1.key }) {
      parts.append("outside the groups of \(v) \(k)")
    }
    if e.zeroWeight > 0 { parts.append("zero weight or trials \(e.zeroWeight)") }
    return "\(e.rows) of \(n) rows excluded: \(parts.joined(separator: ", "))."
  }

  /// A factor whose levels are the distinct finite values of a numeric column, ascending (`C(x)`).
  static func factorFromNumbers(_ name: String, _ x: [Double]) throws(ModelError) -> Factor {
    let distinct = Set(x.filter { $0.isFinite }).sorted()
    var index: [Double: Int32] = [:]
    for (k, v) in distinct.enumerated() { index[v] = Int32(k) }
    let levels = distinct.map { v in
      let code = v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
      return Factor.Level(code: code, sv: code, en: code)
    }
    let codes = x.map { v -> Int32 in v.isFinite ? index[v]! : Factor.missing }
    return Factor(name: name, levels: levels, codes: codes)
  }

  /// Cluster identifiers as codes 0..<count (−1 for missing).
  static func clusterCodes(_ name: String, data: some VariableSource) throws(ModelError) -> (
    [Int32], Int
  ) {
    if data.isCategorical(name) {
      let f = try data.modelFactor(name)
      return (f.codes.map { $0 < 0 ? -1 : $0 }, f.levels.count)
    }
    let x = try data.modelNumeric(name)
    var index: [Double: Int32] = [:]
    let codes = x.map { v -> Int32 in
      guard !v.isNaN else { return -1 }
      if let c = index[v] { return c }
      let c = Int32(index.count)
      index[v] = c
      return c
    }
    return (codes, index.count)
  }
}
