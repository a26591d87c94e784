import Foundation
import Testing

@testable import Microdata

/// `writeReplacing`: a file replaced by a rename, no temporary file left behind, and
/// Foundation's error (which `fileErrorReason` explains) when the fast path cannot write.
@Suite struct ReplacingFileWriteTests {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "strata-replacing-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  @Test func replacesTheFileAndLeavesNoTemporaryFile() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("table.csv")
    try writeReplacing(Data("first version, longer than the second\n".utf8), to: url)
    try writeReplacing(Data("second\n".utf8), to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "second\n")
    try writeReplacing(Data(), to: url)
    #expect(try Data(contentsOf: url).isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(names == ["table.csv"])
  }

  @Test func aMissingFolderThrowsFoundationsExplainedError() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("no-such-folder/table.csv")
    do {
      try writeReplacing(Data("x\n".utf8), to: url)
      Issue.record("a file in a missing folder was written")
    } catch {
      #expect(fileErrorReason(error, path: url.path).contains("does not exist"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }
}
