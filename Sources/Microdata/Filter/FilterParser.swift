/// A recursive-descent parser for `RowFilter` expressions (grammar on `RowFilter`).
struct FilterParser {
  private let expression: String
  private let tokens: [FilterLexer.Token]
  private var index = 0

  init(_ expression: String) throws(MicrodataError) {
    self.expression = expression
    tokens = try FilterLexer.tokenize(expression)
  }

  private var current: FilterLexer.Token { tokens[index] }

  private func fail(_ message: String, at position: Int? = nil) -> MicrodataError {
    .invalidFilter(expression: expression, position: position ?? current.position, message: message)
  }

  private func describe(_ token: FilterLexer.Token) -> String {
    switch token.kind {
    case .name(let n): "`\(n)`"
    case .number(_, let t): "`\(t)`"
    case .string(let s): "\"\(s)\""
    case .symbol(let s): "`\(s)`"
    case .end: "the end of the filter"
    }
  }

  private mutating func accept(_ symbol: String) -> Bool {
    if current.kind == .symbol(symbol) {
      index += 1
      return true
    }
    return false
  }

  private mutating func acceptWord(_ word: String) -> Bool {
    if case .name(let n) = current.kind, n.lowercased() == word {
      index += 1
      return true
    }
    return false
  }

  mutating func parseAll() throws(MicrodataError) -> RowFilter.Node {
    if current.kind == .end { throw fail("the filter is empty") }
    let node = try parseOr()
    guard current.kind == .end else {
      throw fail("expected `&&`, `||` or the end of the filter, found \(describe(current))")
    }
    return node
  }

  private mutating func parseOr() throws(MicrodataError) -> RowFilter.Node {
    var node = try parseAnd()
    while accept("||") || acceptWord("or") { node = .or(node, try parseAnd()) }
    return node
  }

  private mutating func parseAnd() throws(MicrodataError) -> RowFilter.Node {
    var node = try parseUnary()
    while accept("&&") || acceptWord("and") { node = .and(node, try parseUnary()) }
    return node
  }

  private mutating func parseUnary() throws(MicrodataError) -> RowFilter.Node {
    if accept("!") || acceptWord("not") { return .not(try parseUnary()) }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws(MicrodataError) -> RowFilter.Node {
    let open = current.position
    if accept("(") {
      let node = try parseOr()
      guard accept(")") else {
        throw fail("expected `)` to close the `(` at position \(open), found \(describe(current))")
      }
      return node
    }
    let left = try parseOperand()
    let position = current.position
    // Membership: NAME in (...), NAME !in (...), NAME not in (...).
    var negated = false
    let save = index
    if accept("!") || acceptWord("not") { negated = true }
    if acceptWord("in") {
      guard case .variable = left else {
        throw fail("`in` needs a variable on its left", at: left.position)
      }
      guard accept("(") else { throw fail("expected `(` after `in`, e.g. kon in (\"1\", \"2\")") }
      var values: [RowFilter.Operand] = []
      repeat {
        let value = try parseOperand()
        guard value.isLiteral else {
          throw fail("the list after `in` holds values, not variables", at: value.position)
        }
        values.append(value)
      } while accept(",")
      guard accept(")") else {
        throw fail("expected `,` or `)` in the list, found \(describe(current))")
      }
      return .membership(left, values, negated: negated, position: position)
    }
    index = save
    for op in ["==", "!=", "<=", ">=", "<", ">"] where accept(op) {
      let right = try parseOperand()
      if left.isLiteral && right.isLiteral {
        throw fail("a comparison needs a variable on one side", at: left.position)
      }
      return .comparison(
        RowFilter.ComparisonOperator(rawValue: op)!, left, right, position: position)
    }
    guard case .variable = left else {
      throw fail(
        "expected a comparison such as `alder >= 18` after \(describe(tokens[index - 1]))",
        at: position)
    }
    return .truthy(left)
  }

  private mutating func parseOperand() throws(MicrodataError) -> RowFilter.Operand {
    let token = current
    switch token.kind {
    case .name(let name):
      index += 1
      if ["missing", "na", "nan"].contains(name.lowercased()) {
        return .missing(position: token.position)
      }
      return .variable(name, position: token.position)
    case .number(let value, let text):
      index += 1
      return .number(value, text: text, position: token.position)
    case .string(let s):
      index += 1
      return .string(s, position: token.position)
    case .symbol("-"):
      throw fail("unexpected `-`")
    default:
      throw fail("expected a variable or a value, found \(describe(token))")
    }
  }
}
