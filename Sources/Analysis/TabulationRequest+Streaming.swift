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
    let report = try reader.forEachChunk(rowsPerChunk: Self.streamChunkRows) { chunk in
      rowsRead += chunk.rowCount
      let selected = try rowFilter.map { try chunk.filtered(by: $0) } ?? chunk
      rowsSelected += selected.rowCount
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
    return CountedTable(table: try sum.table(), warnings: warnings, years: years)
  }
}
