import CLAPACKE

/// The one funnel for LAPACK calls: dimension conversion and the meaning of `info`.
///
/// - A dimension that does not fit `Int32` throws `.dimensionTooLarge`.
/// - `info < 0` means argument number `-info` was illegal: a bug here, so `preconditionFailure`.
/// - `info > 0` is a domain outcome the caller maps to a typed error (singular, not positive
///   definite, no convergence).
enum LAPACK {
  static let columnMajor = Int32(LAPACK_COL_MAJOR)

  /// `n` as LAPACK's 32-bit integer.
  @inline(__always)
  static func int(_ n: Int) throws(LinearAlgebraError) -> Int32 {
    guard let value = Int32(exactly: n) else { throw .dimensionTooLarge(n) }
    return value
  }

  /// Checks `info` from routine `name`; returns the positive value (0 on success) for the caller.
  @inline(__always)
  static func check(_ info: Int32, _ name: StaticString) -> Int {
    if info < 0 {
      preconditionFailure("\(name): illegal value of argument \(-info) (bug in LinearAlgebra)")
    }
    return Int(info)
  }

  /// The workspace size LAPACK asked for in a workspace query (`lwork = -1`).
  @inline(__always)
  static func workspaceSize(_ query: Double) -> Int {
    Swift.max(1, Int(query.rounded(.up)))
  }

  /// ASCII character code for LAPACK's character arguments.
  @inline(__always)
  static func char(_ c: Character) -> CChar { CChar(c.asciiValue!) }
}
