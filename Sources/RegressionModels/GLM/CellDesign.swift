import LinearAlgebra

/// The model matrix of a row-level fit described by cells of its factors, for the normal
/// equations of IRLS without an n × p pass.
///
/// Every column is a product of level indicators and numeric variables (``ColumnLayout``): with
/// the *cell* K of a row the combination of its codes in all factors of the design, and a
/// *monomial* M a product of numeric variables (1 for none), column c of row i is
/// `[K(i) matches c] · M_c(i)`. So
/// ```
/// (XᵀWX)_cd = Σ_K [K matches c and d] · S_K(M_c, M_d),   S_K(M, M′) = Σ_{i∈K} wᵢ M(i) M′(i)
/// (XᵀWz)_c  = Σ_K [K matches c] · R_K(M_c),              R_K(M)     = Σ_{i∈K} wᵢ zᵢ M(i)
/// ηᵢ        = Σ_M A_K(i)(M) M(i),                         A_K(M)     = Σ_{c matching K, M_c = M} β_c
/// ```
/// A pass then adds r(r+3)/2 numbers per row (r monomials; 5 for a design with one numeric)
/// instead of the p(p+3)/2 of a dense row (170 for p = 17), and reads a cell index and the
/// numerics instead of the row of X. The rows keep their own weights, working responses and
/// deviances: the iterations are R's, summed in another order (differences of a few ulps).
struct CellDesign: Sendable {
  /// The cell of every row, 0..<`cellCount`.
  let cellOfRow: [Int32]
  let cellCount: Int
  /// The number of monomials r; the first is the constant 1 when `hasConstant`.
  let monomialCount: Int
  let hasConstant: Bool
  /// The values of the other monomials in every row, monomial after monomial (n each).
  let monomialValues: [Double]
  /// The columns of the design.
  let columns: Int
  /// The columns nonzero in cell k: `cellColumns[cellStart[k]..<cellStart[k + 1]]`, with the
  /// monomial of each in `cellMonomials`.
  let cellStart: [Int]
  let cellColumns: [Int]
  let cellMonomials: [Int]
  /// The monomial of every column.
  let columnMonomials: [Int]

  /// Monomials per design at most (r(r+3)/2 sums per row).
  static let maximumMonomials = 4
  /// Most possible cells (product of the factors' levels) indexed.
  static let maximumPossibleCells = 1 << 22

  /// The number of sums per row per cell: S for each pair of monomials and R for each one.
  var sumsPerCell: Int { monomialCount * (monomialCount + 3) / 2 }

  /// The index of S(M_a, M_b) (a ≤ b) among a cell's sums; R(M_a) follows at r(r+1)/2 + a.
  @inline(__always)
  func pairIndex(_ a: Int, _ b: Int) -> Int {
    a * monomialCount - a * (a - 1) / 2 + (b - a)
  }

  /// The cells of `frame` under `layout`, or `nil` when they would not save work: more than
  /// `maximumMonomials` monomials, more possible cells than `maximumPossibleCells`, more than
  /// one cell for every 8 rows, or fewer sums than a dense row.
  init?(layout: ColumnLayout, frame: ModelFrame) {
    let n = frame.count
    let p = layout.count
    guard n > 0, p > 0 else { return nil }
    // Monomials: the sorted numeric variables of each column; the constant first.
    var monomialKeys: [[String]] =
      layout.columns.contains { c in
        c.components.allSatisfy { $0.level != nil }
      } ? [[]] : []
    var monomialOfColumn: [Int] = []
    var factorNames: [String] = []
    for column in layout.columns {
      var key: [String] = []
      for component in column.components {
        if component.level == nil {
          key.append(component.variable)
        } else if !factorNames.contains(component.variable) {
          factorNames.append(component.variable)
        }
      }
      key.sort()
      if let index = monomialKeys.firstIndex(of: key) {
        monomialOfColumn.append(index)
      } else {
        monomialOfColumn.append(monomialKeys.count)
        monomialKeys.append(key)
      }
    }
    let r = monomialKeys.count
    guard r <= Self.maximumMonomials, r * (r + 3) * 2 <= p * (p + 3) else { return nil }
    // Cells: a mixed-radix number of the factors' codes, numbered in order of appearance.
    var radices: [Int] = []
    var possible = 1
    for v in factorNames {
      guard let f = frame.factors[v] else { return nil }
      let (product, overflow) = possible.multipliedReportingOverflow(by: max(1, f.levels.count))
      guard !overflow, product <= Self.maximumPossibleCells else { return nil }
      possible = product
      radices.append(max(1, f.levels.count))
    }
    var key = [Int32](repeating: 0, count: n)
    var stride: Int32 = 1
    for (k, v) in factorNames.enumerated() {
      frame.factors[v]!.codes.withUnsafeBufferPointer { codes in
        key.withUnsafeMutableBufferPointer { key in
          for i in 0..<n { key[i] &+= codes[i] &* stride }
        }
      }
      stride &*= Int32(radices[k])
    }
    var table = [Int32](repeating: -1, count: possible)
    var representatives: [Int] = []
    let limit = max(1, n / 8)
    var tooMany = false
    key.withUnsafeMutableBufferPointer { key in
      table.withUnsafeMutableBufferPointer { table in
        for i in 0..<n {
          var cell = table[Int(key[i])]
          if cell < 0 {
            if representatives.count >= limit {
              tooMany = true
              return
            }
            cell = Int32(representatives.count)
            table[Int(key[i])] = cell
            representatives.append(i)
          }
          key[i] = cell
        }
      }
    }
    guard !tooMany else { return nil }
    // The nonzero columns of every cell, from its first row's codes.
    var start = [0]
    var cellColumns: [Int] = []
    var cellMonomials: [Int] = []
    for row in representatives {
      for (c, column) in layout.columns.enumerated() {
        let matches = column.components.allSatisfy { component in
          guard let level = component.level else { return true }
          return frame.factors[component.variable]!.codes[row] == Int32(level)
        }
        if matches {
          cellColumns.append(c)
          cellMonomials.append(monomialOfColumn[c])
        }
      }
      start.append(cellColumns.count)
    }
    var values: [Double] = []
    values.reserveCapacity((r - (monomialKeys.first == [] ? 1 : 0)) * n)
    for variables in monomialKeys {
      guard let first = variables.first else { continue }
      var product = frame.numerics[first]!
      for v in variables.dropFirst() {
        let other = frame.numerics[v]!
        for i in 0..<n { product[i] *= other[i] }
      }
      values += product
    }
    cellOfRow = key
    cellCount = representatives.count
    monomialCount = r
    hasConstant = monomialKeys.first == []
    monomialValues = values
    columns = p
    cellStart = start
    self.cellColumns = cellColumns
    self.cellMonomials = cellMonomials
    columnMonomials = monomialOfColumn
  }

  /// The value of monomial a in row i.
  @inline(__always)
  func monomial(_ a: Int, row i: Int) -> Double {
    let constant = hasConstant ? 1 : 0
    return a < constant ? 1 : monomialValues[(a - constant) * cellOfRow.count + i]
  }

  /// For every cell, whether column c is nonzero there (its indicators match).
  func cellsMatching(column c: Int) -> [Bool] {
    (0..<cellCount).map { k in cellColumns[cellStart[k]..<cellStart[k + 1]].contains(c) }
  }

  /// A_K(M) for every cell (cell-major, r per cell) from the coefficients of the active columns
  /// (`position[c]` is column c's index among them, or −1).
  func coefficientTable(beta: [Double], position: [Int]) -> [Double] {
    let r = monomialCount
    var table = [Double](repeating: 0, count: cellCount * r)
    for k in 0..<cellCount {
      for e in cellStart[k]..<cellStart[k + 1] {
        let a = position[cellColumns[e]]
        if a >= 0 { table[k * r + cellMonomials[e]] += beta[a] }
      }
    }
    return table
  }

  /// Adds the normal equations over the active columns from the cells' sums (cell-major,
  /// `sumsPerCell` per cell) into `gram` (pa × pa) and `rhs`.
  func addEquations(
    sums: [Double], position: [Int], gram: inout Matrix, rhs: inout [Double]
  ) {
    let r = monomialCount
    let stride = sumsPerCell
    let pa = gram.rows
    for k in 0..<cellCount {
      let base = k * stride
      let range = cellStart[k]..<cellStart[k + 1]
      for e in range {
        let a = position[cellColumns[e]]
        guard a >= 0 else { continue }
        let ma = cellMonomials[e]
        rhs[a] += sums[base + r * (r + 1) / 2 + ma]
        for f in range {
          let b = position[cellColumns[f]]
          guard b >= 0 else { continue }
          let mb = cellMonomials[f]
          gram.elements[a + b * pa] += sums[base + pairIndex(min(ma, mb), max(ma, mb))]
        }
      }
    }
  }
}
