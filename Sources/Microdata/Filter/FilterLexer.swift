/// Splits a filter expression into tokens with their 1-based positions.
struct FilterLexer {
  enum Kind: Equatable {
    case name(String)
    case number(Double, String)
    case string(String)
    case symbol(String)  // == != < <= > >= && || ! ( ) ,
    case end
  }

  struct Token: Equatable {
    var kind: Kind
    var position: Int
  }

  static func tokenize(_ expression: String) throws(MicrodataError) -> [Token] {
    let chars = Array(expression)
    var tokens: [Token] = []
    var i = 0
    func fail(_ message: String, at position: Int) -> MicrodataError {
      .invalidFilter(expression: expression, position: position, message: message)
    }
    while i < chars.count {
      let c = chars[i]
      let position = i + 1
      if c.isWhitespace {
        i += 1
        continue
      }
      if c.isLetter || c == "_" {
        var j = i
        while j < chars.count
          && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == ".")
        { j += 1 }
        tokens.append(Token(kind: .name(String(chars[i..<j])), position: position))
        i = j
        continue
      }
      let unaryMinus: Bool = {
        guard c == "-", i + 1 < chars.count, chars[i + 1].isNumber || chars[i + 1] == "." else {
          return false
        }
        guard let last = tokens.last else { return true }
        if case .symbol(let s) = last.kind { return s != ")" }
        return false
      }()
      if unaryMinus || c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
        var j = unaryMinus ? i + 1 : i
        while j < chars.count && (chars[j].isNumber || chars[j] == ".") { j += 1 }
        if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
          var k = j + 1
          if k < chars.count && (chars[k] == "+" || chars[k] == "-") { k += 1 }
          if k < chars.count && chars[k].isNumber {
            j = k
            while j < chars.count && chars[j].isNumber { j += 1 }
          }
        }
        let text = String(chars[i..<j])
        guard let value = Double(text) else {
          throw fail("`\(text)` is not a number", at: position)
        }
        tokens.append(Token(kind: .number(value, text), position: position))
        i = j
        continue
      }
      if c == "\"" || c == "'" || c == "“" || c == "”" {
        let close: Character = c == "“" ? "”" : c
        var j = i + 1
        var text = ""
        while j < chars.count && chars[j] != close && !(c == "“" && chars[j] == "\"") {
          if chars[j] == "\\" && j + 1 < chars.count {
            j += 1
          }
          text.append(chars[j])
          j += 1
        }
        guard j < chars.count else {
          throw fail("this string is not closed (a \(close) is missing)", at: position)
        }
        tokens.append(Token(kind: .string(text), position: position))
        i = j + 1
        continue
      }
      let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
      if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
        tokens.append(Token(kind: .symbol(two), position: position))
        i += 2
        continue
      }
      if c == "%" {
        let rest = String(chars[i..<min(chars.count, i + 4)])
        if rest == "%in%" {
          tokens.append(Token(kind: .name("in"), position: position))
          i += 4
          continue
        }
      }
      switch c {
      case "<", ">", "!", "(", ")", ",":
        tokens.append(Token(kind: .symbol(String(c)), position: position))
      case "&":
        tokens.append(Token(kind: .symbol("&&"), position: position))
      case "|":
        tokens.append(Token(kind: .symbol("||"), position: position))
      case "=":
        throw fail("a single `=` assigns; compare with `==`", at: position)
      case "≥":
        tokens.append(Token(kind: .symbol(">="), position: position))
      case "≤":
        tokens.append(Token(kind: .symbol("<="), position: position))
      default:
        throw fail("unexpected character `\(c)`", at: position)
      }
      i += 1
    }
    tokens.append(Token(kind: .end, position: chars.count + 1))
    return tokens
  }
}
