extension SecondarySuppression {
  /// The suppressed entries whose values the published entries determine uniquely, in position
  /// order.
  ///
  /// With the suppressed entries as unknowns `x`, every line through a suppressed entry gives one
  /// equation `Σ inner − margin = (published part)`. An unknown `x_c` is determined exactly when
  /// the equations' column for `c` is linearly independent of the other columns (otherwise a
  /// null-space vector with a non-zero `c` component moves it). After Gauss–Jordan elimination
  /// this means: `c` is a pivot column and its pivot row has no entry in a free column.
  ///
  /// The equations split into independent blocks (suppressed entries linked by shared lines);
  /// each block is eliminated on its own, and with `focus` only the blocks containing those
  /// entries are examined.
  func audit(around focus: [Int]? = nil) -> [Int] {
    let unknowns = status.indices.filter { isSuppressed($0) }
    guard !unknowns.isEmpty else { return [] }
    // Union–find over the suppressed entries, joined by the lines they share.
    var parent = [Int: Int]()
    for position in unknowns { parent[position] = position }
    func root(_ x: Int) -> Int {
      var x = x
      while parent[x]! != x {
        parent[x] = parent[parent[x]!]!
        x = parent[x]!
      }
      return x
    }
    var involved = Set<Int>()
    for position in unknowns { involved.formUnion(linesThrough[position]) }
    for line in involved {
      let members = lines[line].filter { parent[$0] != nil }
      for member in members.dropFirst() {
        let a = root(members[0])
        let b = root(member)
        if a != b { parent[a] = b }
      }
    }
    var blocks = [Int: [Int]]()
    for position in unknowns { blocks[root(position), default: []].append(position) }
    let focusRoots = focus.map { Set($0.compactMap { parent[$0] != nil ? root($0) : nil }) }
    var determined: [Int] = []
    for (blockRoot, block) in blocks {
      if let focusRoots, !focusRoots.contains(blockRoot) { continue }
      determined += auditBlock(block)
    }
    return determined.sorted()
  }

  /// The determined entries of one block of suppressed entries.
  func auditBlock(_ unknowns: [Int]) -> [Int] {
    var column = [Int: Int]()
    for (j, position) in unknowns.enumerated() { column[position] = j }
    var involved = Set<Int>()
    for position in unknowns { involved.formUnion(linesThrough[position]) }
    let m = unknowns.count
    var matrix: [[Double]] = []
    for line in involved.sorted() {
      var row = [Double](repeating: 0, count: m)
      let positions = lines[line]
      for (k, position) in positions.enumerated() {
        if let j = column[position] { row[j] = k == positions.count - 1 ? -1 : 1 }
      }
      matrix.append(row)
    }
    let (reduced, pivotRowOfColumn) = Self.reducedRowEchelon(&matrix, columns: m)
    let free = (0..<m).filter { pivotRowOfColumn[$0] == nil }
    var determined: [Int] = []
    for (j, position) in unknowns.enumerated() {
      guard let row = pivotRowOfColumn[j] else { continue }
      if free.allSatisfy({ abs(reduced[row][$0]) < 1e-9 }) { determined.append(position) }
    }
    return determined
  }

  /// Gauss–Jordan elimination with partial pivoting. Returns the reduced matrix and, for each
  /// column, the row of its pivot (or `nil` for a free column). The entries are small integers,
  /// so a tolerance of 1e-9 separates zero from non-zero safely.
  static func reducedRowEchelon(_ a: inout [[Double]], columns m: Int) -> ([[Double]], [Int?]) {
    var pivotRow = [Int?](repeating: nil, count: m)
    var r = 0
    for c in 0..<m where r < a.count {
      var best = r
      for i in r..<a.count where abs(a[i][c]) > abs(a[best][c]) { best = i }
      guard abs(a[best][c]) > 1e-9 else { continue }
      a.swapAt(r, best)
      let pivot = a[r][c]
      for j in 0..<m { a[r][j] /= pivot }
      for i in 0..<a.count where i != r {
        let factor = a[i][c]
        if abs(factor) > 1e-12 {
          for j in 0..<m { a[i][j] -= factor * a[r][j] }
        }
      }
      pivotRow[c] = r
      r += 1
    }
    return (a, pivotRow)
  }
}
