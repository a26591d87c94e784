import Tabulation

/// A cover table with the cells no figure tells apart merged into one.
///
/// Two cover cells that lie in exactly the same published and implied figures enter the
/// attacker's integer program only through their sum: every constraint and every objective is a
/// sum over figures. Merging them (and dropping cells in no figure) changes no feasible value
/// of any figure, over the integers as over the reals, so the attacker, the audit and the
/// selection see the same ranges on a smaller program. In a report the cells of the suspects
/// first suspected in 2017, which only the overview by offence type and sex counts, collapse
/// from one per sex × age × education × birth to one per offence type and sex.
struct MergedCover {
  /// The merged cells' counts.
  let counts: [Int]
  /// The merged cell of each original cell (`nil`: in no figure).
  let cellMap: [Int?]

  init(counts original: [Int], figures: [CoverFigure]) {
    var signature = [[Int]](repeating: [], count: original.count)
    for (k, figure) in figures.enumerated() {
      for cell in figure.cells { signature[cell].append(k) }
    }
    var index: [[Int]: Int] = [:]
    var counts: [Int] = []
    var cellMap = [Int?](repeating: nil, count: original.count)
    for cell in original.indices where !signature[cell].isEmpty {
      if let merged = index[signature[cell]] {
        counts[merged] += original[cell]
        cellMap[cell] = merged
      } else {
        index[signature[cell]] = counts.count
        cellMap[cell] = counts.count
        counts.append(original[cell])
      }
    }
    self.counts = counts
    self.cellMap = cellMap
  }

  /// A figure of the original cover as a figure of the merged one.
  func figure(_ original: CoverFigure) -> CoverFigure {
    CoverFigure(cells: original.cells.compactMap { cellMap[$0] })
  }
}
