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
      let report = record.report
      let excluded = report.rowsLeftOut
      let name = URL(fileURLWithPath: record.input.path).lastPathComponent
      let amount =
        excluded < threshold
        ? Language.en.text(.fewerThan(threshold: String(threshold)))
        : ReportText.integer(excluded)
      // A per-person table is derived from a file read (and reported) before.
      let verb = record.input.personLevel == nil ? "read" : "per person from"
      // A register read for the persons another file names: the rows read in full.
      let selected =
        record.selectedBy.map {
          " (\(ReportText.integer(report.rowsRead - report.rowsSkipped)) named in \($0) read in full)"
        } ?? ""
      progress(
        "  \(verb) \(name): \(ReportText.integer(record.rows + report.rowsSkipped)) rows"
          + selected + (excluded > 0 ? " (\(amount) excluded)" : "")
          + " in \(ReportText.seconds(record.seconds))")
    }
    var outcomes: [AnalysisOutcome] = []
    DatasetCache.$current.withValue(cache) {
      outcomes = analysedAndLinked(selected).map(publish)
    }
    // The analyst's warnings (English, with file names; small counts already redacted): the
    // page shows the reader's notices in the report's language instead.
    for line in Self.warningLines(outcomes) { progress(line) }
    return ReportRun(
      recipe: recipe, language: language, outcomes: outcomes, files: cache.files,
      indexesBuilt: cache.indexesBuilt, plannedCount: all.count, started: started,
      seconds: Date().timeIntervalSince(started))
  }

  /// The analysts' warnings for the console: each text once, in the order first met, naming
  /// its analysis, or the numbers of all the analyses it concerns (a data file's excluded rows
  /// concern every analysis of the file: 30 times the same line in the model report before).
  package static func warningLines(_ outcomes: [AnalysisOutcome]) -> [String] {
    var texts: [String] = []
    var analyses: [String: [PlannedAnalysis]] = [:]
    for outcome in outcomes {
      for warning in outcome.jobResult?.warnings ?? [] {
        if analyses[warning] == nil { texts.append(warning) }
        analyses[warning, default: []].append(outcome.analysis)
      }
    }
    return texts.map { text in
      let concerned = analyses[text]!
      if concerned.count == 1 {
        return "  warning (\(concerned[0].number). \(concerned[0].title)): \(text)"
      }
      let numbers = concerned.map { String($0.number) }.joined(separator: ", ")
      return "  warning (analyses \(numbers)): \(text)"
    }
  }

  /// Every analysis first, as typed results; then the tables of one population are suppressed
  /// together (linked tables). Publishing comes after.
  package func analysedAndLinked(_ selected: [PlannedAnalysis]) -> [Analysed] {
    var analysed: [Analysed] = []
    for (position, analysis) in selected.enumerated() {
      let result = analyse(analysis)
      let head =
        "[\(position + 1)/\(selected.count)] \(analysis.entry.kind.rawValue): \(analysis.title) …"
      if case .failure(let failed) = result.value, let failure = failed.outcome.failure {
        progress("\(head) FAILED after \(ReportText.seconds(result.seconds))\n  \(failure)")
      } else {
        progress("\(head) \(ReportText.seconds(result.seconds))")
      }
      analysed.append(result)
    }
    link(&analysed)
    return analysed
  }

  /// The cross-tabulations and MAIHDAs of the selected analyses as the report publishes them
  /// (after linked suppression), for an audit of the whole report.
  package func publishedCountTables() throws(RecipeError) -> (
    tabulations: [TabulationResult], maihdas: [MAIHDAAnalysisResult],
    repeats: [RepeatOffendingResult], recidivisms: [RecidivismResult]
  ) {
    let (_, selected) = try selection()
    let results = DatasetCache.$current.withValue(DatasetCache()) {
      analysedAndLinked(selected).compactMap { item -> (any ReportableResult)? in
        if case .success(let result) = item.value { return result }
        return nil
      }
    }
    return (
      results.compactMap { $0 as? TabulationResult },
      results.compactMap { $0 as? MAIHDAAnalysisResult },
      results.compactMap { $0 as? RepeatOffendingResult },
      results.compactMap { $0 as? RecidivismResult }
    )
  }

  /// One analysis run to its typed result (or its failure, as an outcome).
  package struct Analysed {
    var analysis: PlannedAnalysis
    var value: Result<any ReportableResult, FailedOutcome>
    var seconds: Double
  }

  /// A failed analysis's outcome, as an error for `Result`.
  package struct FailedOutcome: Error {
    var outcome: AnalysisOutcome
  }

  /// Builds and runs one analysis and publishes it (`analyse` then `publish`).
  package func runOne(_ analysis: PlannedAnalysis) -> AnalysisOutcome {
    publish(analyse(analysis))
  }

  /// Builds and runs one analysis, turning any error into `JobError.recipeEntry`.
  package func analyse(_ analysis: PlannedAnalysis) -> Analysed {
    let start = Date()
    func failed(_ message: String) -> Analysed {
      let error = JobError.recipeEntry(
        index: analysis.number - 1, title: analysis.title,
        message:
          "line \(analysis.entry.line) of \(URL(fileURLWithPath: recipe.file).lastPathComponent): \(message)"
      )
      var outcome = AnalysisOutcome(
        analysis: analysis, result: .failure(error), filter: analysis.filter(in: recipe),
        seconds: Date().timeIntervalSince(start))
      if runChecks {
        outcome.checks = analysis.expectations.map {
          FigureCheck($0, analysis: analysis.number, title: analysis.title, failure: message)
        }
      }
      return Analysed(
        analysis: analysis, value: .failure(FailedOutcome(outcome: outcome)),
        seconds: outcome.seconds)
    }
    let job: any RecipeJob
    do {
      job = try analysis.makeJob(recipe: recipe, language: language)
    } catch {
      return failed(error.description)
    }
    do {
      let result = try job.analyse()
      return Analysed(
        analysis: analysis, value: .success(result), seconds: Date().timeIntervalSince(start))
    } catch {
      return failed(Self.message(error))
    }
  }

  /// Suppresses the count tables of the report together (`LinkedTabulations`): the
  /// cross-tabulations, MAIHDA stratum tables, repeat-offending and recidivism tables.
  package func link(_ analysed: inout [Analysed]) {
    var tables = LinkedResults<TabulationResult>()
    var maihdas = LinkedResults<MAIHDAAnalysisResult>()
    var repeats = LinkedResults<RepeatOffendingResult>()
    var recidivisms = LinkedResults<RecidivismResult>()
    for (position, item) in analysed.enumerated() {
      guard case .success(let result) = item.value else { continue }
      tables.take(result, at: position)
      maihdas.take(result, at: position)
      repeats.take(result, at: position)
      recidivisms.take(result, at: position)
    }
    guard tables.any || maihdas.any || repeats.any || recidivisms.any else { return }
    let start = Date()
    let groups = LinkedTabulations.protect(
      &tables.results, &maihdas.results, &repeats.results, &recidivisms.results)
    tables.put(into: &analysed)
    maihdas.put(into: &analysed)
    repeats.put(into: &analysed)
    recidivisms.put(into: &analysed)
    let added = groups.map(\.added).reduce(0, +)
    let hidden = groups.map(\.loss.figuresHidden).reduce(0, +)
    let figures = groups.map(\.loss.figures).reduce(0, +)
    progress(
      "linked tables: \(groups.count) groups, \(added) more figures suppressed "
        + "(\(hidden) of \(figures) hidden) in \(ReportText.seconds(Date().timeIntervalSince(start)))"
    )
    for group in groups {
      if let why = group.skipped {
        progress("  not linked (\(group.variables.joined(separator: ", "))): \(why)")
        continue
      }
      for (member, reason) in group.unlinked {
        progress("  table \(member + 1) of the group is not linked: \(reason)")
      }
      // For the analyst's console only: persons hidden are never written to a published file.
      let loss = group.loss
      progress(
        "  \(group.members.count) tables of \(group.populations) populations under "
          + "\(group.filters.count) filters, "
          + "\(group.coverCells) cover cells: \(loss.figuresHidden) of \(loss.figures) figures "
          + "(\(ReportText.percent(loss.figureShare))) and \(loss.personsHidden) of "
          + "\(loss.persons) person-figures (\(ReportText.percent(loss.personShare))) hidden")
    }
  }

  /// Publishes an analysed result with the recipe's source and the entry's selection.
  package func publish(_ item: Analysed) -> AnalysisOutcome {
    let analysis = item.analysis
    let start = Date()
    let filter = analysis.filter(in: recipe)
    let analysed: any ReportableResult
    switch item.value {
    case .failure(let failed): return failed.outcome
    case .success(let result): analysed = result
    }
    var result: AnalysisPublication
    do {
      let data = analysis.entry.dataName(analysis.mainRole, recipe: recipe)
      let context = PublicationContext(
        source: recipe.source, selection: analysis.selection,
        dataDescription: data.flatMap(recipe.dataFile(named:))?.description)
      result = try PublicationContext.$current.withValue(context) {
        try analysed.publication()
      }
    } catch {
      let message = Self.message(error)
      let failure = JobError.recipeEntry(
        index: analysis.number - 1, title: analysis.title,
        message:
          "line \(analysis.entry.line) of \(URL(fileURLWithPath: recipe.file).lastPathComponent): \(message)"
      )
      return AnalysisOutcome(
        analysis: analysis, result: .failure(failure), filter: filter, seconds: item.seconds)
    }
    if let source = recipe.source {
      for index in result.tables.indices
      where !result.tables[index].footnotes.contains(where: { $0.kind == .source }) {
        result.tables[index].footnotes.append(.source(source))
      }
    }
    // The entry's layout, figures and decimals, after disclosure control (it only hides).
    result.tables = result.tables.map { $0.presented(analysis.entry.presentation) }
    var outcome = AnalysisOutcome(
      analysis: analysis, result: .success(result), filter: filter,
      seconds: item.seconds + Date().timeIntervalSince(start))
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

/// The results of one type among a report's analyses, with their positions, for linking.
private struct LinkedResults<Result: ReportableResult> {
  var positions: [Int] = []
  var results: [Result] = []

  var any: Bool { !results.isEmpty }

  mutating func take(_ result: any ReportableResult, at position: Int) {
    guard let typed = result as? Result else { return }
    positions.append(position)
    results.append(typed)
  }

  func put(into analysed: inout [ReportRunner.Analysed]) {
    for (position, result) in zip(positions, results) {
      analysed[position].value = .success(result)
    }
  }
}
