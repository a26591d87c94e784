import Foundation
import Microdata
import Reporting

/// The outcome of one analysis of a report run.
struct AnalysisOutcome: Sendable {
  var analysis: PlannedAnalysis
  /// The job's result, or the failure (`JobError.recipeEntry`) naming the entry.
  var result: Result<AnalysisPublication, JobError>
  /// The filter the job ran with.
  var filter: String?
  var seconds: Double
  /// The published-figure checks (empty unless checks were asked for).
  var checks: [FigureCheck] = []

  var failure: JobError? {
    if case .failure(let error) = result { return error }
    return nil
  }

  var jobResult: AnalysisPublication? { try? result.get() }

  /// The formats this analysis is written in.
  func formats(_ recipe: Recipe) -> [TableFormat] { analysis.entry.formats ?? recipe.formats }
}

/// Everything a report run produced: the outcomes in report order and the files read.
struct ReportRun: Sendable {
  var recipe: Recipe
  var language: Language
  var outcomes: [AnalysisOutcome]
  /// The data files read, in the order they were first read.
  var files: [DatasetCache.FileRecord]
  /// The number of analyses in the whole recipe (with --only, more than `outcomes`).
  var plannedCount: Int
  var started: Date
  var seconds: Double

  /// The analyses that failed.
  var failures: [AnalysisOutcome] { outcomes.filter { $0.failure != nil } }

  /// Every published-figure check, in report order.
  var checks: [FigureCheck] { outcomes.flatMap(\.checks) }

  /// The checks that make the run fail.
  var failingChecks: [FigureCheck] { checks.filter(\.isFailure) }

  /// The width of the analysis numbers in file names (2 up to 99 analyses).
  var numberWidth: Int { max(2, String(plannedCount).count) }
}
