import Foundation

/// The URL of a file next to the calling test file, e.g. `fixture("Fixtures/latin1.csv")`.
///
/// Tests run from the source tree, so fixtures are found relative to `#filePath` and need no
/// resource bundle.
public func fixture(_ relativePath: String, file: StaticString = #filePath) -> URL {
  URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(relativePath)
}

/// The project root (the folder holding Package.swift), found from the calling test file.
public func projectRoot(file: StaticString = #filePath) -> URL {
  var url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
  while url.path != "/" {
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      return url
    }
    url.deleteLastPathComponent()
  }
  fatalError("Package.swift not found above \(file)")
}

/// A fresh temporary directory for one test.
public func temporaryDirectory(_ prefix: String = "strata-test") -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
