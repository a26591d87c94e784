extension Dataset {
  /// The dataset with the codebook's code lists applied (see `CodeList`): every present code
  /// is looked up in the list of the period holding the row's date; a derived variable the file
  /// lacks is added from the codes (missing where a code leaves it out), and one the file has is
  /// checked against them, its missing values filled from the codes.
  ///
  /// `Dataset.load` calls this; a file without the code variable or without the date variable
  /// (not a file of suspicions) is returned unchanged.
  /// - Throws: `MicrodataError.codeNotInList` (file, line, code and date) for a code in no list
  ///   for its date, `.contradictingCode` (file, line, both values) for a derived column that
  ///   says otherwise than the code.
  public func applyingCodeLists() throws(MicrodataError) -> Dataset {
    var result = self
    for list in codebook.codeLists {
      guard let codes = column(named: list.variable), column(named: list.dateVariable) != nil
      else { continue }
      let entries = try entries(of: list, codes: codes)
      for name in list.derivedVariables {
        let variable = codebook.variable(named: name)!
        let derived = entries.map { $0?.value(of: name) }
        if let existing = result.column(named: name) {
          result = try result.checked(existing, against: derived, list: list, codes: codes)
        } else {
          result = result.adding(Self.categorical(variable, derived))
        }
      }
    }
    return result
  }

  /// The code-list entry of every row (nil where the code is missing).
  private func entries(of list: CodeList, codes: Column) throws(MicrodataError)
    -> [CodeList.Entry?]
  {
    let dates = column(named: list.dateVariable)
    // Entries are found once per (period, code).
    var cache: [Int: [String: CodeList.Entry]] = [:]
    var result = [CodeList.Entry?](repeating: nil, count: rowCount)
    for row in 0..<rowCount {
      guard let code = codes.text(row) else { continue }
      var periodIndex: Int?
      var dateText: String?
      if let dates, case .date(let days) = dates.storage, days[row] != Int32.min {
        let day = CalendarDay(daysSince1970: days[row])
        dateText = day.description
        periodIndex = list.periods.firstIndex { $0.contains(day) }
      } else if list.periods.count == 1 {
        periodIndex = 0
      }
      let location = DataLocation(file: source, line: sourceLine(ofRow: row), column: codes.header)
      guard let periodIndex else {
        throw .codeNotInList(location, variable: list.variable, code: code, date: dateText)
      }
      if let entry = cache[periodIndex]?[code] {
        result[row] = entry
        continue
      }
      guard let entry = list.periods[periodIndex].entry(for: code) else {
        throw .codeNotInList(
          location, variable: list.variable, code: code,
          date: dateText ?? list.periods[periodIndex].description)
      }
      cache[periodIndex, default: [:]][code] = entry
      result[row] = entry
    }
    return result
  }

  /// Checks a derived column the file has against the codes and fills its missing values.
  private func checked(
    _ column: Column, against derived: [String?], list: CodeList, codes: Column
  ) throws(MicrodataError) -> Dataset {
    var filled = false
    for row in 0..<rowCount {
      guard let expected = derived[row] else { continue }
      guard let value = column.text(row) else {
        filled = true
        continue
      }
      if value != expected {
        throw .contradictingCode(
          DataLocation(file: source, line: sourceLine(ofRow: row), column: column.header),
          variable: column.name, value: value, codeVariable: list.variable,
          code: codes.text(row) ?? "", expected: expected)
      }
    }
    guard filled, let variable = codebook.variable(named: column.name) else { return self }
    let merged = (0..<rowCount).map { column.text($0) ?? derived[$0] }
    var replacement = Self.categorical(variable, merged)
    replacement.header = column.header
    return adding(replacement)
  }

  /// A categorical column of a declared variable from codes (nil missing).
  static func categorical(_ variable: Variable, _ values: [String?]) -> Column {
    var levels = variable.levels
    if levels.isEmpty {
      levels = Set(values.compactMap { $0 }).sorted().map {
        Factor.Level(code: $0, sv: "", en: "")
      }
    }
    var index: [String: Int] = [:]
    for (k, level) in levels.enumerated() { index[level.code] = k }
    let storage: Column.Storage
    if levels.count < Int(UInt8.max) {
      storage = .categorical8(
        values.map { $0.flatMap { index[$0] }.map { UInt8($0) } ?? UInt8.max }, levels: levels)
    } else {
      storage = .categorical16(
        values.map { $0.flatMap { index[$0] }.map { UInt16($0) } ?? UInt16.max }, levels: levels)
    }
    return Column(
      name: variable.name, header: variable.name, kind: .categorical, declared: true,
      storage: storage)
  }
}
