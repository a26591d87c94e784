extension Dataset {
  /// The values of an integer or decimal variable as `Double`, NaN where missing. A categorical
  /// variable whose codes are all numbers (e.g. a 0/1 outcome declared categorical, or
  /// `utbildning` 1–7) gives its codes as numbers.
  /// - Throws: `MicrodataError.unknownVariable`, `.wrongVariableKind` (dates, text, ids, groupings).
  public func numeric(_ name: String) throws(MicrodataError) -> [Double] {
    guard let column = column(named: name) else {
      if codebook.grouping(named: name) != nil && hasVariable(name) {
        throw .wrongVariableKind(name: name, kind: .categorical, expected: "a numeric variable")
      }
      throw unknownVariable(name)
    }
    return try numeric(column, name: name)
  }

  /// ``numeric(_:)`` of a column at hand (no lookup by name).
  func numeric(_ column: Column, name: String) throws(MicrodataError) -> [Double] {
    switch column.storage {
    case .integer32(let v): return v.map { $0 == Int32.min ? .nan : Double($0) }
    case .integer64(let v): return v.map { $0 == Int64.min ? .nan : Double($0) }
    case .decimal(let v): return v
    case .categorical8(_, let levels), .categorical16(_, let levels):
      let numbers = levels.map { Double($0.code) }
      guard numbers.allSatisfy({ $0 != nil }) else {
        throw .wrongVariableKind(
          name: name, kind: column.kind,
          expected: "a numeric variable (its codes are not all numbers)")
      }
      return Dataset.factor(of: column).codes.map { $0 < 0 ? .nan : numbers[Int($0)]! }
    default:
      throw .wrongVariableKind(name: name, kind: column.kind, expected: "a numeric variable")
    }
  }

  /// The values of a date variable, nil where missing.
  /// - Throws: `MicrodataError.unknownVariable`, `.wrongVariableKind`.
  public func dates(_ name: String) throws(MicrodataError) -> [CalendarDay?] {
    let column = try requireColumn(name)
    guard case .date(let days) = column.storage else {
      throw .wrongVariableKind(name: name, kind: column.kind, expected: "a date variable")
    }
    return days.map { $0 == Int32.min ? nil : CalendarDay(daysSince1970: $0) }
  }

  /// The values of any variable as text (codes, numbers, `YYYY-MM-DD`), nil where missing.
  /// - Throws: `MicrodataError.unknownVariable`.
  public func strings(_ name: String) throws(MicrodataError) -> [String?] {
    let column = try requireColumn(name)
    return (0..<rowCount).map { column.text($0) }
  }

  /// Whether each row's value of a variable is missing.
  /// - Throws: `MicrodataError.unknownVariable`.
  public func missingMask(_ name: String) throws(MicrodataError) -> [Bool] {
    if column(named: name) == nil, hasVariable(name) {
      return try factor(name).codes.map { $0 == Factor.missing }
    }
    let column = try requireColumn(name)
    return (0..<rowCount).map { column.isMissing($0) }
  }
}
