import RegressionModels
import Testing

/// Formula parsing and expansion, exactly (StatsModels' and R's `terms.formula` semantics).
@Suite("Formula")
struct FormulaTests {
  static func terms(_ text: String) throws -> [String] {
    try Formula(text).terms.map(\.description)
  }

  @Test("Main effects, interactions and crossing")
  func expansion() throws {
    #expect(try Self.terms("y ~ a + b") == ["a", "b"])
    #expect(try Self.terms("y ~ a * b") == ["a", "b", "a & b"])
    #expect(try Self.terms("y ~ a : b") == ["a & b"])
    #expect(try Self.terms("y ~ a & b") == ["a & b"])
    #expect(
      try Self.terms("y ~ a * b * c") == ["a", "b", "c", "a & b", "a & c", "b & c", "a & b & c"])
    #expect(try Self.terms("y ~ (a + b + c)^2") == ["a", "b", "c", "a & b", "a & c", "b & c"])
    #expect(try Self.terms("y ~ a * b - a:b") == ["a", "b"])
    #expect(try Self.terms("y ~ (a + b) * c") == ["a", "b", "c", "a & c", "b & c"])
    // R's order: by interaction order, then appearance; variables in order of appearance.
    #expect(try Self.terms("y ~ b:a + c + a") == ["c", "a", "b & a"])
    #expect(try Self.terms("y ~ a + b + b:a") == ["a", "b", "a & b"])
    #expect(
      try Self.terms("y ~ kon * fodelse + aldersgrupp") == [
        "kon", "fodelse", "aldersgrupp", "kon & fodelse",
      ])
  }

  @Test("Intercept")
  func intercept() throws {
    #expect(try Formula("y ~ a").hasIntercept)
    #expect(try !Formula("y ~ a - 1").hasIntercept)
    #expect(try !Formula("y ~ 0 + a").hasIntercept)
    #expect(try Formula("y ~ 1 + a").hasIntercept)
    #expect(try Formula("y ~ 1").terms.isEmpty)
    #expect(try Formula("y ~ 0 + a").description == "y ~ 0 + a")
    #expect(try Formula("y ~ a*b").description == "y ~ 1 + a + b + a & b")
  }

  @Test("Responses")
  func responses() throws {
    #expect(try Formula("y ~ a").response == .variable("y"))
    #expect(
      try Formula("antal_misstankar >= 2 ~ a").response
        == .condition(variable: "antal_misstankar", comparison: .greaterOrEqual, value: .number(2)))
    #expect(
      try Formula("brottstyp == \"vbek\" ~ a").response
        == .condition(variable: "brottstyp", comparison: .equal, value: .code("vbek")))
    for op in Formula.Comparison.allCases {
      #expect(
        try Formula("x \(op.rawValue) 1 ~ a").response
          == .condition(variable: "x", comparison: op, value: .number(1)))
    }
    #expect(try Formula("s / n ~ a").response == .successes("s", trials: "n"))
    #expect(try Formula("cbind(s, f) ~ a").response == .successesFailures("s", failures: "f"))
    #expect(try Formula("y ~ C(alder) + `födelse land`").categoricalVariables == ["alder"])
    #expect(try Self.terms("y ~ C(alder) + `födelse land`") == ["alder", "födelse land"])
    #expect(try Self.terms("misstänkt ~ kön + ålder") == ["kön", "ålder"])
  }

  @Test(
    "Syntax errors carry the position",
    arguments: [
      ("y a", 3), ("y ~", 3), ("y ~ a +", 7), ("y ~ (a + b", 10), ("y ~ poly(a, 2)", 4),
      ("y ~ offset(a", 12),
      ("y ~ a $ b", 6),
      ("y ~ y + a", 9), ("y ~ 0", 5), ("y ~ 2", 4),
    ])
  func errors(text: String, position: Int) {
    do {
      _ = try Formula(text)
      Issue.record("\(text) parsed")
    } catch {
      guard case .formulaSyntax(_, let formula, let at) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(formula == text)
      #expect(at == position, "\(text)")
    }
  }

  @Test("Formulas built from terms")
  func built() {
    let f = Formula(response: .variable("y"), terms: [Term("a", "b"), Term("a"), Term("b", "a")])
    #expect(f.terms == [Term("a"), Term("a", "b")])
    #expect(Term("a", "b") == Term("b", "a"))
    #expect(Term.intercept.description == "(Intercept)")
    #expect(f.predictorVariables == ["a", "b"])
  }

  @Test("Unknown variables suggest close names")
  func unknown() throws {
    var t = TestTable(rowCount: 4)
    t.add("y", [0, 1, 0, 1])
    t.add("aldersgrupp", levels: ["a", "b"], values: ["a", "b", "b", "a"])
    t.add("kon", levels: ["1", "2"], values: ["1", "2", "1", "2"])
    #expect(throws: ModelError.unknownVariable(name: "aldersgrup", suggestions: ["aldersgrupp"])) {
      try GLM.fit(formula: "y ~ aldersgrup", data: t)
    }
    #expect(throws: ModelError.unknownVariable(name: "kön", suggestions: ["kon"])) {
      try GLM.fit(formula: "y ~ kön", data: t)
    }
    let message = ModelError.unknownVariable(name: "kön", suggestions: ["kon"]).description
    #expect(message == "The variable `kön` is not in the data. Did you mean `kon`?")
  }

  @Test("R's transforms: offset(), log(), I(), factor(); the terms they make")
  func transforms() throws {
    let f = try Formula("Claims ~ factor(Age) + log(Holders) + I(alder^2) + offset(log(Holders))")
    #expect(f.categoricalVariables == ["Age"])
    #expect(f.terms.map(\.description) == ["Age", "log(Holders)", "I(alder^2)"])
    #expect(f.derivedVariables["log(Holders)"] == .call(.log, .variable("Holders")))
    #expect(f.derivedVariables["I(alder^2)"] == .binary(.power, .variable("alder"), .number(2)))
    #expect(f.offsets == [.call(.log, .variable("Holders"))])
    #expect(f.description.hasSuffix("+ offset(log(Holders))"))
    #expect(f.sourceVariables == ["Claims", "Age", "Holders", "alder"])
    // Arithmetic precedence inside I(): a + b * c^2, and -x^2 is −(x²) as in R.
    let g = try Formula("y ~ I(a + b * c^2) + I(-x^2) + log(x + 1)")
    #expect(
      g.derivedVariables["I(a + b*c^2)"]
        == .binary(
          .add, .variable("a"),
          .binary(.multiply, .variable("b"), .binary(.power, .variable("c"), .number(2)))))
    #expect(g.derivedVariables["I(-x^2)"] == .negate(.binary(.power, .variable("x"), .number(2))))
    #expect(g.derivedVariables["log(x + 1)"] != nil)
    // I(x) of a plain variable is the variable.
    #expect(try Formula("y ~ I(x)").terms == [Term("x")])
    // Operators of one precedence group from the left: a - b + c is (a - b) + c, a / b * c is
    // (a / b) * c.
    let left = try Formula("y ~ I(a - b + c) + I(a / b * c)")
    let a = NumericExpression.variable("a")
    let b = NumericExpression.variable("b")
    let c = NumericExpression.variable("c")
    let grouped = Array(left.derivedVariables.values)
    #expect(grouped.count == 2)
    #expect(grouped.contains(.binary(.add, .binary(.subtract, a, b), c)))
    #expect(grouped.contains(.binary(.multiply, .binary(.divide, a, b), c)))
  }

  @Test("An unsupported function gets a reasoned error that names what is supported")
  func unsupportedFunction() {
    do {
      _ = try Formula("y ~ poly(alder, 2)")
      Issue.record("poly parsed")
    } catch {
      guard case .formulaSyntax(let message, _, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(message.contains("`poly(…)` is not supported"))
      #expect(message.contains("factor()") && message.contains("log()") && message.contains("I()"))
      #expect(message.contains("offset()"))
    }
  }
}
