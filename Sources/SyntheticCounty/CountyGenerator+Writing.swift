import Foundation
import Microdata

/// What `CountyGenerator.write(to:)` wrote.
public struct CountySummary: Sendable, Equatable {
  /// The directory holding the files.
  public var directory: URL
  /// Rows of `persons.csv`.
  public var persons: Int
  /// Rows of `population.csv` (nonzero cells).
  public var populationCells: Int
  /// Rows of `suspects.csv` by offence, in `OffenceType.allCases` order.
  public var suspects: [Int]
  /// Rows of `suspicions.csv`.
  public var suspicions: Int
  /// The file names written, in the order written.
  public var files: [String]
}

extension CountyGenerator {
  /// Writes `persons.csv`, `suspects.csv`, `suspicions.csv`, `population.csv` and
  /// `truth.json` into `directory`, creating it if needed and replacing files of those names.
  ///
  /// The CSV files are `;`-separated UTF-8 with LF line ends and a header row; missing values
  /// are empty fields. `truth.json` is the `CountyModel` with sorted keys.
  ///
  /// - Throws: `CountyError.cannotCreateDirectory`, `.cannotWrite` or `.cannotEncodeTruth`.
  /// - Complexity: O(persons) time; memory independent of the number of persons.
  @discardableResult
  public func write(to directory: URL) throws(CountyError) -> CountySummary {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreateDirectory(
        path: directory.path, reason: fileErrorReason(error, path: directory.path))
    }
    var sink = try FileSink(directory: directory, referenceYear: configuration.referenceYear)
    let population = try run(into: &sink)
    try sink.close()
    try FileSink.writePopulation(
      population, to: directory.appendingPathComponent("population.csv"))
    let truthURL = directory.appendingPathComponent("truth.json")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do {
      data = try encoder.encode(model) + Data([10])
    } catch {
      throw .cannotEncodeTruth(reason: "\(error)")
    }
    do {
      try data.write(to: truthURL)
    } catch {
      throw .cannotWrite(path: truthURL.path, reason: fileErrorReason(error, path: truthURL.path))
    }
    return CountySummary(
      directory: directory, persons: configuration.persons, populationCells: population.count,
      suspects: sink.suspectCounts, suspicions: sink.suspicionCount,
      files: ["persons.csv", "suspects.csv", "suspicions.csv", "population.csv", "truth.json"])
  }
}
