extension Dataset {
  /// The categorical view of a variable or a grouping: one level index per row.
  ///
  /// - A categorical variable gives its codebook codes, in codebook order, with labels
  ///   (levels from the data, sorted, when the codebook lists none).
  /// - A grouping (e.g. `aldersgrupp`, `utbildningsniva`) recodes its source variable; a missing
  ///   source value takes the level marked `missing: true` (`saknas`), else `Factor.missing`; a
  ///   present value no level covers (an age under 15) is `Factor.outside`.
  /// - An integer, decimal, date or text variable gives its distinct values as levels, sorted.
  /// - Throws: `MicrodataError.unknownVariable` with "did you mean" suggestions.
  public func factor(_ name: String) throws(MicrodataError) -> Factor {
    if let column = column(named: name) { return Dataset.factor(of: column) }
    if let grouping = codebook.grouping(named: name) {
      for needed in grouping.requiredVariables where column(named: needed) == nil {
        throw .missingRequiredColumn(
          file: source, variable: needed,
          columns: codebook.variable(named: needed)?.columns ?? [needed],
          suggestions: suggestions(for: needed, among: variableNames))
      }
      if grouping.comparedWith != nil { return comparisonFactor(grouping) }
      return Dataset.factor(of: grouping, source: column(named: grouping.source)!)
    }
    throw unknownVariable(name)
  }

  static func factor(of column: Column) -> Factor {
    switch column.storage {
    case .categorical8(let codes, let levels):
      return Factor(
        name: column.name, levels: levels,
        codes: codes.map { $0 == UInt8.max ? Factor.missing : Int32($0) })
    case .categorical16(let codes, let levels):
      return Factor(
        name: column.name, levels: levels,
        codes: codes.map { $0 == UInt16.max ? Factor.missing : Int32($0) })
    case .integer32(let values):
      return distinctFactor(column.name, values, missing: Int32.min) { String($0) }
    case .integer64(let values), .numericIdentifier(let values):
      return distinctFactor(column.name, values, missing: Int64.min) { String($0) }
    case .date(let values):
      return distinctFactor(column.name, values, missing: Int32.min) {
        CalendarDay(daysSince1970: $0).description
      }
    case .decimal(let values):
      let present = values.map { $0.isNaN ? -Double.infinity : $0 }
      let factor = distinctFactor(column.name, present, missing: -Double.infinity) {
        formatDecimal($0)
      }
      return factor
    case .text(let text):
      var index: [String: Int32] = [:]
      var values: [String] = []
      var codes = [Int32](repeating: Factor.missing, count: text.count)
      for row in 0..<text.count {
        guard let value = text[row] else { continue }
        if let k = index[value] {
          codes[row] = k
        } else {
          index[value] = Int32(values.count)
          codes[row] = Int32(values.count)
          values.append(value)
        }
      }
      let order = LevelOrder.dataOrder(values)
      var rank = [Int32](repeating: 0, count: values.count)
      for (position, original) in order.enumerated() { rank[original] = Int32(position) }
      return Factor(
        name: column.name, levels: order.map { Factor.Level(code: values[$0], sv: "", en: "") },
        codes: codes.map { $0 < 0 ? $0 : rank[Int($0)] })
    }
  }

  /// Levels are the distinct present values in increasing order.
  private static func distinctFactor<T: FixedWidthInteger>(
    _ name: String, _ values: [T], missing: T, code: (T) -> String
  ) -> Factor {
    smallRangeFactor(name, values, missing: missing, code: code)
      ?? hashedFactor(name, values, missing: missing, code: code)
  }

  private static func distinctFactor(
    _ name: String, _ values: [Double], missing: Double, code: (Double) -> String
  ) -> Factor {
    hashedFactor(name, values, missing: missing, code: code)
  }

  /// Whole numbers that span few values (ages, years, day numbers of a period): a table indexed
  /// by the value, two passes and no hashing (a 10-million-row year column in milliseconds
  /// rather than a second). Nil when the values span more than the rows (or 65 536).
  private static func smallRangeFactor<T: FixedWidthInteger>(
    _ name: String, _ values: [T], missing: T, code: (T) -> String
  ) -> Factor? {
    var low = T.max
    var high = T.min
    for v in values where v != missing {
      low = min(low, v)
      high = max(high, v)
    }
    guard low <= high else { return hashedFactor(name, values, missing: missing, code: code) }
    let (span, overflow) = Int64(high).subtractingReportingOverflow(Int64(low))
    guard !overflow, span < Int64(max(65_536, values.count)) else { return nil }
    var slot = [Int32](repeating: -1, count: Int(span) + 1)
    for v in values where v != missing { slot[Int(Int64(v) - Int64(low))] = 0 }
    var levels: [Factor.Level] = []
    for k in slot.indices where slot[k] == 0 {
      slot[k] = Int32(levels.count)
      levels.append(Factor.Level(code: code(T(Int64(low) + Int64(k))), sv: "", en: ""))
    }
    return Factor(
      name: name, levels: levels,
      codes: values.map { $0 == missing ? Factor.missing : slot[Int(Int64($0) - Int64(low))] })
  }

  private static func hashedFactor<T: Comparable & Hashable>(
    _ name: String, _ values: [T], missing: T, code: (T) -> String
  ) -> Factor {
    let distinct = Set(values).subtracting([missing]).sorted()
    var index: [T: Int32] = [:]
    for (k, v) in distinct.enumerated() { index[v] = Int32(k) }
    return Factor(
      name: name, levels: distinct.map { Factor.Level(code: code($0), sv: "", en: "") },
      codes: values.map { $0 == missing ? Factor.missing : index[$0]! })
  }

  /// A comparison grouping (`compare:`): `same`/`different` by the two variables' codes, for
  /// the rows meeting the condition. The dataset has every variable the grouping reads.
  func comparisonFactor(_ grouping: Grouping) -> Factor {
    let source = column(named: grouping.source)!
    let compared = column(named: grouping.comparedWith!)!
    let condition = grouping.condition.map { (column(named: $0.variable)!, Set($0.codes)) }
    let missingLevel =
      grouping.levels.firstIndex { $0.rule == .missing }.map { Int32($0) } ?? Factor.missing
    let same = grouping.levels.firstIndex { $0.rule == .same }.map { Int32($0) } ?? Factor.outside
    let different =
      grouping.levels.firstIndex { $0.rule == .different }.map { Int32($0) } ?? Factor.outside
    let codes = (0..<rowCount).map { row -> Int32 in
      if let (column, accepted) = condition {
        guard let value = column.text(row), accepted.contains(value) else { return Factor.outside }
      }
      guard let a = source.text(row), let b = compared.text(row) else { return missingLevel }
      return a == b ? same : different
    }
    return Factor(name: grouping.name, levels: grouping.factorLevels, codes: codes)
  }

  static func factor(of grouping: Grouping, source: Column) -> Factor {
    let levels = grouping.factorLevels
    let missingLevel =
      grouping.levels.firstIndex { $0.rule == .missing }.map { Int32($0) } ?? Factor.missing
    func level(forCode code: String) -> Int32 {
      grouping.levels.firstIndex { $0.rule.covers(code: code) }.map { Int32($0) } ?? Factor.outside
    }
    func level(forNumber x: Double) -> Int32 {
      grouping.levels.firstIndex { $0.rule.covers(number: x) }.map { Int32($0) } ?? Factor.outside
    }
    var codes: [Int32]
    switch source.storage {
    case .categorical8(let values, let sourceLevels):
      let map = sourceLevels.map { level(forCode: $0.code) }
      codes = values.map { $0 == UInt8.max ? missingLevel : map[Int($0)] }
    case .categorical16(let values, let sourceLevels):
      let map = sourceLevels.map { level(forCode: $0.code) }
      codes = values.map { $0 == UInt16.max ? missingLevel : map[Int($0)] }
    case .integer32(let values):
      codes =
        smallRangeGrouping(values, missingLevel: missingLevel, level: level(forNumber:))
        ?? integerGrouping(
          values.lazy.map { $0 == Int32.min ? nil : Int64($0) }, count: values.count,
          missingLevel: missingLevel, level: level(forNumber:))
    case .integer64(let values), .numericIdentifier(let values):
      codes = integerGrouping(
        values.lazy.map { $0 == Int64.min ? nil : $0 }, count: values.count,
        missingLevel: missingLevel, level: level(forNumber:))
    case .decimal(let values):
      codes = values.map { $0.isNaN ? missingLevel : level(forNumber: $0) }
    case .date(let values):
      codes = values.map { $0 == Int32.min ? missingLevel : level(forNumber: Double($0)) }
    case .text(let text):
      codes = (0..<text.count).map { row in text[row].map { level(forCode: $0) } ?? missingLevel }
    }
    return Factor(name: grouping.name, levels: levels, codes: codes)
  }

  /// The fast path for 32-bit integer sources with a small value range (ages, years): one pass
  /// for the range, then one table lookup per row into a preallocated buffer. `nil` when the
  /// range is too wide for a table.
  private static func smallRangeGrouping(
    _ values: [Int32], missingLevel: Int32, level: (Double) -> Int32
  ) -> [Int32]? {
    var lo = Int32.max
    var hi = Int32.min
    values.withUnsafeBufferPointer { buffer in
      for v in buffer where v != Int32.min {
        lo = min(lo, v)
        hi = max(hi, v)
      }
    }
    guard lo <= hi else { return [Int32](repeating: missingLevel, count: values.count) }
    guard Int64(hi) - Int64(lo) < 1 << 16 else { return nil }
    // Index 0 is the missing value; index v − lo + 1 is value v.
    let table = [missingLevel] + (lo...hi).map { level(Double($0)) }
    return table.withUnsafeBufferPointer { lookup in
      values.withUnsafeBufferPointer { source in
        [Int32](unsafeUninitializedCapacity: source.count) { codes, initialized in
          for row in 0..<source.count {
            let v = source[row]
            codes[row] = v == Int32.min ? lookup[0] : lookup[Int(v &- lo) &+ 1]
          }
          initialized = source.count
        }
      }
    }
  }

  /// Integer sources: the level of each distinct value is found once (a table over the value
  /// range when it is small).
  private static func integerGrouping<S: Sequence>(
    _ values: S, count: Int, missingLevel: Int32, level: (Double) -> Int32
  ) -> [Int32] where S.Element == Int64? {
    var lo = Int64.max
    var hi = Int64.min
    for v in values {
      if let v {
        lo = min(lo, v)
        hi = max(hi, v)
      }
    }
    var codes: [Int32] = []
    codes.reserveCapacity(count)
    if lo <= hi && hi - lo < 1 << 20 {
      let table = (lo...hi).map { level(Double($0)) }
      for v in values { codes.append(v.map { table[Int($0 - lo)] } ?? missingLevel) }
    } else {
      var cache: [Int64: Int32] = [:]
      for v in values {
        guard let v else {
          codes.append(missingLevel)
          continue
        }
        if let c = cache[v] {
          codes.append(c)
        } else {
          let c = level(Double(v))
          cache[v] = c
          codes.append(c)
        }
      }
    }
    return codes
  }
}
