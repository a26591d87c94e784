import Analysis
import Microdata
import Reporting

/// Prepares a standalone SVG document for inlining into an HTML page: drops the XML
/// declaration and prefixes every element id (and the references to it in `aria-labelledby`,
/// `href="#…"` and `url(#…)`), so that several charts on one page never share an id.
public enum InlineSVG {
  package static func prepare(_ svg: String, idPrefix: String) -> String {
    var text = svg
    if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
      text = String(text[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let ids = Self.ids(in: text)
    guard !ids.isEmpty else { return text }
    // Replace longest ids first so that an id that is a prefix of another is not hit inside it.
    for id in ids.sorted(by: { $0.count > $1.count }) {
      let new = "\(idPrefix)-\(id)"
      text = text.replacingOccurrences(of: "id=\"\(id)\"", with: "id=\"\(new)\"")
      text = text.replacingOccurrences(of: "\"#\(id)\"", with: "\"#\(new)\"")
      text = text.replacingOccurrences(of: "url(#\(id))", with: "url(#\(new))")
    }
    return prefixingLabelledBy(text, ids: Set(ids), prefix: idPrefix)
  }

  /// The values of every `id="…"` attribute.
  package static func ids(in text: String) -> [String] {
    var result: [String] = []
    var rest = text[...]
    while let range = rest.range(of: " id=\"") {
      let after = rest[range.upperBound...]
      guard let close = after.firstIndex(of: "\"") else { break }
      result.append(String(after[..<close]))
      rest = after[close...]
    }
    return Array(Set(result))
  }

  /// Prefixes the id tokens inside `aria-labelledby="…"` and `aria-describedby="…"`.
  package static func prefixingLabelledBy(_ text: String, ids: Set<String>, prefix: String)
    -> String
  {
    var output = ""
    var rest = text[...]
    let attributes = ["aria-labelledby=\"", "aria-describedby=\""]
    while let range = attributes.compactMap({ rest.range(of: $0) }).min(by: {
      $0.lowerBound < $1.lowerBound
    }) {
      output += rest[..<range.upperBound]
      let after = rest[range.upperBound...]
      guard let close = after.firstIndex(of: "\"") else {
        rest = after
        break
      }
      let tokens = after[..<close].split(separator: " ").map { token in
        ids.contains(String(token)) ? "\(prefix)-\(token)" : String(token)
      }
      output += tokens.joined(separator: " ")
      rest = after[close...]
    }
    return output + rest
  }
}
