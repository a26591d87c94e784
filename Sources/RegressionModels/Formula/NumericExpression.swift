import Foundation

/// An arithmetic expression over numeric variables, as R evaluates the arguments of `log()`,
/// `I()` and `offset()` in a formula: `log(befolkning)`, `I(alder^2)`, `log(x + 1)`.
///
/// ```
/// expr   := term (("+" | "-") term)*
/// term   := factor (("*" | "/") factor)*
/// factor := unary ("^" factor)?            (right-associative, binds tighter than unary minus)
/// unary  := "-" unary | primary
/// primary := number | name | "(" expr ")" | function "(" expr ")"
/// function := log | log2 | log10 | log1p | exp | sqrt | abs
/// ```
/// A value that R would make `NaN` (the log of a negative number) or infinite (log 0) is
/// reported by the model frame with the row, not silently used.
public indirect enum NumericExpression: Sendable, Equatable, CustomStringConvertible {
  case variable(String)
  case number(Double)
  case negate(NumericExpression)
  case binary(Operator, NumericExpression, NumericExpression)
  case call(Function, NumericExpression)

  /// The arithmetic operators.
  public enum Operator: String, Sendable, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
  }

  /// The functions a formula may apply to numbers (R's names).
  public enum Function: String, Sendable, Equatable, CaseIterable {
    case log, log2, log10, log1p, exp, sqrt, abs

    func apply(_ x: Double) -> Double {
      switch self {
      case .log: return Foundation.log(x)
      case .log2: return Foundation.log2(x)
      case .log10: return Foundation.log10(x)
      case .log1p: return Foundation.log1p(x)
      case .exp: return Foundation.exp(x)
      case .sqrt: return x.squareRoot()
      case .abs: return Swift.abs(x)
      }
    }
  }

  /// The variables the expression reads, in order of first appearance.
  public var variables: [String] {
    switch self {
    case .variable(let name): return [name]
    case .number: return []
    case .negate(let e), .call(_, let e): return e.variables
    case .binary(_, let a, let b):
      var names = a.variables
      for v in b.variables where !names.contains(v) { names.append(v) }
      return names
    }
  }

  /// Evaluates the expression on every row, reading variables with `value`.
  func evaluate(_ value: (String) throws(ModelError) -> [Double], rows: Int) throws(ModelError)
    -> [Double]
  {
    switch self {
    case .variable(let name): return try value(name)
    case .number(let x): return [Double](repeating: x, count: rows)
    case .negate(let e): return try e.evaluate(value, rows: rows).map { -$0 }
    case .call(let f, let e): return try e.evaluate(value, rows: rows).map(f.apply)
    case .binary(let op, let a, let b):
      let (x, y) = (try a.evaluate(value, rows: rows), try b.evaluate(value, rows: rows))
      return (0..<rows).map { i in
        switch op {
        case .add: return x[i] + y[i]
        case .subtract: return x[i] - y[i]
        case .multiply: return x[i] * y[i]
        case .divide: return x[i] / y[i]
        case .power: return Foundation.pow(x[i], y[i])
        }
      }
    }
  }

  /// R's deparsed form, e.g. `log(x + 1)`, `alder^2`.
  public var description: String {
    switch self {
    case .variable(let name): return name
    case .number(let x): return x == x.rounded() && Swift.abs(x) < 1e15 ? String(Int(x)) : String(x)
    case .negate(let e): return "-\(e.operand)"
    case .call(let f, let e): return "\(f.rawValue)(\(e))"
    case .binary(let op, let a, let b):
      let spaced = op == .add || op == .subtract
      return spaced ? "\(a) \(op.rawValue) \(b)" : "\(a.operand)\(op.rawValue)\(b.operand)"
    }
  }

  /// The description, parenthesised when it is a sum or difference.
  private var operand: String {
    if case .binary(let op, _, _) = self, op == .add || op == .subtract { return "(\(self))" }
    return description
  }
}
