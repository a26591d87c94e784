import Foundation
import Microdata
import Tabulation

extension TabulationRequest {
  /// Rows per chunk when streaming: large enough that per-chunk work is negligible, small
  /// enough that a chunk takes a few megabytes.
  package static let streamChunkRows = 262_144

  /// Counts `data` chunk by chunk while reading it (`DatasetReader`), holding one chunk and the
  /// cells; the table, exclusions and warnings equal those of `countInMemory()`.
  package func countStreaming(codebook: Codebook) throws -> CountedTable {
    let reader = DatasetReader(
      contentsOf: URL(fileURLWithPath: data.path), codebook: codebook,
      options: try data.loadOptions())
    let selection = filter.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    let rowFilter = try selection.map { try RowFilter(parsing: $0) }
    var sum = ChunkedCrossTab()
    var rowsRead = 0
    var rowsSelected = 0
    var years: Set<String>?
    // Persons already counted in a cell, across chunks (by id and cell codes).
    var seen = Set<String>()
    var persons = false
    let report = try reader.forEachChunk(rowsPerChunk: Self.streamChunkRows) { chunk in
      rowsRead += chunk.rowCount
      var selected = try rowFilter.map { try chunk.filtered(by: $0) } ?? chunk
      rowsSelected += selected.rowCount
      if countsPersons(selected) {
        persons = true
        selected = try Self.firstRowPerPersonAndCell(
          selected, variables: countedVariables, seen: &seen)
      }
      sum.add(try Self.crossTab(of: selected, variables: countedVariables, weight: weight))
      if let chunkYears = try Self.years(of: selected) { years = (years ?? []).union(chunkYears) }
    }
    // A file without data rows has no chunk to take the levels from: it is read (quickly) in
    // memory instead.
    guard sum.chunks > 0 else { return try countInMemory() }
    var warnings = report.exclusionWarnings
    if let selection, rowsSelected == 0 && rowsRead > 0 {
      warnings.append("the filter `\(selection)` leaves no rows of \(data.path)")
    }
    return CountedTable(
      table: try sum.table(), warnings: warnings, years: years, persons: persons)
  }

  /// The rows of a chunk that are the first of their person in their cell, counting the persons
  /// of earlier chunks (`seen`: person id and cell codes); rows without an id are kept.
  static func firstRowPerPersonAndCell(
    _ chunk: Dataset, variables: [String], seen: inout Set<String>
  ) throws -> Dataset {
    let person = try factor(personVariable, of: chunk)
    let factors = try naming(chunk) { () throws(MicrodataError) in try chunk.factors(variables) }
    var keep: [Int32] = []
    keep.reserveCapacity(chunk.rowCount)
    for row in 0..<chunk.rowCount {
      let id = person.codes[row]
      guard id >= 0 else {
        keep.append(Int32(row))
        continue
      }
      var key = person.levels[Int(id)].code
      for factor in factors {
        let code = factor.codes[row]
        key += "\u{1F}" + (code < 0 ? "\(code)" : factor.levels[Int(code)].code)
      }
      if seen.insert(key).inserted { keep.append(Int32(row)) }
    }
    return keep.count == chunk.rowCount ? chunk : chunk.rows(keep.map(Int.init))
  }
}
