/// The columns of a model matrix: for each, the term it belongs to, its typed description
/// (``ModelTerm``, which gives its name), and the product of indicator and numeric factors that
/// gives its value in a row.
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
    /// The column as a typed value (variables, level codes, reference levels).
    let modelTerm: ModelTerm
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
      columns.append(Column(modelTerm: .intercept, term: 0, components: []))
    }
    for (k, term) in schema.formula.terms.enumerated() {
      // For each variable, the list of (component, typed component) choices.
      var choices: [[(Component, ModelTerm.Component)]] = []
      for (j, v) in term.variables.enumerated() {
        if let factor = frame.factors[v] {
          let treatment = schema.codings[k][j] != .indicators
          let reference = treatment ? factor.levels[factor.reference].code : nil
          let levels =
            treatment
            ? (0..<factor.levels.count).filter { $0 != factor.reference }
            : Array(0..<factor.levels.count)
          choices.append(
            levels.map { l in
              let level = ModelTerm.FactorLevel(
                variable: v, code: factor.levels[l].code, reference: reference)
              return (Component(variable: v, level: l), .level(level))
            })
        } else {
          choices.append([(Component(variable: v, level: nil), .numeric(variable: v))])
        }
      }
      // Cartesian product, first variable fastest.
      var combos: [[(Component, ModelTerm.Component)]] = [[]]
      for options in choices {
        var next: [[(Component, ModelTerm.Component)]] = []
        for option in options {
          for combo in combos { next.append(combo + [option]) }
        }
        combos = next
      }
      for combo in combos {
        columns.append(
          Column(
            modelTerm: ModelTerm(components: combo.map(\.1)), term: k + 1,
            components: combo.map(\.0)))
      }
    }
    self.columns = columns
  }

  var count: Int { columns.count }
  var modelTerms: [ModelTerm] { columns.map(\.modelTerm) }
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
