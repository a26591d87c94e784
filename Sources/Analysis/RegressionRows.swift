import Microdata
import RegressionModels

/// The rows every compared regression model can use, so that likelihood-ratio tests compare
/// fits of the same observations.
enum RegressionRows {
  /// The rows complete in every variable the formulas read (response, predictors, the variables
  /// behind `log(x)` and offsets) and in `extra` (weights, trials, clusters), and how many rows
  /// the last formula alone would have kept besides.
  static func common(_ formulas: [Formula], dataset: Dataset, extra: [String]) throws -> (
    rows: [Int], extra: Int
  ) {
    func complete(_ names: [String], categorical: Set<String>) throws -> [Bool] {
      var keep = [Bool](repeating: true, count: dataset.rowCount)
      for name in names where dataset.hasVariable(name) {
        if categorical.contains(name) || dataset.isCategorical(name) {
          let codes = try dataset.factor(name).codes
          for row in 0..<keep.count where codes[row] < 0 { keep[row] = false }
        } else {
          let values = try dataset.numeric(name)
          for row in 0..<keep.count where values[row].isNaN { keep[row] = false }
        }
      }
      return keep
    }
    func names(_ f: Formula) -> [String] { f.sourceVariables + extra }
    let categorical = formulas.reduce(into: Set<String>()) { $0.formUnion($1.categoricalVariables) }
    let all = try complete(formulas.flatMap(names), categorical: categorical)
    let main = try complete(names(formulas[formulas.count - 1]), categorical: categorical)
    let rows = all.indices.filter { all[$0] }
    let extra = main.indices.reduce(0) { $0 + (main[$1] && !all[$1] ? 1 : 0) }
    return (rows, extra)
  }
}
