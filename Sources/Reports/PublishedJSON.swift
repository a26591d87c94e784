import Analysis
import Foundation
import Microdata
import Reporting

/// The analysis JSON as the report publishes it: disclosure control applied to analyses whose
/// JSON keeps every number for analysis (MAIHDA's strata list `n` and `cases` however small,
/// and say so under `"disclosure": {"applies_to": "tables"}`).
///
/// An object of a list whose count (`n`, `cases`, `count`, `persons`, …) lies between 1 and
/// the threshold − 1 loses its counts and the observed values computed from them (`observed`,
/// `rate`, `percent`, `share` and their intervals) and gets `"suppressed": true`, as the
/// contract writes a suppressed cell; model-based values (`predicted`, …) stay. A note
/// `"report_disclosure": {"threshold": 5, "suppressed_objects": 43}` says what was done. JSON
/// with nothing to suppress is published byte for byte as the analysis wrote it.
public enum PublishedJSON {
  package static let countKeys: Set<String> = [
    "n", "cases", "count", "persons", "population", "recidivists", "repeaters", "suspects", "total",
  ]
  package static let observedKeys: Set<String> = [
    "observed", "observed_ci", "rate", "rate_ci", "percent", "percent_ci", "share", "share_ci",
  ]

  package static func redacted(_ json: Data, threshold: Int) -> Data {
    guard threshold > 0, let root = try? JSONValue.parse(json) else { return json }
    var count = 0
    let redacted = redact(root, threshold: Double(threshold), inList: false, count: &count)
    guard count > 0, case .object(var object) = redacted else { return json }
    var note = JSONObject()
    note["threshold"] = .number(Double(threshold))
    note["suppressed_objects"] = .number(Double(count))
    object["report_disclosure"] = .object(note)
    return (try? JSONValue.object(object).encoded()) ?? json
  }

  private static func redact(_ value: JSONValue, threshold: Double, inList: Bool, count: inout Int)
    -> JSONValue
  {
    switch value {
    case .array(let items):
      return .array(items.map { redact($0, threshold: threshold, inList: true, count: &count) })
    case .object(var object):
      if inList, isSmall(object, threshold) {
        for key in object.values.keys where countKeys.contains(key) || observedKeys.contains(key) {
          object.values[key] = nil
        }
        object["suppressed"] = .bool(true)
        count += 1
        return .object(object)
      }
      for (key, child) in object.values {
        object.values[key] = redact(child, threshold: threshold, inList: false, count: &count)
      }
      return .object(object)
    default:
      return value
    }
  }

  private static func isSmall(_ object: JSONObject, _ threshold: Double) -> Bool {
    object.values.contains { key, value in
      guard countKeys.contains(key), case .number(let number) = value else { return false }
      return number > 0 && number < threshold
    }
  }
}
