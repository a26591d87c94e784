import Foundation
import Microdata
import StatsTestSupport
import SyntheticCounty

@testable import Analysis
@testable import Reporting
@testable import Reports

/// The synthetic county and the built `strata` binary shared by the logit and MAIHDA tests.
enum TestCounty {
  /// A 20 000-person county (seed 1), as `strata generate --persons 20000 --seed 1` writes it.
  static let directory: URL = {
    let directory = temporaryDirectory("strata-commands-county")
    let generator = try! CountyGenerator(
      configuration: CountyConfiguration(persons: 20_000, seed: 1))
    _ = try! generator.write(to: directory)
    return directory
  }()

  /// The path of one of the county's files (`suspects`, `population`, `persons`).
  static func path(_ name: String) -> String {
    directory.appendingPathComponent("\(name).csv").path
  }

  /// Writes `text` to a new file in a temporary directory and returns its path.
  static func write(_ text: String, named name: String) -> String {
    let url = temporaryDirectory("strata-commands-file").appendingPathComponent(name)
    try! text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// The `strata` executable of the current build (`swift build` puts it next to the tests).
  static var executable: URL? {
    let root = projectRoot()
    let candidates = [".build/debug/strata", ".build/release/strata"].map {
      root.appendingPathComponent($0)
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Runs the executable with `arguments` and returns its status, standard output and error.
  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    guard let executable else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "build strata first"])
    }
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
    return (
      process.terminationStatus, String(decoding: stdout, as: UTF8.self),
      String(decoding: stderr, as: UTF8.self)
    )
  }

  /// Parses JSON data into a dictionary.
  static func object(_ data: Data) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw CocoaError(.coderReadCorrupt)
    }
    return object
  }
}
