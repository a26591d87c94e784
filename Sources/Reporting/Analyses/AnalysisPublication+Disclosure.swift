import Foundation
import Microdata

extension AnalysisPublication {
  /// The publication as every analysis hands it out: its disclosure status stated and its side
  /// fields free of small counts.
  ///
  /// - Under a threshold (protected output): every count between 1 and `threshold` − 1 under
  ///   `excluded` (at any depth of the JSON) becomes `{"suppressed": true}`, every such count in
  ///   a warning "fewer than 5" (``SmallCounts``), and the JSON gains
  ///   `"disclosure": {"protected": true, "threshold": 5}`.
  /// - With `threshold` 0 (internal output, `--suppress 0`): the JSON gains
  ///   `"disclosure": {"protected": false}`, and every table (Markdown, CSV, HTML, LaTeX, XLSX)
  ///   and chart says in its language that it is not disclosure-protected
  ///   (``Message/notDisclosureProtected``).
  ///
  /// An existing `disclosure` object of the JSON (MAIHDA's) keeps its keys.
  package func disclosed(threshold: Int, language: Language) throws -> AnalysisPublication {
    var copy = self
    let protected = threshold > 0
    copy.isDisclosureProtected = protected
    if protected {
      copy.warnings = warnings.map { SmallCounts.redacted(warning: $0, threshold: threshold) }
    }
    if case .object(var root) = try JSONValue.parse(json) {
      if protected {
        root = Self.redactingSideFields(root, threshold: threshold)
      }
      var status = JSONObject()
      if case .object(let existing)? = root["disclosure"] { status = existing }
      status["protected"] = .bool(protected)
      status["threshold"] = protected ? .number(Double(threshold)) : nil
      root["disclosure"] = .object(status)
      copy.json = try JSONValue.object(root).encoded()
    }
    if !protected {
      let warning = Footnote.notDisclosureProtected(language)
      for index in copy.tables.indices {
        copy.tables[index].footnotes.insert(warning, at: 0)
      }
      for index in copy.charts.indices {
        copy.charts[index].svg = Self.svg(
          copy.charts[index].svg, warning: language.text(.notDisclosureProtected))
      }
    }
    return copy
  }

  /// `excluded` objects and `warnings` lists at any depth, without small counts.
  static func redactingSideFields(_ object: JSONObject, threshold: Int) -> JSONObject {
    var object = object
    for (key, value) in object.values {
      switch (key, value) {
      case ("excluded", _):
        object.values[key] = SmallCounts.redacted(value, threshold: threshold)
      case ("warnings", .array(let items)):
        object.values[key] = .array(
          items.map { item in
            guard case .string(let text) = item else { return item }
            return .string(SmallCounts.redacted(warning: text, threshold: threshold))
          })
      case (_, .object(let child)):
        object.values[key] = .object(redactingSideFields(child, threshold: threshold))
      case (_, .array(let items)):
        object.values[key] = .array(
          items.map { item in
            guard case .object(let child) = item else { return item }
            return .object(redactingSideFields(child, threshold: threshold))
          })
      default:
        break
      }
    }
    return object
  }

  /// The chart with the warning in red in its top margin, right-aligned.
  static func svg(_ svg: String, warning: String) -> String {
    guard let close = svg.range(of: "</svg>", options: .backwards) else { return svg }
    var width = 640.0
    if let tag = svg.range(of: "<svg"), let end = svg[tag.upperBound...].firstIndex(of: ">"),
      let attribute = svg[tag.upperBound..<end].range(of: #" width=""#)
    {
      let digits = svg[attribute.upperBound...].prefix { $0.isNumber || $0 == "." }
      width = Double(digits) ?? width
    }
    let x = NumberFormat.exportString(width - 8, kind: .estimate, decimals: 2) ?? "632"
    let text =
      "  <text class=\"disclosure-warning\" x=\"\(x)\" y=\"14\" text-anchor=\"end\" "
      + "font-size=\"11\" font-weight=\"bold\" fill=\"#B00020\">\(Escaping.xml(warning))</text>\n"
    return svg.replacingCharacters(in: close, with: text + "</svg>")
  }
}

extension Footnote {
  /// The marker of the note that says an output is not disclosure-protected.
  public static let notProtectedMarker = "!"

  /// "! Ej röjandeskyddad: innehåller små tal. Får inte publiceras." — the first note of every
  /// table of an internal output (`--suppress 0`).
  public static func notDisclosureProtected(_ language: Language) -> Footnote {
    .note(language.text(.notDisclosureProtected), marker: notProtectedMarker)
  }

  /// Whether this is the note of ``notDisclosureProtected(_:)``.
  public var saysNotProtected: Bool { kind == .note && marker == Self.notProtectedMarker }
}
