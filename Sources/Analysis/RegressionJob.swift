import Microdata
import RegressionModels

/// What a logit job and a count job (``LogitRequest``, ``CountRegressionRequest``) share: a
/// formula and formulas to compare with it, fitted to the rows of the data or to its persons
/// against a population, with the same estimation, covariance and disclosure options.
package protocol RegressionJob {
  var formula: String { get }
  /// Nested formulas to compare by likelihood-ratio tests (`--compare`).
  var compare: [String] { get }
  var population: DataInput? { get }
  var populationFilter: String? { get }
  var weight: String? { get }
  var robust: CovarianceType? { get }
  var cluster: String? { get }
  var level: Double { get }
  var reference: [String: String] { get }
  var maxIterations: Int { get }
  var epsilon: Double { get }
  var suppress: Int { get }
}

extension RegressionJob {
  /// Fails on the first row of a large file, before it is read whole, when the filter or a
  /// variable the formulas or `rowOptions` (weight, trials, offset, cluster) name does not fit
  /// it (``DataInput/preflight(filter:_:)``), with the errors the fit would give after the
  /// load. A fit against a population is left to the fit: its outcome is counted, not read.
  package func preflightRows(
    _ data: DataInput, filter: String?, formulas: [Formula], rowOptions: [String?]
  ) throws {
    guard population == nil else { return }
    try data.preflight(filter: filter) { first in
      let names = formulas.flatMap(\.sourceVariables) + rowOptions.compactMap { $0 }
      if let unknown = names.first(where: { !first.hasVariable($0) }) {
        throw ModelError.unknownVariable(
          name: unknown, suggestions: suggestions(for: unknown, among: first.variableNames))
      }
    }
  }

  /// The formula and those of `compare`, which must have its outcome.
  package func parseFormulas() throws -> (main: Formula, others: [Formula]) {
    let main = try Formula(formula)
    var others: [Formula] = []
    for text in compare {
      let other = try Formula(text)
      guard other.response == main.response else {
        throw ModelJobError.differentOutcomes(main.response.description, other.response.description)
      }
      others.append(other)
    }
    return (main, others)
  }

  /// The GLM options these options give; the job adds its family, method and collapsing.
  package var sharedGLMOptions: GLMOptions {
    var options = GLMOptions()
    options.maxIterations = maxIterations
    options.epsilon = epsilon
    options.reference = reference
    options.weights = weight
    options.cluster = cluster
    options.level = level
    if cluster != nil {
      options.covariance = .cluster
    } else if let robust {
      options.covariance = robust
    }
    return options
  }

  /// Checks `level`, `maxIterations` and `epsilon`.
  package func validateEstimation() throws {
    guard level > 0 && level < 1 else {
      throw InputError.invalidOptions("--level must lie strictly between 0 and 1, e.g. 0.95.")
    }
    guard maxIterations >= 1 else {
      throw InputError.invalidOptions("--max-iterations must be at least 1.")
    }
    guard epsilon > 0 else { throw InputError.invalidOptions("--epsilon must be positive.") }
  }

  /// Checks `suppress`, the options that describe rows of individual data (which a fit against
  /// a population has none of), `populationFilter` and `robust`.
  /// - Parameters:
  ///   - rowOptions: the job's options that describe rows of individual data.
  ///   - conflict: the sentence when one of them is given with a population.
  package func validateDesign(rowOptions: [String?], conflict: String) throws {
    func invalid(_ why: String) -> InputError { .invalidOptions(why) }
    try InputError.checkSuppression(suppress)
    if population != nil && rowOptions.contains(where: { $0 != nil }) { throw invalid(conflict) }
    if populationFilter != nil && population == nil {
      throw invalid("--population-filter needs --population.")
    }
    if let robust {
      guard cluster == nil else {
        throw invalid("--cluster already gives cluster-robust standard errors; drop --robust.")
      }
      guard robust == .hc0 || robust == .hc1 else {
        throw invalid("--robust takes hc0 or hc1, not `\(robust.rawValue)`.")
      }
    }
  }
}
