import Foundation

extension DatasetDescription {
  /// The description as plain text for a terminal: the file, then each variable with its
  /// counts per code (labels in `language`) or its numeric summary, then the groupings.
  public func plainText(language: Language = .sv) -> String {
    var lines: [String] = []
    lines.append(
      language.text(
        .describeHeader(
          source: source, rows: String(rows), read: String(rowsRead),
          excluded: String(rowsExcluded), encoding: encoding.displayName,
          delimiter: String(delimiter))))
    if !undeclaredColumns.isEmpty {
      lines.append(
        language.text(.describeUndeclaredColumns(undeclaredColumns.joined(separator: ", "))))
    }
    if !absentVariables.isEmpty {
      lines.append(
        language.text(.describeAbsentVariables(absentVariables.joined(separator: ", "))))
    }
    for issue in issues {
      let action =
        issue.action == .excluded
        ? language.text(.describeRowsExcluded) : language.text(.describeValuesSetMissing)
      lines.append("\(issue.count) × \(issue.kind) (\(action)): \(issue.first)")
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
    let column = v.column ?? v.name
    let origin =
      v.source.map { language.text(.describeFrom($0)) }
      ?? (v.declared
        ? language.text(.describeColumn(kind: v.kind.rawValue, column: column))
        : language.text(.describeUndeclaredColumn(kind: v.kind.rawValue, column: column)))
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
      facts.append(
        language.text(
          .describeRange(
            minimum: number(lo), maximum: number(hi), mean: String(format: "%.4g", mean))))
    }
    if let first = v.firstDate, let last = v.lastDate {
      facts.append(language.text(.describeDates(first: "\(first)", last: "\(last)")))
    }
    if let distinct = v.distinct, v.categories == nil {
      facts.append(language.text(.describeDistinct(String(distinct))))
    }
    facts.append(language.text(.describeMissing(String(v.missing))))
    if v.outside > 0 { facts.append(language.text(.describeOutside(String(v.outside)))) }
    if v.outOfRange > 0 { facts.append(language.text(.describeOutOfRange(String(v.outOfRange)))) }
    if v.invalid > 0 { facts.append(language.text(.describeInvalid(String(v.invalid)))) }
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
