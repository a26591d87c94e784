import Foundation
import Microdata
import Testing

@testable import Analysis
@testable import Reporting
@testable import StrataCommands

/// The forest plot of a count model's rate ratios: the logit's plot over another measure.
@Suite("strata poisson and nbreg: the forest plot of rate ratios")
struct CountRegressionForestTests {
  func job(
    _ family: CountRegressionRequest.CountFamily = .poisson, suppress: Int = 0,
    language: Language = .sv, level: Double = 0.95
  ) -> CountRegressionRequest {
    var request = CountRegressionRequest(
      family: family, data: DataInput(path: TestCounty.path("suspects")),
      formula: "misstankt ~ kon + fodelse",
      population: DataInput(path: TestCounty.path("population")), suppress: suppress)
    request.language = language
    request.level = level
    return request
  }

  @Test("the chart plots each term's rate ratio and interval from the coefficient table")
  func chartMatchesTheTable() throws {
    let result = try job().run()
    let publication = try result.publication()
    let chart = try #require(publication.charts.first)
    #expect(chart.name == "poisson-forest")
    let svg = chart.svg
    #expect(
      svg.contains("Incidenskvot (95 % KI)") && svg.contains("Incidenskvot (logaritmisk skala)"))
    #expect(!svg.lowercased().contains("odds"))
    // Every non-intercept term is a row, with exp(β) and its interval as printed in the table.
    let table = try result.fits.main.coefficientTable(level: 0.95)
    let format = NumberFormat(language: .sv, style: .typographic)
    for row in table.rows where row.modelTerm.kind != .intercept {
      let ratio = try #require(row.oddsRatio)
      let interval = try #require(row.oddsRatioInterval)
      let text =
        "\(format.string(ratio, decimals: 2)) (\(format.string(interval.lower, decimals: 2))–"
        + "\(format.string(interval.upper, decimals: 2)))"
      #expect(svg.contains(text), "\(row.term): \(text)")
    }
  }

  @Test("English labels and the confidence level come from the catalog and the request")
  func englishAndLevel() throws {
    let svg = try #require(
      try job(.negativeBinomial, language: .en, level: 0.9).publish().charts.first
    ).svg
    #expect(svg.contains("Rate ratio (90% CI)") && svg.contains("Rate ratio (log scale)"))
    #expect(svg.contains("incidence rate ratios with 90% CI"))
    #expect(!svg.contains("Incidenskvot"))
  }

  @Test("a withheld model has no chart; --chart writes the forest plot")
  func withheldAndCommandLine() throws {
    var withheld = job(suppress: 5)
    withheld.formula = "misstankt ~ kon + aldersgrupp"
    let result = try withheld.run()
    #expect(result.disclosure.withheld)
    #expect(try result.publication().charts.isEmpty)

    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("strata-forest-\(UUID().uuidString).svg").path
    let run = try TestCounty.run([
      "poisson", TestCounty.path("suspects"), "--population", TestCounty.path("population"),
      "--formula", "misstankt ~ kon + fodelse", "--suppress", "0", "--chart", path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("Incidenskvot"))
  }
}
