import Foundation
import LinearAlgebra
import Microdata
import RegressionModels
import StatsTestSupport
import Testing

/// Grouped binomial data (esoph) against R, and the equality of grouped, collapsed and
/// individual fits.
@Suite("Grouped binomial data")
struct GroupedTests {
  static let factorizations = GLMOptions.Factorization.allCases
  static let formula = "y ~ agegp + alcgp + tobgp"

  @Test("esoph successes / trials agrees with R's cbind() fit", arguments: factorizations)
  func esophGrouped(factorization: GLMOptions.Factorization) throws {
    let reference = Reference.case("esoph_grouped")
    var options = GLMOptions()
    options.factorization = factorization
    let fit = try GLM.fit(
      formula: "ncases / trials ~ agegp + alcgp + tobgp", data: Reference.esoph, options: options)
    let b = Reference.numbers(reference["coefficients"])
    expectApproximatelyEqual(
      fit.coefficients.map { $0! }, b, relative: Tolerance.coefficients, "coefficients")
    expectApproximatelyEqual(
      fit.standardErrors.map { $0! }, Reference.numbers(reference["std_errors"]),
      relative: Tolerance.coefficients, "SE")
    // Grouped rows: deviance and df are R's; the log-likelihood has no binomial coefficients,
    // R's (with them) is in `grouped`.
    expectApproximatelyEqual(
      fit.deviance, (reference["deviance"] as! NSNumber).doubleValue, relative: Tolerance.deviance)
    expectApproximatelyEqual(
      fit.nullDeviance, (reference["null_deviance"] as! NSNumber).doubleValue,
      relative: Tolerance.deviance)
    #expect(fit.dfResidual == reference["df_residual"] as! Int)
    let grouped = try #require(fit.grouped)
    expectApproximatelyEqual(
      grouped.logLikelihood, (reference["log_likelihood"] as! NSNumber).doubleValue,
      relative: Tolerance.deviance, "R logLik")
    expectApproximatelyEqual(
      grouped.aic, (reference["aic"] as! NSNumber).doubleValue, relative: Tolerance.deviance,
      "R AIC")
    expectApproximatelyEqual(
      grouped.pearsonChiSquared, (reference["pearson"] as! NSNumber).doubleValue,
      relative: Tolerance.deviance, "Pearson")
    let individual = reference["individual"] as! [String: Any]
    expectApproximatelyEqual(
      fit.logLikelihood, (individual["log_likelihood"] as! NSNumber).doubleValue,
      relative: Tolerance.deviance, "individual logLik")
    // Same formula via cbind(successes, failures).
    let cbind = try GLM.fit(
      formula: "cbind(ncases, ncontrols) ~ agegp + alcgp + tobgp", data: Reference.esoph,
      options: options)
    expectApproximatelyEqual(
      cbind.coefficients.map { $0! }, b, relative: Tolerance.coefficients, "cbind")
    // Profile intervals on grouped data, against root finding in R. (MASS's spline through the
    // profile grid is off by up to 3e-3 here, where the profiles of the sparse age groups are
    // strongly asymmetric, so it is not the reference.)
    let profile = try fit.profileConfidenceIntervals()
    let exact = Reference.intervals(reference["profile_exact"])
    for j in 0..<exact.count {
      expectApproximatelyEqual(
        profile[j]?.lowerBound, exact[j][0], relative: 1e-7, absolute: 1e-9, "profile lower \(j)")
      expectApproximatelyEqual(
        profile[j]?.upperBound, exact[j][1], relative: 1e-7, absolute: 1e-9, "profile upper \(j)")
    }
  }

  @Test(
    "Collapsed and individual fits of the expanded data equal R's individual fit",
    arguments: factorizations, [true, false])
  func individual(factorization: GLMOptions.Factorization, collapse: Bool) throws {
    let individual = Reference.case("esoph_grouped")["individual"] as! [String: Any]
    var options = GLMOptions()
    options.factorization = factorization
    options.collapse = collapse
    let fit = try GLM.fit(formula: Self.formula, data: Reference.esophIndividuals, options: options)
    #expect((fit.diagnostics.collapsedPatterns != nil) == collapse)
    if collapse { #expect(fit.diagnostics.collapsedPatterns == 88) }
    expectApproximatelyEqual(
      fit.coefficients.map { $0! }, Reference.numbers(individual["coefficients"]),
      relative: Tolerance.coefficients, "coefficients")
    expectApproximatelyEqual(
      fit.standardErrors.map { $0! }, Reference.numbers(individual["std_errors"]),
      relative: Tolerance.coefficients, "SE")
    for (key, value) in [
      ("log_likelihood", fit.logLikelihood), ("deviance", fit.deviance),
      ("null_deviance", fit.nullDeviance), ("aic", fit.aic), ("bic", fit.bic),
    ] {
      expectApproximatelyEqual(
        value, (individual[key] as! NSNumber).doubleValue, relative: Tolerance.deviance, key)
    }
    #expect(fit.dfResidual == individual["df_residual"] as! Int)
    #expect(fit.observationCount == individual["n"] as! Int)
    expectApproximatelyEqual(
      try fit.coefficientTable(covariance: .hc0).rows.map { $0.standardError! },
      Reference.numbers(individual["hc0"]), relative: Tolerance.coefficients, "HC0")
    expectApproximatelyEqual(
      try fit.coefficientTable(covariance: .hc1).rows.map { $0.standardError! },
      Reference.numbers(individual["hc1"]), relative: Tolerance.coefficients, "HC1")
    let ame = individual["ame"] as! [String: Any]
    let agegp = ame["agegp"] as! [String: Any]
    let effects = try fit.averageMarginalEffects(variables: ["agegp"])
    expectApproximatelyEqual(
      effects.map(\.estimate), Reference.numbers(agegp["estimate"]), relative: 1e-8,
      absolute: 1e-12, "AME")
    expectApproximatelyEqual(
      effects.map(\.standardError), Reference.numbers(agegp["std_error"]),
      relative: Tolerance.coefficients, "AME SE")
  }

  @Test("Predicted probabilities of every cell agree with predict.glm")
  func cells() throws {
    let reference = Reference.case("esoph_grouped")
    let cells = reference["cells"] as! [String: Any]
    let fit = try GLM.fit(formula: "ncases / trials ~ agegp + alcgp + tobgp", data: Reference.esoph)
    let table = try fit.predictionTable()
    #expect(table.count == 6 * 4 * 4)
    let (agegp, alcgp, tobgp) = (
      Reference.strings(cells["agegp"]), Reference.strings(cells["alcgp"]),
      Reference.strings(cells["tobgp"])
    )
    let (eta, se) = (Reference.numbers(cells["eta"]), Reference.numbers(cells["se"]))
    let (lower, upper) = (Reference.numbers(cells["lower"]), Reference.numbers(cells["upper"]))
    for k in 0..<eta.count {
      let cell = try #require(
        table.first { $0.levels == ["agegp": agegp[k], "alcgp": alcgp[k], "tobgp": tobgp[k]] })
      expectApproximatelyEqual(
        cell.linearPredictor, eta[k], relative: Tolerance.coefficients, "eta")
      expectApproximatelyEqual(cell.standardError, se[k], relative: Tolerance.coefficients, "se")
      expectApproximatelyEqual(cell.lower, lower[k], relative: Tolerance.coefficients, "lower")
      expectApproximatelyEqual(cell.upper, upper[k], relative: Tolerance.coefficients, "upper")
    }
    // Observed counts per cell sum to the data.
    let trials = Reference.numbers(Reference.data("esoph")["trials"]).reduce(0, +)
    expectApproximatelyEqual(
      table.map(\.trials).reduce(0, +), trials, relative: Tolerance.countsAndRates)
  }

  @Test("Suspects against a population equal the fit on the expanded person register")
  func population() throws {
    // Cells of esoph read as (cases, population) per cell.
    let d = Reference.data("esoph")
    let levels = Reference.data("esoph_levels")
    let predictors = ["agegp", "alcgp", "tobgp"].map { name -> Factor in
      let lv = Reference.strings(levels[name])
      return Factor(
        name: name, levels: lv.map { Factor.Level(code: $0, sv: $0, en: $0) },
        codes: Reference.strings(d[name]).map { Int32(lv.firstIndex(of: $0)!) })
    }
    let cases = Reference.numbers(d["ncases"])
    let population = Reference.numbers(d["trials"])
    // Both converged to a deviance change of 1e-14, so that they agree to 1e-9 whatever paths
    // the iterations took.
    var options = GLMOptions()
    options.epsilon = 1e-14
    let fit = try GLM.fitAgainstPopulation(
      formula: Formula("misstankt ~ agegp + alcgp + tobgp"), predictors: predictors, cases: cases,
      population: population, options: options)
    options.collapse = false
    let individual = try GLM.fit(
      formula: Self.formula, data: Reference.esophIndividuals, options: options)
    expectApproximatelyEqual(
      fit.coefficients.map { $0! }, individual.coefficients.map { $0! }, relative: 1e-9,
      "coefficients")
    expectApproximatelyEqual(
      fit.standardErrors.map { $0! }, individual.standardErrors.map { $0! }, relative: 1e-9, "SE")
    expectApproximatelyEqual(fit.deviance, individual.deviance, relative: 1e-10, "deviance")
    expectApproximatelyEqual(fit.bic, individual.bic, relative: 1e-10, "BIC")
    #expect(fit.observationCount == individual.observationCount)
    #expect(fit.dfResidual == individual.dfResidual)
    expectApproximatelyEqual(
      try fit.coefficientTable(covariance: .hc1).rows.map { $0.standardError! },
      try individual.coefficientTable(covariance: .hc1).rows.map { $0.standardError! },
      relative: 1e-9, "HC1")
    // More cases than population is an error naming the cell.
    var bad = cases
    bad[3] = population[3] + 1
    #expect(
      throws: ModelError.invalidOutcome(
        description: "a cell has \(Int(bad[3])) cases but a population of \(Int(population[3]))",
        row: 3)
    ) {
      try GLM.fitAgainstPopulation(
        formula: Formula("misstankt ~ agegp"), predictors: predictors, cases: bad,
        population: population)
    }
  }
}
