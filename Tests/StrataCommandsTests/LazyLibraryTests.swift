import Foundation
import StatsTestSupport
import Testing

/// OpenBLAS, LAPACKE, GLPK and libxlsxwriter are opened at their first call (CLazyLibraries),
/// not when `strata` starts: checked on the built binary with the dynamic loader's own log.
@Suite struct LazyLibraryTests {
  static let libraries = [
    "libopenblas.so.0", "liblapacke.so.3", "libglpk.so.40", "libxlsxwriter.so.4",
  ]

  /// The libraries among `libraries` that the loader opened while `strata` ran `arguments`.
  func loadedLibraries(_ arguments: [String]) throws -> (status: Int32, loaded: Set<String>) {
    let executable = try #require(TestCounty.executable, "build strata first")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LD_DEBUG"] = "files"
    process.environment = environment
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // The loader logs "file=libopenblas.so.0 [0];  needed by ..." or "... dynamically loaded by".
    let loaded = Set(Self.libraries.filter { log.contains("file=\($0) ") })
    return (process.terminationStatus, loaded)
  }

  @Test func versionLoadsNoneOfTheLibraries() throws {
    let run = try loadedLibraries(["--version"])
    #expect(run.status == 0)
    #expect(run.loaded.isEmpty)
  }

  @Test func tabulateLoadsNoLinearAlgebra() throws {
    let run = try loadedLibraries(["tabulate", TestCounty.path("suspects"), "--rows", "kon"])
    #expect(run.status == 0)
    #expect(!run.loaded.contains("libopenblas.so.0"))
    #expect(!run.loaded.contains("liblapacke.so.3"))
    #expect(!run.loaded.contains("libxlsxwriter.so.4"))
  }

  @Test func logitOpensOpenBLASAndLAPACKEWhenItFits() throws {
    let run = try loadedLibraries([
      "logit", TestCounty.path("suspects"), "--formula", "antal_misstankar >= 2 ~ kon",
    ])
    #expect(run.status == 0)
    #expect(run.loaded.isSuperset(of: ["libopenblas.so.0", "liblapacke.so.3"]))
    #expect(!run.loaded.contains("libxlsxwriter.so.4"))
  }

  @Test func excelOutputOpensLibxlsxwriter() throws {
    let output = temporaryDirectory("strata-lazy-xlsx").appendingPathComponent("t.xlsx").path
    let run = try loadedLibraries([
      "tabulate", TestCounty.path("suspects"), "--rows", "kon", "--format", "xlsx", "--output",
      output,
    ])
    #expect(run.status == 0)
    #expect(run.loaded.contains("libxlsxwriter.so.4"))
    #expect(FileManager.default.fileExists(atPath: output))
  }
}
