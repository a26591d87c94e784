/// Evaluating a `RowFilter` on a dataset with three-valued logic: each row is true, false or
/// unknown (a missing value took part).
extension RowFilter {
  typealias Truth = UInt8
  static let isFalse: Truth = 0
  static let isTrue: Truth = 1
  static let unknown: Truth = 2

  /// The truth value of the filter on every row (0 false, 1 true, 2 unknown).
  func evaluate(on dataset: Dataset) throws(MicrodataError) -> [Truth] {
    var context = FilterContext(dataset: dataset, expression: expression, noun: noun)
    return try context.evaluate(root)
  }
}

/// Resolves names once per evaluation and evaluates nodes.
struct FilterContext {
  let dataset: Dataset
  let expression: String
  /// What the errors call the expression (see `RowFilter.noun`).
  let noun: String
  private var cache: [String: View] = [:]

  init(dataset: Dataset, expression: String, noun: String) {
    self.dataset = dataset
    self.expression = expression
    self.noun = noun
  }

  /// A variable as the filter sees it.
  enum View {
    case factor(Factor)
    case numbers([Double])
    case days([Int32])
    case text([String?])
  }

  private func fail(_ message: String, at position: Int) -> MicrodataError {
    FilterParser.renamed(
      .invalidFilter(expression: expression, position: position, message: message), noun: noun)
  }

  mutating func view(_ name: String, position: Int) throws(MicrodataError) -> View {
    if let cached = cache[name] { return cached }
    guard dataset.hasVariable(name) else {
      let names = dataset.variableNames + dataset.groupingNames
      let hint = didYouMean(suggestions(for: name, among: names))
      throw fail("there is no variable or grouping named `\(name)`\(hint)", at: position)
    }
    let view: View
    switch dataset.kind(of: name)! {
    case .integer, .decimal: view = .numbers(try dataset.numeric(name))
    case .date: view = .days(try dataset.dates(name).map { $0?.daysSince1970 ?? Int32.min })
    case .text, .id: view = .text(try dataset.strings(name))
    case .categorical: view = .factor(try dataset.factor(name))
    }
    cache[name] = view
    return view
  }

  mutating func evaluate(_ node: RowFilter.Node) throws(MicrodataError) -> [RowFilter.Truth] {
    switch node {
    case .or(let a, let b):
      let x = try evaluate(a)
      let y = try evaluate(b)
      return zip(x, y).map { p, q in p == 1 || q == 1 ? 1 : (p == 0 && q == 0 ? 0 : 2) }
    case .and(let a, let b):
      let x = try evaluate(a)
      let y = try evaluate(b)
      return zip(x, y).map { p, q in p == 0 || q == 0 ? 0 : (p == 1 && q == 1 ? 1 : 2) }
    case .not(let a):
      return try evaluate(a).map { $0 == 2 ? 2 : 1 - $0 }
    case .truthy(let operand):
      guard case .variable(let name, let position) = operand else { return [] }
      switch try view(name, position: position) {
      case .numbers(let v): return v.map { $0.isNaN ? 2 : ($0 != 0 ? 1 : 0) }
      case .factor(let f) where f.levels.allSatisfy({ Double($0.code) != nil }):
        let truth = f.levels.map { Double($0.code)! != 0 ? RowFilter.isTrue : RowFilter.isFalse }
        return f.codes.map { $0 < 0 ? 2 : truth[Int($0)] }
      default:
        throw fail(
          "`\(name)` is not a condition on its own; compare it, e.g. `\(name) == ...`", at: position
        )
      }
    case .membership(let operand, let values, let negated, _):
      guard case .variable(let name, let position) = operand else { return [] }
      var result = [RowFilter.Truth](repeating: 0, count: dataset.rowCount)
      var first = true
      for value in values {
        let one = try compare(name, position, .equal, value)
        result =
          first
          ? one : zip(result, one).map { p, q in p == 1 || q == 1 ? 1 : (p == 0 && q == 0 ? 0 : 2) }
        first = false
      }
      return negated ? result.map { $0 == 2 ? 2 : 1 - $0 } : result
    case .comparison(let op, let a, let b, _):
      switch (a, b) {
      case (.variable(let x, let px), .variable(let y, let py)):
        return try compareVariables(x, px, op, y, py)
      case (.variable(let name, let position), _):
        return try compare(name, position, op, b)
      case (_, .variable(let name, let position)):
        return try compare(name, position, op.mirrored, a)
      default:
        return []
      }
    }
  }

  private mutating func compare(
    _ name: String, _ position: Int, _ op: RowFilter.ComparisonOperator,
    _ literal: RowFilter.Operand
  ) throws(MicrodataError) -> [RowFilter.Truth] {
    let v = try view(name, position: position)
    if case .missing(let p) = literal {
      guard op == .equal || op == .notEqual else {
        throw fail("only `==` and `!=` compare with `missing`", at: p)
      }
      let missing = try dataset.missingMask(name)
      return missing.map { ($0 == (op == .equal)) ? 1 : 0 }
    }
    let text = literal.literalText ?? ""
    switch v {
    case .factor(let factor):
      var truth: [RowFilter.Truth]
      if op == .equal || op == .notEqual {
        var level = factor.levelIndex(ofCode: text)
        if level == nil, case .number(let value, _, _) = literal {
          level = factor.levels.firstIndex { Double($0.code) == value }
        }
        guard let level else {
          let codes = factor.levels.map(\.code)
          let shown = codes.prefix(12).joined(separator: ", ")
          throw fail(
            "`\(text)` is not a code of `\(name)` (codes: \(shown))\(didYouMean(suggestions(for: text, among: codes)))",
            at: literal.position)
        }
        truth = factor.levels.indices.map { ($0 == level) == (op == .equal) ? 1 : 0 }
      } else {
        let numbers = factor.levels.map { Double($0.code) }
        guard case .number(let value, _, _) = literal, numbers.allSatisfy({ $0 != nil }) else {
          throw fail(
            "`\(op.rawValue)` needs numeric codes and a number; `\(name)` has codes such as `\(factor.levels.first?.code ?? "")`",
            at: position)
        }
        truth = numbers.map { op.holds($0!, value) ? 1 : 0 }
      }
      return factor.codes.map { $0 < 0 ? 2 : truth[Int($0)] }
    case .numbers(let values):
      guard let value = Double(text) else {
        throw fail(
          "`\(name)` is numeric; compare it with a number, not \"\(text)\"", at: literal.position)
      }
      return values.map { $0.isNaN ? 2 : (op.holds($0, value) ? 1 : 0) }
    case .days(let days):
      guard let day = CalendarDay(text) else {
        throw fail(
          "`\(name)` is a date; compare it with a date written \"YYYY-MM-DD\", not `\(text)`",
          at: literal.position)
      }
      return days.map { $0 == Int32.min ? 2 : (op.holds($0, day.daysSince1970) ? 1 : 0) }
    case .text(let strings):
      guard op == .equal || op == .notEqual else {
        throw fail("`\(name)` is text; only `==`, `!=` and `in` compare text", at: position)
      }
      return strings.map { $0 == nil ? 2 : (($0! == text) == (op == .equal) ? 1 : 0) }
    }
  }

  private mutating func compareVariables(
    _ x: String, _ px: Int, _ op: RowFilter.ComparisonOperator, _ y: String, _ py: Int
  ) throws(MicrodataError) -> [RowFilter.Truth] {
    switch (try view(x, position: px), try view(y, position: py)) {
    case (.numbers(let a), .numbers(let b)):
      return zip(a, b).map { $0.isNaN || $1.isNaN ? 2 : (op.holds($0, $1) ? 1 : 0) }
    case (.days(let a), .days(let b)):
      return zip(a, b).map { $0 == Int32.min || $1 == Int32.min ? 2 : (op.holds($0, $1) ? 1 : 0) }
    case (.factor(let a), .factor(let b)) where op == .equal || op == .notEqual:
      return zip(a.codes, b.codes).map { p, q in
        p < 0 || q < 0
          ? 2 : ((a.levels[Int(p)].code == b.levels[Int(q)].code) == (op == .equal) ? 1 : 0)
      }
    case (.text(let a), .text(let b)) where op == .equal || op == .notEqual:
      return zip(a, b).map { $0 == nil || $1 == nil ? 2 : (($0! == $1!) == (op == .equal) ? 1 : 0) }
    default:
      throw fail("`\(x)` and `\(y)` cannot be compared with `\(op.rawValue)`", at: px)
    }
  }
}
