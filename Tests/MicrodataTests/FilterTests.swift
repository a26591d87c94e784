import Foundation
import Microdata
import StatsTestSupport
import Testing

/// Row filters: syntax, three-valued logic, groupings, and errors that point at the problem.
@Suite struct FilterTests {
  let data: Dataset

  init() throws {
    data = try Dataset.load(contentsOf: fixture("Fixtures/suspects.csv"), codebook: .canonical)
  }

  func lopnr(_ expression: String) throws -> [String?] {
    try data.filtered(expression).strings("lopnr")
  }

  @Test func comparisonsAndLogic() throws {
    #expect(try lopnr(#"brottstyp == "vbek" && alder >= 18"#) == ["1000006"])
    #expect(try lopnr("brottstyp == \"vbek\" || kon == 2") == ["1000003", "1000006"])
    #expect(try lopnr("alder < 18 || alder > 90") == ["1000003", "1000005"])
    #expect(try lopnr("!(kon == 1)") == ["1000006"])
    #expect(try lopnr("not kon == 1 or antal_misstankar >= 2") == ["1000001", "1000006"])
    #expect(
      try lopnr("(alder >= 18) & (alder <= 40) | brottstyp == 'vnr_barn'") == [
        "1000001", "1000006", "1000099",
      ])
    #expect(try lopnr("antal_misstankar") == data.strings("lopnr"))
    #expect(try lopnr("18 <= alder") == ["1000001", "1000005", "1000006", "1000099"])
    #expect(try lopnr("alder > -1 && ar == 2017").count == 5)
  }

  @Test func categoricalValuesCompareByCode() throws {
    #expect(try lopnr("kon == 2") == lopnr("kon == \"2\""))
    #expect(try lopnr("utbildning >= 5") == ["1000005", "1000006"])
    #expect(try lopnr("brottstyp in (\"vbek\", \"sexkop\")") == ["1000003", "1000005", "1000006"])
    #expect(try lopnr("brottstyp %in% ('vbek')") == ["1000003", "1000006"])
    #expect(try lopnr("brottstyp not in (\"vbek\", \"sexkop\")") == ["1000001", "1000099"])
    #expect(try lopnr("lopnr == \"1000099\"") == ["1000099"])
  }

  @Test func groupingsCanBeFiltered() throws {
    #expect(try lopnr("aldersgrupp == \"18-24\"") == ["1000006"])
    #expect(
      try lopnr("aldersgrupp3 in (\"15-34\") && fodelse == \"utrikes\"") == ["1000003", "1000006"])
    #expect(try lopnr("utbildningsniva == \"eftergymnasial\"") == ["1000005", "1000006"])
  }

  @Test func missingValuesFollowThreeValuedLogic() throws {
    // fodelseland of 1000005 is `..` (missing): neither == nor != selects it.
    #expect(try lopnr("fodelseland == 1").contains("1000005") == false)
    #expect(try lopnr("fodelseland != 1").contains("1000005") == false)
    #expect(try lopnr("!(fodelseland == 1)").contains("1000005") == false)
    #expect(try lopnr("fodelseland == 1 || kon == 1").contains("1000005"))
    #expect(try lopnr("fodelseland == missing") == ["1000005"])
    #expect(try lopnr("fodelseland != NA").count == 4)
    // An age outside every group is unknown for the grouping, as a missing value is.
    let young = try Dataset(csv: "alder\n12\n20\n")
    #expect(try young.filtered("aldersgrupp != \"18-24\"").rowCount == 0)
    #expect(try young.rowMask(RowFilter(parsing: "aldersgrupp == \"18-24\"")) == [false, true])
  }

  @Test func datesCompareWithDateStrings() throws {
    let suspicions = try Dataset.load(
      contentsOf: fixture("Fixtures/suspicions.csv"), codebook: .canonicalWithoutCodeLists)
    #expect(try suspicions.filtered("datum >= \"2017-06-01\"").rowCount == 2)
    #expect(try suspicions.filtered("datum < \"2017-06-01\" || datum == missing").rowCount == 2)
    #expect(try suspicions.filtered("brottskod == \"0930\"").rowCount == 2)
  }

  @Test func filteredRowsKeepTheirSourceLines() throws {
    let adults = try data.filtered("alder >= 18")
    #expect((0..<adults.rowCount).map { adults.sourceLine(ofRow: $0) } == [2, 4, 5, 6])
  }

  func filterError(_ expression: String) -> (position: Int, message: String)? {
    do {
      _ = try data.filtered(expression)
      return nil
    } catch {
      if case .invalidFilter(let e, let position, let message) = error, e == expression {
        return (position, message)
      }
      return nil
    }
  }

  @Test func unknownNamesAreSuggested() throws {
    let error = try #require(filterError("alde >= 18"))
    #expect(error.position == 1)
    #expect(error.message == "there is no variable or grouping named `alde`; did you mean `alder`?")
    let grouping = try #require(filterError("kon == 1 && aldergrupp == \"18-24\""))
    #expect(grouping.position == 13)
    #expect(grouping.message.contains("did you mean `aldersgrupp`?"))
    let code = try #require(filterError("brottstyp == \"vbk\""))
    #expect(code.position == 14)
    #expect(code.message.contains("did you mean `vbek`?"))
    let description = MicrodataError.invalidFilter(
      expression: "alde >= 18", position: 1, message: error.message
    ).description
    #expect(description.hasSuffix("\n  alde >= 18\n  ^"))
  }

  @Test(arguments: [
    ("alder >= ", 10, "expected a variable or a value"),
    ("alder = 18", 7, "compare with `==`"),
    ("(alder >= 18", 13, "expected `)`"),
    ("kon == \"1", 8, "not closed"),
    ("alder >= 18 kon", 13, "expected `&&`"),
    ("", 1, "empty"),
    ("kon in 1", 8, "expected `(`"),
    ("18 == 19", 1, "needs a variable"),
    ("alder == \"arton\"", 10, "compare it with a number"),
    ("brottstyp < 3", 1, "numeric codes"),
    ("lopnr", 1, "not a condition"),
    ("alder @ 3", 7, "unexpected character `@`"),
  ])
  func errorsPointAtTheProblem(expression: String, position: Int, message: String) throws {
    let error = try #require(filterError(expression), "no error for \(expression)")
    #expect(error.position == position, "\(expression): \(error.message)")
    #expect(error.message.contains(message), "\(expression): \(error.message)")
  }
}

/// Deep nesting and long chains (issue #12: 10 000 `(` crashed the process with SIGSEGV).
@Suite struct FilterLimitTests {
  func filterError(_ expression: String, as noun: String = "filter") -> MicrodataError? {
    do {
      _ = try RowFilter(parsing: expression, as: noun)
      return nil
    } catch {
      return error
    }
  }

  @Test func tenThousandParenthesesAreAnErrorNotACrash() throws {
    let start = Date()
    let deep =
      String(repeating: "(", count: 10_000) + "kon == 1" + String(repeating: ")", count: 10_000)
    let error = try #require(filterError(deep))
    guard case .invalidFilter(_, let position, let message) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(position == RowFilter.maximumDepth + 1)
    #expect(message.contains("more than 200 levels deep"))
    // The message shows an excerpt around the position, not 20 000 characters.
    #expect(error.description.count < 400)
    let negations = String(repeating: "!", count: 10_000) + "kon == 1"
    #expect(filterError(negations)?.kind == "invalidFilter")
    #expect(Date().timeIntervalSince(start) < 2)
  }

  @Test func nestingUpToTheLimitParsesAndEvaluates() throws {
    let data = try Dataset(csv: "lopnr;kon\n1;1\n2;2\n")
    let depth = RowFilter.maximumDepth
    let nested =
      String(repeating: "(", count: depth) + "kon == 1" + String(repeating: ")", count: depth)
    #expect(try data.filtered(nested).rowCount == 1)
    let chain = Array(repeating: "kon == 1", count: RowFilter.maximumOperators + 1)
    #expect(try data.filtered(chain.joined(separator: " && ")).rowCount == 1)
    #expect(try data.filtered(chain.joined(separator: " || ")).rowCount == 1)
    let tooLong = (chain + ["kon == 1"]).joined(separator: " && ")
    #expect(filterError(tooLong)?.description.contains("more than 1000 conditions") == true)
  }

  /// A condition that is not a filter says what it is (a MAIHDA outcome used to say "In the
  /// filter").
  @Test func otherConditionsNameThemselves() throws {
    let error = try #require(filterError("antal_misstankar >= ", as: "outcome"))
    #expect(error.kind == "invalidCondition")
    #expect(error.description.hasPrefix("In the outcome at position 21"))
    #expect(error.description.contains("the end of the outcome"))
    #expect(!error.description.contains("filter"))
    let deep = String(repeating: "(", count: 10_000)
    #expect(filterError(deep, as: "outcome")?.description.contains("the outcome nests") == true)
  }
}
