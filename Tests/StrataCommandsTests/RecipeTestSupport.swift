import Foundation
import Microdata
import StatsTestSupport

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// Reads a recipe from text, with relative paths resolved against `directory`.
func recipe(_ yaml: String, directory: URL = fixture("Fixtures/Report")) throws -> Recipe {
  try Recipe(yaml: yaml, file: "test.yaml", directory: directory)
}

/// The error reading `yaml` throws (nil when it reads).
func recipeError(_ yaml: String) -> RecipeError? {
  do {
    _ = try Recipe(yaml: yaml, file: "test.yaml", directory: fixture("Fixtures/Report"))
    return nil
  } catch {
    return error
  }
}

/// A recipe over the canonical file names of a county folder.
let countyRecipeHeader = """
  title: Testrapport
  language: sv
  suppress: 5
  data:
    suspects: suspects.csv
    population: population.csv
    suspicions: suspicions.csv
    persons: persons.csv.gz
  analyses:
  """
