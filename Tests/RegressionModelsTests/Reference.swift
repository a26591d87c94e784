import Foundation
import StatsTestSupport

/// The R reference values written by scripts/reference/make_glm_reference.R (R 4.2.2, sandwich,
/// brglm2, MASS; versions recorded in the JSON).
enum Reference {
  nonisolated(unsafe) static let json: [String: Any] = {
    let url = fixture("Reference/glm_reference.json")
    let data = try! Data(contentsOf: url)
    return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
  }()

  static func data(_ name: String) -> [String: Any] {
    (json["data"] as! [String: Any])[name] as! [String: Any]
  }

  static func `case`(_ name: String) -> [String: Any] {
    (json["cases"] as! [String: Any])[name] as! [String: Any]
  }

  /// A numeric array, R's NA (null) as NaN.
  static func numbers(_ value: Any?) -> [Double] {
    // jsonlite writes a vector of length one as a scalar.
    if let number = value as? NSNumber { return [number.doubleValue] }
    return (value as! [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
  }

  /// An n × 2 matrix of intervals.
  static func intervals(_ value: Any?) -> [[Double]] {
    (value as! [[Any]]).map { $0.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
  }

  static func strings(_ value: Any?) -> [String] { value as! [String] }

  /// The infert data set (R's datasets::infert) with its factors.
  static let infert: TestTable = {
    let d = data("infert")
    let levels = data("infert_levels")
    let n = numbers(d["case"]).count
    var t = TestTable(rowCount: n)
    for name in ["case", "age", "age2", "parity", "induced", "spontaneous", "stratum"] {
      t.add(name, numbers(d[name]))
    }
    for name in ["education", "induced_f", "agegrp"] {
      t.add(name, levels: strings(levels[name]), values: strings(d[name]))
    }
    return t
  }()

  /// The esoph data set (grouped: ncases of trials per row).
  static let esoph: TestTable = {
    let d = data("esoph")
    let levels = data("esoph_levels")
    let n = numbers(d["ncases"]).count
    var t = TestTable(rowCount: n)
    for name in ["ncases", "ncontrols", "trials"] { t.add(name, numbers(d[name])) }
    for name in ["agegp", "alcgp", "tobgp"] {
      t.add(name, levels: strings(levels[name]), values: strings(d[name]))
    }
    return t
  }()

  /// esoph expanded to one 0/1 row per person.
  static let esophIndividuals: TestTable = {
    let d = data("esoph")
    let levels = data("esoph_levels")
    let cases = numbers(d["ncases"])
    let controls = numbers(d["ncontrols"])
    var y: [Double] = []
    var columns: [String: [String]] = ["agegp": [], "alcgp": [], "tobgp": []]
    for i in 0..<cases.count {
      for outcome in [1.0, 0.0] {
        let k = Int(outcome == 1 ? cases[i] : controls[i])
        for _ in 0..<k {
          y.append(outcome)
          for name in columns.keys { columns[name]!.append(strings(d[name])[i]) }
        }
      }
    }
    var t = TestTable(rowCount: y.count)
    t.add("y", y)
    for (name, values) in columns { t.add(name, levels: strings(levels[name]), values: values) }
    return t
  }()
}
