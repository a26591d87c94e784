/// A model formula in Wilkinson–Rogers / R notation: a response, the intercept, and terms.
///
/// Two ways in, as StatsModels.jl: parse a string, or build one from ``Term``s.
///
/// ```swift
/// let f = try Formula("antal_misstankar >= 2 ~ kon * fodelse + aldersgrupp")
/// let g = Formula(response: .variable("y"), terms: [Term("kon"), Term("alder")])
/// ```
///
/// Supported syntax (as R's `terms.formula`):
/// ```
/// a + b          main effects            a - b        remove a term
/// a : b, a & b   interaction only        a * b        a + b + a:b
/// (a + b + c)^2  all interactions up to order 2
/// 0 + …, - 1     no intercept            1 + …        intercept (the default)
/// C(a), factor(a)  treat `a` as categorical even if numeric
/// log(x), sqrt(x), exp(x), I(x^2)   a numeric transform (R's names; see NumericExpression)
/// offset(log(x))   a known term of the linear predictor (log exposure), no coefficient
/// ```
/// Terms are kept in R's order: by interaction order, then by first appearance. The response may
/// be a 0/1 variable, a condition (`x >= 2`, also `==`, `!=`, `>`, `<`, `<=`), successes out of
/// trials (`s / n`), or R's `cbind(successes, failures)`.
public struct Formula: Sendable, Equatable, CustomStringConvertible {
  /// The left-hand side.
  public var response: Response
  /// The terms of the right-hand side without the intercept, in R's order.
  public var terms: [Term]
  /// Whether the model has an intercept.
  public var hasIntercept: Bool
  /// Variables written `C(x)`: categorical whatever their type in the data.
  public var categoricalVariables: Set<String>
  /// Transformed numeric predictors by the name they have as a variable of a term, e.g.
  /// `"log(alder)"` or `"I(alder^2)"`, with the expression that computes them.
  public var derivedVariables: [String: NumericExpression]
  /// `offset(…)` terms, added to the linear predictor with coefficient 1.
  public var offsets: [NumericExpression]

  /// The deepest nesting of parentheses a formula may have (200), so that parsing cannot
  /// exhaust the stack; hand-written formulas nest two or three levels.
  public static let maximumDepth = 200
  /// The most terms a formula may expand to (512: `a * b * … * i` of nine variables has 511).
  /// Each term brings at least one column, and each `*` doubles the terms, so the limit stops
  /// `a * b * … * z` before it is expanded.
  public static let maximumTerms = 512

  /// A formula from its parts; the terms are put in R's order (by order, then as given) and
  /// duplicates removed.
  public init(
    response: Response, terms: [Term], hasIntercept: Bool = true,
    categoricalVariables: Set<String> = [], derivedVariables: [String: NumericExpression] = [:],
    offsets: [NumericExpression] = []
  ) {
    self.response = response
    var unique: [Term] = []
    for term in terms where term.order > 0 && !unique.contains(term) { unique.append(term) }
    self.terms = Formula.ordered(unique)
    self.hasIntercept = hasIntercept
    self.categoricalVariables = categoricalVariables
    self.derivedVariables = derivedVariables
    self.offsets = offsets
  }

  /// Parses a formula such as `"y ~ kon * fodelse + alder"`.
  /// - Throws: `ModelError.formulaSyntax` with the position of the problem.
  public init(_ text: String) throws(ModelError) {
    var parser = FormulaParser(text)
    self = try parser.parse()
  }

  /// Every variable on the right-hand side, in order of first appearance.
  public var predictorVariables: [String] {
    var seen: [String] = []
    for term in terms {
      for v in term.variables where !seen.contains(v) { seen.append(v) }
    }
    return seen
  }

  /// `y ~ 1 + a + b + a & b` (StatsModels' notation; `0 +` when there is no intercept).
  public var description: String {
    var rhs = [hasIntercept ? "1" : "0"]
    rhs += terms.map(\.description)
    rhs += offsets.map { "offset(\($0))" }
    return "\(response) ~ \(rhs.joined(separator: " + "))"
  }

  /// The variables of the data a formula reads: those of the response, the predictors (the
  /// variables behind derived ones) and the offsets.
  public var sourceVariables: [String] {
    var seen = response.variables
    func add(_ v: String) { if !seen.contains(v) { seen.append(v) } }
    for v in predictorVariables {
      if let e = derivedVariables[v] { e.variables.forEach(add) } else { add(v) }
    }
    for e in offsets { e.variables.forEach(add) }
    return seen
  }

  /// Stable sort by interaction order (R's `keep.order = FALSE`).
  static func ordered(_ terms: [Term]) -> [Term] {
    terms.enumerated().sorted { a, b in
      a.element.order != b.element.order ? a.element.order < b.element.order : a.offset < b.offset
    }.map(\.element)
  }
}

extension Formula {
  /// The left-hand side of a formula.
  public enum Response: Sendable, Equatable, CustomStringConvertible {
    /// A 0/1 variable (or a two-level factor: the second level is success).
    case variable(String)
    /// A condition on a variable, e.g. `antal_misstankar >= 2` or `brottstyp == "vbek"`.
    case condition(variable: String, comparison: Comparison, value: ConditionValue)
    /// Successes out of trials (`s / n`): grouped binomial data.
    case successes(String, trials: String)
    /// R's `cbind(successes, failures)`.
    case successesFailures(String, failures: String)

    public var description: String {
      switch self {
      case .variable(let name): return name
      case .condition(let v, let c, let value): return "\(v) \(c.rawValue) \(value)"
      case .successes(let s, let n): return "\(s) / \(n)"
      case .successesFailures(let s, let f): return "cbind(\(s), \(f))"
      }
    }

    /// The variables the response reads.
    public var variables: [String] {
      switch self {
      case .variable(let name): return [name]
      case .condition(let v, _, _): return [v]
      case .successes(let s, let n): return [s, n]
      case .successesFailures(let s, let f): return [s, f]
      }
    }
  }

  /// A comparison operator in a condition.
  public enum Comparison: String, Sendable, Equatable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="

    /// Applies the comparison to two numbers.
    func holds(_ a: Double, _ b: Double) -> Bool {
      switch self {
      case .equal: return a == b
      case .notEqual: return a != b
      case .greater: return a > b
      case .greaterOrEqual: return a >= b
      case .less: return a < b
      case .lessOrEqual: return a <= b
      }
    }
  }

  /// The right-hand side of a condition: a number or a category code.
  public enum ConditionValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case code(String)

    public var description: String {
      switch self {
      case .number(let x):
        return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
      case .code(let s): return "\"\(s)\""
      }
    }
  }
}
