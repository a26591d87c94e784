import Distributions
import Foundation
import Microdata

/// One cell of the predictors (one combination of factor levels, numeric predictors at their
/// mean): the predicted probability with its confidence interval, and what was observed there.
///
/// ```
/// η = xβ,  se = √(x V xᵀ),  interval g⁻¹(η ± Φ⁻¹((1 + level)/2) se)   (on the link scale,
/// back-transformed, so it stays inside (0, 1))
/// ```
public struct PredictedCell: Sendable, Equatable, Codable {
  /// The level code of each categorical predictor.
  public let levels: [String: String]
  /// The linear predictor and its standard error.
  public let linearPredictor: Double
  public let standardError: Double
  /// g⁻¹(η): the predicted probability (or mean).
  public let prediction: Double
  public let lower: Double
  public let upper: Double
  /// Trials (persons) and successes observed in the cell.
  public let trials: Double
  public let successes: Double

  enum CodingKeys: String, CodingKey {
    case levels
    case linearPredictor = "eta"
    case standardError = "std_error"
    case prediction = "predicted"
    case lower, upper, trials, successes
  }
}

/// The scale of predictions.
public enum PredictionScale: String, Sendable, Equatable, CaseIterable, Codable {
  /// g⁻¹(η): probabilities for a binomial model.
  case response
  /// η = xβ.
  case link
}

extension GLMFit {
  /// The predicted value, with a confidence interval, for every combination of the levels of the
  /// categorical predictors (the intersectional profile table), numeric predictors held at their
  /// mean; the first predictor varies slowest.
  ///
  /// - Throws: `.invalidOption` for a fit from a matrix, a level outside (0, 1), or more than
  ///   100 000 cells.
  public func predictionTable(level: Double? = nil, covariance: CovarianceType? = nil)
    throws(ModelError) -> [PredictedCell]
  {
    guard let design, let formula else {
      throw .invalidOption("a prediction table needs a fit from a formula")
    }
    let level = level ?? self.level
    guard level > 0 && level < 1 else {
      throw .invalidOption("the confidence level must be between 0 and 1")
    }
    let factors = formula.predictorVariables.filter { design.factors[$0] != nil }
    let sizes = factors.map { design.factors[$0]!.levels.count }
    let cellCount = sizes.reduce(1, *)
    guard cellCount <= 100_000 else {
      throw .invalidOption("the prediction table would have \(cellCount) cells")
    }
    let v = try covarianceMatrix(covariance ?? covarianceType)
    let q = Normal.quantile((1 + level) / 2)
    let active = activeColumns

    // Observed trials and successes per cell.
    var strides = [Int](repeating: 1, count: factors.count)
    for k in stride(from: factors.count - 2, through: 0, by: -1) {
      strides[k] = strides[k + 1] * sizes[k + 1]
    }
    var trials = [Double](repeating: 0, count: cellCount)
    var successes = [Double](repeating: 0, count: cellCount)
    for r in 0..<data.rowCount {
      var index = 0
      for (k, f) in factors.enumerated() { index += Int(design.rowCodes[f]![r]) * strides[k] }
      trials[index] += data.m[r]
      successes[index] += data.m[r] * data.y[r]
    }

    var cells: [PredictedCell] = []
    for index in 0..<cellCount {
      var codes: [String: Int32] = [:]
      var labels: [String: String] = [:]
      for (k, f) in factors.enumerated() {
        let c = (index / strides[k]) % sizes[k]
        codes[f] = Int32(c)
        labels[f] = design.factors[f]!.levels[c].code
      }
      let x = design.layout.row(code: { codes[$0] ?? 0 }, number: { design.numericMeans[$0] ?? 0 })
      var eta = 0.0
      for j in active { eta += x[j] * coefficients[j]! }
      var variance = 0.0
      for a in active {
        for b in active { variance += x[a] * v[a, b] * x[b] }
      }
      let se = variance.squareRoot()
      let bounds = [link.inverse(eta - q * se), link.inverse(eta + q * se)]
      cells.append(
        PredictedCell(
          levels: labels, linearPredictor: eta, standardError: se, prediction: link.inverse(eta),
          lower: bounds.min()!, upper: bounds.max()!, trials: trials[index],
          successes: successes[index]))
    }
    return cells
  }

  /// Predictions for the rows of `data`, `nil` where a predictor is missing or a level is not one
  /// the model was fitted with, so that the output lines up with the input rows.
  /// - Throws: `.unknownVariable` when a predictor is not in `data`; `.invalidOption` for a fit
  ///   from a matrix.
  public func predict(_ data: some VariableSource, scale: PredictionScale = .response)
    throws(ModelError) -> [Double?]
  {
    guard let design, let formula else {
      throw .invalidOption("predicting from data needs a fit from a formula")
    }
    let n = data.rowCount
    var codes: [String: [Int32]] = [:]
    var numbers: [String: [Double]] = [:]
    for v in formula.predictorVariables {
      if let fitted = design.factors[v] {
        let f =
          formula.categoricalVariables.contains(v) && !data.isCategorical(v)
          ? try ModelFrame.factorFromNumbers(v, try data.modelNumeric(v)) : try data.modelFactor(v)
        let map = f.levels.map { level in
          fitted.levels.firstIndex { $0.code == level.code }.map { Int32($0) } ?? -1
        }
        codes[v] = f.codes.map { $0 < 0 ? -1 : map[Int($0)] }
      } else {
        numbers[v] = try data.modelNumeric(v)
      }
    }
    let active = activeColumns
    return (0..<n).map { i -> Double? in
      for (_, c) in codes where c[i] < 0 { return nil }
      for (_, x) in numbers where !x[i].isFinite { return nil }
      let x = design.layout.row(code: { codes[$0]![i] }, number: { numbers[$0]![i] })
      var eta = 0.0
      for j in active { eta += x[j] * coefficients[j]! }
      return scale == .link ? eta : link.inverse(eta)
    }
  }

  /// The fitted values g⁻¹(η) of the rows the model was fitted on (covariate patterns when
  /// collapsed).
  public var fittedValues: [Double] { fitted }
}
