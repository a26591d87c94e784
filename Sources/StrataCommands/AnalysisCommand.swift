import Analysis
import ArgumentParser
import Reporting

/// A subcommand that fills one analysis request from its options, runs it and writes its
/// publication; `validate()` and `run()` are the same for all of them.
protocol AnalysisCommand: ParsableCommand {
  associatedtype Request: AnalysisRequest where Request.Output: PublishableResult
  /// The request the options describe.
  var request: Request { get }
  var output: OutputOptions { get }
  var rendering: AnalysisOutputOptions { get }
}

extension AnalysisCommand {
  /// A request's usage problem is a usage error (exit 2), with the request's sentence.
  func validate() throws { try validateAsUsage { request } }

  func run() throws {
    try writeAnalysisResult(request.publish(), output: output, rendering: rendering)
  }
}
