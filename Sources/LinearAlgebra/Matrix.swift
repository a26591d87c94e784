/// A dense matrix of `Double`s stored **column-major**, the layout BLAS and LAPACK use.
///
/// Element (i, j) lives at `elements[i + j * rows]`. Columns are contiguous, which matches how a
/// model matrix is built one term at a time. No operation transposes behind your back: every
/// call into BLAS/LAPACK passes `CblasColMajor` / `LAPACK_COL_MAJOR`.
///
/// ```swift
/// let x = Matrix(rows: 3, columns: 2, columnMajor: [1, 1, 1, 0, 1, 2])
/// x[2, 1]  // 2
/// ```
public struct Matrix: Sendable, Equatable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// The elements, column after column (`rows * columns` of them).
  public var elements: [Double]

  /// A matrix filled with one value.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.elements = Array(repeating: value, count: rows * columns)
  }

  /// A matrix from its elements in column-major order.
  public init(rows: Int, columns: Int, columnMajor elements: [Double]) {
    precondition(elements.count == rows * columns, "Expected \(rows * columns) elements")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// A matrix from a list of rows, as one writes it on paper (converted to column-major).
  public init(_ rowList: [[Double]]) {
    let r = rowList.count
    let c = rowList.first?.count ?? 0
    precondition(rowList.allSatisfy { $0.count == c }, "All rows must have the same length")
    var elements = [Double](repeating: 0, count: r * c)
    for i in 0..<r {
      for j in 0..<c { elements[i + j * r] = rowList[i][j] }
    }
    self.init(rows: r, columns: c, columnMajor: elements)
  }

  /// The n × n identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n { m[i, i] = 1 }
    return m
  }

  /// A matrix whose columns are the given vectors (all of one length).
  public init(columns columnList: [[Double]]) {
    let r = columnList.first?.count ?? 0
    precondition(columnList.allSatisfy { $0.count == r }, "All columns must have the same length")
    self.init(rows: r, columns: columnList.count, columnMajor: Array(columnList.joined()))
  }

  /// Element (i, j).
  @inlinable
  public subscript(row: Int, column: Int) -> Double {
    get { elements[row + column * rows] }
    set { elements[row + column * rows] = newValue }
  }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] {
    Array(elements[(j * rows)..<((j + 1) * rows)])
  }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Double] {
    (0..<columns).map { self[i, $0] }
  }

  /// The diagonal.
  public var diagonal: [Double] {
    (0..<Swift.min(rows, columns)).map { self[$0, $0] }
  }

  /// The transpose (a copy).
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for j in 0..<columns {
      for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] }
    }
    return t
  }

  /// The sub-matrix of the given rows and columns, in the order given.
  public func submatrix(rows rowIndices: [Int], columns columnIndices: [Int]) -> Matrix {
    var m = Matrix(rows: rowIndices.count, columns: columnIndices.count)
    for (jj, j) in columnIndices.enumerated() {
      for (ii, i) in rowIndices.enumerated() { m[ii, jj] = self[i, j] }
    }
    return m
  }

  /// The columns with the given indices, all rows.
  public func selectingColumns(_ columnIndices: [Int]) -> Matrix {
    var elements = [Double]()
    elements.reserveCapacity(rows * columnIndices.count)
    for j in columnIndices {
      elements.append(contentsOf: self.elements[(j * rows)..<((j + 1) * rows)])
    }
    return Matrix(rows: rows, columns: columnIndices.count, columnMajor: elements)
  }
}

extension Matrix: CustomStringConvertible {
  public var description: String {
    var lines = ["\(rows)×\(columns) Matrix"]
    for i in 0..<Swift.min(rows, 12) {
      lines.append((0..<Swift.min(columns, 10)).map { "\(self[i, $0])" }.joined(separator: "  "))
    }
    if rows > 12 { lines.append("…") }
    return lines.joined(separator: "\n")
  }
}
