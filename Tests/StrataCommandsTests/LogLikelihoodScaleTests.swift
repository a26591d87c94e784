import Foundation
import Testing

@testable import Analysis
@testable import Reporting
@testable import StrataCommands

/// `"loglik_scale"` in the GLM JSON, and the grouped BIC of grouped fits.
@Suite("GLM JSON: the scale of the log-likelihood and the grouped BIC")
struct LogLikelihoodScaleTests {
  let suspects = DataInput(path: TestCounty.path("suspects"))
  let population = DataInput(path: TestCounty.path("population"))

  @Test("a logit against a population is individual, with R's grouped ℓ, AIC and BIC")
  func logitPopulation() throws {
    let result = try LogitRequest(
      data: suspects, formula: "misstankt ~ kon + fodelse", population: population, suppress: 0
    ).run()
    #expect(result.logLikelihoodScale == .individual)
    let json = try TestCounty.object(try result.publication().json)
    #expect(json["loglik_scale"] as? String == "individual")
    let grouped = try #require(json["grouped"] as? [String: Any])
    let logLikelihood = try #require(grouped["log_likelihood"] as? Double)
    let bic = try #require(grouped["bic"] as? Double)
    let patterns = try #require(grouped["patterns"] as? Int)
    let k = Double(result.fits.main.rank)
    #expect(abs(bic - (-2 * logLikelihood + k * log(Double(patterns)))) < 1e-9 * abs(bic))
    // The individual BIC counts persons, not cells.
    let individual = try #require(json["bic"] as? Double)
    let n = try #require(json["n"] as? Int)
    let l = try #require(json["log_likelihood"] as? Double)
    #expect(abs(individual - (-2 * l + k * log(Double(n)))) < 1e-9 * abs(individual))
  }

  @Test("a Poisson fit of persons per cell is grouped (N = cells); of DATA's rows, individual")
  func poisson() throws {
    let cells = try CountRegressionRequest(
      family: .poisson, data: suspects, formula: "misstankt ~ kon + fodelse",
      population: population, suppress: 0
    ).run()
    #expect(cells.logLikelihoodScale == .grouped)
    let json = try TestCounty.object(try cells.publication().json)
    #expect(json["loglik_scale"] as? String == "grouped")
    let bic = try #require(json["bic"] as? Double)
    let l = try #require(json["log_likelihood"] as? Double)
    let cellCount = try #require((json["population"] as? [String: Any])?["cells"] as? Int)
    #expect(json["n"] as? Int == cellCount)
    let k = Double(cells.fits.main.rank)
    #expect(abs(bic - (-2 * l + k * log(Double(cellCount)))) < 1e-9 * abs(bic))

    let rows = try CountRegressionRequest(
      family: .negativeBinomial, data: suspects, formula: "antal_misstankar ~ kon", suppress: 0
    ).run()
    #expect(rows.logLikelihoodScale == .individual)
    let rowsJSON = try TestCounty.object(try rows.publication().json)
    #expect(rowsJSON["loglik_scale"] as? String == "individual")
  }

  @Test("a withheld model keeps the key: it says nothing about the outcome")
  func withheld() throws {
    let result = try CountRegressionRequest(
      family: .poisson, data: suspects, formula: "misstankt ~ kon + aldersgrupp",
      population: population
    ).run()
    #expect(result.disclosure.withheld)
    let json = try TestCounty.object(try result.publication().json)
    #expect(json["loglik_scale"] as? String == "grouped")
    #expect(json["bic"] is NSNull)
  }
}
