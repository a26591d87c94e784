extension CSVLoader {
  /// Turns parsed parts into a dataset: throws the first problem in strict mode, assembles the
  /// columns, maps rows to source lines, tallies problems and checks unique variables.
  /// - Parameter firstLine: the source line of the first byte the parts cover.
  /// - Parameter placed: columns written in place (`ColumnPlacement`), by plan.
  func finish(
    parts: [ParsedPart], preamble: Preamble, compressed: Bool, firstLine: Int,
    placed: [ColumnPlacement.Values?] = []
  ) throws(MicrodataError) -> Dataset {
    let plans = preamble.planned.plans
    let encoding = preamble.dialect.encoding
    var lineBases: [Int] = []
    var line = firstLine
    for part in parts {
      lineBases.append(line)
      line += part.lineBreaks
    }
    for (k, part) in parts.enumerated() {
      if let issue = part.error {
        throw issue.error(
          line: lineBases[k] + issue.relativeLine, plans: plans, file: file, encoding: encoding)
      }
    }
    // `NA`s read as missing, by column, counted before the sinks are freed.
    var naCounts: [(column: Int, count: Int, line: Int)] = []
    for index in plans.indices {
      var count = 0
      var line = 0
      for (k, part) in parts.enumerated() where part.sinks[index].naCount > 0 {
        if count == 0 {
          line = lineBases[k] + part.relativeLine(ofRow: part.sinks[index].firstNARow)
        }
        count += part.sinks[index].naCount
      }
      if count > 0 { naCounts.append((index, count, line)) }
    }
    var columns = ColumnAssembler.assemble(
      parts: parts, plans: plans, codebook: codebook, placed: placed)
    var rowCount = parts.reduce(0) { $0 + $1.rows }

    // Rows → source lines: from part k's row r on, line = global row + shift.
    var shiftRows: [Int32] = []
    var shifts: [Int32] = []
    var rowsBefore = 0
    for (k, part) in parts.enumerated() {
      for (row, shift) in part.lineShifts {
        let global = Int32(lineBases[k] + shift - rowsBefore)
        if shifts.last != global {
          shiftRows.append(Int32(rowsBefore + row))
          shifts.append(global)
        }
      }
      rowsBefore += part.rows
    }
    var lineMap = LineMap(rows: shiftRows, shifts: shifts)

    var issues = mergeTallies(parts.enumerated().map { ($1.tallies, lineBases[$0]) }).map { entry in
      LoadReport.Issue(
        kind: entry.tally.first.error(
          line: entry.line, plans: plans, file: file, encoding: encoding
        ).kind,
        variable: entry.tally.column >= 0 && entry.tally.column < plans.count
          ? plans[entry.tally.column].name : nil,
        action: entry.tally.excluded ? .excluded : .setMissing, count: entry.tally.count,
        first: entry.tally.first.error(
          line: entry.line, plans: plans, file: file, encoding: encoding))
    }

    // A note per column whose `NA`s were read as missing (an undeclared column that stayed text
    // keeps them as text).
    for entry in naCounts {
      let plan = plans[entry.column]
      guard columns.first(where: { $0.header == plan.header })?.kind != .text else { continue }
      issues.append(
        LoadReport.Issue(
          kind: "missingMarker", variable: plan.name, action: .setMissing, count: entry.count,
          first: .missingMarker(
            DataLocation(file: file, line: entry.line, column: plan.header), variable: plan.name,
            marker: "NA")))
    }

    // Variables whose values must not repeat.
    for column in columns
    where codebook.variable(named: column.name)?.unique == true && column.declared {
      let duplicates = KeyColumn(column: column).duplicateRows()
      guard let first = duplicates.first else { continue }
      let error = MicrodataError.duplicateKey(
        file: file, variable: column.name, value: column.text(first.row) ?? "",
        firstLine: lineMap.line(ofRow: first.firstRow), secondLine: lineMap.line(ofRow: first.row))
      if options.errorPolicy == .strict { throw error }
      let drop = Set(duplicates.map(\.row))
      let keep = (0..<rowCount).filter { !drop.contains($0) }.map { Int32($0) }
      columns = columns.map { $0.gathered(keep) }
      lineMap = lineMap.gathered(keep)
      rowCount = keep.count
      issues.append(
        LoadReport.Issue(
          kind: error.kind, variable: column.name, action: .excluded, count: drop.count,
          first: error))
    }

    let report = LoadReport(
      source: file, encoding: encoding, delimiter: preamble.dialect.delimiterText,
      byteOrderMark: preamble.dialect.byteOrderMark, compressed: compressed,
      rowsRead: parts.reduce(0) { $0 + $1.recordsRead + $1.recordsSkipped }, rowsKept: rowCount,
      rowsSkipped: parts.reduce(0) { $0 + $1.recordsSkipped }, issues: issues,
      columns: columns.map {
        LoadReport.ColumnMapping(
          column: $0.header, variable: $0.name, kind: $0.kind, declared: $0.declared)
      },
      undeclaredColumns: preamble.planned.undeclared, absentVariables: preamble.planned.absent,
      joins: [])
    return Dataset(
      codebook: codebook, source: file, columns: columns, rowCount: rowCount, loadReport: report,
      lineMap: lineMap)
  }
}
