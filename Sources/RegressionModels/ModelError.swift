import LinearAlgebra

/// Why a model could not be specified or fitted.
///
/// Warnings that still give a result (separation, aliased columns, a variance at its boundary)
/// are not errors: they are reported in the fit's diagnostics and warnings.
public enum ModelError: Error, Equatable, Sendable {
  /// The formula text could not be parsed; `position` is the 0-based character offset.
  case formulaSyntax(message: String, formula: String, position: Int)
  /// A variable named in a formula or option is not in the data.
  case unknownVariable(name: String, suggestions: [String])
  /// A reference level (`--reference kon=3`) is not a level of the factor.
  case unknownLevel(variable: String, level: String, levels: [String])
  /// A factor in the model has only one level among the rows used.
  case singleLevelFactor(variable: String, level: String)
  /// The outcome is not 0/1 (or successes outside 0…trials); the first offending row is named.
  case invalidOutcome(description: String, row: Int?)
  /// The outcome takes one value only (e.g. a condition that is always true).
  case constantOutcome(value: Double)
  /// A covariate is NaN or infinite in a row used by the model.
  case nonFiniteCovariate(variable: String, row: Int)
  /// No rows are left after filters and missing values.
  case emptyData
  /// The model cannot be estimated from the data (e.g. one stratum for a multilevel model).
  case notEstimable(String)
  /// The iterations did not converge.
  case didNotConverge(iterations: Int, lastDeviance: Double)
  /// An option value is invalid.
  case invalidOption(String)
  /// A linear-algebra failure that the model could not recover from.
  case linearAlgebra(LinearAlgebraError)
  /// The model matrix would have more than twice as many columns as observations (rows, or
  /// covariate patterns when the fit collapses to them), so that most coefficients could not
  /// be estimated, or more than `GLMOptions.maximumColumns`; checked before it is built.
  /// `largestTerms` names the terms with the most columns.
  case designTooLarge(columns: Int, observations: Int, maximumColumns: Int, largestTerms: [String])
  /// The dense model matrix would need more than `GLMOptions.maximumDesignBytes`.
  case designMemory(rows: Int, columns: Int, bytes: Int, maximumBytes: Int)
}

extension ModelError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .formulaSyntax(let message, let formula, let position):
      // A long formula is shown as the 60 characters either side of the position.
      let characters = Array(formula)
      let from = max(0, min(position, characters.count) - 60)
      let to = min(characters.count, position + 60)
      let shown =
        (from > 0 ? "…" : "") + String(characters[from..<to]) + (to < characters.count ? "…" : "")
      let caret = String(repeating: " ", count: position - from + (from > 0 ? 1 : 0)) + "^"
      return "Cannot read the formula: \(message)\n  \(shown)\n  \(caret)"
    case .unknownVariable(let name, let suggestions):
      let hint =
        suggestions.isEmpty
        ? "" : " Did you mean \(suggestions.map { "`\($0)`" }.joined(separator: " or "))?"
      return "The variable `\(name)` is not in the data.\(hint)"
    case .unknownLevel(let variable, let level, let levels):
      return
        "`\(level)` is not a level of `\(variable)` (levels: \(levels.joined(separator: ", ")))."
    case .singleLevelFactor(let variable, let level):
      return
        "The factor `\(variable)` has only one level (`\(level)`) in the data used; it cannot be a predictor."
    case .invalidOutcome(let description, let row):
      return "The outcome is not valid: \(description)" + (row.map { " (row \($0 + 1))" } ?? "")
        + "."
    case .constantOutcome(let value):
      return "The outcome is \(value) for every row used; there is nothing to model."
    case .nonFiniteCovariate(let variable, let row):
      return "The covariate `\(variable)` is NaN or infinite in row \(row + 1)."
    case .emptyData:
      return "No rows are left to fit the model after filters and missing values."
    case .notEstimable(let why):
      return "The model cannot be estimated: \(why)."
    case .didNotConverge(let iterations, let lastDeviance):
      return "The fit did not converge in \(iterations) iterations (last deviance \(lastDeviance))."
    case .invalidOption(let why):
      return "Invalid option: \(why)" + (why.hasSuffix("?") ? "" : ".")
    case .linearAlgebra(let error):
      return "Linear algebra failed: \(error)"
    case .designTooLarge(let columns, let observations, let maximum, let terms):
      let count = columns == .max ? "more columns than can be counted" : "\(columns) columns"
      let why =
        columns > maximum
        ? "more than the \(maximum) a model may have"
        : "more than twice the \(observations) observations it would be fitted to, so most "
          + "coefficients could not be estimated"
      let largest = terms.isEmpty ? "" : " The largest terms: \(terms.joined(separator: ", "))."
      return "The model matrix would have \(count), \(why).\(largest) Drop or group "
        + "variables with many levels (e.g. aldersgrupp instead of alder, no person number)."
    case .designMemory(let rows, let columns, let bytes, let maximum):
      let size = bytes == .max ? "more memory than can be counted" : "\(bytes >> 20) MiB"
      return "The model matrix of \(rows) rows and \(columns) columns would need \(size), more "
        + "than the \(maximum >> 20) MiB allowed; use fewer columns, or let the fit collapse "
        + "to covariate patterns (categorical predictors only, without --no-collapse)."
    }
  }
}
