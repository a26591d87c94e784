/// A recursive-descent parser for `RowFilter` expressions (grammar on `RowFilter`).
///
/// Nesting (parentheses and negations) is limited to `RowFilter.maximumDepth` levels, and a
/// chain of `&&`/`||` to `RowFilter.maximumOperators` operators, so that neither the parser nor
/// the evaluation of the tree can exhaust the stack.
struct FilterParser {
  private let expression: String
  private let tokens: [FilterLexer.Token]
  private var index = 0
  private var depth = 0
  private var operators = 0
  /// What the expression is to the analyst: `filter` (default) or e.g. `outcome`.
  private let noun: String

  init(_ expression: String, noun: String = "filter") throws(MicrodataError) {
    self.expression = expression
    self.noun = noun
    do {
      tokens = try FilterLexer.tokenize(expression)
    } catch {
      throw FilterParser.renamed(error, noun: noun)
    }
  }

  /// The error as it reads for an expression that is not a filter.
  static func renamed(_ error: MicrodataError, noun: String) -> MicrodataError {
    guard noun != "filter", case .invalidFilter(let expression, let position, let message) = error
    else { return error }
    return .invalidCondition(
      noun: noun, expression: expression, position: position, message: message)
  }

  private var current: FilterLexer.Token { tokens[index] }

  private func fail(_ message: String, at position: Int? = nil) -> MicrodataError {
    FilterParser.renamed(
      .invalidFilter(
        expression: expression, position: position ?? current.position, message: message),
      noun: noun)
  }

  private func describe(_ token: FilterLexer.Token) -> String {
    switch token.kind {
    case .name(let n): "`\(n)`"
    case .number(_, let t): "`\(t)`"
    case .string(let s): "\"\(s)\""
    case .symbol(let s): "`\(s)`"
    case .end: "the end of the \(noun)"
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
    if current.kind == .end { throw fail("the \(noun) is empty") }
    let node = try parseOr()
    guard current.kind == .end else {
      throw fail("expected `&&`, `||` or the end of the \(noun), found \(describe(current))")
    }
    return node
  }

  private mutating func parseOr() throws(MicrodataError) -> RowFilter.Node {
    var node = try parseAnd()
    while accept("||") || acceptWord("or") {
      try countOperator()
      node = .or(node, try parseAnd())
    }
    return node
  }

  private mutating func parseAnd() throws(MicrodataError) -> RowFilter.Node {
    var node = try parseUnary()
    while accept("&&") || acceptWord("and") {
      try countOperator()
      node = .and(node, try parseUnary())
    }
    return node
  }

  private mutating func countOperator() throws(MicrodataError) {
    operators += 1
    if operators > RowFilter.maximumOperators {
      throw fail(
        "the \(noun) joins more than \(RowFilter.maximumOperators) conditions with `&&`/`||`; "
          + "use `in (…)` for long lists of values", at: tokens[index - 1].position)
    }
  }

  /// Enters one level of nesting (a parenthesis or a negation) at the token just accepted.
  private mutating func enter() throws(MicrodataError) {
    depth += 1
    if depth > RowFilter.maximumDepth {
      throw fail(
        "the \(noun) nests parentheses or negations more than \(RowFilter.maximumDepth) levels deep",
        at: tokens[index - 1].position)
    }
  }

  private mutating func parseUnary() throws(MicrodataError) -> RowFilter.Node {
    if accept("!") || acceptWord("not") {
      try enter()
      defer { depth -= 1 }
      return .not(try parseUnary())
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws(MicrodataError) -> RowFilter.Node {
    let open = current.position
    if accept("(") {
      try enter()
      defer { depth -= 1 }
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
