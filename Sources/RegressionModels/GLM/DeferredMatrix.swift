import Foundation
import LinearAlgebra

/// A model matrix built on first use: a fit on a ``CellDesign`` never reads the n × p matrix,
/// so it is only built when something needs it (the QR path, robust covariance, separation,
/// profile intervals, Firth). Safe to read from several threads; built at most once.
final class DeferredMatrix: @unchecked Sendable {
  let rows: Int
  let columns: Int
  private let lock = NSLock()
  private var value: Matrix?
  private var build: (@Sendable () -> Matrix)?

  /// A matrix already built.
  init(_ matrix: Matrix) {
    rows = matrix.rows
    columns = matrix.columns
    value = matrix
  }

  /// A `rows × columns` matrix that `build` makes when first read.
  init(rows: Int, columns: Int, build: @escaping @Sendable () -> Matrix) {
    self.rows = rows
    self.columns = columns
    self.build = build
  }

  /// Whether the matrix has been built.
  var isBuilt: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value != nil
  }

  /// The matrix, built now if it was not.
  var matrix: Matrix {
    lock.lock()
    defer { lock.unlock() }
    if let value { return value }
    let built = build!()
    precondition(built.rows == rows && built.columns == columns, "deferred matrix of wrong size")
    value = built
    build = nil
    return built
  }
}
