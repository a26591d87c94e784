/// The columns of a model matrix: for each, the term it belongs to, its name, and the product of
/// indicator and numeric factors that gives its value in a row.
///
/// Within a term, columns follow R's `model.matrix`: the first variable's levels vary fastest.
/// Names follow StatsModels: `(Intercept)`, `kon: 1`, `alder`, `kon: 1 & fodelse: utrikes`.
struct ColumnLayout: Sendable, Equatable {
  /// One factor of a column's product.
  struct Component: Sendable, Equatable {
    /// The variable.
    let variable: String
    /// For a categorical variable, the level index whose indicator this is; `nil` for a numeric
    /// variable (its value).
    let level: Int?
  }

  /// One column.
  struct Column: Sendable, Equatable {
    let name: String
    /// 0 for the intercept, k for the formula's k-th term (1-based), as R's `assign`.
    let term: Int
    let components: [Component]
  }

  let columns: [Column]

  /// The layout for a frame: treatment columns (all levels but the reference) or indicator
  /// columns, as the schema's codings say.
  init(frame: ModelFrame) {
    let schema = frame.schema
    var columns: [Column] = []
    if schema.formula.hasIntercept {
      columns.append(Column(name: "(Intercept)", term: 0, components: []))
    }
    for (k, term) in schema.formula.terms.enumerated() {
      // For each variable, the list of (component, label) choices.
      var choices: [[(Component, String)]] = []
      for (j, v) in term.variables.enumerated() {
        if let factor = frame.factors[v] {
          let levels =
            schema.codings[k][j] == .indicators
            ? Array(0..<factor.levels.count)
            : (0..<factor.levels.count).filter { $0 != factor.reference }
          choices.append(
            levels.map { (Component(variable: v, level: $0), "\(v): \(factor.levels[$0].code)") })
        } else {
          choices.append([(Component(variable: v, level: nil), v)])
        }
      }
      // Cartesian product, first variable fastest.
      var combos: [[(Component, String)]] = [[]]
      for options in choices {
        var next: [[(Component, String)]] = []
        for option in options {
          for combo in combos { next.append(combo + [option]) }
        }
        combos = next
      }
      for combo in combos {
        columns.append(
          Column(
            name: combo.map(\.1).joined(separator: " & "), term: k + 1, components: combo.map(\.0)))
      }
    }
    self.columns = columns
  }

  var count: Int { columns.count }
  var names: [String] { columns.map(\.name) }
  var assign: [Int] { columns.map(\.term) }

  /// The value of column `c` for a row described by its factor codes and numeric values.
  @inline(__always)
  func value(_ c: Int, code: (String) -> Int32, number: (String) -> Double) -> Double {
    var product = 1.0
    for component in columns[c].components {
      if let level = component.level {
        if code(component.variable) != Int32(level) { return 0 }
      } else {
        product *= number(component.variable)
      }
    }
    return product
  }
}

extension ColumnLayout {
  /// The model-matrix row for a row described by its factor codes and numeric values.
  func row(code: (String) -> Int32, number: (String) -> Double) -> [Double] {
    (0..<count).map { value($0, code: code, number: number) }
  }

  /// ∂row/∂v for a numeric variable v: for each column containing v, the product of its other
  /// components; 0 elsewhere.
  func derivativeRow(withRespectTo v: String, code: (String) -> Int32, number: (String) -> Double)
    -> [Double]
  {
    columns.map { column in
      guard column.components.contains(where: { $0.variable == v && $0.level == nil }) else {
        return 0
      }
      var product = 1.0
      for component in column.components where component.variable != v {
        if let level = component.level {
          if code(component.variable) != Int32(level) { return 0 }
        } else {
          product *= number(component.variable)
        }
      }
      return product
    }
  }
}
