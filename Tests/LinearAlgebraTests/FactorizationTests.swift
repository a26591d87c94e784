import Foundation
import LinearAlgebra
import StatsTestSupport
import Testing

@Suite struct CholeskyTests {
  // A = [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]; det A = 8; A⁻¹ = [[3, −2], [−2, 4]] / 8.
  let a = Matrix([[4, 2], [2, 3]])

  @Test func factorSolveInverseAndDeterminant() throws {
    let chol = try CholeskyFactorization(a)
    expectApproximatelyEqual(chol.factor[0, 0], 2, relative: Tolerance.closedForm)
    expectApproximatelyEqual(chol.factor[1, 0], 1, relative: Tolerance.closedForm)
    expectApproximatelyEqual(chol.factor[1, 1], 2.0.squareRoot(), relative: Tolerance.closedForm)
    // A x = [8, 7] has x = [1.25, 1.5].
    expectApproximatelyEqual(try chol.solve([8, 7]), [1.25, 1.5], relative: Tolerance.closedForm)
    let inverse = try chol.inverse()
    expectApproximatelyEqual(
      inverse.elements, [0.375, -0.25, -0.25, 0.5], relative: Tolerance.closedForm)
    expectApproximatelyEqual(chol.logDeterminant, log(8), relative: Tolerance.closedForm)
  }

  @Test func notPositiveDefiniteIsATypedError() {
    #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) {
      try CholeskyFactorization(Matrix([[1, 2], [2, 1]]))
    }
    #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization(Matrix([[1, 2]])) }
  }
}

@Suite struct QRTests {
  // y = 3.5 + 1.4 x fits (1, 6), (2, 5), (3, 7), (4, 10) by least squares (hand computation:
  // x̄ = 2.5, ȳ = 7, Sxy = 7, Sxx = 5). (XᵀX)⁻¹ = [[30, −10], [−10, 4]] / 20.
  let x = Matrix([[1, 1], [1, 2], [1, 3], [1, 4]])
  let y: [Double] = [6, 5, 7, 10]

  @Test(arguments: [QRFactorization.Pivoting.rDefault, .full(tolerance: 1e-7)])
  func leastSquaresLine(pivoting: QRFactorization.Pivoting) throws {
    let qr = try QRFactorization(x, pivoting: pivoting)
    #expect(qr.rank == 2)
    #expect(qr.aliasedColumns.isEmpty)
    expectApproximatelyEqual(try qr.leastSquares(y), [3.5, 1.4], relative: Tolerance.closedForm)
    let unscaled = try qr.unscaledCovariance()
    expectApproximatelyEqual(
      unscaled.elements, [1.5, -0.5, -0.5, 0.2], relative: 1e-12, absolute: 1e-14)
  }

  @Test func collinearColumnIsAliasedAsRDoes() throws {
    // Column 2 = 2 × column 1: R's lm reports column 2 (the later one) as aliased (NA).
    let design = Matrix([
      [1, 1, 2, 0], [1, 2, 4, 1], [1, 3, 6, 0], [1, 4, 8, 1], [1, 5, 10, 1],
    ])
    let qr = try QRFactorization(design)
    #expect(qr.rank == 3)
    #expect(qr.aliasedColumns == [2])
    #expect(qr.permutation == [0, 1, 3, 2])
    let beta = try qr.leastSquares([1, 3, 2, 5, 6])
    #expect(beta[2].isNaN)
    // Fitting without the aliased column gives the same estimates.
    let reduced = try QRFactorization(design.selectingColumns([0, 1, 3]))
    let expected = try reduced.leastSquares([1, 3, 2, 5, 6])
    expectApproximatelyEqual([beta[0], beta[1], beta[3]], expected, relative: 1e-12)
    let covariance = try qr.unscaledCovariance()
    #expect(covariance[2, 2].isNaN && covariance[0, 2].isNaN)
    expectApproximatelyEqual(
      covariance[1, 1], try reduced.unscaledCovariance()[1, 1], relative: 1e-12)
  }

  @Test func zeroColumnIsAliased() throws {
    let design = Matrix([[1, 0, 1], [1, 0, 2], [1, 0, 4]])
    let qr = try QRFactorization(design)
    #expect(qr.aliasedColumns == [1])
    #expect(try QRFactorization(design, pivoting: .full(tolerance: 1e-7)).rank == 2)
  }

  @Test func wideMatrixIsRejected() {
    #expect(throws: LinearAlgebraError.self) { try QRFactorization(Matrix([[1, 2, 3]])) }
  }
}

@Suite struct EigenTests {
  @Test func symmetricTwoByTwo() throws {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2.
    let e = try SymmetricEigendecomposition(Matrix([[2, 1], [1, 2]]))
    expectApproximatelyEqual(e.values, [1, 3], relative: Tolerance.closedForm)
    let v = e.vectors
    expectApproximatelyEqual(abs(v[0, 0]), 1 / 2.0.squareRoot(), relative: 1e-12)
    expectApproximatelyEqual(v[0, 0] * v[1, 0], -0.5, relative: 1e-12)
    expectApproximatelyEqual(v[0, 1] * v[1, 1], 0.5, relative: 1e-12)
    expectApproximatelyEqual(e.conditionNumber, 3, relative: 1e-12)
  }

  @Test func reconstructsARandomSymmetricMatrix() throws {
    var generator = SplitMix(seed: 7)
    let n = 6
    var a = Matrix(rows: n, columns: n)
    for j in 0..<n {
      for i in 0...j {
        let value = generator.nextUniform() - 0.5
        a[i, j] = value
        a[j, i] = value
      }
    }
    let e = try SymmetricEigendecomposition(a)
    var lambda = Matrix(rows: n, columns: n)
    for i in 0..<n { lambda[i, i] = e.values[i] }
    let rebuilt = try Matrix.product(
      try e.vectors.multiplied(by: lambda), e.vectors, transposeB: true)
    expectApproximatelyEqual(rebuilt.elements, a.elements, relative: 1e-12, absolute: 1e-13)
    #expect(e.values == e.values.sorted())
  }
}

/// A tiny deterministic generator for test inputs (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func nextUniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
