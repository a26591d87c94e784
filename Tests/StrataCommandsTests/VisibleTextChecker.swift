import Foundation

/// The text a reader sees on an HTML page or in an SVG chart — text nodes of the body and SVG
/// `<text>`, `<title>` and `<desc>` (read aloud) — checked for a Swedish report: no English
/// words from a stop list, no filter code, and no data-file names outside the appendix
/// (`<section id="data">`).
///
/// A quoted title (”…”, “…”) and the name of a cited journal are exempt (a cited work keeps its
/// own language), and so are identifiers: file names, `<code>` elements, and a recipe's names of
/// its data files in the appendix (still checked for filter code).
/// Words that are Swedish too are not on the list (`data`, `person`, `term`, `strata`, `per`,
/// `total`, `all`, `median`, `separation`, `for`); `in` is, as Swedish writes it only as a verb
/// particle, which Strata's texts do not use.
struct VisibleTextChecker {
  /// English words that a Swedish page must not show.
  static let englishWords: Set<String> = [
    "persons", "see", "help", "odds", "ratio", "warning", "warnings", "missing", "rows", "row",
    "file", "files", "filter", "the", "and", "of", "in", "with", "not", "suppressed", "interval",
    "intervals", "estimate", "estimates", "lower", "upper", "model", "models", "outcome",
    "between", "variance", "boundary", "singular", "fit", "coefficient", "coefficients",
    "standard", "error", "excluded", "left", "population", "cases", "share", "measure",
    "predicted", "observed", "rank", "level", "levels", "reference", "chart", "plot", "only",
    "main", "effects", "effect", "null", "percent", "shown", "withheld", "quasi", "complete",
    "infinite", "meaningful", "group", "groups", "count", "counts", "rate", "rates",
    "this", "that", "are", "is", "from", "to", "at", "or", "yes", "none", "source",
    "note", "notes", "lme4", "isSingular",
  ].reduce(into: []) { $0.insert($1.lowercased()) }

  /// Proper names of cited works.
  static let properNames = ["SSM – Population Health"]

  /// Filter code: comparisons and logical operators.
  static var filterCode: Regex<AnyRegexOutput> { try! Regex(#"==|!=|>=|<=|&&|\|\|"#) }
  /// A data-file name.
  static var fileName: Regex<AnyRegexOutput> {
    try! Regex(#"[\w.-]+\.(csv|csv\.gz|tsv|parquet)\b"#)
  }

  /// One problem: where, and the text.
  struct Problem: CustomStringConvertible {
    var file: String
    var kind: String
    var text: String
    var description: String { "\(file): \(kind): \(text.prefix(160))" }
  }

  /// The problems of one page's visible text.
  static func problems(html: String, file: String) -> [Problem] {
    var problems: [Problem] = []
    for node in textNodes(html) {
      let text = node.text
      var prose = text.replacing(try! Regex(#"[”“][^”“]*[”“]"#), with: "")
        .replacing(fileName, with: "").replacing(
          try! Regex(#"[\w.-]+\.(svg|json|md|tex|xlsx|html)\b"#), with: "")
      for name in properNames { prose = prose.replacingOccurrences(of: name, with: "") }
      let words = prose.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
      // In the appendix a lone lower-case identifier is a recipe's name of a data file.
      let identifier =
        node.inAppendix && text.wholeMatch(of: try! Regex(#"[a-z_][a-z0-9_]*"#)) != nil
      let english =
        node.isCode || identifier ? [] : words.filter { englishWords.contains($0.lowercased()) }
      if !english.isEmpty {
        problems.append(
          Problem(
            file: file, kind: "English (\(english.joined(separator: ", ")))", text: text))
      }
      if text.contains(filterCode) {
        problems.append(Problem(file: file, kind: "filter code", text: text))
      }
      if !node.inAppendix, text.contains(fileName) {
        problems.append(Problem(file: file, kind: "file name outside the appendix", text: text))
      }
    }
    return problems
  }

  /// A text node and whether it lies in the appendix.
  struct TextNode {
    var text: String
    var inAppendix: Bool
    /// Inside a `<code>` element (an identifier).
    var isCode: Bool
  }

  /// The text nodes of a page outside `<head>`, `<style>` and `<script>`, entities decoded.
  static func textNodes(_ html: String) -> [TextNode] {
    var nodes: [TextNode] = []
    var skipping: String?
    // Open <section> elements; true for the appendix.
    var sections: [Bool] = []
    var code = 0
    var rest = Substring(html)
    while !rest.isEmpty {
      guard let open = rest.firstIndex(of: "<") else {
        if skipping == nil { append(rest, &nodes, sections, code > 0) }
        break
      }
      if skipping == nil { append(rest[..<open], &nodes, sections, code > 0) }
      guard let close = rest[open...].firstIndex(of: ">") else { break }
      let tag = rest[rest.index(after: open)..<close]
      rest = rest[rest.index(after: close)...]
      let name = tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }.lowercased()
      if tag.hasPrefix("/") {
        let closing = tag.dropFirst().lowercased()
        if closing == skipping { skipping = nil }
        if closing == "section", !sections.isEmpty { sections.removeLast() }
        if closing == "code" { code = max(0, code - 1) }
        continue
      }
      if skipping != nil { continue }
      if ["head", "style", "script"].contains(name), !tag.hasSuffix("/") {
        skipping = name
      } else if name == "section" {
        sections.append(tag.contains(#"id="data""#))
      } else if name == "code" {
        code += 1
      }
    }
    return nodes
  }

  private static func append(
    _ raw: Substring, _ nodes: inout [TextNode], _ sections: [Bool], _ isCode: Bool
  ) {
    let text = decode(String(raw)).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { return }
    nodes.append(TextNode(text: text, inAppendix: sections.contains(true), isCode: isCode))
  }

  /// Decodes the entities Strata writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&#…;`).
  static func decode(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = text
    for (entity, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
      ("&nbsp;", "\u{A0}"),
    ] {
      result = result.replacingOccurrences(of: entity, with: character)
    }
    result = result.replacing(try! Regex(#"&#(x[0-9A-Fa-f]+|[0-9]+);"#)) { match in
      let digits = String(match.output[1].substring ?? "")
      let value =
        digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
    }
    return result.replacingOccurrences(of: "&amp;", with: "&")
  }
}
