import LinearAlgebra
import RegressionModels
import Testing

/// Bad input gives typed errors (or warnings with a result), never a crash or a silent fit.
@Suite("Bad input")
struct BadInputTests {
  static var table: TestTable {
    var t = TestTable(rowCount: 8)
    t.add("y", [0, 1, 0, 1, 1, 0, 1, 0])
    t.add("count", [0, 2, 1, 3, 4, 0, 2, 1])
    t.add("x", [0.5, 1.2, -0.3, 2.2, 1.9, 0.1, 1.1, -1.0])
    t.add("withNaN", [0.5, .nan, -0.3, 2.2, 1.9, 0.1, 1.1, -1.0])
    t.add("withInfinity", [0.5, .infinity, -0.3, 2.2, 1.9, 0.1, 1.1, -1.0])
    t.add("kon", levels: ["1", "2"], values: ["1", "2", "1", "2", "1", "2", "1", "2"])
    t.add("one", levels: ["1", "2"], values: ["1", "1", "1", "1", "1", "1", "1", "1"])
    t.add("grupp", levels: ["a", "b", "c"], values: ["a", "b", nil, "b", "a", "b", "a", "c"])
    return t
  }

  @Test("An outcome that is not 0/1 names the row")
  func outcome() {
    #expect(throws: ModelError.self) { try GLM.fit(formula: "count ~ x", data: Self.table) }
    do {
      _ = try GLM.fit(formula: "count ~ x", data: Self.table)
    } catch {
      guard case .invalidOutcome(_, let row) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(row == 1)
    }
  }

  @Test("A condition that is always true or never true")
  func constant() {
    #expect(throws: ModelError.constantOutcome(value: 1)) {
      try GLM.fit(formula: "count >= 0 ~ x", data: Self.table)
    }
    #expect(throws: ModelError.constantOutcome(value: 0)) {
      try GLM.fit(formula: "count > 10 ~ x", data: Self.table)
    }
  }

  @Test("A factor with one level")
  func oneLevel() {
    #expect(throws: ModelError.singleLevelFactor(variable: "one", level: "1")) {
      try GLM.fit(formula: "y ~ one", data: Self.table)
    }
  }

  @Test("An unknown reference level")
  func reference() {
    var options = GLMOptions()
    options.reference = ["kon": "3"]
    #expect(throws: ModelError.unknownLevel(variable: "kon", level: "3", levels: ["1", "2"])) {
      try GLM.fit(formula: "y ~ kon", data: Self.table, options: options)
    }
  }

  @Test("Empty data")
  func empty() {
    var t = TestTable(rowCount: 0)
    t.add("y", [])
    t.add("x", [])
    #expect(throws: ModelError.emptyData) { try GLM.fit(formula: "y ~ x", data: t) }
    #expect(throws: ModelError.emptyData) { try GLM.fit(x: Matrix(rows: 0, columns: 1), y: []) }
  }

  @Test("NaN covariates drop rows with a warning; infinite ones are errors")
  func nonFinite() throws {
    let fit = try GLM.fit(formula: "y ~ withNaN + grupp", data: Self.table)
    #expect(fit.observationCount == 6)
    #expect(fit.exclusions?.missing == ["withNaN": 1, "grupp": 1])
    #expect(fit.exclusions?.rows == 2)
    #expect(fit.warnings.first == "2 of 8 rows excluded: missing grupp 1, missing withNaN 1.")
    #expect(throws: ModelError.nonFiniteCovariate(variable: "withInfinity", row: 1)) {
      try GLM.fit(formula: "y ~ withInfinity", data: Self.table)
    }
    var x = Matrix(rows: 3, columns: 2, repeating: 1)
    x[1, 1] = .nan
    #expect(throws: ModelError.nonFiniteCovariate(variable: "x2", row: 1)) {
      try GLM.fit(x: x, y: [0, 1, 0])
    }
  }

  @Test("Invalid options")
  func options() {
    var options = GLMOptions()
    options.level = 1.5
    #expect(throws: ModelError.self) {
      try GLM.fit(formula: "y ~ x", data: Self.table, options: options)
    }
    options = GLMOptions()
    options.covariance = .cluster
    #expect(throws: ModelError.self) {
      try GLM.fit(formula: "y ~ x", data: Self.table, options: options)
    }
    options = GLMOptions()
    options.maxIterations = 0
    #expect(throws: ModelError.self) {
      try GLM.fit(formula: "y ~ x", data: Self.table, options: options)
    }
  }

  @Test("Non-convergence is a warning with the last iterate")
  func nonConvergence() throws {
    var options = GLMOptions()
    options.maxIterations = 2
    let fit = try GLM.fit(formula: "y ~ x + kon", data: Self.table, options: options)
    #expect(!fit.converged)
    #expect(fit.iterations == 2)
    #expect(fit.warnings.contains { $0.contains("did not converge") })
  }
}
