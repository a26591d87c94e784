/// Errors of the command layer itself (the library modules have their own typed errors, which
/// pass through unchanged and print as their sentences).
public enum JobError: Error, CustomStringConvertible, Equatable {
  /// An option value the library cannot take.
  case invalidOption(String)
  /// An analysis failed in a report; names the recipe entry.
  case recipeEntry(index: Int, title: String, message: String)

  public var description: String {
    switch self {
    case .invalidOption(let why): return "Invalid option: \(why)."
    case .recipeEntry(let index, let title, let message):
      return "Recipe entry \(index + 1) (\(title)) failed: \(message)"
    }
  }
}
