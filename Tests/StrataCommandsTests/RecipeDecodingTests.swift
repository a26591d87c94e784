import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

@Suite("Recipe decoding")
struct RecipeDecodingTests {
  static let valid = """
    title: Vem misstänks?
    subtitle: Ett test
    source: Syntetiska data
    language: en
    suppress: 3
    codebook: codebooks/own.yaml
    dialect: {delimiter: ";", encoding: utf8, on_error: skip}
    data:
      suspects: data/suspects.csv
      population: {path: /abs/population.csv, encoding: latin1, description: SCB}
    filter: {suspects: 'alder >= 18'}
    formats: [md, json]
    analyses:
      - analysis: rates
        title: Rates by sex
        rows: [kon]
        cols: fodelse
        per: 1000
      - analysis: recidivism
        title: Återfall
        window: 365
        by: [kon]
        expect:
          - {cell: {kon: "1"}, measure: rate, published: 0.25, rounding: half_even}
    """

  @Test func readsEveryTopLevelKey() throws {
    let directory = URL(fileURLWithPath: "/recipes")
    let r = try recipe(Self.valid, directory: directory)
    #expect(r.title == "Vem misstänks?")
    #expect(r.subtitle == "Ett test")
    #expect(r.source == "Syntetiska data")
    #expect(r.language == .en)
    #expect(r.suppress == 3)
    #expect(r.formats == [.md, .json])
    #expect(r.filters == ["suspects": "alder >= 18"])
    #expect(r.data.map(\.name) == ["suspects", "population"])
    let suspects = r.data[0].input
    #expect(suspects.path == "/recipes/data/suspects.csv")
    #expect(suspects.codebook == "/recipes/codebooks/own.yaml")
    #expect(suspects.delimiter == ";")
    #expect(suspects.onError == .skip)
    let population = r.data[1]
    #expect(population.input.path == "/abs/population.csv")
    #expect(population.input.encoding == "latin1")
    #expect(population.description == "SCB")
    #expect(population.line == 10)
    #expect(r.entries.map(\.kind) == [.rates, .recidivism])
    #expect(r.entries[0].line == 14)
    #expect(r.entries[0].options.map(\.key) == ["rows", "cols", "per"])
    #expect(r.entries[1].options.map(\.key) == ["windowDays", "by"])
    let figure = try #require(r.entries[1].expectations.first)
    #expect(figure.cell == [CellCoordinate(variable: "kon", code: "1")])
    #expect(figure.measure == .rate)
    #expect(figure.published == "0.25")
    #expect(figure.decimals == 2)
    #expect(figure.rounding == .halfEven)
    #expect(figure.line == 24)
  }

  @Test func unknownTopLevelKeyNamesLineAndSuggestion() {
    let error = recipeError(
      "title: T\ndata: {suspects: s.csv}\nanalyse:\n  - {analysis: tabulate, title: x, rows: kon}\n"
    )
    guard case .unknownKey(_, let line, let key, _, let suggestions, _) = error else {
      Issue.record("expected an unknown key, got \(String(describing: error))")
      return
    }
    #expect(line == 3)
    #expect(key == "analyse")
    #expect(suggestions == ["analyses"])
    #expect(
      error!.description.contains(
        "test.yaml, line 3: unknown key `analyse` in the recipe; did you mean `analyses`?"))
  }

  @Test func unknownOptionOfAnAnalysisNamesLineAndSuggestion() {
    let yaml = """
      title: T
      data: {suspects: s.csv}
      analyses:
        - analysis: tabulate
          title: Tabell
          rows: [kon]
          colls: [fodelse]
      """
    let error = recipeError(yaml)
    guard case .unknownKey(_, let line, let key, let context, let suggestions, let allowed) = error
    else {
      Issue.record("expected an unknown key, got \(String(describing: error))")
      return
    }
    #expect(line == 7)
    #expect(key == "colls")
    #expect(context == "a `tabulate` analysis")
    #expect(suggestions == ["cols"])
    #expect(allowed.contains("allow_missing_population"))
    #expect(allowed.contains("weight"))
  }

  @Test func unknownAnalysisKindSuggestsTheClosest() {
    let error = recipeError(
      "title: T\ndata: {suspects: s.csv}\nanalyses:\n  - {analysis: rate, title: x, rows: kon}\n")
    #expect(error?.line == 4)
    #expect(error?.description.contains("did you mean `rates`?") == true)
  }

  @Test func optionNamesAcceptSnakeCamelAndKebabCase() throws {
    let r = try recipe(
      """
      title: T
      data: {suspects: s.csv, population: p.csv}
      analyses:
        - {analysis: rates, title: a, rows: kon, allow_missing_population: true}
        - {analysis: rates, title: b, rows: kon, allowMissingPopulation: true}
        - {analysis: rates, title: c, rows: kon, allow-missing-population: true}
        - {analysis: maihda, title: d, strata: [kon], n_agq: 5}
        - {analysis: recidivism, title: e, window_days: 30}
      """)
    #expect(r.entries[0..<3].allSatisfy { $0.options.last?.key == "allowMissingPopulation" })
    #expect(r.entries[3].options.last?.key == "nAGQ")
    #expect(r.entries[4].options.last?.key == "windowDays")
  }

  @Test func missingRequiredOptionIsNamed() {
    let error = recipeError(
      "title: T\ndata: {suspects: s.csv}\nanalyses:\n  - {analysis: logit, title: x}\n")
    #expect(
      error
        == .missingKey(file: "test.yaml", line: 4, key: "formula", context: "a `logit` analysis"))
  }

  @Test func syntaxErrorHasItsLine() {
    let error = recipeError("title: T\ndata:\n  suspects: [a.csv\nanalyses: []\n")
    guard case .syntax(_, let line, _) = error else {
      Issue.record("expected a syntax error, got \(String(describing: error))")
      return
    }
    #expect(line >= 3)
  }

  @Test func duplicateKeyIsAnError() {
    let error = recipeError("title: T\ntitle: U\ndata: {suspects: s.csv}\nanalyses: []\n")
    #expect(error?.description.contains("title") == true)
  }

  @Test func referenceToAnUndeclaredDataFileSuggests() {
    let error = recipeError(
      "title: T\ndata: {suspects: s.csv, population: p.csv}\nanalyses:\n  - {analysis: rates, title: x, rows: kon, population: populaton}\n"
    )
    #expect(error?.line == 4)
    #expect(error?.description.contains("did you mean `population`?") == true)
  }

  @Test func invalidPublishedValueIsRejected() {
    let yaml = """
      title: T
      data: {suspects: s.csv}
      analyses:
        - analysis: tabulate
          title: x
          rows: kon
          expect:
            - {cell: {kon: "1"}, measure: count, published: "12 %"}
      """
    #expect(recipeError(yaml)?.line == 8)
  }

  @Test func expectMappingGivesDefaultsToItsFigures() throws {
    let r = try recipe(
      """
      title: T
      data: {suspects: s.csv}
      analyses:
        - analysis: tabulate
          title: x
          rows: kon
          expect:
            measure: percent
            decimals: 1
            rounding: double
            figures:
              - {cell: {kon: "1"}, published: 61}
              - {cell: {kon: "2"}, published: 38.9, rounding: half_up, known_mismatch: typo in the source}
      """)
    let figures = r.entries[0].expectations
    #expect(figures.map(\.measure) == [.percent, .percent])
    #expect(figures.map(\.decimals) == [1, 1])
    #expect(figures.map(\.rounding) == [.double, .halfUp])
    #expect(figures[1].knownMismatch == "typo in the source")
  }
}
