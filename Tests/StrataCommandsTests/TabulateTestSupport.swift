import Foundation
import StatsTestSupport
import SyntheticCounty
import Testing

@testable import StrataCommands

/// A synthetic county of 20 000 persons (seed 1), written once per test run.
enum TestCounty {
  static let directory: URL = {
    let directory = temporaryDirectory("strata-county")
    let generator = try! CountyGenerator(configuration: CountyConfiguration(persons: 20_000, seed: 1))
    _ = try! generator.write(to: directory)
    return directory
  }()

  /// The path of one of the county's files (`suspects`, `suspicions`, `persons`, `population`).
  static func path(_ name: String) -> String {
    directory.appendingPathComponent("\(name).csv").path
  }

  /// The file split into lines and `;`-separated fields, read without Strata, with the header.
  static func records(_ name: String) -> (header: [String], rows: [[String]]) {
    let text = try! String(contentsOfFile: path(name), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let split = lines.map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
    return (split[0], Array(split.dropFirst()))
  }
}

/// Independent recodes of the canonical codes, written from the data-format specification.
enum SpecRecode {
  /// `fodelse`: 1 → inrikes, 2–9 → utrikes, empty → missing.
  static func fodelse(_ code: String) -> String? {
    code == "1" ? "inrikes" : (["2", "3", "4", "5", "6", "7", "8", "9"].contains(code) ? "utrikes" : nil)
  }

  /// `aldersgrupp3`: 15–34, 35–54, 55+; younger is outside.
  static func aldersgrupp3(_ age: String) -> String? {
    guard let a = Int(age), a >= 15 else { return nil }
    return a <= 34 ? "15-34" : (a <= 54 ? "35-54" : "55+")
  }
}

/// A job's JSON as nested dictionaries and arrays.
func jsonObject(_ data: Data) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// The records of a JSON array field.
func jsonRecords(_ object: [String: Any], _ key: String) -> [[String: Any]] {
  object[key] as? [[String: Any]] ?? []
}

/// The record of a list whose variable keys equal `codes`.
func record(_ records: [[String: Any]], _ codes: [String: String]) -> [String: Any]? {
  records.first { record in
    codes.allSatisfy { record[$0.key] as? String == $0.value }
      && record.keys.filter { ["kon", "fodelse", "aldersgrupp3", "brottstyp"].contains($0) }.count
        == codes.count
  }
}

/// The result of running the built `strata` executable.
struct ProcessResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `.build/debug/strata` with `arguments`.
func runStrata(_ arguments: [String]) throws -> ProcessResult {
  let executable = projectRoot().appendingPathComponent(".build/debug/strata")
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
    stderr: String(decoding: stderr, as: UTF8.self))
}

/// A small file written into a fresh temporary directory.
func writeTemporary(_ name: String, _ text: String) -> String {
  let url = temporaryDirectory().appendingPathComponent(name)
  try! text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}
