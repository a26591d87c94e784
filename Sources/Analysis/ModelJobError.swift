/// Errors of the model analyses (`logit`, `maihda`) that arise between reading the data and
/// fitting: which outcomes a mode accepts.
public enum ModelJobError: Error, CustomStringConvertible, Equatable, Sendable {
  /// An outcome the mode cannot take, with what to do instead.
  case outcome(String)
  /// The formulas of `--compare` differ in their outcome.
  case differentOutcomes(String, String)

  public var description: String {
    switch self {
    case .outcome(let why):
      return why
    case .differentOutcomes(let a, let b):
      return "Compared models must have the same outcome: `\(a)` and `\(b)` differ."
    }
  }
}
