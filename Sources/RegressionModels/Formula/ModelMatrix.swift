import LinearAlgebra

/// The fourth stage (formula → schema → frame → **matrix**): the column-major design matrix,
/// with the coefficient names and the term each column belongs to.
///
/// ```swift
/// let frame = try ModelFrame(schema: ModelSchema(formula: f, data: data), data: data)
/// let mm = ModelMatrix(frame: frame)
/// mm.columnNames  // ["(Intercept)", "kon: 2", "alder"]
/// ```
public struct ModelMatrix: Sendable {
  /// The design matrix, one row per frame row (or per listed row).
  public let x: Matrix
  /// Coefficient names, one per column.
  public let columnNames: [String]
  /// For each column, 0 for the intercept or the 1-based index of its term (R's `assign`).
  public let assign: [Int]
  /// The formula's terms.
  public let terms: [Term]

  /// Builds the design matrix for every row of `frame`, or for the listed frame rows.
  public init(frame: ModelFrame, rows: [Int]? = nil) {
    let layout = ColumnLayout(frame: frame)
    self.init(layout: layout, frame: frame, rows: rows)
  }

  init(layout: ColumnLayout, frame: ModelFrame, rows: [Int]?) {
    let n = rows?.count ?? frame.count
    let p = layout.count
    var elements = [Double](repeating: 1, count: n * p)
    elements.withUnsafeMutableBufferPointer { e in
      for c in 0..<p {
        let base = c * n
        for component in layout.columns[c].components {
          if let level = component.level {
            let codes = frame.factors[component.variable]!.codes
            let target = Int32(level)
            codes.withUnsafeBufferPointer { codes in
              if let rows {
                for i in 0..<n where codes[rows[i]] != target { e[base + i] = 0 }
              } else {
                for i in 0..<n where codes[i] != target { e[base + i] = 0 }
              }
            }
          } else {
            let x = frame.numerics[component.variable]!
            x.withUnsafeBufferPointer { x in
              if let rows {
                for i in 0..<n { e[base + i] *= x[rows[i]] }
              } else {
                for i in 0..<n { e[base + i] *= x[i] }
              }
            }
          }
        }
      }
    }
    x = Matrix(rows: n, columns: p, columnMajor: elements)
    columnNames = layout.names
    assign = layout.assign
    terms = frame.schema.formula.terms
  }
}
