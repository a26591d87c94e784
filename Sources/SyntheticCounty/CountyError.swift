import Foundation

/// Why a synthetic county could not be configured or written.
public enum CountyError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A parameter of the configuration has a value the model cannot use.
  case invalidConfiguration(parameter: String, value: String, requirement: String)
  /// The output directory could not be created.
  case cannotCreateDirectory(path: String, reason: String)
  /// A file could not be created or written.
  case cannotWrite(path: String, reason: String)
  /// The true parameters could not be encoded as JSON.
  case cannotEncodeTruth(reason: String)

  public var description: String {
    switch self {
    case .invalidConfiguration(let parameter, let value, let requirement):
      "The county configuration's \(parameter) is \(value), but it \(requirement)."
    case .cannotCreateDirectory(let path, let reason):
      "Could not create the output directory \(path): \(reason)."
    case .cannotWrite(let path, let reason):
      "Could not write \(path): \(reason)."
    case .cannotEncodeTruth(let reason):
      "Could not encode the true parameters as JSON: \(reason)."
    }
  }
}
