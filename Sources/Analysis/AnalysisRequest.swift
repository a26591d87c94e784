/// One analysis as a value: what to read, how to select and group it, and the options; `run()`
/// reads the data and returns the typed result.
///
/// ```swift
/// let request = LogitRequest(
///   data: DataInput(path: "suspects.csv"), formula: "misstankt ~ kon * fodelse + aldersgrupp",
///   population: DataInput(path: "population.csv"))
/// let result = try request.run()            // LogitResult: fits, exclusions, warnings
/// ```
public protocol AnalysisRequest: Sendable, Codable {
  associatedtype Output: Sendable
  /// Checks the options that need no file; throws `InputError` for a usage problem.
  func validate() throws
  /// Reads the data and computes the result.
  func run() throws -> Output
}

extension AnalysisRequest {
  public func validate() throws {}
}

extension TabulationRequest: AnalysisRequest {}
extension RepeatOffendingRequest: AnalysisRequest {}
extension RecidivismRequest: AnalysisRequest {}
extension LogitRequest: AnalysisRequest {}
extension MAIHDARequest: AnalysisRequest {}
extension ShareRequest: AnalysisRequest {}
extension CountRegressionRequest: AnalysisRequest {}
