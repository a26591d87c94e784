import Microdata

extension ReportTable {
  /// The table as a page shows it: only `pageRows` when set, with a "…" row where rows are
  /// left out and a note saying how many rows the full table has and where it is.
  public func pageExcerpt() -> ReportTable {
    guard let pageRows, pageRows.count < rows.count else { return self }
    var table = self
    table.rows = []
    var previous: Int?
    for index in pageRows where rows.indices.contains(index) {
      if let previous, index > previous + 1 {
        table.rows.append(
          ReportRow(
            labels: ["…"] + Array(repeating: "", count: max(0, stubHeaders.count - 1)),
            cells: Array(repeating: .missing, count: columns.count)))
      }
      table.rows.append(rows[index])
      previous = index
    }
    table.pageRows = nil
    table.footnotes.insert(
      .note(language.text(.pageExcerptNote(shown: pageRows.count, total: rows.count))), at: 0)
    return table
  }

  /// The first `count` and the last `count` of the rows at `ranked` (row indices in rank
  /// order), as `pageRows`; all of them when there are at most 2 × `count`.
  public static func topAndBottom(_ ranked: [Int], count: Int) -> [Int] {
    guard ranked.count > 2 * count else { return ranked }
    return Array(ranked.prefix(count)) + Array(ranked.suffix(count))
  }
}
