import Foundation
import LinearAlgebra
import Microdata
import StatsTestSupport
import Testing

@testable import RegressionModels

/// `MAIHDA.fit` on the lme4 reference datasets (scripts/reference/make_maihda_reference.R).
@Suite("MAIHDA")
struct MAIHDATests {
  @Test(
    "county: VPC, MOR, PCV, AUC and the stratum table against lme4 and pROC",
    arguments: ["laplace", "agq10"])
  func county(method: String) throws {
    let reference = try MAIHDAReference.load("county")
    let fits = reference.fits[method]!
    let result = try MAIHDA.fit(
      strata: try reference.stratumData(), options: MixedModelOptions(nAGQ: fits.null.nAGQ))
    #expect(result.method == (method == "laplace" ? .laplace : .adaptiveGaussHermite))
    #expect(result.variables == ["kon", "aldersgrupp", "utbildningsniva", "fodelse"])
    #expect(result.droppedStrata == 0)
    #expect(result.warnings.isEmpty)

    let null = result.nullSummary
    let main = result.mainEffectsSummary
    expectApproximatelyEqual(
      null.intercept, fits.null.beta[0], relative: Tolerance.mixedModel, "β₀")
    expectApproximatelyEqual(
      null.randomIntercept.vpc, fits.null.vpc, relative: 0, absolute: 1e-6, "VPC null")
    expectApproximatelyEqual(
      main.randomIntercept.vpc, fits.main.vpc, relative: 0, absolute: 1e-6, "VPC main")
    expectApproximatelyEqual(
      null.randomIntercept.medianOddsRatio, fits.null.mor, relative: 1e-5, "MOR null")
    let pcv = (fits.null.sigma2 - fits.main.sigma2) / fits.null.sigma2
    expectApproximatelyEqual(result.pcv, pcv, relative: 0, absolute: 1e-5, "PCV")
    // VPC interval = image of the profile interval for σ_u (R: uniroot on lme4's profile).
    let vpc = { (s: Double) in s * s / (s * s + Double.pi * Double.pi / 3) }
    let interval = try #require(null.randomIntercept.vpcInterval)
    expectApproximatelyEqual(
      interval.lowerBound, vpc(fits.null.thetaProfileCi[0]), relative: 1e-5, "VPC lower")
    expectApproximatelyEqual(
      interval.upperBound, vpc(fits.null.thetaProfileCi[1]), relative: 1e-5, "VPC upper")
    #expect(interval.contains(null.randomIntercept.vpc))

    if method == "laplace" {
      // pROC on the 2 million expanded 0/1 rows with lme4's fitted probabilities.
      let auc = reference.aucLaplace!
      expectApproximatelyEqual(null.auc?.auc, auc["null"]!.auc, relative: 1e-9, "AUC null")
      expectApproximatelyEqual(main.auc?.auc, auc["main"]!.auc, relative: 1e-9, "AUC main")
      let ci = try #require(null.auc?.interval)
      expectApproximatelyEqual(
        [ci.lowerBound, ci.upperBound], auc["null"]!.ci, relative: 1e-7, "AUC CI null")
      expectApproximatelyEqual(
        main.auc?.standardError.map { $0 * $0 }, auc["main"]!.var, relative: 1e-7, "AUC var main")
    }

    // Stratum table: ranked by predicted probability; predictions and intervals from lme4's
    // fitted values, conditional modes and (R-side, explicit inverse) prediction-error variances.
    #expect(result.strata.count == 112)
    #expect(result.strata.map(\.rank) == Array(1...112))
    #expect(
      zip(result.strata, result.strata.dropFirst()).allSatisfy { $0.predicted >= $1.predicted })
    let z = 1.959963984540054
    for row in result.strata {
      let j = row.index
      #expect(row.persons == reference.trials[j])
      #expect(row.cases == reference.cases[j])
      #expect(row.codes == reference.variables.map { reference.strata[j][$0.name]!.string! })
      #expect(row.observed == Double(reference.cases[j]) / Double(reference.trials[j]))
      expectApproximatelyEqual(
        row.predicted, fits.null.fitted[j], relative: Tolerance.mixedModel, "predicted \(j)")
      let eta = log(fits.null.fitted[j] / (1 - fits.null.fitted[j]))
      let half = z * fits.null.pevLinearPredictor[j].squareRoot()
      expectApproximatelyEqual(
        row.predictedInterval.lowerBound, 1 / (1 + exp(-(eta - half))), relative: 1e-4, "lower \(j)"
      )
      expectApproximatelyEqual(
        row.predictedInterval.upperBound, 1 / (1 + exp(-(eta + half))), relative: 1e-4, "upper \(j)"
      )
      expectApproximatelyEqual(
        row.interaction, fits.main.ranef[j], relative: 0, absolute: 1e-4 * fits.main.theta,
        "interaction \(j)")
      let halfU = z * fits.main.condVar[j].squareRoot()
      expectApproximatelyEqual(
        row.interactionInterval.upperBound - row.interactionInterval.lowerBound, 2 * halfU,
        relative: 1e-4, "interaction CI width \(j)")
      let fixedPart = log(fits.main.fitted[j] / (1 - fits.main.fitted[j])) - fits.main.ranef[j]
      expectApproximatelyEqual(
        row.mainEffectsPredicted, 1 / (1 + exp(-fixedPart)), relative: 1e-4,
        "main-effects prediction \(j)")
    }
  }

  @Test(
    "boundary: the main-effects model is the binomial GLM with σ²_u = 0 and a singular-fit warning")
  func boundary() throws {
    let reference = try MAIHDAReference.load("boundary")
    let result = try MAIHDA.fit(strata: try reference.stratumData())
    let main = result.mainEffectsModel
    #expect(main.boundary)
    #expect(main.randomIntercept.variance == 0)
    #expect(main.randomIntercept.vpc == 0)
    #expect(main.randomIntercept.medianOddsRatio == 1)
    #expect(main.conditionalModes.allSatisfy { $0 == 0 })
    #expect(main.converged)
    #expect(
      result.warnings.contains { $0.hasPrefix("Main-effects model: boundary (singular) fit") })
    expectApproximatelyEqual(
      main.coefficients, reference.glmMainBeta!, relative: 1e-8, absolute: 1e-10, "β = glm")
    expectApproximatelyEqual(
      main.standardErrors, reference.glmMainSe!, relative: 1e-6, "SE = glm")
    expectApproximatelyEqual(
      main.logLikelihood, reference.glmMainLoglik!, relative: 1e-10, "ℓ = glm")
    #expect(result.pcv == 1)
    let interval = try #require(main.randomIntercept.sigmaInterval)
    #expect(interval.lowerBound == 0)
    expectApproximatelyEqual(
      interval.upperBound, reference.fits["laplace"]!.main.thetaProfileCi[1], relative: 1e-5,
      "σ upper")
    // The null model is away from the boundary (it absorbs the main effects).
    #expect(!result.nullModel.boundary)
  }

  @Test("JSON: the contract's keys, and a round trip to an equal result")
  func codable() throws {
    let reference = try MAIHDAReference.load("small")
    let result = try MAIHDA.fit(strata: try reference.stratumData())
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(result)
    let decoded = try JSONDecoder().decode(MAIHDAResult.self, from: data)
    #expect(decoded == result)
    let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let null = try #require(json["null_model"] as? [String: Any])
    for key in ["intercept", "sigma2", "vpc", "auc"] {
      #expect(null[key] is Double, "null_model.\(key)")
    }
    let main = try #require(json["main_effects_model"] as? [String: Any])
    for key in ["sigma2", "vpc", "pcv", "auc"] {
      #expect(main[key] is Double, "main_effects_model.\(key)")
    }
    let coefficients = try #require(main["coefficients"] as? [[String: Any]])
    #expect(coefficients.map { $0["term"] as? String } == result.mainEffectsModel.coefficientNames)
    #expect(coefficients[1]["ci"] as? [Double] != nil)
    let strata = try #require(json["strata"] as? [[String: Any]])
    #expect(strata.count == 24)
    let first = strata[0]
    for key in ["kon", "aldersgrupp3", "utbildningsniva"] {
      #expect(first[key] is String, "strata.\(key)")
    }
    for key in ["n", "cases", "predicted", "interaction"] {
      #expect(first[key] is NSNumber, "strata.\(key)")
    }
    #expect((first["ci"] as? [Double])?.count == 2)
    #expect(json["method"] as? String == "laplace")
    #expect(json["warnings"] as? [String] == [])
  }

  @Test("plain-text descriptions name the model, the variance measures and the top strata")
  func descriptions() throws {
    let reference = try MAIHDAReference.load("small")
    let result = try MAIHDA.fit(strata: try reference.stratumData())
    let text = result.description.split(separator: "\n").map(String.init)
    #expect(text[0] == "MAIHDA over 24 strata (kon × aldersgrupp3 × utbildningsniva), Laplace")
    #expect(text[1].hasPrefix("Null model: σ²_u 1.232, VPC 0.2725 ["))
    #expect(text[2].contains(", PCV "))
    #expect(text[4].hasPrefix("  1. "))
    let fit = result.mainEffectsModel.description.split(separator: "\n").map(String.init)
    #expect(
      fit[0]
        == "Random-intercept logistic model (Laplace): 24 strata, "
        + "\(reference.trials.reduce(0, +)) persons, \(reference.cases.reduce(0, +)) cases")
    #expect(fit.count == 4 + result.mainEffectsModel.coefficientNames.count)
    #expect(fit[4].hasPrefix("(Intercept)"))
  }

  @Test("coefficient table: Wald z, p and odds-ratio intervals")
  func coefficientTable() throws {
    let reference = try MAIHDAReference.load("small")
    let result = try MAIHDA.fit(strata: try reference.stratumData())
    let fit = result.mainEffectsModel
    let rows = fit.coefficientRows(level: 0.95)
    #expect(rows == result.mainEffectsSummary.coefficients)
    for (k, row) in rows.enumerated() {
      #expect(row.term == fit.coefficientNames[k])
      expectApproximatelyEqual(
        row.z, fit.coefficients[k] / fit.standardErrors[k], relative: 1e-15, "z")
      expectApproximatelyEqual(
        row.pValue, erfc(abs(row.z) / 2.0.squareRoot()), relative: 1e-12, "p")
      expectApproximatelyEqual(
        log(row.oddsRatioInterval.upperBound) - fit.coefficients[k],
        1.959963984540054 * fit.standardErrors[k],
        relative: 1e-12, "CI half-width")
    }
  }
}
