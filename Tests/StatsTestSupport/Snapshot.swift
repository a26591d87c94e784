import Foundation
import Testing

/// Compares `actual` with the snapshot file `Snapshots/<name>` next to the calling test file.
/// With the environment variable `RECORD_SNAPSHOTS` set, (re)writes the snapshot instead.
public func assertSnapshot(
  _ actual: String,
  named name: String,
  file: StaticString = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = fixture("Snapshots/\(name)", file: file)
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
  if record || !FileManager.default.fileExists(atPath: url.path) {
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    if !record {
      Issue.record("Snapshot \(name) did not exist; recorded it.", sourceLocation: sourceLocation)
    }
    return
  }
  let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  if expected != actual {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
    let got = line < a.count ? String(a[line]) : "<end>"
    let want = line < e.count ? String(e[line]) : "<end>"
    Issue.record(
      "Snapshot \(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)",
      sourceLocation: sourceLocation)
  }
}
