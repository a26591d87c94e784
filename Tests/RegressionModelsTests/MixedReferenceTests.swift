import Foundation
import LinearAlgebra
import StatsTestSupport
import Testing

@testable import RegressionModels

/// Random-intercept logistic fits against lme4::glmer on grouped data (values from
/// `scripts/reference/make_maihda_reference.R`, R 4.2.2, lme4 1.1-31; see each JSON's
/// `versions`). Datasets: `county` (112 strata, 2 million persons, σ_u = 0.35), `boundary` (no
/// between-stratum variation beyond the main effects: lme4 reports a singular fit of the
/// main-effects model) and `small` (24 strata, 5 000 persons).
@Suite("Random-intercept logit against lme4")
struct MixedReferenceTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let dataset: String
    let method: String
    let model: String
    var testDescription: String { "\(dataset) \(method) \(model)" }
  }

  static let cases: [Case] = {
    var all: [Case] = []
    for (dataset, methods) in [
      ("county", ["laplace", "agq10"]), ("boundary", ["laplace", "agq10"]),
      ("small", ["laplace", "agq10", "agq25"]),
    ] {
      for method in methods {
        for model in ["null", "main"] {
          all.append(Case(dataset: dataset, method: method, model: model))
        }
      }
    }
    return all
  }()

  /// Fits one model of a reference dataset with our implementation.
  static func fit(_ reference: MAIHDAReference, _ expected: MAIHDAReference.Fit, model: String)
    throws -> (RandomInterceptFit, StratumDesign)
  {
    let data = try reference.stratumData()
    let design =
      model == "null"
      ? StratumDesign.intercept(strata: data.strata.count) : StratumDesign.mainEffects(of: data)
    let fit = try RandomInterceptLogit.fit(
      cases: reference.cases, trials: reference.trials, design: design.matrix,
      names: design.names, options: MixedModelOptions(nAGQ: expected.nAGQ))
    return (fit, design)
  }

  @Test("estimates, log-likelihood, conditional modes", arguments: cases)
  func estimates(_ c: Case) throws {
    let reference = try MAIHDAReference.load(c.dataset)
    let expected =
      c.model == "null" ? reference.fits[c.method]!.null : reference.fits[c.method]!.main
    let (fit, design) = try Self.fit(reference, expected, model: c.model)

    #expect(design.names.map(MAIHDAReference.lme4Name) == expected.terms)
    #expect(fit.converged)
    #expect(fit.boundary == expected.singular)
    // lme4's optimiser (bobyqa, rhoend 1e-11) stops ~1e-7 short of the optimum; the "polished"
    // values are Newton steps on lme4's own deviance function from there.
    expectApproximatelyEqual(
      fit.coefficients, expected.beta, relative: Tolerance.mixedModel, absolute: 1e-6, "β vs lme4")
    expectApproximatelyEqual(
      fit.coefficients, expected.polishedBeta, relative: 1e-6, absolute: 1e-7, "β vs polished")
    expectApproximatelyEqual(
      fit.randomIntercept.variance, expected.sigma2, relative: Tolerance.mixedModel,
      absolute: 1e-9, "σ²")
    expectApproximatelyEqual(
      fit.randomIntercept.sigma, expected.polishedTheta, relative: 1e-6, absolute: 1e-9,
      "σ vs polished")
    if expected.sigma2 > 1e-3 {
      expectApproximatelyEqual(
        fit.randomIntercept.vpc, expected.vpc, relative: 0, absolute: 1e-6, "VPC")
      expectApproximatelyEqual(
        fit.randomIntercept.medianOddsRatio, expected.mor, relative: 1e-5, "MOR")
    }
    // lme4's log-likelihood for nAGQ > 1 on cbind() data leaves out the saturated
    // log-likelihood (lme4 issue #161); ours is the grouped binomial log-likelihood throughout.
    let lme4LogLik =
      expected.nAGQ == 1 ? expected.logLik : expected.logLik + reference.saturatedLoglik
    expectApproximatelyEqual(fit.logLikelihood, lme4LogLik, relative: 1e-6, "log-likelihood")
    // Conditional modes to 1e-4 on the scale of the random effects (σ̂_u): modes near 0 have no
    // meaningful relative error.
    expectApproximatelyEqual(
      fit.conditionalModes, expected.ranef, relative: Tolerance.mixedModel,
      absolute: Tolerance.mixedModel * expected.theta, "ranef")
    expectApproximatelyEqual(
      fit.conditionalVariances, expected.condVar, relative: Tolerance.mixedModel, absolute: 1e-10,
      "condVar")
    expectApproximatelyEqual(
      fit.fittedProbabilities, expected.fitted, relative: Tolerance.mixedModel, "fitted")
  }

  @Test("standard errors, profile interval, prediction-error variance", arguments: cases)
  func inference(_ c: Case) throws {
    let reference = try MAIHDAReference.load(c.dataset)
    let expected =
      c.model == "null" ? reference.fits[c.method]!.null : reference.fits[c.method]!.main
    let (fit, _) = try Self.fit(reference, expected, model: c.model)
    // Standard errors from a Richardson-extrapolated Hessian (numDeriv) of the R script's
    // noise-free evaluation of lme4's deviance; lme4's own vcov() uses a coarser finite
    // difference of its deviance function (agreement ~1e-5).
    expectApproximatelyEqual(fit.standardErrors, expected.sePrecise, relative: 1e-6, "SE")
    expectApproximatelyEqual(fit.standardErrors, expected.seVcov, relative: 1e-3, "SE vs vcov")
    // Profile-likelihood interval for σ_u: root-finding on lme4's deviance profiled over β.
    let interval = try #require(fit.randomIntercept.sigmaInterval)
    expectApproximatelyEqual(
      interval.lowerBound, expected.thetaProfileCi[0], relative: 1e-5, absolute: 1e-7, "σ lower")
    expectApproximatelyEqual(
      interval.upperBound, expected.thetaProfileCi[1], relative: 1e-5, "σ upper")
    if let lower = expected.thetaProfileCiLme4[0], let upper = expected.thetaProfileCiLme4[1] {
      // lme4's confint(profile) interpolates a spline through profile points.
      expectApproximatelyEqual(
        interval.lowerBound, lower, relative: 1e-3, absolute: 1e-4, "lme4 lower")
      expectApproximatelyEqual(interval.upperBound, upper, relative: 1e-3, "lme4 upper")
    }
    expectApproximatelyEqual(
      fit.linearPredictorVariances, expected.pevLinearPredictor, relative: Tolerance.mixedModel,
      "PEV")
  }

  @Test(
    "the approximation itself: ℓ at lme4's parameters equals lme4's deviance function",
    arguments: cases)
  func objective(_ c: Case) throws {
    let reference = try MAIHDAReference.load(c.dataset)
    let expected =
      c.model == "null" ? reference.fits[c.method]!.null : reference.fits[c.method]!.main
    let data = try reference.stratumData()
    let design =
      c.model == "null"
      ? StratumDesign.intercept(strata: data.strata.count) : StratumDesign.mainEffects(of: data)
    let likelihood = MarginalLikelihood(
      counts: zip(reference.cases, reference.trials).map { StratumCounts(cases: $0, trials: $1) },
      design: design.matrix, rule: try GaussHermiteRule(order: expected.nAGQ))
    let point = likelihood.evaluate(
      beta: expected.polishedBeta, theta: expected.polishedTheta,
      modeStarts: [Double](repeating: 0, count: data.strata.count))
    // lme4's deviance function solves for the modes to its PIRLS tolerance (tolPwrss 1e-10),
    // which leaves ~4e-10 relative noise in the Laplace deviance; the R script's own evaluation
    // (`grouped_deviance`, exact modes) has none.
    let offset = expected.nAGQ == 1 ? 0 : reference.saturatedLoglik
    expectApproximatelyEqual(
      point.logLikelihood, -expected.polishedDeviance / 2 + offset, relative: 1e-9, "ℓ vs lme4")
    expectApproximatelyEqual(
      point.logLikelihood, -expected.groupedDevianceAtPolished / 2, relative: 1e-11, "ℓ vs R")
  }
}
