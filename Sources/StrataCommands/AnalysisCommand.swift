import ArgumentParser

/// An analysis a subcommand can check before and run: the table jobs (`TabulationJob`,
/// `RepeatOffendingJob`, `RecidivismJob`).
protocol AnalysisJob {
  /// Checks option combinations; throws `InputError` for a usage problem.
  func validate() throws
  /// Reads the data and computes the result.
  func run() throws -> JobResult
}

extension TabulationJob: AnalysisJob {}
extension RepeatOffendingJob: AnalysisJob {}
extension RecidivismJob: AnalysisJob {}

/// A subcommand that fills one job from its options and writes the job's result; `validate()`
/// and `run()` are the same for all of them.
protocol AnalysisCommand: ParsableCommand {
  associatedtype Job: AnalysisJob
  /// The job the options describe.
  var job: Job { get }
  var output: OutputOptions { get }
  var rendering: AnalysisOutputOptions { get }
  /// `--suppress`, checked against its range before the job's own checks.
  var suppress: Int { get }
}

extension AnalysisCommand {
  /// A job's usage problem is a usage error (exit 2), with the job's sentence.
  func validate() throws {
    try checkSuppression(suppress)
    do {
      try job.validate()
    } catch let error as InputError {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    try writeAnalysisResult(job.run(), output: output, rendering: rendering)
  }
}
