import Analysis
import Foundation
import Microdata
import Reporting

extension FigureCheck {
  /// The checks as JSON for scripts:
  ///
  /// ```json
  /// {"checks": [{"analysis": 1, "title": "…", "cell": {"grupp": "Kvinnor", "ar": "2004"},
  ///   "measure": "percent", "published": "25", "decimals": 0, "rounding": "double",
  ///   "computed": 24.476, "rounded": "25", "status": "reproduced", "reason": null,
  ///   "failure": false}],
  ///  "summary": {"figures": 45, "reproduced": 43, "known_mismatches": 2, "failures": 0}}
  /// ```
  ///
  /// With `threshold`, the root also says `"disclosure": {"protected": true, "threshold": 5}`
  /// (`{"protected": false}` for 0), as every subcommand's JSON does.
  package static func json(_ checks: [FigureCheck], threshold: Int? = nil) throws -> Data {
    var items: [JSONValue] = []
    for check in checks {
      var object = JSONObject()
      var cell = JSONObject()
      for coordinate in check.figure.cell { cell[coordinate.variable] = .string(coordinate.code) }
      object["analysis"] = .number(Double(check.analysis))
      object["title"] = .string(check.analysisTitle)
      object["cell"] = .object(cell)
      object["measure"] = .string(check.figure.measure.rawValue)
      object["published"] = .string(check.figure.published)
      object["decimals"] = .number(Double(check.figure.decimals))
      object["rounding"] = .string(check.figure.rounding.rawValue)
      object["computed"] = check.computed.map(JSONValue.number) ?? .null
      object["rounded"] = check.rounded.map(JSONValue.string) ?? .null
      let (status, reason): (String, String?) =
        switch check.status {
        case .reproduced: ("reproduced", nil)
        case .mismatch: ("mismatch", nil)
        case .knownMismatch(let why): ("known_mismatch", why)
        case .unexpectedMatch(let why): ("unexpected_match", why)
        case .suppressed: ("suppressed", nil)
        case .notFound(let why): ("not_found", why)
        case .analysisFailed(let why): ("analysis_failed", why)
        }
      object["status"] = .string(status)
      object["reason"] = reason.map(JSONValue.string) ?? .null
      object["failure"] = .bool(check.isFailure)
      items.append(.object(object))
    }
    var summary = JSONObject()
    summary["figures"] = .number(Double(checks.count))
    summary["reproduced"] = .number(Double(checks.filter { $0.status == .reproduced }.count))
    summary["known_mismatches"] = .number(
      Double(checks.filter { if case .knownMismatch = $0.status { true } else { false } }.count))
    summary["failures"] = .number(Double(checks.filter(\.isFailure).count))
    var root = JSONObject()
    root["checks"] = .array(items)
    root["summary"] = .object(summary)
    if let threshold {
      var disclosure = JSONObject()
      disclosure["protected"] = .bool(threshold > 0)
      if threshold > 0 { disclosure["threshold"] = .number(Double(threshold)) }
      root["disclosure"] = .object(disclosure)
    }
    return try JSONValue.object(root).encoded()
  }
}
