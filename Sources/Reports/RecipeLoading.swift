import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting

/// What `strata report` and `strata check` share: reading the recipe (a malformed recipe is a
/// usage error, exit 2, with the recipe line) and running it.
public enum RecipeLoading {
  package static func load(_ path: String) throws -> Recipe {
    do {
      return try Recipe(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ValidationError(error.description)
    }
  }

  public static func run(_ runner: ReportRunner) throws -> ReportRun {
    do {
      return try runner.run()
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// Checks `--only`: given but naming nothing (`--only ''` or `--only ,`), it would run the
  /// whole report (and keep an earlier one's files), so it is a usage error.
  package static func validateOnly(_ values: [String]) throws {
    if !values.isEmpty && names(values).isEmpty {
      throw ValidationError(
        "--only names no analysis: give a name or a number, e.g. --only 3,vbek-kon.")
    }
  }

  /// `--only a,b --only c` → `[a, b, c]`.
  package static func names(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
      .filter { !$0.isEmpty }
  }
}
