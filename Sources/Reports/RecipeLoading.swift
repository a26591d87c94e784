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

  /// `--only a,b --only c` → `[a, b, c]`.
  package static func names(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
      .filter { !$0.isEmpty }
  }
}
