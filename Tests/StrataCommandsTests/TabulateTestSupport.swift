import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

extension TestCounty {
  /// A county file split into lines and `;`-separated fields, read without Strata, with its
  /// header.
  static func records(_ name: String) -> (header: [String], rows: [[String]]) {
    let text = try! String(contentsOfFile: path(name), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let split = lines.map {
      $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    }
    return (split[0], Array(split.dropFirst()))
  }
}

/// Independent recodes of the canonical codes, written from the data-format specification.
enum SpecRecode {
  /// `fodelse`: 1 → inrikes, 2–9 → utrikes, empty → missing.
  static func fodelse(_ code: String) -> String? {
    code == "1"
      ? "inrikes" : (["2", "3", "4", "5", "6", "7", "8", "9"].contains(code) ? "utrikes" : nil)
  }

  /// `aldersgrupp3`: 15–34, 35–54, 55+; younger is outside.
  static func aldersgrupp3(_ age: String) -> String? {
    guard let a = Int(age), a >= 15 else { return nil }
    return a <= 34 ? "15-34" : (a <= 54 ? "35-54" : "55+")
  }
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

/// A small file written into a fresh temporary directory.
func writeTemporary(_ name: String, _ text: String) -> String {
  TestCounty.write(text, named: name)
}
