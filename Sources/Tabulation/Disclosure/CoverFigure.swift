/// A published figure as the cover table sees it: the sum of a set of its cells.
///
/// A figure is a linear functional of the cover table,
///
/// ```
/// value(f) = Σ_{c ∈ cells(f)} cover[c]
/// ```
///
/// Every cell and every margin of every table of one population is such a sum: in a cover table
/// kön × födelse × åldersgrupp, the cell (man, utrikes, 18–24) is one cover cell, the margin
/// "18–24" of the table åldersgrupp is the sum over both sexes and both birth regions, and the
/// total is the sum of all cells.
public struct CoverFigure: Sendable, Hashable, Codable {
  /// The row-major indices of the cover cells summed, ascending and without repeats.
  public let cells: [Int]

  /// A figure summing the given cover cells (repeats are ignored).
  public init(cells: some Sequence<Int>) {
    let given = Array(cells)
    // Figures usually arrive ascending already (cells in cover order); only others are sorted
    // and their repeats dropped (a set per figure was a quarter of building a large report's
    // linked figures).
    if zip(given, given.dropFirst()).allSatisfy({ $0 < $1 }) {
      self.cells = given
    } else {
      var sorted = given.sorted()
      var write = 0
      for read in sorted.indices where write == 0 || sorted[write - 1] != sorted[read] {
        sorted[write] = sorted[read]
        write += 1
      }
      sorted.removeLast(sorted.count - write)
      self.cells = sorted
    }
  }
}
