import Microdata

/// The second of the four stages (formula → **schema** → frame → matrix, as StatsModels.jl):
/// which variables are categorical, their levels and reference level, and how each term is coded.
///
/// The schema comes from the data source's declared types (the codebook), not from guessing; a
/// formula's `C(x)` makes `x` categorical. The reference level is the one named in `reference`,
/// otherwise the first level (in the codebook's order) that occurs in the rows used.
public struct ModelSchema: Sendable, Equatable {
  /// The formula the schema was made for.
  public let formula: Formula
  /// Whether each right-hand-side variable is categorical.
  public let categorical: [String: Bool]
  /// Requested reference level codes (validated against the factor's levels).
  public let reference: [String: String]
  /// For each term of the formula, the coding of each of its variables (`nil` for numeric ones).
  public let codings: [[Contrasts?]]

  /// Makes the schema of `formula` on `data`.
  /// - Parameters:
  ///   - reference: reference level codes by variable, e.g. `["kon": "2"]`.
  /// - Throws: `.unknownVariable` (with suggestions) for a variable not in the data,
  ///   `.unknownLevel` for a reference level that the factor does not have,
  ///   `.invalidOption` for a reference given for a numeric or absent variable.
  public init(
    formula: Formula, data: some VariableSource, reference: [String: String] = [:]
  ) throws(ModelError) {
    self.formula = formula
    var categorical: [String: Bool] = [:]
    for v in formula.predictorVariables {
      if let expression = formula.derivedVariables[v] {
        try ModelSchema.checkNumeric(expression, in: v, data: data)
        categorical[v] = false
        continue
      }
      guard data.hasVariable(v) else { throw data.unknownVariable(v) }
      categorical[v] = formula.categoricalVariables.contains(v) || data.isCategorical(v)
    }
    for expression in formula.offsets {
      try ModelSchema.checkNumeric(expression, in: "offset(\(expression))", data: data)
    }
    for v in formula.response.variables where !data.hasVariable(v) {
      throw data.unknownVariable(v)
    }
    for (v, code) in reference {
      guard let isFactor = categorical[v] else {
        let near = suggestions(for: v, among: Array(categorical.keys).sorted())
        let hint =
          near.isEmpty ? "" : "; did you mean \(near.map { "`\($0)`" }.joined(separator: " or "))?"
        throw .invalidOption(
          "a reference level is given for `\(v)`, which is not a predictor in the formula\(hint)")
      }
      guard isFactor else {
        throw .invalidOption("a reference level is given for `\(v)`, which is numeric")
      }
      let factor = try data.modelFactor(v)
      guard factor.levelIndex(ofCode: code) != nil else {
        throw .unknownLevel(variable: v, level: code, levels: factor.levels.map(\.code))
      }
    }
    self.categorical = categorical
    self.reference = reference
    self.codings = Contrasts.codings(
      terms: formula.terms, hasIntercept: formula.hasIntercept,
      isCategorical: { categorical[$0] ?? false })
  }

  /// Every variable of a transform (`log(x)`) or offset must be a numeric variable of the data.
  static func checkNumeric(
    _ expression: NumericExpression, in context: String, data: some VariableSource
  ) throws(ModelError) {
    for v in expression.variables {
      guard data.hasVariable(v) else { throw data.unknownVariable(v) }
      if data.isCategorical(v) {
        throw .invalidOption(
          "`\(context)` computes with `\(v)`, which is categorical; arithmetic needs a numeric variable"
        )
      }
    }
  }
}
