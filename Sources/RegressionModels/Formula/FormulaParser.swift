/// A recursive-descent parser for model formulas (R's `terms.formula` semantics).
///
/// Grammar, loosest binding first (as R):
/// ```
/// formula  := response "~" sum
/// sum      := product (("+" | "-") product)*
/// product  := inter ("*" inter)*
/// inter    := power ((":" | "&") power)*
/// power    := atom ("^" integer)?
/// atom     := name | "C(" name ")" | "factor(" name ")" | "0" | "1" | "(" sum ")" | "-" atom
///           | "offset(" expr ")" | "I(" expr ")" | function "(" expr ")"   (see NumericExpression)
/// response := name | name cmp (number | string) | name "/" name | "cbind(" name "," name ")"
/// ```
/// Names are letters (including å, ä, ö), digits, `_` and `.`, or any text in backticks.
struct FormulaParser {
  enum Token: Equatable {
    case name(String)
    case number(Double)
    case string(String)
    case symbol(String)
    case end
  }

  /// The value of a right-hand-side sub-expression: its terms (the intercept as the empty term).
  struct TermSet {
    var terms: [Term] = []
    /// `0` was written, or the intercept was removed with `- 1`.
    var removesIntercept = false

    mutating func add(_ other: TermSet) {
      for t in other.terms where !terms.contains(t) { terms.append(t) }
      if other.removesIntercept { removesIntercept = true }
      if other.terms.contains(.intercept) { removesIntercept = false }
    }

    mutating func remove(_ other: TermSet) {
      for t in other.terms {
        if t == .intercept { removesIntercept = true }
        terms.removeAll { $0 == t }
      }
      // `- 0` restores the intercept, as in R.
      if other.removesIntercept { removesIntercept = false }
    }

    /// All pairwise interactions of the terms of two sets (`a : b`).
    func interacted(with other: TermSet) -> TermSet {
      var result = TermSet()
      for a in terms {
        for b in other.terms {
          let t = a.interacted(with: b)
          if !result.terms.contains(t) { result.terms.append(t) }
        }
      }
      return result
    }

    /// `a * b = a + b + a:b`.
    func crossed(with other: TermSet) -> TermSet {
      var result = self
      result.add(other)
      result.add(interacted(with: other))
      return result
    }
  }

  let text: String
  private var tokens: [(token: Token, position: Int)] = []
  private var index = 0
  /// Open parentheses around the current token; at most `Formula.maximumDepth`.
  private var depth = 0
  private var categorical: Set<String> = []
  private var derived: [String: NumericExpression] = [:]
  private var offsets: [NumericExpression] = []

  init(_ text: String) {
    self.text = text
  }

  mutating func parse() throws(ModelError) -> Formula {
    tokens = try FormulaParser.tokenize(text)
    index = 0
    guard let tilde = tokens.firstIndex(where: { $0.token == .symbol("~") }) else {
      throw error("a formula needs `~` between the outcome and the predictors", at: text.count)
    }
    let response = try parseResponse(until: tilde)
    index = tilde + 1
    if current == .end { throw error("the right-hand side of `~` is empty", at: position) }
    let rhs = try parseSum()
    guard current == .end else { throw error("unexpected \(describe(current))", at: position) }
    // Variables within a term follow their first appearance in the formula (R's variable list).
    var appearance: [String] = response.variables
    for case .name(let n) in tokens.map(\.token) where !appearance.contains(n) {
      appearance.append(n)
    }
    let terms = rhs.terms.filter { $0 != .intercept }.map { term in
      Term(
        variables: term.variables.sorted {
          (appearance.firstIndex(of: $0) ?? 0) < (appearance.firstIndex(of: $1) ?? 0)
        })
    }
    for term in terms {
      if let v = response.variables.first(where: { term.variables.contains($0) }) {
        throw error("the outcome `\(v)` is also a predictor", at: text.count)
      }
    }
    if terms.isEmpty && rhs.removesIntercept {
      throw error("the model has neither an intercept nor a predictor", at: text.count)
    }
    return Formula(
      response: response, terms: terms, hasIntercept: !rhs.removesIntercept,
      categoricalVariables: categorical, derivedVariables: derived, offsets: offsets)
  }

  // MARK: Response

  private mutating func parseResponse(until tilde: Int) throws(ModelError) -> Formula.Response {
    let lhs = Array(tokens[0..<tilde])
    func name(_ k: Int) -> String? {
      if k < lhs.count, case .name(let n) = lhs[k].token { return n }
      return nil
    }
    guard !lhs.isEmpty else { throw error("the outcome before `~` is missing", at: 0) }
    if lhs.count == 6, name(0) == "cbind", lhs[1].token == .symbol("("), let s = name(2),
      lhs[3].token == .symbol(","), let f = name(4), lhs[5].token == .symbol(")")
    {
      return .successesFailures(s, failures: f)
    }
    guard let variable = name(0) else {
      throw error("the outcome must be a variable name", at: lhs[0].position)
    }
    if lhs.count == 1 { return .variable(variable) }
    if lhs.count == 3, lhs[1].token == .symbol("/"), let trials = name(2) {
      return .successes(variable, trials: trials)
    }
    if lhs.count == 3, case .symbol(let op) = lhs[1].token,
      let comparison = Formula.Comparison(rawValue: op)
    {
      switch lhs[2].token {
      case .number(let x):
        return .condition(variable: variable, comparison: comparison, value: .number(x))
      case .string(let s):
        return .condition(variable: variable, comparison: comparison, value: .code(s))
      default:
        throw error("a condition compares with a number or a quoted code", at: lhs[2].position)
      }
    }
    throw error(
      "the outcome must be a variable, a condition such as `x >= 2`, `successes / trials` or "
        + "`cbind(successes, failures)`", at: lhs[min(1, lhs.count - 1)].position)
  }

  // MARK: Right-hand side

  private var current: Token { tokens[index].token }
  private var position: Int { tokens[index].position }

  private mutating func parseSum() throws(ModelError) -> TermSet {
    var result = TermSet()
    if current == .symbol("-") {
      index += 1
      result.remove(try parseProduct())
    } else {
      result.add(try parseProduct())
    }
    while current == .symbol("+") || current == .symbol("-") {
      let minus = current == .symbol("-")
      index += 1
      let next = try parseProduct()
      if minus { result.remove(next) } else { result.add(next) }
    }
    return result
  }

  private mutating func parseProduct() throws(ModelError) -> TermSet {
    var result = try parseInteraction()
    while current == .symbol("*") {
      let start = position
      index += 1
      let other = try parseInteraction()
      try checkExpansion(
        result.terms.count * (other.terms.count + 1) + other.terms.count, at: start)
      result = result.crossed(with: other)
    }
    return result
  }

  private mutating func parseInteraction() throws(ModelError) -> TermSet {
    var result = try parsePower()
    while current == .symbol(":") || current == .symbol("&") {
      let start = position
      index += 1
      let other = try parsePower()
      try checkExpansion(result.terms.count * other.terms.count, at: start)
      result = result.interacted(with: other)
    }
    return result
  }

  /// Parses what stands inside a parenthesis opened at `start`, one level deeper; refuses more
  /// than `Formula.maximumDepth` levels.
  private mutating func nested<Value>(
    at start: Int, _ parse: (inout FormulaParser) throws(ModelError) -> Value
  ) throws(ModelError) -> Value {
    depth += 1
    defer { depth -= 1 }
    if depth > Formula.maximumDepth {
      throw error(
        "the formula nests parentheses more than \(Formula.maximumDepth) levels deep", at: start)
    }
    return try parse(&self)
  }

  /// Refuses an expansion (`*`, `:`, `^`) into more than `Formula.maximumTerms` terms before
  /// building it: `a * b * … ` doubles the terms with each factor.
  private func checkExpansion(_ count: Int, at start: Int) throws(ModelError) {
    if count > Formula.maximumTerms {
      throw error(
        "this expands to about \(count) terms, more than the \(Formula.maximumTerms) a formula "
          + "may have; write the interactions you need with `&` instead of `*`", at: start)
    }
  }

  private mutating func parsePower() throws(ModelError) -> TermSet {
    let start = position
    let base = try parseAtom()
    guard current == .symbol("^") else { return base }
    index += 1
    guard case .number(let n) = current, n >= 1, n == n.rounded(), n <= 10 else {
      throw error("`^` needs a whole number from 1 to 10", at: position)
    }
    index += 1
    var result = base
    for _ in 1..<Int(n) {
      try checkExpansion(result.terms.count * (base.terms.count + 1) + base.terms.count, at: start)
      var next = result.crossed(with: base)
      next.terms = next.terms.filter { $0.order <= Int(n) }
      result = next
    }
    return result
  }

  private mutating func parseAtom() throws(ModelError) -> TermSet {
    let start = position
    switch current {
    case .number(let x) where x == 0 || x == 1:
      index += 1
      return x == 1 ? TermSet(terms: [.intercept]) : TermSet(removesIntercept: true)
    case .number:
      throw error("only 0 and 1 may stand alone (for the intercept)", at: start)
    case .symbol("("):
      index += 1
      let inner = try nested(at: start) { parser throws(ModelError) in try parser.parseSum() }
      guard current == .symbol(")") else { throw error("expected `)`", at: position) }
      index += 1
      return inner
    case .name(let n) where (n == "C" || n == "factor") && tokens[index + 1].token == .symbol("("):
      index += 2
      guard case .name(let variable) = current else {
        throw error("`\(n)(…)` takes one variable name", at: position)
      }
      index += 1
      guard current == .symbol(")") else { throw error("expected `)`", at: position) }
      index += 1
      categorical.insert(variable)
      return TermSet(terms: [Term(variable)])
    case .name("offset") where tokens[index + 1].token == .symbol("("):
      index += 2
      let expression = try parseExpression()
      try expect(")")
      offsets.append(expression)
      return TermSet()
    case .name(let n)
    where (n == "I" || NumericExpression.Function(rawValue: n) != nil)
      && tokens[index + 1].token == .symbol("("):
      index += 2
      let inner = try parseExpression()
      try expect(")")
      let expression = NumericExpression.Function(rawValue: n).map { .call($0, inner) } ?? inner
      let name = n == "I" ? "I(\(inner))" : expression.description
      if case .variable(let plain) = expression {
        return TermSet(terms: [Term(plain)])
      }
      derived[name] = expression
      return TermSet(terms: [Term(name)])
    case .name(let n):
      index += 1
      if current == .symbol("(") {
        let known = NumericExpression.Function.allCases.map { "\($0.rawValue)()" }
        throw error(
          "`\(n)(…)` is not supported in formulas. Supported: C() or factor() for a categorical "
            + "variable, \(known.joined(separator: ", ")) and I() for a numeric transform, "
            + "offset() for a known term; compute other transforms as a column of the data first",
          at: start)
      }
      return TermSet(terms: [Term(n)])
    default:
      throw error("expected a variable, `0`, `1` or `(`, found \(describe(current))", at: start)
    }
  }

  // MARK: Arithmetic inside I(), log(), offset()

  private mutating func expect(_ symbol: String) throws(ModelError) {
    guard current == .symbol(symbol) else {
      throw error("expected `\(symbol)`, found \(describe(current))", at: position)
    }
    index += 1
  }

  private mutating func parseExpression() throws(ModelError) -> NumericExpression {
    try parseLeftAssociative(["+": .add, "-": .subtract]) { parser throws(ModelError) in
      try parser.parseArithmeticTerm()
    }
  }

  private mutating func parseArithmeticTerm() throws(ModelError) -> NumericExpression {
    try parseLeftAssociative(["*": .multiply, "/": .divide]) { parser throws(ModelError) in
      try parser.parseArithmeticUnary()
    }
  }

  /// `operand (op operand)*` for the operators of one precedence, grouped from the left.
  private mutating func parseLeftAssociative(
    _ operators: [String: NumericExpression.Operator],
    operand: (inout FormulaParser) throws(ModelError) -> NumericExpression
  ) throws(ModelError) -> NumericExpression {
    var result = try operand(&self)
    while case .symbol(let symbol) = current, let op = operators[symbol] {
      index += 1
      result = .binary(op, result, try operand(&self))
    }
    return result
  }

  private mutating func parseArithmeticUnary() throws(ModelError) -> NumericExpression {
    if current == .symbol("-") {
      index += 1
      return .negate(try parseArithmeticUnary())
    }
    let base = try parseArithmeticPrimary()
    if current == .symbol("^") {
      index += 1
      return .binary(.power, base, try parseArithmeticUnary())
    }
    return base
  }

  private mutating func parseArithmeticPrimary() throws(ModelError) -> NumericExpression {
    let start = position
    switch current {
    case .number(let x):
      index += 1
      return .number(x)
    case .symbol("("):
      index += 1
      let inner = try nested(at: start) { parser throws(ModelError) in
        try parser.parseExpression()
      }
      try expect(")")
      return inner
    case .name(let n) where tokens[index + 1].token == .symbol("("):
      guard let function = NumericExpression.Function(rawValue: n) else {
        let known = NumericExpression.Function.allCases.map(\.rawValue).joined(separator: ", ")
        throw error("`\(n)(…)` is not a supported function here; use one of \(known)", at: start)
      }
      index += 2
      let inner = try parseExpression()
      try expect(")")
      return .call(function, inner)
    case .name(let n):
      index += 1
      return .variable(n)
    default:
      throw error("expected a number, a variable or `(`, found \(describe(current))", at: start)
    }
  }

  // MARK: Tokens

  static func tokenize(_ text: String) throws(ModelError) -> [(token: Token, position: Int)] {
    let chars = Array(text)
    var result: [(token: Token, position: Int)] = []
    var i = 0
    func isNameCharacter(_ c: Character) -> Bool {
      c.isLetter || c.isNumber || c == "_" || c == "."
    }
    while i < chars.count {
      let c = chars[i]
      if c.isWhitespace {
        i += 1
        continue
      }
      let start = i
      if c == "`" {
        guard let close = chars[(i + 1)...].firstIndex(of: "`") else {
          throw ModelError.formulaSyntax(message: "unclosed backtick", formula: text, position: i)
        }
        result.append((.name(String(chars[(i + 1)..<close])), start))
        i = close + 1
      } else if c == "\"" || c == "'" {
        guard let close = chars[(i + 1)...].firstIndex(of: c) else {
          throw ModelError.formulaSyntax(message: "unclosed quote", formula: text, position: i)
        }
        result.append((.string(String(chars[(i + 1)..<close])), start))
        i = close + 1
      } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
        var j = i
        while j < chars.count
          && (chars[j].isNumber || chars[j] == "." || chars[j] == "e"
            || ((chars[j] == "-" || chars[j] == "+") && j > i && chars[j - 1] == "e"))
        {
          j += 1
        }
        let literal = String(chars[i..<j])
        if j < chars.count && (chars[j].isLetter || chars[j] == "_") {
          // A name that starts with a digit, e.g. `2017_count`: read it as a name.
          while j < chars.count && isNameCharacter(chars[j]) { j += 1 }
          result.append((.name(String(chars[i..<j])), start))
        } else if let x = Double(literal) {
          result.append((.number(x), start))
        } else {
          throw ModelError.formulaSyntax(
            message: "`\(literal)` is not a number", formula: text, position: i)
        }
        i = j
      } else if isNameCharacter(c) {
        var j = i
        while j < chars.count && isNameCharacter(chars[j]) { j += 1 }
        result.append((.name(String(chars[i..<j])), start))
        i = j
      } else {
        let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
        if ["==", "!=", ">=", "<="].contains(two) {
          result.append((.symbol(two), start))
          i += 2
        } else if "~+-*:&()^,/<>".contains(c) {
          result.append((.symbol(String(c)), start))
          i += 1
        } else {
          throw ModelError.formulaSyntax(
            message: "unexpected character `\(c)`", formula: text, position: i)
        }
      }
    }
    result.append((.end, chars.count))
    return result
  }

  private func error(_ message: String, at position: Int) -> ModelError {
    .formulaSyntax(message: message, formula: text, position: position)
  }

  private func describe(_ token: Token) -> String {
    switch token {
    case .name(let n): return "`\(n)`"
    case .number(let x): return "`\(x)`"
    case .string(let s): return "\"\(s)\""
    case .symbol(let s): return "`\(s)`"
    case .end: return "the end of the formula"
    }
  }
}
