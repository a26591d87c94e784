import Foundation

extension DatasetDescription {
  /// The description as plain text for a terminal: the file, then each variable with its
  /// counts per code (labels in `language`) or its numeric summary, then the groupings.
  public func plainText(language: Language = .sv) -> String {
    var lines: [String] = []
    lines.append(
      "\(source): \(rows) rows (\(rowsRead) read, \(rowsExcluded) excluded), \(encoding.displayName), delimiter \(delimiter)"
    )
    if !undeclaredColumns.isEmpty {
      lines.append("Undeclared columns: \(undeclaredColumns.joined(separator: ", "))")
    }
    if !absentVariables.isEmpty {
      lines.append("Codebook variables not in the file: \(absentVariables.joined(separator: ", "))")
    }
    for issue in issues {
      lines.append(
        "\(issue.count) × \(issue.kind) (\(issue.action == .excluded ? "rows excluded" : "values set missing")): \(issue.first)"
      )
    }
    for variable in variables { lines += variableLines(variable, language: language) }
    if !groupings.isEmpty {
      lines.append("")
      lines.append(language.text(.groupings))
      for grouping in groupings { lines += variableLines(grouping, language: language) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func variableLines(_ v: VariableSummary, language: Language) -> [String] {
    var lines = [""]
    let label = v.label.map { $0.text(language) }.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
    let origin =
      v.source.map { "from \($0)" }
      ?? "\(v.kind.rawValue)\(v.declared ? "" : ", undeclared"), column \(v.column ?? v.name)"
    lines.append("\(v.name)\(label): \(origin)")
    if let categories = v.categories {
      let width = max(8, categories.map { $0.code.count }.max() ?? 0)
      for c in categories {
        let text =
          switch language {
          case .sv: c.sv
          case .en: c.en
          }
        let line = "  \(pad(c.code, width))  \(pad(String(c.count), 9, left: true))  \(text)"
        lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
      }
    }
    var facts: [String] = []
    if let lo = v.minimum, let hi = v.maximum, let mean = v.mean {
      facts.append("min \(number(lo)), max \(number(hi)), mean \(String(format: "%.4g", mean))")
    }
    if let first = v.firstDate, let last = v.lastDate { facts.append("\(first) to \(last)") }
    if let distinct = v.distinct, v.categories == nil { facts.append("\(distinct) distinct") }
    facts.append("missing \(v.missing)")
    if v.outside > 0 { facts.append("outside \(v.outside)") }
    if v.outOfRange > 0 { facts.append("out of range \(v.outOfRange)") }
    if v.invalid > 0 { facts.append("invalid \(v.invalid)") }
    lines.append("  " + facts.joined(separator: "; "))
    return lines
  }

  private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return left ? fill + text : text + fill
  }

  private func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.6g", x)
  }
}
