import Microdata

/// Escaping of text for each output format. Numbers from `NumberFormat` never need it (the
/// LaTeX style already writes LaTeX), labels, titles and notes always do.
package enum Escaping {
  /// HTML and XML text and attribute values: `& < > " '`.
  package static func xml(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default:
        // XML 1.0 forbids most C0 controls (tab, newline and carriage return stay); DEL and
        // the C1 controls are shown as nothing either.
        if isControlCharacter(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r" {
          result += " "
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// LaTeX text mode: the ten specials `& % $ # _ { } ~ ^ \`, plus `< > | " `` ` (which the
  /// default OT1 encoding or babel shorthands turn into other glyphs); control characters
  /// become spaces. å ä ö and other letters stay UTF-8.
  static func latex(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\": result += "\\textbackslash{}"
      case "&": result += "\\&"
      case "%": result += "\\%"
      case "$": result += "\\$"
      case "#": result += "\\#"
      case "_": result += "\\_"
      case "{": result += "\\{"
      case "}": result += "\\}"
      case "~": result += "\\textasciitilde{}"
      case "^": result += "\\textasciicircum{}"
      case "<": result += "\\textless{}"
      case ">": result += "\\textgreater{}"
      case "|": result += "\\textbar{}"
      case "\"": result += "\\textquotedbl{}"
      case "`": result += "\\textasciigrave{}"
      case "\u{00A0}": result += "~"
      case "\n", "\r\n", "\r": result += " "
      default:
        // Control characters stop pdfLaTeX ("invalid character"): a space instead.
        result +=
          character.unicodeScalars.contains(where: isControlCharacter) ? " " : String(character)
      }
    }
    return result
  }

  /// One CSV field (RFC 4180): quoted when it holds the delimiter, a quote, CR or LF, or
  /// begins or ends with a space; quotes inside are doubled.
  static func csv(_ field: String, delimiter: Character) -> String {
    let needsQuotes =
      field.contains { $0 == delimiter || $0 == "\"" || $0.isNewline }
      || field.first == " " || field.last == " "
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Markdown table cell text: backslash-escapes `\ | * _ ` < [ ]`, and turns line breaks
  /// (a pipe-table cell is one line) and control characters into spaces.
  static func markdown(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\", "|", "*", "_", "`", "<", "[", "]": result += "\\" + String(character)
      case "\n", "\r\n", "\r": result += " "
      default:
        // Control characters (a terminal's escape sequences among them): a space instead.
        result +=
          character.unicodeScalars.contains(where: isControlCharacter) ? " " : String(character)
      }
    }
    return result
  }

  /// A Markdown paragraph: `markdown(_:)` plus a backslash before a leading `-`, `+`, `#`,
  /// `>` or `=`, or the `.`/`)` after leading digits, which would otherwise start a list, a
  /// heading, a quote or an underline.
  static func markdownParagraph(_ text: String) -> String {
    var escaped = markdown(text)
    if let first = escaped.first, "-+#>=".contains(first) {
      escaped.insert("\\", at: escaped.startIndex)
    } else if let end = escaped.firstIndex(where: { !$0.isASCII || !$0.isNumber }),
      end != escaped.startIndex, escaped[end] == "." || escaped[end] == ")"
    {
      escaped.insert("\\", at: end)
    }
    return escaped
  }

  /// A JSON string literal with quotes: escapes `"` and `\`, and control characters as
  /// `\n`, `\t`, ... or `\u00XX`. Other characters stay UTF-8 (byte-stable, readable).
  static func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16, uppercase: false)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
