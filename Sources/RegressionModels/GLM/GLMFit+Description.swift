import Foundation

extension GLMFit: CustomStringConvertible {
  /// A short plain-text summary in the manner of GLM.jl's `show`: model kind, formula, the
  /// coefficient table, then fit statistics and warnings.
  public var description: String {
    var lines: [String] = []
    let kind = method == .firth ? "Firth-penalised" : "Generalized linear"
    lines.append("\(kind) model: \(family.rawValue) family, \(link.rawValue) link")
    if let formula { lines.append("Formula: \(formula)") }
    lines.append("")
    let table = (try? coefficientTable()) ?? nil
    if let table {
      let percent = String(format: "%g", table.level * 100)
      let header = [
        "", "Coef.", "Std. Error", "z", "Pr(>|z|)", "Lower \(percent)%", "Upper \(percent)%",
      ]
      var rows: [[String]] = [header]
      for row in table.rows {
        func f(_ x: Double?, _ digits: Int = 4) -> String {
          guard let x else { return "—" }
          return String(format: "%.\(digits)f", x)
        }
        let p: String
        if let pv = row.pValue {
          p = pv < 1e-4 ? "<1e-04" : String(format: "%.4f", pv)
        } else {
          p = "—"
        }
        rows.append([
          row.term, f(row.estimate), f(row.standardError), f(row.statistic, 2), p, f(row.lower),
          f(row.upper),
        ])
      }
      let widths = (0..<header.count).map { c in rows.map { $0[c].count }.max() ?? 0 }
      let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
      lines.append(rule)
      for (k, row) in rows.enumerated() {
        let cells = row.enumerated().map { c, text in
          c == 0
            ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            : String(repeating: " ", count: widths[c] - text.count) + text
        }
        lines.append(cells.joined(separator: "  "))
        if k == 0 { lines.append(rule) }
      }
      lines.append(rule)
    }
    lines.append(
      "n = \(observationCount), df residual = \(dfResidual), deviance = \(String(format: "%.4f", deviance)), "
        + "null deviance = \(String(format: "%.4f", nullDeviance)), AIC = \(String(format: "%.4f", aic)), "
        + "BIC = \(String(format: "%.4f", bic))")
    lines.append("\(converged ? "Converged" : "Did not converge") in \(iterations) iterations.")
    for warning in warnings { lines.append("Warning: \(warning)") }
    return lines.joined(separator: "\n")
  }
}
