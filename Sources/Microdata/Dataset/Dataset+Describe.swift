extension Dataset {
  /// Summarises every variable through the codebook (see `DatasetDescription`). Counts of
  /// invalid and out-of-range values come from `loadReport`; read with
  /// `LoadOptions(errorPolicy: .markMissing)` to see them all without losing rows.
  public func describe() -> DatasetDescription {
    let variables = columns.map { summary(of: $0) }
    let groupings = codebook.groupings.compactMap {
      grouping -> DatasetDescription.VariableSummary? in
      guard hasColumns(for: grouping), let source = column(named: grouping.source) else {
        return nil
      }
      let factor =
        grouping.comparedWith == nil
        ? Dataset.factor(of: grouping, source: source) : comparisonFactor(grouping)
      var s = DatasetDescription.VariableSummary(
        name: grouping.name, column: nil, kind: .categorical, declared: true, label: grouping.label,
        source: grouping.source, present: 0, missing: 0, outside: 0, outOfRange: 0, invalid: 0)
      fillCategories(&s, factor)
      return s
    }
    return DatasetDescription(
      source: source, rows: rowCount, rowsRead: loadReport.rowsRead,
      rowsExcluded: loadReport.rowsExcluded,
      encoding: loadReport.encoding, delimiter: loadReport.delimiter, variables: variables,
      groupings: groupings,
      undeclaredColumns: loadReport.undeclaredColumns, absentVariables: loadReport.absentVariables,
      issues: loadReport.issues)
  }

  private func summary(of column: Column) -> DatasetDescription.VariableSummary {
    let variable = column.declared ? codebook.variable(named: column.name) : nil
    let issues = loadReport.issues.filter { $0.variable == column.name }
    var s = DatasetDescription.VariableSummary(
      name: column.name, column: column.header, kind: column.kind, declared: column.declared,
      label: variable?.label,
      source: nil, present: 0, missing: 0, outside: 0,
      outOfRange: issues.filter { $0.kind == "outOfRange" }.reduce(0) { $0 + $1.count },
      invalid: issues.filter {
        ["unknownCode", "unparseableValue", "undecodableBytes"].contains($0.kind)
      }.reduce(0) { $0 + $1.count })
    for row in 0..<rowCount where column.isMissing(row) { s.missing += 1 }
    s.present = rowCount - s.missing
    switch column.storage {
    case .categorical8, .categorical16:
      fillCategories(&s, Dataset.factor(of: column))
    case .integer32, .integer64, .decimal:
      // The column itself, not a lookup by name: that made describing 30 000 columns quadratic.
      let values = (try? numeric(column, name: column.name)) ?? []
      let present = values.filter { !$0.isNaN }
      if !present.isEmpty {
        s.minimum = present.min()
        s.maximum = present.max()
        // Kahan–Babuška (Neumaier) summation keeps the mean exact to rounding for long columns.
        var sum = 0.0
        var compensation = 0.0
        for x in present {
          let t = sum + x
          compensation += abs(sum) >= abs(x) ? (sum - t) + x : (x - t) + sum
          sum = t
        }
        s.mean = (sum + compensation) / Double(present.count)
      }
      let factor = Dataset.factor(of: column)
      s.distinct = factor.levels.count
      if column.kind == .integer && factor.levels.count <= 30 { fillCategories(&s, factor) }
    case .date(let days):
      let present = days.filter { $0 != Int32.min }
      if let lo = present.min(), let hi = present.max() {
        s.firstDate = CalendarDay(daysSince1970: lo).description
        s.lastDate = CalendarDay(daysSince1970: hi).description
      }
      s.distinct = Set(present).count
    case .numericIdentifier(let ids):
      s.distinct = Set(ids).subtracting([Int64.min]).count
    case .text(let text):
      var seen = Set<String>()
      for row in 0..<text.count { if let v = text[row] { seen.insert(v) } }
      s.distinct = seen.count
    }
    return s
  }

  private func fillCategories(_ s: inout DatasetDescription.VariableSummary, _ factor: Factor) {
    let counts = factor.levelCounts()
    s.categories = zip(factor.levels, counts).map {
      DatasetDescription.CategoryCount(code: $0.code, sv: $0.sv, en: $0.en, count: $1)
    }
    s.missing = factor.codes.reduce(0) { $0 + ($1 == Factor.missing ? 1 : 0) }
    s.outside = factor.codes.reduce(0) { $0 + ($1 == Factor.outside ? 1 : 0) }
    s.present = factor.count - s.missing
  }
}
