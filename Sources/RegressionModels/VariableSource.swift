import Microdata

/// Where a model reads its variables: a dataset, a table of cells, or a test double.
///
/// `Microdata.Dataset` conforms with these exact names. Categorical variables (codebook
/// categories and groupings such as `aldersgrupp`) come as a ``Factor``; numeric ones as
/// `[Double]` with `NaN` for a missing value.
///
/// ```swift
/// struct Table: VariableSource { ... }
/// let fit = try GLM.fit(formula: "y ~ kon + alder", data: table)
/// ```
public protocol VariableSource {
  /// The number of rows.
  var rowCount: Int { get }
  /// Every variable (and grouping) name a formula may use, for "did you mean" suggestions.
  var variableNames: [String] { get }
  /// Whether `name` is a variable or grouping of the source.
  func hasVariable(_ name: String) -> Bool
  /// The categorical view of a variable or grouping (codes −1/−2 mark missing/outside rows).
  func factor(_ name: String) throws -> Factor
  /// The numeric values of a variable, `NaN` where missing.
  func numeric(_ name: String) throws -> [Double]
  /// Whether the variable is categorical (a factor in a model) rather than numeric.
  ///
  /// The default asks `factor(_:)` and treats the variable as categorical when it succeeds; a
  /// source with a codebook should answer from the declared type instead.
  func isCategorical(_ name: String) -> Bool
}

extension VariableSource {
  public func isCategorical(_ name: String) -> Bool {
    (try? factor(name)) != nil
  }

  /// The factor for `name`, with errors of the source mapped to ``ModelError``.
  func modelFactor(_ name: String) throws(ModelError) -> Factor {
    guard hasVariable(name) else { throw unknownVariable(name) }
    do {
      let f = try factor(name)
      guard f.codes.count == rowCount else {
        throw ModelError.notEstimable("`\(name)` has \(f.codes.count) values for \(rowCount) rows")
      }
      return f
    } catch let error as ModelError {
      throw error
    } catch {
      throw ModelError.notEstimable("`\(name)` cannot be read as a categorical variable: \(error)")
    }
  }

  /// The numeric values of `name`, with errors of the source mapped to ``ModelError``.
  func modelNumeric(_ name: String) throws(ModelError) -> [Double] {
    guard hasVariable(name) else { throw unknownVariable(name) }
    do {
      let values = try numeric(name)
      guard values.count == rowCount else {
        throw ModelError.notEstimable("`\(name)` has \(values.count) values for \(rowCount) rows")
      }
      return values
    } catch let error as ModelError {
      throw error
    } catch {
      throw ModelError.notEstimable("`\(name)` cannot be read as a number: \(error)")
    }
  }

  /// `.unknownVariable` with the closest names as suggestions.
  func unknownVariable(_ name: String) -> ModelError {
    .unknownVariable(name: name, suggestions: suggestions(for: name, among: variableNames))
  }
}
