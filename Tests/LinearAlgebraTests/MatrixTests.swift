import LinearAlgebra
import StatsTestSupport
import Testing

@Suite struct MatrixTests {
  @Test func columnMajorLayoutAndRowInitialiserAgree() {
    let m = Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(m.rows == 2 && m.columns == 3)
    #expect(m.elements == [1, 4, 2, 5, 3, 6])
    #expect(m[1, 2] == 6)
    #expect(m.column(1) == [2, 5])
    #expect(m.row(0) == [1, 2, 3])
    #expect(m.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
    #expect(Matrix(columns: [[1, 4], [2, 5], [3, 6]]) == m)
    #expect(m.selectingColumns([2, 0]) == Matrix([[3, 1], [6, 4]]))
    #expect(m.submatrix(rows: [1], columns: [0, 2]) == Matrix([[4, 6]]))
    #expect(Matrix.identity(2) == Matrix([[1, 0], [0, 1]]))
  }

  @Test func productMatchesHandComputation() throws {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    let b = Matrix([[7, 8], [9, 10], [11, 12]])
    #expect(try a.multiplied(by: b) == Matrix([[58, 64], [139, 154]]))
    // Aᵀ A without forming the transpose.
    #expect(
      try Matrix.product(a, a, transposeA: true)
        == Matrix([[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
    #expect(try Matrix.product(a, a, transposeB: true) == Matrix([[14, 32], [32, 77]]))
  }

  @Test func productRejectsMismatchedShapes() {
    let a = Matrix([[1, 2, 3]])
    #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: a) }
  }

  @Test func matrixVectorProduct() throws {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(try a.multiplied(by: [1, 0, -1]) == [-2, -2])
    #expect(try a.multiplied(by: [1, 1], transposed: true) == [5, 7, 9])
    #expect(throws: LinearAlgebraError.dimensionMismatch("vector of length 2 for 3 columns")) {
      try a.multiplied(by: [1, 1])
    }
  }

  @Test func weightedGramEqualsExplicitProduct() throws {
    let x = Matrix([[1, 0.5], [1, -2], [1, 3], [1, 1]])
    let w = [0.25, 1, 2, 0]
    let g = try x.gram(weights: w)
    // Σ wᵢ = 3.25; Σ wᵢ xᵢ = 0.125 − 2 + 6 = 4.125; Σ wᵢ xᵢ² = 0.0625 + 4 + 18 = 22.0625
    expectApproximatelyEqual(
      g.elements, [3.25, 4.125, 4.125, 22.0625], relative: Tolerance.closedForm)
    #expect(try x.gram() == Matrix.product(x, x, transposeA: true))
  }

  @Test func blasThreadCountCanBeSet() {
    let before = BLASThreads.count
    BLASThreads.set(1)
    #expect(BLASThreads.count == 1)
    BLASThreads.set(before)
    #expect(BLASThreads.count == before)
  }
}
