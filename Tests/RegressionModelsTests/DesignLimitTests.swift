import Foundation
import RegressionModels
import Testing

/// Designs too large to fit are refused before the model matrix is built, naming the terms
/// (issue #12: a 75 GB design aborted on allocation, 8 820 columns on 788 rows ran for minutes,
/// `~ lopnr` took 208 s); formulas nested or expanded beyond the limits are syntax errors.
@Suite struct DesignLimitTests {
  /// `n` persons with a person number, sex, an age in 60 values and a 0/1 outcome.
  static func persons(_ n: Int) -> TestTable {
    var t = TestTable(rowCount: n)
    t.add("y", (0..<n).map { Double(($0 * 7 + $0 / 3) % 2) })
    t.add("lopnr", levels: (0..<n).map(String.init), values: (0..<n).map(String.init))
    t.add("kon", levels: ["1", "2"], values: (0..<n).map { String($0 % 2 + 1) })
    let ages = (15..<75).map(String.init)
    t.add("alder", levels: ages, values: (0..<n).map { ages[($0 * 13) % 60] })
    t.add("ar", levels: ["2016", "2017"], values: (0..<n).map { $0 % 5 < 2 ? "2016" : "2017" })
    return t
  }

  func fitError(_ formula: String, _ data: TestTable, options: GLMOptions = GLMOptions())
    -> ModelError?
  {
    do {
      _ = try GLM.fit(formula: formula, data: data, options: options)
      return nil
    } catch {
      return error
    }
  }

  /// One coefficient per person (`~ lopnr`, 208 s on the issue's data) is refused by the
  /// column limit, naming the term.
  @Test(arguments: [true, false])
  func onePersonPerCoefficientIsRefusedNamingTheTerm(collapse: Bool) throws {
    let start = Date()
    var options = GLMOptions()
    options.collapse = collapse
    let error = try #require(fitError("y ~ kon + lopnr", Self.persons(2_500), options: options))
    #expect(
      error
        == .designTooLarge(
          columns: 2_501, observations: 2_500, maximumColumns: 2_000,
          largestTerms: ["`lopnr` (2499 columns)"]))
    #expect(error.description.contains("2501 columns, more than the 2000 a model may have"))
    #expect(Date().timeIntervalSince(start) < 2)
  }

  /// More than twice as many columns as rows (the issue's 8 820 columns on 788 rows).
  @Test func moreThanTwiceTheRowsIsRefused() throws {
    let error = try #require(fitError("y ~ kon * alder * ar", Self.persons(110)))
    #expect(
      error
        == .designTooLarge(
          columns: 240, observations: 110, maximumColumns: 2_000,
          largestTerms: [
            "`alder` (59 columns)", "`kon & alder` (59 columns)", "`alder & ar` (59 columns)",
          ]))
    #expect(error.description.contains("more than twice the 110 observations"))
  }

  /// The 75 GB formula of the issue, at test scale: every term of `kon * alder * ar * lopnr`
  /// counted from the levels, refused at once without allocating.
  @Test func hugeDesignFailsBeforeAllocating() throws {
    let start = Date()
    let error = try #require(fitError("y ~ kon * alder * ar * lopnr", Self.persons(3_000)))
    guard case .designTooLarge(let columns, _, let maximum, let terms) = error else {
      Issue.record("\(error)")
      return
    }
    // (1 + 1)(1 + 59)(1 + 1)(1 + 2 999) columns with the intercept.
    #expect(columns == 2 * 60 * 2 * 3_000)
    #expect(maximum == 2_000)
    #expect(terms.count == 3 && terms.allSatisfy { $0.contains("lopnr") })
    #expect(error.description.contains("more than the 2000 a model may have"))
    #expect(Date().timeIntervalSince(start) < 2)
  }

  /// A design whose column count overflows `Int` (eight factors of 300 levels crossed).
  @Test func uncountableDesignIsRefused() throws {
    var t = TestTable(rowCount: 300)
    t.add("y", (0..<300).map { Double($0 % 2) })
    let names = (1...8).map { "f\($0)" }
    for name in names {
      t.add(name, levels: (0..<300).map(String.init), values: (0..<300).map(String.init))
    }
    let error = try #require(fitError("y ~ " + names.joined(separator: " * "), t))
    #expect(error.description.contains("more columns than can be counted"))
    #expect(error.description.contains("too many to count"))
  }

  /// After collapsing to covariate patterns the patterns are the observations: in these data
  /// sex and year follow from age, so kon × alder × ar has 60 patterns for 240 columns. A few
  /// aliased columns are not refused (kon × alder: 120 columns on 60 patterns), as R fits them
  /// with `NA` coefficients.
  @Test func collapsedPatternsCountAsObservations() throws {
    let data = Self.persons(2_400)
    guard case .designTooLarge(240, 60, _, _) = try #require(fitError("y ~ kon * alder * ar", data))
    else {
      Issue.record("expected 240 columns on 60 patterns to be refused")
      return
    }
    if case .designTooLarge = fitError("y ~ kon * alder", data) {
      Issue.record("120 columns on 60 patterns is aliasing, not a design too large")
    }
  }

  @Test func limitsAreOptions() throws {
    var options = GLMOptions()
    options.maximumColumns = 10
    let error = try #require(fitError("y ~ kon + alder", Self.persons(200), options: options))
    #expect(
      error
        == .designTooLarge(
          columns: 61, observations: 200, maximumColumns: 10,
          largestTerms: ["`alder` (59 columns)", "`kon` (1 columns)"].filter { !$0.contains("(1 ") }
        ))
    options = GLMOptions()
    options.collapse = false
    options.maximumDesignBytes = 1_000
    #expect(
      fitError("y ~ kon", Self.persons(200), options: options)
        == .designMemory(rows: 200, columns: 2, bytes: 3_200, maximumBytes: 1_000))
  }

  @Test func formulaNestingAndExpansionAreBounded() throws {
    let start = Date()
    let deep = "y ~ " + String(repeating: "(", count: 10_000) + "kon"
    guard case .formulaSyntax(let message, _, _) = try #require(formulaError(deep)) else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(message.contains("more than 200 levels deep"))
    #expect((try #require(formulaError(deep))).description.count < 400)
    // Inside I() too.
    let deepArithmetic = "y ~ I(" + String(repeating: "(", count: 10_000) + "x"
    guard case .formulaSyntax(let inner, _, _) = try #require(formulaError(deepArithmetic)) else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(inner.contains("more than 200 levels deep"))
    let nested =
      "y ~ " + String(repeating: "(", count: 200) + "kon" + String(repeating: ")", count: 200)
    #expect(try Formula(nested).terms.count == 1)
    // 10 variables crossed would be 1 023 terms.
    let crossed = "y ~ " + (1...10).map { "x\($0)" }.joined(separator: " * ")
    #expect(
      formulaError(crossed)?.description.contains("more than the 512 a formula may have") == true)
    #expect(
      try Formula("y ~ " + (1...6).map { "x\($0)" }.joined(separator: " * ")).terms.count == 63)
    #expect(Date().timeIntervalSince(start) < 5)
  }

  func formulaError(_ text: String) -> ModelError? {
    do {
      _ = try Formula(text)
      return nil
    } catch {
      return error
    }
  }
}
