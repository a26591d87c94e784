import Analysis
import Foundation
import LinearAlgebra
import Microdata
import RegressionModels
import Reporting
import StatsTestSupport
import Testing

/// Conversions of model results (coefficient tables, marginal effects, MAIHDA) into
/// `ReportTable`s and charts, with snapshots of their Markdown.
@Suite("Model results as report tables")
struct ModelConversionTests {
  static let kon2 = ModelTerm.level("kon", code: "2", reference: "1")
  static let utrikes = ModelTerm.level("fodelse", code: "utrikes", reference: "inrikes")

  /// Kön × födelse with a fixed 2 × 2 table of suspects among persons, plus one aliased column.
  static func fit() throws -> GLMFit {
    // Rows: (kon, fodelse, cases, persons).
    let cells: [(Double, Double, Double, Double)] = [
      (0, 0, 120, 40_000), (1, 0, 30, 42_000), (0, 1, 90, 12_000), (1, 1, 15, 11_000),
    ]
    var x = [Double]()
    for column in 0..<5 {
      for c in cells {
        switch column {
        case 0: x.append(1)
        case 1: x.append(c.0)
        case 2: x.append(c.1)
        case 3: x.append(c.0 * c.1)
        default: x.append(c.1)  // a copy of fodelse: aliased
        }
      }
    }
    return try GLM.fit(
      x: Matrix(rows: 4, columns: 5, columnMajor: x), y: cells.map(\.2), trials: cells.map(\.3),
      terms: [
        .intercept, kon2, utrikes, ModelTerm(components: kon2.components + utrikes.components),
        // The copy of fodelse is given no reference level: no "ref." row for it.
        .level("fodelseregion", code: "norden", reference: nil),
      ])
  }

  @Test(
    "coefficient table: labels, reference rows, odds ratios, aliased note",
    arguments: [Language.sv, .en])
  func coefficientTable(language: Language) throws {
    let fit = try Self.fit()
    let labels = TermLabeler(codebook: .canonical, language: language)
    let table = try fit.coefficientTable().reportTable(
      title: "Suspects", labels: labels,
      footnotes: [fit.fitStatisticsNote(language: language)])
    #expect(table.rows.count == 7)
    #expect(table.rows[1].labels == [language == .sv ? "Kön: Man" : "Sex: Man"])
    #expect(table.rows[1].cells[0] == .text("ref."))
    #expect(table.rows.last?.cells[0].notes == ["a"])
    let markdown = try MarkdownRenderer().render(table)
    assertSnapshot(markdown, named: "model-coefficients-\(language.rawValue).md")
  }

  @Test("small odds ratios keep two significant digits")
  func smallRatios() throws {
    let table = try Self.fit().coefficientTable().reportTable(
      title: "t", labels: TermLabeler(codebook: .canonical, language: .en))
    let intercept = try #require(table.rows.first?.cells[3].number)
    #expect(intercept.decimals == 4)  // 0.0030
    #expect(NumberFormat(language: .en).string(intercept) == "0.0030")
  }

  @Test("term labels from the codebook, codes where it has none")
  func termLabels() {
    let sv = TermLabeler(codebook: .canonical, language: .sv)
    #expect(sv.termLabel(.intercept) == "Konstant")
    #expect(
      sv.termLabel(ModelTerm(components: Self.kon2.components + Self.utrikes.components))
        .hasPrefix("Kön: Kvinna × "))
    #expect(sv.termLabel(.numeric("alder")) == "Ålder")
    #expect(sv.termLabel(.level("okand", code: "x", reference: nil)) == "okand: x")
    let en = TermLabeler(
      codebook: .canonical, language: .en,
      factors: [
        Factor(
          name: "region", levels: [Factor.Level(code: "n", sv: "Norr", en: "North")], codes: [])
      ])
    #expect(en.termLabel(.level("region", code: "n", reference: nil)) == "region: North")
  }

  /// Twelve strata (kon × aldersgrupp3 × fodelse) with fixed persons and cases.
  static func maihda() throws -> MAIHDAResult {
    let persons = [
      9_000, 7_000, 6_000, 2_500, 2_000, 1_500, 8_800, 7_200, 6_400, 2_300, 1_900, 1_400,
    ]
    let cases = [60, 25, 4, 18, 30, 3, 12, 6, 1, 30, 2, 0]
    let kon = [
      Factor.Level(code: "1", sv: "Man", en: "Man"),
      Factor.Level(code: "2", sv: "Kvinna", en: "Woman"),
    ]
    let age = ["15-34", "35-54", "55+"].map { Factor.Level(code: $0, sv: $0, en: $0) }
    let born = ["inrikes", "utrikes"].map { Factor.Level(code: $0, sv: $0, en: $0) }
    var strata: [StratumData.Stratum] = []
    var k = 0
    for s in 0..<2 {
      for b in 0..<2 {
        for a in 0..<3 {
          strata.append(
            StratumData.Stratum(levels: [s, a, b], persons: persons[k], cases: cases[k]))
          k += 1
        }
      }
    }
    let data = try StratumData(
      variables: [
        StratumData.Variable(name: "kon", levels: kon),
        StratumData.Variable(name: "aldersgrupp3", levels: age),
        StratumData.Variable(name: "fodelse", levels: born),
      ], strata: strata)
    return try MAIHDA.fit(strata: data)
  }

  @Test("MAIHDA strata table: ranked, labelled, small counts suppressed")
  func maihdaStrata() throws {
    let result = try Self.maihda()
    let labels = TermLabeler(codebook: .canonical, language: .sv)
    let table = result.strataReportTable(title: "Strata", labels: labels, suppress: 5)
    #expect(
      table.stubHeaders == [
        "Kön", labels.variableLabel("aldersgrupp3"), labels.variableLabel("fodelse"),
      ])
    // Strata with 1–4 cases (and, were there only one, the next smallest) come last, unranked
    // and with `..` in every column but their persons; the others are ranked among themselves.
    let disclosure = MAIHDADisclosure(result, threshold: 5, nonCasesArePersons: false)
    #expect(
      disclosure.primary == Set(result.strata.filter { (1..<5).contains($0.cases) }.map(\.index)))
    #expect(disclosure.suppressed.count >= 2)
    let published = result.strata.filter { !disclosure.suppressed.contains($0.index) }
    let suppressed = result.strata.filter { disclosure.suppressed.contains($0.index) }
      .sorted { $0.index < $1.index }
    #expect(
      table.rows.map { $0.cells[0].number?.value }
        == (1...published.count).map { Double($0) }
        + Array(repeating: nil, count: suppressed.count))
    for (row, stratum) in zip(table.rows, published + suppressed) {
      let hidden = disclosure.suppressed.contains(stratum.index)
      #expect(row.cells[1] == .count(stratum.persons))
      #expect(row.cells.dropFirst(2).allSatisfy { $0 == .suppressed } == hidden)
      #expect((row.cells[2].content == .suppressed) == hidden)
    }
    assertSnapshot(try MarkdownRenderer().render(table), named: "maihda-strata-sv.md")
    let summary = result.summaryReportTable(
      title: "MAIHDA", language: .en, disclosure: disclosure)
    assertSnapshot(try MarkdownRenderer().render(summary), named: "maihda-summary-en.md")
  }

  @Test(
    "A MAIHDA summary defines only the measures it shows", arguments: [Language.sv, .en])
  func withheldMeasuresAreNotDefined(language: Language) throws {
    let result = try Self.maihda()
    let open = try MarkdownRenderer().render(
      result.summaryReportTable(title: "MAIHDA", language: language))
    #expect(open.contains("PCV =") && open.contains("DeLong"))
    // Every count below a threshold this high: model 2, the AUC and the totals are withheld.
    let strict = MAIHDADisclosure(result, threshold: 1_000_000, nonCasesArePersons: false)
    try #require(strict.mainEffectsWithheld && strict.totalCasesWithheld)
    try #require(strict.totalPersonsWithheld)
    let closed = try MarkdownRenderer().render(
      result.summaryReportTable(title: "MAIHDA", language: language, disclosure: strict))
    #expect(!closed.contains("PCV"))
    #expect(!closed.contains("DeLong"))
    #expect(closed.contains(language == .sv ? "Logistisk modell " : "A logistic model "))
    // The strata are counted; the withheld totals are not shown as `..` in a sentence.
    #expect(closed.contains("\n\(result.strata.count) strata.\n"))
    #expect(!closed.contains(".. person"))
  }

  @Test("MAIHDA caterpillar plot: one point per stratum on the per-100 000 scale")
  func caterpillar() throws {
    let result = try Self.maihda()
    let plot = result.caterpillarPlot(
      title: "Strata", labels: TermLabeler(codebook: .canonical, language: .en))
    #expect(plot.points.count == 12)
    #expect(result.proportionScale.factor == 100_000)
    let top = try #require(result.strata.first)
    #expect(plot.points[0].estimate == top.predicted * 100_000)
    #expect(plot.svg().contains("<svg"))
  }
}
