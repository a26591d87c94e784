import LinearAlgebra

/// The fixed-effects design of a MAIHDA model: one row per stratum.
///
/// The null model has the intercept alone. The main-effects model adds the stratifying variables
/// with treatment (dummy) contrasts: for each variable, one 0/1 column per level except the
/// reference, named `variable: code` (`kon: 2`, `aldersgrupp: 18-24`) as in the rest of
/// RegressionModels. The reference is the first level present among the strata used; levels
/// with no stratum in the model get no column and are listed in `omittedLevels`.
///
/// ```
/// x_j = (1, [level(j, v) = ℓ] for each variable v and non-reference level ℓ)
/// ```
public struct StratumDesign: Sendable, Equatable {
  /// The J × p design.
  public let matrix: Matrix
  /// The p columns as typed values, `.intercept` first, then each variable's levels other than
  /// its reference (`.level("kon", code: "2", reference: "1")`).
  public let terms: [ModelTerm]
  /// `variable: code` of levels absent from the strata used (no column).
  public let omittedLevels: [String]

  /// The intercept-only design of the null model for `count` strata.
  public static func intercept(strata count: Int) -> StratumDesign {
    StratumDesign(
      matrix: Matrix(rows: count, columns: 1, repeating: 1), terms: [.intercept],
      omittedLevels: [])
  }

  /// The main-effects design for the given strata of `data` (all by default).
  public static func mainEffects(of data: StratumData, strata rows: [Int]? = nil) -> StratumDesign {
    let rows = rows ?? Array(data.strata.indices)
    var columns: [[Double]] = [[Double](repeating: 1, count: rows.count)]
    var terms: [ModelTerm] = [.intercept]
    var omitted: [String] = []
    for (v, variable) in data.variables.enumerated() {
      let present = Set(rows.map { data.strata[$0].levels[v] })
      let levels = variable.levels.indices.filter { present.contains($0) }
      for (index, level) in variable.levels.enumerated() where !present.contains(index) {
        omitted.append(ModelTerm.level(variable.name, code: level.code, reference: nil).name)
      }
      let reference = levels.first.map { variable.levels[$0].code }
      for level in levels.dropFirst() {
        columns.append(rows.map { data.strata[$0].levels[v] == level ? 1 : 0 })
        terms.append(
          .level(variable.name, code: variable.levels[level].code, reference: reference))
      }
    }
    return StratumDesign(matrix: Matrix(columns: columns), terms: terms, omittedLevels: omitted)
  }

  /// The p coefficient names, `(Intercept)` first (``ModelTerm/name`` of `terms`).
  public var names: [String] { terms.map(\.name) }
}
