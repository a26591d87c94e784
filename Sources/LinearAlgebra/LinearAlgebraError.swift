/// Why a linear-algebra operation could not produce a result.
///
/// Programming errors (a negative LAPACK `info`, meaning an illegal argument) are not errors of
/// this type: they stop the program with `preconditionFailure`, because they can only come from a
/// bug in this module.
public enum LinearAlgebraError: Error, Equatable, Sendable {
  /// A dimension does not fit LAPACK's 32-bit integer.
  case dimensionTooLarge(Int)
  /// The operands' shapes do not fit together.
  case dimensionMismatch(String)
  /// A triangular factor has an exact zero on its diagonal at `column` (0-based).
  case singular(column: Int)
  /// The leading minor of order `order` (1-based, as LAPACK reports it) is not positive definite.
  case notPositiveDefinite(order: Int)
  /// An iterative LAPACK routine (eigenvalues) did not converge; `info` as LAPACK returned it.
  case didNotConverge(info: Int)
}

extension LinearAlgebraError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .dimensionTooLarge(let n):
      return "The dimension \(n) is too large for LAPACK (at most \(Int32.max))."
    case .dimensionMismatch(let what):
      return "The matrix dimensions do not fit: \(what)."
    case .singular(let column):
      return "The matrix is singular: zero pivot in column \(column + 1)."
    case .notPositiveDefinite(let order):
      return "The matrix is not positive definite (leading minor of order \(order))."
    case .didNotConverge(let info):
      return "The eigenvalue computation did not converge (LAPACK info \(info))."
    }
  }
}
