import Analysis
import Microdata
import Reporting

/// Prepares a standalone SVG document for inlining into an HTML page: drops the XML
/// declaration and prefixes every element id (and the references to it in `aria-labelledby`,
/// `aria-describedby`, `href="#…"` and `url(#…)`), so that several charts on one page never
/// share an id.
public enum InlineSVG {
  package static func prepare(_ svg: String, idPrefix: String) -> String {
    var text = svg
    if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
      text = String(text[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let ids = Set(Self.ids(in: text))
    guard !ids.isEmpty else { return text }
    return prefixing(text, ids: ids, prefix: idPrefix)
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

  /// Where an id is named, and what ends the name (or the list of names).
  private static let references: [(opening: [UInt8], closing: UInt8, list: Bool)] = [
    (Array(" id=\"".utf8), UInt8(ascii: "\""), false),
    (Array("\"#".utf8), UInt8(ascii: "\""), false),
    (Array("url(#".utf8), UInt8(ascii: ")"), false),
    (Array("aria-labelledby=\"".utf8), UInt8(ascii: "\""), true),
    (Array("aria-describedby=\"".utf8), UInt8(ascii: "\""), true),
  ]

  /// Prefixes every id of `ids` where the text names it (an `id` attribute, a `#` reference,
  /// a token of an ARIA list), in one pass; other names are left as they are.
  package static func prefixing(_ text: String, ids: Set<String>, prefix: String) -> String {
    let bytes = Array(text.utf8)
    let prefixBytes = Array(prefix.utf8) + [UInt8(ascii: "-")]
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    // Writes a name, prefixed when it is one of the ids.
    func name(_ range: Range<Int>) {
      if ids.contains(String(decoding: bytes[range], as: UTF8.self)) {
        output += prefixBytes
      }
      output += bytes[range]
    }
    var i = 0
    scan: while i < bytes.count {
      for reference in references where bytes[i] == reference.opening[0] {
        let end = i + reference.opening.count
        guard end <= bytes.count, bytes[i..<end].elementsEqual(reference.opening),
          let close = bytes[end...].firstIndex(of: reference.closing)
        else { continue }
        output += reference.opening
        if reference.list {
          var start = end
          for k in end...close where k == close || bytes[k] == UInt8(ascii: " ") {
            name(start..<k)
            if k < close { output.append(UInt8(ascii: " ")) }
            start = k + 1
          }
        } else {
          name(end..<close)
        }
        output.append(reference.closing)
        i = close + 1
        continue scan
      }
      output.append(bytes[i])
      i += 1
    }
    return String(decoding: output, as: UTF8.self)
  }
}
