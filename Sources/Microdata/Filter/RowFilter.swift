/// A condition on the variables of a row, parsed from text such as
/// `brottstyp == "vbek" && alder >= 18` or `aldersgrupp in ("18-24", "25-34") && !(kon == 2)`.
///
/// Grammar (highest precedence last):
/// ```
/// expr       := and ( ("||" | "|" | "or") and )*
/// and        := unary ( ("&&" | "&" | "and") unary )*
/// unary      := ("!" | "not") unary | primary
/// primary    := "(" expr ")" | comparison | membership | NAME
/// comparison := operand ("==" | "!=" | "<" | "<=" | ">" | ">=") operand
/// membership := NAME ("in" | "!in" | "not in" | "%in%") "(" literal ("," literal)* ")"
/// operand    := NAME | NUMBER | "string" | 'string' | missing | NA
/// ```
/// Names are variables of the dataset or groupings of its codebook. A categorical value is
/// compared by its code (`kon == 1` and `kon == "1"` are the same); a date with a string
/// (`datum >= "2017-01-01"`). A bare numeric name is true where it is non-zero.
///
/// Missing values follow three-valued logic as in R's `dplyr::filter` and SQL: a comparison
/// with a missing value (or with a value outside every level of a grouping) is unknown, `!`
/// keeps it unknown, `false && unknown` is false, `true || unknown` is true, and only rows
/// whose condition is true are kept. `x == missing` and `x != missing` test missingness.
public struct RowFilter: Sendable, Equatable, CustomStringConvertible {
  /// The text the filter was parsed from.
  public let expression: String
  /// What the analyst calls the expression (`filter`, `outcome`): its errors name it, the
  /// parser's and those of evaluating it on a dataset (an unknown variable) alike.
  public let noun: String
  let root: Node

  /// The deepest nesting of parentheses and negations a filter may have (200): far beyond any
  /// hand-written condition, and shallow enough that parsing and evaluating never exhaust a
  /// thread's stack.
  public static let maximumDepth = 200
  /// The most `&&`/`||` operators a filter may hold (1 000); a list of values belongs in
  /// `in (…)`, which has no limit.
  public static let maximumOperators = 1_000

  /// Parses a filter expression.
  /// - Throws: `MicrodataError.invalidFilter` with the 1-based position of the problem.
  public init(parsing expression: String) throws(MicrodataError) {
    try self.init(parsing: expression, as: "filter")
  }

  /// Parses a condition that plays another part than a filter, e.g. the outcome of a model;
  /// errors then name it (`In the outcome at position 7: …`).
  /// - Parameter noun: what the analyst calls the expression, e.g. `outcome`.
  /// - Throws: `MicrodataError.invalidCondition` (`.invalidFilter` when `noun` is `filter`).
  public init(parsing expression: String, as noun: String) throws(MicrodataError) {
    self.expression = expression
    self.noun = noun
    var parser = try FilterParser(expression, noun: noun)
    root = try parser.parseAll()
  }

  public var description: String { expression }

  /// A node of the parsed expression; `position` is 1-based in the expression.
  indirect enum Node: Sendable, Equatable {
    case or(Node, Node)
    case and(Node, Node)
    case not(Node)
    case comparison(ComparisonOperator, Operand, Operand, position: Int)
    case membership(Operand, [Operand], negated: Bool, position: Int)
    case truthy(Operand)
  }

  enum ComparisonOperator: String, Sendable, Equatable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// The operator with its operands swapped (`3 < x` is `x > 3`).
    var mirrored: ComparisonOperator {
      switch self {
      case .equal, .notEqual: self
      case .less: .greater
      case .lessOrEqual: .greaterOrEqual
      case .greater: .less
      case .greaterOrEqual: .lessOrEqual
      }
    }

    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
      switch self {
      case .equal: a == b
      case .notEqual: a != b
      case .less: a < b
      case .lessOrEqual: a <= b
      case .greater: a > b
      case .greaterOrEqual: a >= b
      }
    }
  }

  enum Operand: Sendable, Equatable {
    case variable(String, position: Int)
    case number(Double, text: String, position: Int)
    case string(String, position: Int)
    case missing(position: Int)

    var position: Int {
      switch self {
      case .variable(_, let p), .number(_, _, let p), .string(_, let p), .missing(let p): p
      }
    }

    var isLiteral: Bool {
      if case .variable = self { return false }
      return true
    }

    /// A literal as the text a code would have (`1` for the number 1.0).
    var literalText: String? {
      switch self {
      case .number(_, let text, _): text
      case .string(let s, _): s
      default: nil
      }
    }
  }
}
