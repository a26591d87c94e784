import Microdata

extension ModelFrame {
  /// Reads the outcome as R's binomial family does: `y` in [0, 1] and, for grouped data, trials.
  /// Rows with a missing outcome are marked in `keep` and counted.
  static func readResponse(
    _ response: Formula.Response, data: some VariableSource, family: Family, keep: inout [Bool],
    exclusions: inout Exclusions
  ) throws(ModelError) -> (y: [Double], trials: [Double]?) {
    let n = data.rowCount
    func markMissing(_ name: String, _ i: Int) {
      exclusions.missing[name, default: 0] += 1
      keep[i] = false
    }
    switch response {
    case .variable(let name):
      if data.isCategorical(name) {
        let f = try data.modelFactor(name)
        let codes = f.levels.map(\.code)
        let success: Int32
        if Set(codes) == ["0", "1"] {
          success = Int32(codes.firstIndex(of: "1")!)
        } else if f.levels.count == 2 {
          success = 1
        } else {
          throw .invalidOutcome(
            description:
              "`\(name)` has \(f.levels.count) levels (\(codes.joined(separator: ", "))); a binary outcome needs two, or a condition such as `\(name) == \"\(codes.last ?? "")\"`",
            row: nil)
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
          if f.codes[i] < 0 { markMissing(name, i) } else { y[i] = f.codes[i] == success ? 1 : 0 }
        }
        return (y, nil)
      }
      let y = try data.modelNumeric(name)
      for i in 0..<n {
        if y[i].isNaN {
          markMissing(name, i)
        } else if family.isCount {
          guard y[i] >= 0 && y[i].isFinite else {
            throw .invalidOutcome(
              description: "`\(name)` is \(formatValue(y[i])), not a count ≥ 0", row: i)
          }
        } else if y[i] != 0 && y[i] != 1 {
          throw .invalidOutcome(
            description:
              "`\(name)` is \(formatValue(y[i])), not 0 or 1 (use a condition such as `\(name) >= 1`, or successes / trials)",
            row: i)
        }
      }
      return (y, nil)

    case .condition(let name, let comparison, let value):
      var y = [Double](repeating: 0, count: n)
      if data.isCategorical(name) {
        let f = try data.modelFactor(name)
        switch (comparison, value) {
        case (.equal, _), (.notEqual, _):
          let code: String
          switch value {
          case .code(let s): code = s
          case .number: code = value.description
          }
          guard let level = f.levelIndex(ofCode: code) else {
            throw .unknownLevel(variable: name, level: code, levels: f.levels.map(\.code))
          }
          for i in 0..<n {
            if f.codes[i] < 0 {
              markMissing(name, i)
              continue
            }
            let equal = f.codes[i] == Int32(level)
            y[i] = (comparison == .equal) == equal ? 1 : 0
          }
        case (_, .number(let bound)):
          let numeric = f.levels.map { Double($0.code) }
          guard numeric.allSatisfy({ $0 != nil }) else {
            throw .invalidOutcome(
              description: "`\(name)` has non-numeric codes; it can only be compared with == or !=",
              row: nil)
          }
          for i in 0..<n {
            if f.codes[i] < 0 {
              markMissing(name, i)
              continue
            }
            y[i] = comparison.holds(numeric[Int(f.codes[i])]!, bound) ? 1 : 0
          }
        case (_, .code(let s)):
          throw .invalidOutcome(
            description:
              "`\(name) \(comparison.rawValue) \"\(s)\"` orders category codes; use == or !=",
            row: nil)
        }
        return (y, nil)
      }
      guard case .number(let bound) = value else {
        throw .invalidOutcome(
          description: "`\(name)` is numeric and cannot be compared with a quoted code", row: nil)
      }
      let x = try data.modelNumeric(name)
      for i in 0..<n {
        if x[i].isNaN { markMissing(name, i) } else { y[i] = comparison.holds(x[i], bound) ? 1 : 0 }
      }
      return (y, nil)

    case .successes(let s, let trialsName), .successesFailures(let s, let trialsName):
      guard family == .binomial else {
        throw .invalidOutcome(
          description: "successes and trials need the binomial family", row: nil)
      }
      let isFailures: Bool
      if case .successesFailures = response { isFailures = true } else { isFailures = false }
      let successes = try data.modelNumeric(s)
      let other = try data.modelNumeric(trialsName)
      var y = [Double](repeating: 0, count: n)
      var trials = [Double](repeating: 0, count: n)
      for i in 0..<n {
        if successes[i].isNaN {
          markMissing(s, i)
          continue
        }
        if other[i].isNaN {
          markMissing(trialsName, i)
          continue
        }
        let t = isFailures ? successes[i] + other[i] : other[i]
        guard successes[i] >= 0, successes[i] <= t, t.isFinite else {
          throw .invalidOutcome(
            description: isFailures
              ? "successes \(formatValue(successes[i])) and failures \(formatValue(other[i])) must be ≥ 0"
              : "\(formatValue(successes[i])) successes out of \(formatValue(t)) trials", row: i)
        }
        if t == 0 {
          if keep[i] { exclusions.zeroWeight += 1 }
          keep[i] = false
          continue
        }
        y[i] = successes[i] / t
        trials[i] = t
      }
      return (y, trials)
    }
  }

  /// Throws `.constantOutcome` when no kept row differs from the others.
  static func checkVariation(
    y: [Double], trials: [Double]?, response: Formula.Response, family: Family = .binomial
  )
    throws(ModelError)
  {
    if y.allSatisfy({ $0 == 0 }) { throw .constantOutcome(value: 0) }
    // Counts may all be 1: their rates still vary with the exposure.
    if family == .binomial && (trials != nil || y.allSatisfy({ $0 == 0 || $0 == 1 })) {
      if y.allSatisfy({ $0 == 1 }) { throw .constantOutcome(value: 1) }
    }
  }

  static func formatValue(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
