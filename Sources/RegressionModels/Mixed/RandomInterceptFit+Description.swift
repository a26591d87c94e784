import Foundation

extension RandomInterceptFit: CustomStringConvertible {
  /// A short plain-text summary: the model, the fit, the random intercept and the fixed effects
  /// (tables for reports come from `coefficientRows(level:)` and `randomIntercept`).
  public var description: String {
    func number(_ x: Double) -> String { String(format: "%.6g", x) }
    func range(_ r: ClosedRange<Double>?) -> String {
      r.map { " [\(number($0.lowerBound)), \(number($0.upperBound))]" } ?? ""
    }
    let approximation: String
    switch method {
    case .laplace: approximation = "Laplace"
    case .adaptiveGaussHermite: approximation = "adaptive Gauss–Hermite, \(nAGQ) nodes"
    case .reml: approximation = "REML"
    case .ml: approximation = "ML"
    }
    let v = randomIntercept
    let kind: String
    switch family {
    case .binomial: kind = "logistic"
    case .poisson: kind = "Poisson"
    case .gaussian: kind = "linear"
    }
    let ratio: String =
      v.medianOddsRatio.map { mor in
        ", MOR \(number(mor))\(range(v.medianOddsRatioInterval))"
      } ?? ""
    let residual: String = v.residualVariance.map { ", σ²_e \(number($0))" } ?? ""
    var lines = [
      "Random-intercept \(kind) model (\(approximation)): \(strataCount) strata, "
        + "\(personCount) persons, \(caseCount) cases",
      "log-likelihood \(number(logLikelihood)), deviance \(number(deviance)), AIC \(number(aic)); "
        + (converged ? "converged" : "NOT converged") + " in \(iterations) iterations"
        + (boundary ? "; boundary (singular) fit" : ""),
      "σ²_u \(number(v.variance))\(range(v.varianceInterval))\(residual), "
        + "VPC \(number(v.vpc))\(range(v.vpcInterval))\(ratio)",
    ]
    let width = max(4, coefficientNames.map(\.count).max() ?? 0)
    lines.append(
      "term".padding(toLength: width, withPad: " ", startingAt: 0)
        + "  estimate  std.error          z   p-value")
    for row in coefficientRows() {
      lines.append(
        row.term.padding(toLength: width, withPad: " ", startingAt: 0)
          + String(
            format: "  %8.4f  %9.4f  %9.3f  %8.2g", row.estimate, row.standardError, row.z,
            row.pValue))
    }
    return lines.joined(separator: "\n")
  }
}

extension MAIHDAResult: CustomStringConvertible {
  /// A short plain-text summary: VPC, PCV and AUC of both models and the five strata with the
  /// highest predicted probability.
  public var description: String {
    func number(_ x: Double) -> String { String(format: "%.4g", x) }
    func model(_ name: String, _ summary: MAIHDAModelSummary) -> String {
      let v = summary.randomIntercept
      let interval = v.vpcInterval.map { " [\(number($0.lowerBound)), \(number($0.upperBound))]" }
      let mor = v.medianOddsRatio.map { ", MOR \(number($0))" } ?? ""
      let auc = summary.auc.map { ", AUC \(number($0.auc))" } ?? ""
      return "\(name): σ²_u \(number(v.variance)), VPC \(number(v.vpc))\(interval ?? "")"
        + mor + auc
    }
    var lines = [
      "MAIHDA over \(strata.count) strata (\(variables.joined(separator: " × "))), "
        + (family == .binomial ? "" : "\(family.rawValue), ")
        + (method == .adaptiveGaussHermite
          ? "AGHQ \(nAGQ) nodes" : method == .laplace ? "Laplace" : method.rawValue.uppercased()),
      model("Null model", nullSummary),
      model("Main-effects model", mainEffectsSummary)
        + (pcv.map { ", PCV \(number($0))" } ?? ""),
      "Highest predicted probability:",
    ]
    for row in strata.prefix(5) {
      lines.append(
        "  \(row.rank). \(row.codes.joined(separator: " / ")): \(number(row.predicted)) "
          + "[\(number(row.predictedInterval.lowerBound)), "
          + "\(number(row.predictedInterval.upperBound))], observed \(row.cases)/\(row.persons), "
          + "interaction \(number(row.interaction))")
    }
    lines += warnings.map { "Warning: \($0)" }
    return lines.joined(separator: "\n")
  }
}
