import Analysis
import Foundation
import Microdata
import Reporting

/// Runs the analyses of a recipe in order, sharing each data file between them
/// (`DatasetCache`), and collects their results, failures and published-figure checks.
///
/// A failing analysis does not stop the run: its failure is recorded as
/// `JobError.recipeEntry` (naming the analysis number, title and recipe line) and the next
/// analysis runs. Progress goes to `progress`, one line per analysis and per file read:
///
/// ```
///   read suspects.csv: 1 234 rows (2 excluded) in 0.01 s
/// [3/27] rates: Misstänkta för våld mot bekant per 100 000 … 0.12 s
/// ```
public struct ReportRunner: Sendable {
  public var recipe: Recipe
  /// The report's language (the recipe's unless `--lang` overrides it).
  public var language: Language
  /// Names (or numbers) of the analyses to run; empty runs all. See `PlannedAnalysis.name`.
  public var only: [String] = []
  /// Compare the published figures of entries with `expect:`.
  public var runChecks: Bool = false
  /// Run only the analyses that have published figures (`strata check`).
  public var onlyWithExpectations: Bool = false
  public var progress: @Sendable (String) -> Void = { _ in }

  /// The analyses selected by `only` and `onlyWithExpectations`.
  ///
  /// - Throws: `RecipeError` for a for_each that cannot be expanded, or `--only` names that
  ///   match nothing.

  public init(
    recipe: Recipe,
    language: Language,
    only: [String] = [],
    runChecks: Bool = false,
    onlyWithExpectations: Bool = false,
    progress: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.recipe = recipe
    self.language = language
    self.only = only
    self.runChecks = runChecks
    self.onlyWithExpectations = onlyWithExpectations
    self.progress = progress
  }

  package func selection() throws(RecipeError) -> (
    all: [PlannedAnalysis], selected: [PlannedAnalysis]
  ) {
    let all = try recipe.plannedAnalyses(language: language)
    var selected = all
    if !only.isEmpty {
      selected = all.filter { analysis in only.contains { Self.matches($0, analysis) } }
      let unmatched = only.filter { name in !all.contains { Self.matches(name, $0) } }
      if !unmatched.isEmpty {
        let names = all.map(\.name)
        let hint =
          Microdata.suggestions(for: unmatched[0], among: names).first.map {
            "; did you mean `\($0)`?"
          } ?? ""
        throw .invalidValue(
          file: recipe.file, line: 0,
          message:
            "--only \(unmatched.joined(separator: ", ")) matches no analysis (names: \(names.joined(separator: ", ")))\(hint)"
        )
      }
    }
    if onlyWithExpectations { selected = selected.filter { !$0.expectations.isEmpty } }
    return (all, selected)
  }

  /// Whether `--only NAME` selects `analysis`: its name, the name of its entry (all its
  /// for_each values), its number, or its file stem.
  package static func matches(_ name: String, _ analysis: PlannedAnalysis) -> Bool {
    let base = analysis.entry.name ?? Slug.make(analysis.entry.title)
    return name == analysis.name || name == base || name == String(analysis.number)
      || analysis.sectionTitle.map { Slug.make($0) == name } == true
      || analysis.stem(width: 2) == name || analysis.stem(width: 3) == name
  }

  /// Runs the selected analyses.
  public func run() throws(RecipeError) -> ReportRun {
    let (all, selected) = try selection()
    let started = Date()
    let progress = self.progress
    let threshold = recipe.suppress
    let cache = DatasetCache { record in
      let excluded = record.report.rowsRead - record.report.rowsKept
      let name = URL(fileURLWithPath: record.input.path).lastPathComponent
      let amount =
        excluded < threshold
        ? Language.en.text(.fewerThan(threshold: String(threshold)))
        : ReportText.integer(excluded)
      progress(
        "  read \(name): \(ReportText.integer(record.rows)) rows"
          + (excluded > 0 ? " (\(amount) excluded)" : "")
          + " in \(ReportText.seconds(record.seconds))")
    }
    var outcomes: [AnalysisOutcome] = []
    DatasetCache.$current.withValue(cache) {
      for (position, analysis) in selected.enumerated() {
        let outcome = runOne(analysis)
        let head =
          "[\(position + 1)/\(selected.count)] \(analysis.entry.kind.rawValue): \(analysis.title) …"
        if let failure = outcome.failure {
          progress("\(head) FAILED after \(ReportText.seconds(outcome.seconds))\n  \(failure)")
        } else {
          progress("\(head) \(ReportText.seconds(outcome.seconds))")
        }
        outcomes.append(outcome)
      }
    }
    return ReportRun(
      recipe: recipe, language: language, outcomes: outcomes, files: cache.files,
      plannedCount: all.count, started: started, seconds: Date().timeIntervalSince(started))
  }

  /// Builds and runs one analysis, turning any error into `JobError.recipeEntry`.
  package func runOne(_ analysis: PlannedAnalysis) -> AnalysisOutcome {
    let start = Date()
    let filter = analysis.filter(in: recipe)
    func failed(_ message: String) -> AnalysisOutcome {
      let error = JobError.recipeEntry(
        index: analysis.number - 1, title: analysis.title,
        message:
          "line \(analysis.entry.line) of \(URL(fileURLWithPath: recipe.file).lastPathComponent): \(message)"
      )
      var outcome = AnalysisOutcome(
        analysis: analysis, result: .failure(error), filter: filter,
        seconds: Date().timeIntervalSince(start))
      if runChecks {
        outcome.checks = analysis.expectations.map {
          FigureCheck($0, analysis: analysis.number, title: analysis.title, failure: message)
        }
      }
      return outcome
    }
    let job: any RecipeJob
    do {
      job = try analysis.makeJob(recipe: recipe, language: language)
    } catch {
      return failed(error.description)
    }
    let analysed: any ReportableResult
    var result: AnalysisPublication
    do {
      analysed = try job.analyse()
      let context = PublicationContext(source: recipe.source, selection: analysis.selection)
      result = try PublicationContext.$current.withValue(context) {
        try analysed.publication()
      }
    } catch {
      return failed(Self.message(error))
    }
    if let source = recipe.source {
      for index in result.tables.indices
      where !result.tables[index].footnotes.contains(where: { $0.kind == .source }) {
        result.tables[index].footnotes.append(.source(source))
      }
    }
    var outcome = AnalysisOutcome(
      analysis: analysis, result: .success(result), filter: filter,
      seconds: Date().timeIntervalSince(start))
    if runChecks {
      outcome.checks = analysis.expectations.map {
        FigureCheck($0, analysis: analysis.number, title: analysis.title, in: analysed)
      }
    }
    return outcome
  }

  /// An error as the sentence its type gives it.
  package static func message(_ error: any Error) -> String {
    String(describing: error)
  }
}
