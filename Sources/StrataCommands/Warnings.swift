import Analysis
import Foundation
import Microdata
import Reporting
import Reports

/// Writes warnings to standard error, one line each, as `warning: …`. The same texts go into the
/// JSON output under `"warnings"`.
func printWarnings(_ warnings: [String]) {
  for warning in warnings {
    FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
  }
}

/// Writes a progress line to standard error.
func progress(_ message: String) {
  FileHandle.standardError.write(Data("\(message)\n".utf8))
}
