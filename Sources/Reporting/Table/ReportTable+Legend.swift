extension ReportTable {
  /// The footnotes as printed: notes, then symbol explanations (the table's own and the
  /// standard ones for every symbol used and not yet explained), then sources.
  public var renderedFootnotes: [Footnote] {
    let explained = Set(footnotes.filter { $0.kind != .source }.compactMap(\.marker))
    let automatic = standardLegend.filter { !explained.contains($0.marker ?? "") }
    let all = footnotes + automatic
    return all.enumerated()
      .sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
      .map(\.element)
  }

  /// The standard explanations of the symbols this table uses, in a fixed order:
  /// `..`, `-`, `0,0` (one per number of decimals), then the flag markers `*`, `p`, `r`.
  public var standardLegend: [Footnote] {
    var suppressed = false
    var cannotOccur = false
    var roundedZeroDecimals: Set<Int> = []
    var flags: CellFlags = []
    for row in rows {
      for (column, cell) in row.cells.enumerated() {
        flags.formUnion(cell.flags)
        switch cell.content {
        case .suppressed: suppressed = true
        case .cannotOccur: cannotOccur = true
        case .number(let number):
          let decimals =
            columns.indices.contains(column) ? self.decimals(of: number, column: column) : 0
          if decimals > 0,
            NumberFormat.roundsToZero(number.value, kind: number.kind, decimals: decimals)
          {
            roundedZeroDecimals.insert(decimals)
          }
        case .text, .missing: break
        }
      }
    }
    var legend: [Footnote] = []
    if suppressed {
      legend.append(
        Footnote(
          .symbol, marker: ReportingText.suppressedSymbol,
          text: ReportingText.suppressedLegend(language)))
    }
    if cannotOccur {
      legend.append(
        Footnote(
          .symbol, marker: ReportingText.cannotOccurSymbol,
          text: ReportingText.cannotOccurLegend(language)))
    }
    let format = NumberFormat(language: language, style: .plain)
    for decimals in roundedZeroDecimals.sorted() {
      legend.append(
        Footnote(
          .symbol, marker: "0" + format.decimalSeparator + String(repeating: "0", count: decimals),
          text: ReportingText.roundedZeroLegend(language, decimals: decimals)))
    }
    for entry in CellFlags.all where flags.contains(entry.flag) {
      legend.append(
        Footnote(
          .symbol, marker: entry.marker, text: ReportingText.flagLegend(entry.flag, language)))
    }
    return legend
  }
}
