import Foundation
import LinearAlgebra
import StatsTestSupport
import Testing

@testable import RegressionModels

/// Row-level fits on a ``CellDesign`` (the IRLS passes summed by cells of the factors) against
/// the same fits on the dense model matrix (`GLM.fit(x:)`, which never uses cells): the same
/// iterations, so the same estimates, standard errors and deviances to 1e-9.
@Suite("Cell design")
struct CellDesignTests {
  /// Rows with two factors, a numeric, a 0/1 numeric, a count and an exposure.
  static func data(seed: UInt64, n: Int = 3000) -> TestTable {
    var g = InvariantTests.Generator(state: seed)
    var t = TestTable(rowCount: n)
    let age = (0..<n).map { _ in Double(15 + Int(g.next() * 60)) }
    let flag = (0..<n).map { _ in g.next() < 0.3 ? 1.0 : 0 }
    let region = (0..<n).map { _ in ["a", "b", "c", "d"][Int(g.next() * 4)] }
    let sex = (0..<n).map { _ in g.next() < 0.5 ? "1" : "2" }
    var y: [Double] = []
    var count: [Double] = []
    var exposure: [Double] = []
    for i in 0..<n {
      let eta =
        -1.5 - 0.02 * (age[i] - 40) + 0.4 * flag[i]
        + (region[i] == "b" ? 0.5 : region[i] == "c" ? -0.4 : region[i] == "d" ? 0.2 : 0)
        + (sex[i] == "2" ? 0.6 : 0)
      y.append(g.next() < 1 / (1 + exp(-eta)) ? 1 : 0)
      let e = 0.5 + g.next() * 2
      exposure.append(e)
      // A negative binomial count (gamma–Poisson mixture, θ = 2) with mean e·exp(η + 1).
      let mean = e * exp(eta + 1) * (-log(g.next()) - log(g.next())) / 2
      var k = 0.0
      var product = g.next()
      while product > exp(-mean) && k < 200 {
        k += 1
        product *= g.next()
      }
      count.append(k)
    }
    t.add("y", y)
    t.add("antal", count)
    t.add("exponering", exposure)
    t.add("alder", age)
    t.add("flagga", flag)
    t.add("region", levels: ["a", "b", "c", "d"], values: region)
    t.add("kon", levels: ["1", "2"], values: sex)
    return t
  }

  /// The fit through the formula (rows on cells) and on the dense model matrix.
  static func fits(_ formula: String, _ t: TestTable, _ options: GLMOptions) throws -> (
    cells: GLMFit, dense: GLMFit
  ) {
    var options = options
    options.collapse = false
    options.epsilon = 1e-12
    let cells = try GLM.fit(formula: formula, data: t, options: options)
    #expect(cells.data.cells != nil, "the formula fit of \(formula) runs on cells")
    let f = try Formula(formula)
    let frame = try ModelFrame(
      schema: ModelSchema(formula: f, data: t), data: t, family: options.family)
    let matrix = ModelMatrix(frame: frame)
    let dense = try GLM.fit(
      x: matrix.x, y: frame.y, offset: frame.offset, terms: matrix.modelTerms, options: options)
    #expect(dense.data.cells == nil)
    return (cells, dense)
  }

  static func expectSame(_ a: GLMFit, _ b: GLMFit, tolerance: Double = 1e-9) {
    #expect(a.coefficients.count == b.coefficients.count)
    for j in a.coefficients.indices {
      expectApproximatelyEqual(a.coefficients[j]!, b.coefficients[j]!, relative: tolerance)
      expectApproximatelyEqual(a.standardErrors[j]!, b.standardErrors[j]!, relative: tolerance)
    }
    expectApproximatelyEqual(a.deviance, b.deviance, relative: tolerance)
    expectApproximatelyEqual(a.logLikelihood, b.logLikelihood, relative: tolerance)
    #expect(a.iterations == b.iterations)
  }

  @Test(
    "Logit on cells equals the dense fit",
    arguments: [
      "y ~ kon * region + alder", "y ~ kon + region", "y ~ region * alder + kon",
      "y ~ kon:alder + region + flagga", "y ~ 0 + region + alder",
    ])
  func logit(formula: String) throws {
    let (cells, dense) = try Self.fits(formula, Self.data(seed: 3), GLMOptions())
    Self.expectSame(cells, dense)
    // The counts that decide disclosure, from the cells and from the matrix.
    #expect(cells.designCounts == dense.designCounts)
  }

  @Test("Poisson with an offset and the negative binomial on cells equal the dense fits")
  func counts() throws {
    let t = Self.data(seed: 5)
    var options = GLMOptions()
    options.family = .poisson
    var (cells, dense) = try Self.fits(
      "antal ~ kon + region + alder + offset(log(exponering))", t, options)
    Self.expectSame(cells, dense)
    #expect(cells.designCounts == dense.designCounts)
    options.family = .negativeBinomial
    (cells, dense) = try Self.fits("antal ~ kon * region + alder", t, options)
    Self.expectSame(cells, dense)
    expectApproximatelyEqual(cells.theta!, dense.theta!, relative: 1e-9)
  }

  @Test("A fit on cells never builds the n × p model matrix; reading it builds the same matrix")
  func deferredMatrix() throws {
    let t = Self.data(seed: 9)
    var options = GLMOptions()
    options.collapse = false
    // The separation check reads the matrix (it runs by default on up to 200 000 rows).
    options.separationCheck = .never
    let fit = try GLM.fit(formula: "y ~ kon * region + alder", data: t, options: options)
    #expect(!fit.data.design.isBuilt)
    _ = fit.designCounts
    #expect(!fit.data.design.isBuilt)
    let frame = try ModelFrame(
      schema: ModelSchema(formula: Formula("y ~ kon * region + alder"), data: t), data: t)
    #expect(fit.data.x == ModelMatrix(frame: frame).x)
    #expect(fit.data.design.isBuilt)
  }

  @Test("Designs that cells would not speed up keep the dense passes")
  func declined() throws {
    let t = Self.data(seed: 13)
    let frame = try ModelFrame(
      schema: ModelSchema(formula: Formula("y ~ alder + flagga + exponering"), data: t), data: t)
    // Three numerics and the constant: 4 monomials for 4 columns.
    #expect(CellDesign(layout: ColumnLayout(frame: frame), frame: frame) == nil)
    let wide = try ModelFrame(
      schema: ModelSchema(formula: Formula("y ~ kon + region"), data: t), data: t)
    let cells = try #require(CellDesign(layout: ColumnLayout(frame: wide), frame: wide))
    #expect(cells.cellCount == 8)
    #expect(cells.monomialCount == 1)
  }
}
