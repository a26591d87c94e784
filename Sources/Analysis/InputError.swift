import Tabulation

/// Problems the analysis jobs (`tabulate`, `repeat`, `recidivism`) find in their input files
/// and options, beyond what reading a file through the codebook catches. Each names the file
/// and, where there is one, the line and the value.
public enum InputError: Error, CustomStringConvertible, Equatable {
  /// A variable an analysis needs is neither a column of the file nor a grouping of one.
  case unknownVariable(file: String, name: String, suggestions: [String])
  /// A value that the analysis cannot use, e.g. a negative weight.
  case invalidValue(file: String, line: Int, variable: String, value: String, expected: String)
  /// The population file does not fit the counts (a cell without population, zero population
  /// with suspects, a level it lacks, other variables).
  case population(file: String, problem: String)
  /// An option that names a date does not hold one.
  case invalidDate(option: String, value: String)
  /// Options that contradict each other or the data.
  case invalidOptions(String)

  public var description: String {
    switch self {
    case .unknownVariable(let file, let name, let suggestions):
      let hint =
        suggestions.isEmpty
        ? "" : "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
      return "\(file) has no variable or grouping named `\(name)`\(hint)"
        + (hint.isEmpty ? "." : "")
    case .invalidValue(let file, let line, let variable, let value, let expected):
      return "\(file), line \(line): `\(variable)` is \(value), but \(expected) is needed."
    case .population(let file, let problem):
      return "\(file): \(problem)"
    case .invalidDate(let option, let value):
      return "--\(option) \(value) is not a date; write YYYY-MM-DD, e.g. 2017-12-31."
    case .invalidOptions(let why):
      return why
    }
  }
}

extension InputError {
  /// Checks a disclosure threshold: 0 (off) up to `DisclosureControl.maximumThreshold`.
  public static func checkSuppression(_ threshold: Int) throws(InputError) {
    let maximum = DisclosureControl.maximumThreshold
    guard threshold >= 0, threshold <= maximum else {
      throw .invalidOptions(
        "--suppress must be a whole number from 0 (no suppression) to \(maximum), not \(threshold)."
      )
    }
  }
}
