/// One term of a model formula: a main effect (`kon`), an interaction of several variables
/// (`kon & fodelse`), or the intercept (no variables).
///
/// Two terms are equal when they name the same set of variables (`a & b == b & a`); the stored
/// order is the order of first appearance in the formula, which R and StatsModels use for column
/// order and names.
public struct Term: Sendable, Hashable, CustomStringConvertible {
  /// The variables, in formula order; empty for the intercept.
  public var variables: [String]

  /// A term from its variables (`Term("kon", "fodelse")` is the interaction `kon & fodelse`).
  public init(_ variables: String...) {
    self.variables = variables
  }

  /// A term from an array of variables.
  public init(variables: [String]) {
    self.variables = variables
  }

  /// The intercept term.
  public static let intercept = Term(variables: [])

  /// The number of variables: 0 for the intercept, 1 for a main effect, 2 for a two-way interaction.
  public var order: Int { variables.count }

  /// `(Intercept)`, `kon`, `kon & fodelse`.
  public var description: String {
    variables.isEmpty ? "(Intercept)" : variables.joined(separator: " & ")
  }

  public static func == (lhs: Term, rhs: Term) -> Bool {
    Set(lhs.variables) == Set(rhs.variables)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(Set(variables))
  }

  /// Whether every variable of `self` is also in `other`.
  func isContained(in other: Term) -> Bool {
    Set(variables).isSubset(of: Set(other.variables))
  }

  /// The interaction of two terms (the union of their variables, `self`'s first).
  func interacted(with other: Term) -> Term {
    var result = variables
    for v in other.variables where !result.contains(v) { result.append(v) }
    return Term(variables: result)
  }
}
