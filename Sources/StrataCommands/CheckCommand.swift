import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports

/// `strata check`: recomputes a recipe's published figures and prints the differences.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Recompute the published figures of a recipe (expect:) and print the differences.",
    discussion: """
      Runs only the analyses that carry published figures, recomputes each figure, rounds it \
      by the figure's rule (half_up, half_even, or double: first to one more decimal, then to \
      the published precision, as Brå does) and prints one row per figure: the cell, the \
      published value, the computed value unrounded and rounded, and the status. Writes no \
      files.

      Exit status: 0 every figure reproduces (figures marked known_mismatch are reported but \
      do not fail); 1 a figure does not reproduce, is suppressed or missing, or its analysis \
      failed; 2 usage error (including a malformed recipe).

      Example:
        strata check notebooks-scripts/bra-tabell-811-aterfall.yaml
      """)

  @Argument(help: "The recipe (YAML).")
  var recipe: String

  @Option(help: "Language of labels and numbers: sv or en (default: the recipe's).")
  var lang: Language?

  @Option(name: .customLong("only"), help: "Check only these analyses (names or numbers).")
  var only: [String] = []

  @Option(help: "Output format: md (a table), csv or json.")
  var format: CheckFormat = .md

  enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case md, csv, json
  }

  func validate() throws { try RecipeLoading.validateOnly(only) }

  func run() throws {
    try execute { FileHandle.standardOutput.write(Data($0.utf8)) }
  }

  /// Runs the check, writing the result table through `write`.
  func execute(write: (String) -> Void) throws {
    let recipe = try RecipeLoading.load(self.recipe)
    let runner = ReportRunner(
      recipe: recipe, language: lang ?? recipe.language, only: RecipeLoading.names(only),
      runChecks: true, onlyWithExpectations: true, progress: { progress($0) })
    let run = try RecipeLoading.run(runner)
    guard !run.checks.isEmpty else {
      throw ValidationError(
        "The recipe \(self.recipe) has no published figures (expect:) to check.")
    }
    let output: String
    var table = try FigureCheck.table(run.checks, language: run.language)
    if run.isInternal { table.footnotes.insert(.notDisclosureProtected(run.language), at: 0) }
    switch format {
    case .json:
      output = String(
        decoding: try FigureCheck.json(run.checks, threshold: run.weakestThreshold),
        as: UTF8.self)
    case .csv: output = try CSVRenderer().render(table)
    case .md: output = try MarkdownRenderer().render(table)
    }
    write(output)
    progress(FigureCheck.summary(run.checks, language: .en))
    if !run.failingChecks.isEmpty || !run.failures.isEmpty { throw ExitCode(1) }
  }
}
