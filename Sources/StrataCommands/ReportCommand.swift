import Analysis
import ArgumentParser
import Foundation
import Microdata
import Reporting
import Reports

/// `strata report`: runs every analysis of a recipe and writes the report folder.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Run a report recipe: every table, chart and check into one folder with index.html.",
    discussion: """
      The recipe (YAML) names the data files, the language, the suppression threshold, filters \
      and the analyses (tabulate, rates, repeat, recidivism, logit, maihda, share), each with \
      its options, optional for_each repetition and optional published figures (expect:). \
      See notebooks-scripts/vem-misstanks-for-vald.yaml for a complete example.

      Writes DIR/index.html (the whole report on one page), DIR/tables.xlsx (one sheet per \
      table), and per analysis DIR/<nn>-<slug>.json (the analysis's JSON), \
      DIR/<nn>-<slug>.{md,csv,html,tex,table.json} per table and DIR/<nn>-<slug>-<chart>.svg. \
      Each data file is read once. Progress goes to standard error.

      A failing analysis is reported (which entry, and why) and the others still run.

      Exit status: 0 success; 1 an analysis failed, or with --check a published figure did not \
      reproduce; 2 usage error (including a malformed recipe).

      Example:
        strata report notebooks-scripts/vem-misstanks-for-vald.yaml --out report
      """)

  @Argument(help: "The recipe (YAML).")
  var recipe: String

  @Option(help: "The folder to write the report into (created if needed).")
  var out: String

  @Option(help: "Language of labels and numbers: sv or en (default: the recipe's).")
  var lang: Language?

  @Option(
    name: .customLong("only"),
    help:
      "Run only these analyses: a name, an entry's name (all its for_each values) or a number; repeat or separate by commas."
  )
  var only: [String] = []

  @Flag(help: "Also compare the published figures (expect:) and print the differences.")
  var check = false

  func validate() throws { try RecipeLoading.validateOnly(only) }

  func run() throws {
    try execute { FileHandle.standardOutput.write(Data($0.utf8)) }
  }

  /// Runs the report, writing the check table (with `--check`) through `write`.
  func execute(write: (String) -> Void) throws {
    let recipe = try RecipeLoading.load(self.recipe)
    let runner = ReportRunner(
      recipe: recipe, language: lang ?? recipe.language, only: RecipeLoading.names(only),
      runChecks: check, progress: { progress($0) })
    let run = try RecipeLoading.run(runner)
    let directory = URL(fileURLWithPath: out)
    let writing = Date()
    try ReportWriter(run: run, directory: directory, removeStaleFiles: only.isEmpty).write()
    let written = Date().timeIntervalSince(writing)
    if check {
      let table = try FigureCheck.table(run.checks, language: run.language)
      write(try MarkdownRenderer().render(table))
    }
    let failed = run.failures.count
    progress(
      "wrote \(run.outcomes.count - failed) of \(run.outcomes.count) analyses to "
        + directory.appendingPathComponent("index.html").path + " (analyses "
        + ReportText.seconds(run.seconds) + ", files " + ReportText.seconds(written) + ")"
        + (failed > 0 ? "; \(failed) failed" : ""))
    if check && !run.checks.isEmpty {
      progress(FigureCheck.summary(run.checks, language: .en))
    }
    if run.isInternal { printWarnings([run.language.text(.notDisclosureProtected)]) }
    if failed > 0 || !run.failingChecks.isEmpty { throw ExitCode(1) }
  }
}
