import Foundation
import Microdata

/// Small counts in the side fields of a publication — `excluded` and `warnings` — written so
/// that none between 1 and the threshold − 1 is published: in JSON as `{"suppressed": true}`,
/// in a sentence as "fewer than 5" (the catalog's ``Message/fewerThan(threshold:)``).
///
/// Rows left out of a table are persons too: "3 rows excluded: utbildning is missing" names
/// three persons of the filtered group with a missing education, a count that disclosure
/// control would suppress in any table.
package enum SmallCounts {
  /// Whether `value` is a count that must not be published under `threshold`.
  static func isSmall(_ value: Double, threshold: Int) -> Bool {
    threshold > 0 && value > 0 && value < Double(threshold)
  }

  /// Every number between 1 and `threshold` − 1 inside the value replaced by
  /// `{"suppressed": true}`.
  package static func redacted(_ value: JSONValue, threshold: Int) -> JSONValue {
    switch value {
    case .number(let number) where isSmall(number, threshold: threshold):
      var object = JSONObject()
      object["suppressed"] = .bool(true)
      return .object(object)
    case .array(let items):
      return .array(items.map { redacted($0, threshold: threshold) })
    case .object(var object):
      for (key, child) in object.values {
        object.values[key] = redacted(child, threshold: threshold)
      }
      return .object(object)
    default:
      return value
    }
  }

  /// A warning sentence with every count of rows, persons, suspicions or cases between 1 and
  /// `threshold` − 1 written as "fewer than 5". Codes (`kon = 1`), line numbers, years and the
  /// threshold itself stay.
  package static func redacted(warning: String, threshold: Int, language: Language = .en)
    -> String
  {
    guard threshold > 0, mayHaveCounts(warning) else { return warning }
    return patternRedacted(warning: warning, threshold: threshold, language: language)
  }

  /// `redacted(warning:threshold:language:)` without the `mayHaveCounts` shortcut.
  static func patternRedacted(warning: String, threshold: Int, language: Language) -> String {
    let text = language.text(.fewerThan(threshold: String(threshold)))
    var result = warning
    var patterns = countPatterns
    if warning.contains("excluded (missing") { patterns.append(shareReasonPattern) }
    for pattern in patterns {
      let matches = pattern.matches(
        in: result, range: NSRange(result.startIndex..., in: result))
      for match in matches.reversed() {
        guard let range = Range(match.range(at: 1), in: result),
          let count = Int(result[range]), isSmall(Double(count), threshold: threshold)
        else { continue }
        result.replaceSubrange(range, with: text)
      }
    }
    // "1 row excluded" became "fewer than 5 row excluded".
    return result.replacingOccurrences(
      of: "(" + NSRegularExpression.escapedPattern(for: text) + #") (row|person|suspicion)\b"#,
      with: "$1 $2s", options: .regularExpression)
  }

  /// Words without which no pattern below (nor the final plural fix) can match: every pattern
  /// needs one of them literally. A warning with none of them is returned as it is without
  /// compiling a regular expression, which costs about 2 ms (ICU) once per process.
  private static let countWords: [[UInt8]] = [
    " row", " person", " suspicion", " suspect", " values", " cases", " missing", "missing ",
    " outside its levels", "outside the groups of ", "zero weight or trials ",
    "excluded (missing",
  ].map { Array($0.utf8) }

  /// Whether `warning` holds one of `countWords` (compared byte by byte, as the patterns do).
  static func mayHaveCounts(_ warning: String) -> Bool {
    let bytes = Array(warning.utf8)
    return countWords.contains { word in
      guard bytes.count >= word.count else { return false }
      return (0...(bytes.count - word.count)).contains { start in
        bytes[start..<(start + word.count)].elementsEqual(word)
      }
    }
  }

  /// The places of counts in the warnings Strata writes (the count is group 1): "3 rows
  /// excluded", "(4 persons)", "1 of them cases", "12 of 5336 rows", "utbildning: 3 missing",
  /// "missing utbildning 3", "outside the groups of alder 2", "zero weight or trials 1".
  private static let countPatterns: [NSRegularExpression] = [
    #"\b(\d+)(?= (?:rows?|persons?|suspicions?|suspects?|values|cases|repeated rows|of them cases|missing|outside its levels)\b)"#,
    #"\b(\d+)(?= of \d+ (?:repeated )?rows\b)"#,
    #"(?<=\bmissing )[\w.]+ (\d+)\b"#,
    #"(?<=\boutside the groups of )[\w.]+ (\d+)\b"#,
    #"\bzero weight or trials (\d+)\b"#,
  ].map { try! NSRegularExpression(pattern: $0) }

  /// "(missing utbildning: 3, fodelse: 1)" of a share analysis.
  private static let shareReasonPattern = try! NSRegularExpression(
    pattern: #"[\w.]+: (\d+)(?=[,)])"#)
}
