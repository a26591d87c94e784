import Dispatch
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
  /// The columns as typed values (see ``ModelTerm``).
  public let modelTerms: [ModelTerm]
  /// Coefficient names, one per column (``ModelTerm/name`` of `modelTerms`).
  public var columnNames: [String] { modelTerms.map(\.name) }
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
    // Each column is written once, without zero-filling first; large matrices are filled by
    // two threads, one column at a time.
    let elements = [Double](unsafeUninitializedCapacity: n * p) { buffer, initialized in
      let base = Output(pointer: buffer.baseAddress!)
      let fill: @Sendable (Int) -> Void = { c in
        let e = base.pointer + c * n
        let components = layout.columns[c].components
        guard let first = components.first else {
          e.initialize(repeating: 1, count: n)
          return
        }
        ModelMatrix.write(first, frame: frame, rows: rows, n: n, into: e, multiply: false)
        for component in components.dropFirst() {
          ModelMatrix.write(component, frame: frame, rows: rows, n: n, into: e, multiply: true)
        }
      }
      if n * p >= 1 << 20 && p > 1 {
        DispatchQueue.concurrentPerform(iterations: p, execute: fill)
      } else {
        for c in 0..<p { fill(c) }
      }
      initialized = n * p
    }
    x = Matrix(rows: n, columns: p, columnMajor: elements)
    modelTerms = layout.modelTerms
    assign = layout.assign
    terms = frame.schema.formula.terms
  }

  /// The destination of a parallel fill (each thread writes its own columns).
  private struct Output: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
  }

  /// Writes (or multiplies into) `e` one component of a column: a level indicator or a numeric.
  private static func write(
    _ component: ColumnLayout.Component, frame: ModelFrame, rows: [Int]?, n: Int,
    into e: UnsafeMutablePointer<Double>, multiply: Bool
  ) {
    if let level = component.level {
      let target = Int32(level)
      frame.factors[component.variable]!.codes.withUnsafeBufferPointer { codes in
        for i in 0..<n {
          let code = codes[rows?[i] ?? i]
          if multiply {
            if code != target { e[i] = 0 }
          } else {
            e[i] = code == target ? 1 : 0
          }
        }
      }
    } else {
      frame.numerics[component.variable]!.withUnsafeBufferPointer { x in
        for i in 0..<n {
          let value = x[rows?[i] ?? i]
          e[i] = multiply ? e[i] * value : value
        }
      }
    }
  }
}
