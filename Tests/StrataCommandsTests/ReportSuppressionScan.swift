import Foundation
import Microdata
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// Reads every published format of a report folder back and checks disclosure control: no
/// count below the threshold in any count column of any format, and every cell suppressed in
/// the table's JSON shown as `..` at the same place in CSV, Markdown, HTML and LaTeX.
struct ReportSuppressionScan {
  let directory: URL
  let threshold: Double

  /// Count-like keys of the analyses' JSON (cells, groups, strata).
  static let countKeys: Set<String> = [
    "count", "total", "population", "persons", "cases", "recidivists", "repeaters", "n", "suspects",
  ]

  /// The fields of one CSV line, quotes honoured ("Variansen mellan strata, σ²" is one field).
  static func csvFields(_ line: String) -> [String] {
    let characters = Array(line)
    var fields: [String] = []
    var field = ""
    var quoted = false
    var i = 0
    while i < characters.count {
      let character = characters[i]
      if quoted && character == "\"" {
        if i + 1 < characters.count && characters[i + 1] == "\"" {
          field.append("\"")
          i += 1
        } else {
          quoted = false
        }
      } else if character == "\"" && field.isEmpty {
        quoted = true
      } else if character == "," && !quoted {
        fields.append(field)
        field = ""
      } else {
        field.append(character)
      }
      i += 1
    }
    return fields + [field]
  }

  /// Problems found, as sentences; empty when the folder is clean.
  func problems() throws -> [String] {
    var problems: [String] = []
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    for name in names where name.hasSuffix(".table.json") {
      let stem = String(name.dropLast(".table.json".count))
      let table = try TableShape(json: try text(name))
      problems += table.smallCounts(below: threshold).map { "\(name): \($0)" }
      if names.contains(stem + ".csv") {
        // Tidy CSV (one row per cell, the figures named by role): no count below the
        // threshold, and a suppressed row has no figures.
        let records = try text(stem + ".csv").split(separator: "\r\n").map {
          Self.csvFields(String($0))
        }
        let meta = try JSONValue.parse(Data(try text(stem + ".meta.json").utf8))
        problems += Self.tidyProblems(
          records, roles: Self.roles(meta), format: stem + ".csv", threshold: threshold)
      }
      if names.contains(stem + ".md") {
        let lines = try text(stem + ".md").split(separator: "\n").filter { $0.hasPrefix("|") }
        let rows = lines.dropFirst(2).map { line in
          line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map {
              $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "")
            }
        }
        problems += table.compare(
          Array(rows), format: stem + ".md", threshold: threshold, decimalComma: true)
      }
      if names.contains(stem + ".tex") {
        // The body runs from the first \midrule (below the header) to \bottomrule; a total row
        // may be set off by another \midrule.
        let body =
          try text(stem + ".tex").components(separatedBy: "\\midrule\n").dropFirst()
          .joined(separator: "\n").components(separatedBy: "\\bottomrule").first ?? ""
        let rows = body.split(separator: "\n")
          .filter { !$0.hasPrefix("\\") || $0.hasPrefix("\\multicolumn") }
          .map { Self.expandingMulticolumn(String($0)) }
          .map { line in
            line.replacingOccurrences(of: "\\\\", with: "").split(
              separator: "&", omittingEmptySubsequences: false
            )
            .map {
              $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(
                of: "\\textbf{", with: ""
              )
              .replacingOccurrences(of: "}", with: "")
            }
          }
        problems += table.compare(
          rows, format: stem + ".tex", threshold: threshold, decimalComma: true)
      }
      if names.contains(stem + ".html") {
        let html = try text(stem + ".html")
        let body = html.components(separatedBy: "<tbody>").dropFirst().map {
          $0.components(separatedBy: "</tbody>")[0]
        }
        let rows = body.flatMap { $0.components(separatedBy: "<tr").dropFirst() }.map { row in
          // Row labels are <th>; give each label slot an empty field so positions match.
          let cells = row.components(separatedBy: "<td").dropFirst().map { cell in
            Self.strippingTags(
              String(cell.drop { $0 != ">" }.dropFirst()).components(separatedBy: "</td>")[0])
          }
          return Array(repeating: "", count: table.stubCount) + cells
        }
        problems += table.compare(
          rows, format: stem + ".html", threshold: threshold, decimalComma: true)
      }
    }
    for name in names where name.hasSuffix(".json") && !name.hasSuffix(".table.json") {
      problems += smallCounts(in: try JSONValue.parse(Data(try text(name).utf8)), path: name)
    }
    return problems
  }

  /// The roles of a tidy CSV file's columns, by name, from its sidecar (`*.meta.json`); a
  /// rank (formatted as a count) is left out.
  static func roles(_ meta: JSONValue) -> [String: String] {
    guard case .object(let root) = meta, case .array(let tables)? = root["tables"],
      case .object(let table)? = tables.first, case .array(let columns)? = table["columns"]
    else { return [:] }
    var roles: [String: String] = [:]
    for case .object(let column) in columns {
      if case .string(let name)? = column["name"], case .string(let role)? = column["role"],
        case .string(let label)? = column["label"], !["Rang", "Rank"].contains(label)
      {
        roles[name] = role
      }
    }
    return roles
  }

  /// The disclosure problems of a tidy CSV file's records (header first): no count below the
  /// threshold (a suppressed count is an empty field), and a `suppressed` column.
  static func tidyProblems(
    _ records: [[String]], roles: [String: String], format: String, threshold: Double
  ) -> [String] {
    guard let header = records.first, header.contains("suppressed") else {
      return ["\(format): no `suppressed` column in the header"]
    }
    let counts = header.indices.filter { ["count", "population"].contains(roles[header[$0]]) }
    var problems: [String] = []
    for (index, record) in records.dropFirst().enumerated() where record.count == header.count {
      for column in counts {
        if let value = Double(record[column]), value > 0, value < threshold {
          problems.append("\(format): row \(index + 1), \(header[column]) = \(value)")
        }
      }
    }
    if roles.isEmpty { problems.append("\(format): the sidecar names no columns") }
    return problems
  }

  private func text(_ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }

  private func smallCounts(in value: JSONValue, path: String) -> [String] {
    switch value {
    case .object(let object):
      return object.values.flatMap { key, child -> [String] in
        if Self.countKeys.contains(key), case .number(let number) = child, number > 0,
          number < threshold
        {
          return ["\(path).\(key) = \(number)"]
        }
        return smallCounts(in: child, path: "\(path).\(key)")
      }
    case .array(let items):
      return items.enumerated().flatMap { smallCounts(in: $1, path: "\(path)[\($0)]") }
    default:
      return []
    }
  }

  /// `\multicolumn{2}{l}{Totalt} & 331` → `Totalt &  & 331` (one field per spanned column).
  static func expandingMulticolumn(_ line: String) -> String {
    guard line.hasPrefix("\\multicolumn{"), let close = line.firstIndex(of: "}"),
      let span = Int(line[line.index(line.startIndex, offsetBy: 13)..<close])
    else { return line }
    let rest = line[line.index(after: close)...]  // {l}{Totalt} & …
    guard let alignEnd = rest.firstIndex(of: "}") else { return line }
    let text = rest[rest.index(alignEnd, offsetBy: 2)...]
    guard let textEnd = text.firstIndex(of: "}") else { return line }
    return String(text[..<textEnd]) + String(repeating: " & ", count: span - 1)
      + text[text.index(after: textEnd)...]
  }

  static func strippingTags(_ html: String) -> String {
    var result = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        result.append(character)
      }
    }
    return result.replacingOccurrences(of: "&amp;", with: "&")
  }
}

/// The roles and cells of a table from its `.table.json`.
struct TableShape {
  enum Cell: Equatable {
    case number(Double)
    case suppressed
    case other
  }

  var stubCount: Int
  var roles: [String]
  var rows: [[Cell]]

  init(json: String) throws {
    guard case .object(let root) = try JSONValue.parse(Data(json.utf8)),
      case .array(let stubs)? = root["stub_headers"], case .array(let columns)? = root["columns"],
      case .array(let rows)? = root["rows"]
    else { throw CocoaError(.fileReadCorruptFile) }
    stubCount = stubs.count
    roles = columns.map { column in
      if case .object(let object) = column, case .string(let role)? = object["role"] { return role }
      return ""
    }
    labels = columns.map { column in
      if case .object(let object) = column, case .string(let label)? = object["label"] {
        return label
      }
      return ""
    }
    self.rows = rows.map { row in
      guard case .object(let object) = row, case .array(let cells)? = object["cells"] else {
        return []
      }
      return cells.map { cell in
        switch cell {
        case .number(let value): return .number(value)
        case .object(let wrapped):
          if wrapped["suppressed"] == .bool(true) { return .suppressed }
          if case .number(let value)? = wrapped["value"] { return .number(value) }
          return .other
        default: return .other
        }
      }
    }
  }

  /// Labels of the leaf columns.
  var labels: [String] = []

  /// Whether a column holds counts (a rank, though formatted as a count, is not one).
  func isCount(_ column: Int) -> Bool {
    ["count", "population"].contains(roles[column]) && !["Rang", "Rank"].contains(labels[column])
  }

  func smallCounts(below threshold: Double) -> [String] {
    rows.enumerated().flatMap { r, cells in
      cells.enumerated().compactMap { c, cell in
        if isCount(c), case .number(let value) = cell, value > 0, value < threshold {
          return "row \(r + 1), column \(c + 1): count \(value) below \(threshold)"
        }
        return nil
      }
    }
  }

  /// Compares rows of text fields (stub fields first) with the JSON cells.
  func compare(_ fields: [[String]], format: String, threshold: Double, decimalComma: Bool)
    -> [String]
  {
    var problems: [String] = []
    if fields.count != rows.count {
      return ["\(format): \(fields.count) body rows, the JSON has \(rows.count)"]
    }
    for (r, cells) in rows.enumerated() {
      let row = fields[r]
      guard row.count >= stubCount + cells.count else {
        problems.append("\(format): row \(r + 1) has \(row.count) fields")
        continue
      }
      for (c, cell) in cells.enumerated() {
        var text = row[stubCount + c].replacingOccurrences(of: "\u{00A0}", with: "")
          .replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\\,", with: "")
          .replacingOccurrences(of: " ", with: "")
        text = text.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(
          of: "$-$", with: "-")
        if decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
        switch cell {
        case .suppressed where text != "..":
          problems.append(
            "\(format): row \(r + 1), column \(c + 1) is `\(text)` but suppressed in the JSON")
        case .number where isCount(c):
          if let value = Double(text), value > 0, value < threshold {
            problems.append("\(format): row \(r + 1), column \(c + 1) shows the count \(text)")
          }
        default: break
        }
      }
    }
    return problems
  }
}
