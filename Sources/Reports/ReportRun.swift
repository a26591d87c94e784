import Analysis
import Foundation
import Microdata
import Reporting

/// The outcome of one analysis of a report run.
public struct AnalysisOutcome: Sendable {
  public var analysis: PlannedAnalysis
  /// The job's result, or the failure (`JobError.recipeEntry`) naming the entry.
  public var result: Result<AnalysisPublication, JobError>
  /// The filter the job ran with.
  public var filter: String?
  public var seconds: Double
  /// The published-figure checks (empty unless checks were asked for).
  public var checks: [FigureCheck] = []

  public var failure: JobError? {
    if case .failure(let error) = result { return error }
    return nil
  }

  public var jobResult: AnalysisPublication? { try? result.get() }

  /// The formats this analysis is written in.
  package func formats(_ recipe: Recipe) -> [TableFormat] {
    analysis.entry.formats ?? recipe.formats
  }
}

/// Everything a report run produced: the outcomes in report order and the files read.
public struct ReportRun: Sendable {
  public var recipe: Recipe
  public var language: Language
  public var outcomes: [AnalysisOutcome]
  /// The data files read, in the order they were first read.
  public var files: [DatasetCache.FileRecord]
  /// The key indexes built for joins (one per data file and key).
  public var indexesBuilt = 0
  /// The number of analyses in the whole recipe (with --only, more than `outcomes`).
  public var plannedCount: Int
  public var started: Date
  public var seconds: Double

  /// The analyses that failed.
  public var failures: [AnalysisOutcome] { outcomes.filter { $0.failure != nil } }

  /// Every published-figure check, in report order.
  public var checks: [FigureCheck] { outcomes.flatMap(\.checks) }

  /// The checks that make the run fail.
  public var failingChecks: [FigureCheck] { checks.filter(\.isFailure) }

  /// The width of the analysis numbers in file names (2 up to 99 analyses).
  public var numberWidth: Int { max(2, String(plannedCount).count) }
}
