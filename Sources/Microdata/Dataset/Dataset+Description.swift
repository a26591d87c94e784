extension Dataset: CustomStringConvertible {
  /// A short print of the dataset as R or pandas show one: its size, then the first rows with
  /// `NA` for missing values.
  public var description: String { preview(rows: 10) }

  /// The first `rows` rows as an aligned text table under a line naming the source and size.
  public func preview(rows limit: Int) -> String {
    let shown = min(limit, rowCount)
    var table = [variableNames]
    for row in 0..<shown { table.append(columns.map { $0.text(row) ?? "NA" }) }
    let widths = columns.indices.map { k in table.map { $0[k].count }.max() ?? 0 }
    var lines = ["\(source): \(rowCount) rows × \(columns.count) variables"]
    for line in table {
      let cells = line.enumerated().map { k, cell in
        cell + String(repeating: " ", count: widths[k] - cell.count)
      }
      lines.append(String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed()))
    }
    let more = rowCount - shown
    if more > 0 { lines.append("… \(more) more row\(more == 1 ? "" : "s")") }
    return lines.joined(separator: "\n")
  }
}
