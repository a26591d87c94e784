import Foundation
import LinearAlgebra
import Microdata
import StatsTestSupport
import Testing

@testable import RegressionModels

/// `Reference/maihda_families.json`, written by
/// `scripts/reference/make_maihda_family_reference.R` (R 4.2.2, lme4 1.1.31).
struct MAIHDAFamilyReference: Decodable {
  struct LinearFit: Decodable {
    let terms: [String]
    let beta: [Double]
    let se: [Double]
    let sigma2U: Double
    let sigma2E: Double
    let vpc: Double
    let logLik: Double
    let aic: Double
    let bic: Double
    let ranef: [Double]
    let condVar: [Double]
  }

  struct CountFit: Decodable {
    let beta: [Double]
    let se: [Double]
    let sigma2: Double
    let logLik: Double
    let ranef: [Double]
    let condVar: [Double]
    let vpc: Double?
  }

  struct GaussianRow: Decodable {
    let kon: String
    let alder: String
    let utb: String
    let period: String
    let y: Double
  }

  struct Gaussian: Decodable {
    let rows: [GaussianRow]
    let fits: [String: LinearFit]
  }

  struct PoissonStratum: Decodable {
    let pop: Int
    let cases: Int
  }

  struct Poisson: Decodable {
    let strata: [PoissonStratum]
    let null: CountFit
    let main: CountFit
  }

  struct CBPPRow: Decodable {
    let herd: String
    let incidence: Int
    let size: Int
    let period: String
  }

  struct CBPP: Decodable {
    let rows: [CBPPRow]
    let null: CountFit
  }

  let gaussian: Gaussian
  let poisson: Poisson
  let cbpp: CBPP

  static func load() throws -> MAIHDAFamilyReference {
    let data = try Data(contentsOf: fixture("Reference/maihda_families.json"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(MAIHDAFamilyReference.self, from: data)
  }

  /// A factor over `values` with the given level codes in order.
  static func factor(_ name: String, _ values: [String], levels: [String]) -> Factor {
    Factor(
      name: name, levels: levels.map { Factor.Level(code: $0, sv: $0, en: $0) },
      codes: values.map { Int32(levels.firstIndex(of: $0)!) })
  }

  /// The Gaussian rows as strata kon × alder × utb, with `period` as covariate if asked.
  func gaussianData(period: Bool) throws -> StratumData {
    let rows = gaussian.rows
    let factors = [
      Self.factor("kon", rows.map(\.kon), levels: ["1", "2"]),
      Self.factor("alder", rows.map(\.alder), levels: ["a", "b", "c"]),
      Self.factor("utb", rows.map(\.utb), levels: ["1", "2", "3"]),
    ]
    let covariates =
      period ? [Self.factor("period", rows.map(\.period), levels: ["p1", "p2", "p3"])] : []
    return try StratumData.tabulating(
      factors: factors, covariates: covariates, outcome: rows.map(\.y), family: .gaussian)
  }
}

@Suite("MAIHDA families")
struct MAIHDAFamilyTests {
  func compare(
    _ fit: RandomInterceptFit, _ expected: MAIHDAFamilyReference.LinearFit, tolerance: Double,
    _ what: String
  ) {
    expectApproximatelyEqual(fit.coefficients, expected.beta, relative: tolerance, "\(what) β")
    expectApproximatelyEqual(fit.standardErrors, expected.se, relative: tolerance, "\(what) SE")
    expectApproximatelyEqual(
      fit.randomIntercept.variance, expected.sigma2U, relative: tolerance, "\(what) σ²_u")
    expectApproximatelyEqual(
      fit.randomIntercept.residualVariance, expected.sigma2E, relative: tolerance, "\(what) σ²_e")
    expectApproximatelyEqual(
      fit.randomIntercept.vpc, expected.vpc, relative: tolerance, "\(what) VPC")
    expectApproximatelyEqual(fit.logLikelihood, expected.logLik, relative: 1e-10, "\(what) ℓ")
    expectApproximatelyEqual(fit.aic, expected.aic, relative: 1e-10, "\(what) AIC")
    expectApproximatelyEqual(fit.bic, expected.bic, relative: 1e-10, "\(what) BIC")
    expectApproximatelyEqual(
      fit.conditionalModes, expected.ranef, relative: tolerance, absolute: 1e-9, "\(what) BLUP")
    expectApproximatelyEqual(
      fit.conditionalVariances, expected.condVar, relative: tolerance, "\(what) condVar")
    #expect(fit.logLikelihoodScale == .individual)
    #expect(!fit.boundary)
  }

  @Test("Gaussian MAIHDA against lmer, REML and ML, to 1e-6", arguments: [true, false])
  func gaussian(restricted: Bool) throws {
    let reference = try MAIHDAFamilyReference.load()
    let result = try MAIHDA.fit(
      strata: try reference.gaussianData(period: false), family: .gaussian,
      restricted: restricted)
    let suffix = restricted ? "reml" : "ml"
    #expect(result.method == (restricted ? .reml : .ml))
    #expect(result.nullSummary.auc == nil && result.mainEffectsFixedPartAUC == nil)
    compare(result.nullModel, reference.gaussian.fits["null_\(suffix)"]!, tolerance: 1e-6, "null")
    compare(
      result.mainEffectsModel, reference.gaussian.fits["main_\(suffix)"]!, tolerance: 1e-6, "main")
    let null = reference.gaussian.fits["null_\(suffix)"]!
    let main = reference.gaussian.fits["main_\(suffix)"]!
    expectApproximatelyEqual(
      result.pcv, (null.sigma2U - main.sigma2U) / null.sigma2U, relative: 1e-6, "PCV")
    // Stratum table: the mean is observed; the prediction is β̂₀ + ûⱼ with a Henderson interval.
    let top = result.strata[0]
    let j = top.index
    let rows = reference.gaussian.rows.filter {
      try! reference.gaussianData(period: false).codes(ofStratum: j) == [$0.kon, $0.alder, $0.utb]
    }
    expectApproximatelyEqual(
      top.observed, rows.map(\.y).reduce(0, +) / Double(rows.count), relative: 1e-12, "mean")
    #expect(top.persons == rows.count)
    expectApproximatelyEqual(
      top.predicted, null.beta[0] + null.ranef[j], relative: 1e-6, "prediction")
    #expect(top.predictedInterval.contains(top.predicted))
  }

  @Test("Gaussian with a covariate outside the strata: lmer y ~ period + (1 | stratum)")
  func gaussianCovariate() throws {
    let reference = try MAIHDAFamilyReference.load()
    let data = try reference.gaussianData(period: true)
    #expect(data.covariateTerms.map(\.name) == ["period: p2", "period: p3"])
    let result = try MAIHDA.fit(strata: data, family: .gaussian)
    #expect(result.covariates == ["period: p2", "period: p3"])
    compare(
      result.nullModel, reference.gaussian.fits["period_reml"]!, tolerance: 1e-6, "period")
  }

  @Test("Poisson MAIHDA with log(population) offset against converged glmer, to 1e-4")
  func poisson() throws {
    let reference = try MAIHDAFamilyReference.load()
    let levels = [["1", "2"], ["a", "b", "c"], ["1", "2", "3", "4"]].map {
      $0.map { Factor.Level(code: $0, sv: $0, en: $0) }
    }
    let variables = zip(["kon", "alder", "utb"], levels).map {
      StratumData.Variable(name: $0, levels: $1)
    }
    let strata = reference.poisson.strata.enumerated().map { j, s in
      StratumData.Stratum(levels: [j / 12, (j / 4) % 3, j % 4], persons: s.pop, cases: s.cases)
    }
    let result = try MAIHDA.fit(
      strata: try StratumData(variables: variables, strata: strata), family: .poisson)
    for (fit, expected, what) in [
      (result.nullModel, reference.poisson.null, "null"),
      (result.mainEffectsModel, reference.poisson.main, "main"),
    ] {
      expectApproximatelyEqual(fit.coefficients, expected.beta, relative: 1e-4, "\(what) β")
      expectApproximatelyEqual(fit.standardErrors, expected.se, relative: 1e-4, "\(what) SE")
      expectApproximatelyEqual(
        fit.randomIntercept.variance, expected.sigma2, relative: 1e-4, "\(what) σ²")
      expectApproximatelyEqual(
        fit.randomIntercept.vpc, expected.vpc!, relative: 1e-4, "\(what) VPC")
      expectApproximatelyEqual(fit.logLikelihood, expected.logLik, relative: 1e-8, "\(what) ℓ")
      expectApproximatelyEqual(
        fit.conditionalModes, expected.ranef, relative: 1e-4, absolute: 1e-6, "\(what) modes")
      expectApproximatelyEqual(
        fit.conditionalVariances, expected.condVar, relative: 1e-4, "\(what) condVar")
      #expect(fit.family == .poisson && fit.logLikelihoodScale == .grouped)
    }
    // Cases are distinct persons: the AUC exists. The rate prediction is per person.
    #expect(result.nullSummary.auc != nil)
    let top = result.strata[0]
    expectApproximatelyEqual(
      top.observed, Double(top.cases) / Double(top.persons), relative: 1e-12, "rate")
  }

  @Test("cbpp: --trials and --covariates against glmer cbind(incidence, size − incidence)")
  func cbpp() throws {
    let reference = try MAIHDAFamilyReference.load()
    let rows = reference.cbpp.rows
    #expect(rows.count == 56)
    let herds = (1...15).map(String.init)
    let data = try StratumData.tabulating(
      factors: [MAIHDAFamilyReference.factor("herd", rows.map(\.herd), levels: herds)],
      covariates: [
        MAIHDAFamilyReference.factor("period", rows.map(\.period), levels: ["1", "2", "3", "4"])
      ],
      outcome: rows.map { Double($0.incidence) }, trials: rows.map { Double($0.size) },
      family: .binomial)
    #expect(data.cells.count == 56)
    let result = try MAIHDA.fit(strata: data)
    let fit = result.nullModel
    let expected = reference.cbpp.null
    expectApproximatelyEqual(fit.coefficients, expected.beta, relative: 1e-4, "β")
    expectApproximatelyEqual(fit.standardErrors, expected.se, relative: 1e-4, "SE")
    expectApproximatelyEqual(fit.randomIntercept.variance, expected.sigma2, relative: 1e-4, "σ²")
    expectApproximatelyEqual(fit.logLikelihood, expected.logLik, relative: 1e-8, "ℓ")
    expectApproximatelyEqual(
      fit.conditionalModes, expected.ranef, relative: 1e-4, absolute: 1e-6, "modes")
    expectApproximatelyEqual(
      fit.conditionalVariances, expected.condVar, relative: 1e-4, "condVar")
    // Herd as a fixed effect leaves no between-herd variance: a boundary fit, stated.
    #expect(result.mainEffectsModel.boundary)
    #expect(result.warnings.contains { $0.contains("boundary (singular) fit") })
    #expect(fit.observationCount == 56)
    expectApproximatelyEqual(
      fit.bic, -2 * expected.logLik + log(56) * 5, relative: 1e-8, "grouped BIC")
  }

  @Test("frequency weights equal repeated rows (Gaussian and binomial)")
  func weights() throws {
    let kon = MAIHDAFamilyReference.factor(
      "kon", ["1", "1", "2", "2", "1", "2"], levels: ["1", "2"])
    let alder = MAIHDAFamilyReference.factor(
      "alder", ["a", "b", "a", "b", "b", "a"], levels: ["a", "b"])
    let y: [Double] = [3, 5, 2, 8, 4, 1]
    let w: [Double] = [2, 1, 3, 1, 2, 1]
    let weighted = try StratumData.tabulating(
      factors: [kon, alder], outcome: y, weights: w, family: .gaussian)
    let expand = { (f: Factor) in
      Factor(
        name: f.name, levels: f.levels,
        codes: zip(f.codes, w).flatMap { [Int32](repeating: $0, count: Int($1)) })
    }
    let repeated = try StratumData.tabulating(
      factors: [expand(kon), expand(alder)],
      outcome: zip(y, w).flatMap { [Double](repeating: $0, count: Int($1)) }, family: .gaussian)
    #expect(weighted.strata.map(\.persons) == repeated.strata.map(\.persons))
    for (a, b) in zip(weighted.strata, repeated.strata) {
      expectApproximatelyEqual(a.mean, b.mean, relative: 1e-14, absolute: 1e-14, "mean")
      expectApproximatelyEqual(
        a.sumOfSquares, b.sumOfSquares, relative: 1e-12, absolute: 1e-12, "sum of squares")
    }
    #expect(
      throws: ModelError.invalidOutcome(
        description: "the frequency weight 1.5 is not a count", row: 0)
    ) {
      try StratumData.tabulating(
        factors: [kon, alder], outcome: y, weights: [1.5, 1, 1, 1, 1, 1], family: .gaussian)
    }
  }
}

/// The generalised marginal likelihood (several cells per stratum, Poisson with offsets): its
/// exact gradient and difference Hessian, for Laplace and quadrature, where no R reference
/// covers the combination.
@Suite("Marginal likelihood over cells")
struct CellLikelihoodTests {
  /// Five strata of one to three cells; binomial or Poisson counts; a covariate column.
  static func likelihood(family: StratumCounts.Family, nAGQ: Int) throws -> MarginalLikelihood {
    let cases = [3, 0, 7, 12, 1, 4, 9, 2, 5, 30]
    let trials = [20, 15, 40, 60, 8, 25, 50, 9, 30, 90]
    let groups = [0..<1, 1..<3, 3..<6, 6..<8, 8..<10]
    let covariate: [Double] = [0, 1, 0, 1, 2, 0, 1, 0, 2, 1]
    let design = Matrix(columns: [[Double](repeating: 1, count: 10), covariate])
    let counts = zip(cases, trials).map { StratumCounts(cases: $0, trials: $1, family: family) }
    let offsets = family == .poisson ? trials.map { log(Double($0)) } : nil
    return MarginalLikelihood(
      counts: counts, design: design, offsets: offsets, groups: groups,
      rule: try GaussHermiteRule(order: nAGQ))
  }

  @Test(
    "exact gradient and Hessian against differences",
    arguments: [StratumCounts.Family.binomial, .poisson], [1, 9])
  func derivatives(family: StratumCounts.Family, nAGQ: Int) throws {
    let likelihood = try Self.likelihood(family: family, nAGQ: nAGQ)
    let beta = family == .poisson ? [-1.7, 0.3] : [-1.5, 0.25]
    let theta = 0.6
    let starts = [Double](repeating: 0, count: likelihood.strataCount)
    let point = likelihood.evaluate(beta: beta, theta: theta, modeStarts: starts)
    let hessian = likelihood.hessian(at: point, theta: theta)
    let h = 1e-4
    for k in 0...beta.count {
      func at(_ delta: Double) -> MarginalLikelihood.Point {
        var b = beta
        var t = theta
        if k < beta.count { b[k] += delta } else { t += delta }
        return likelihood.evaluate(beta: b, theta: t, modeStarts: starts)
      }
      let (p2, p1, m1, m2) = (at(2 * h), at(h), at(-h), at(-2 * h))
      let slope =
        (-p2.logLikelihood + 8 * p1.logLikelihood - 8 * m1.logLikelihood + m2.logLikelihood)
        / (12 * h)
      expectApproximatelyEqual(
        point.gradient[k], slope, relative: 1e-7, absolute: 1e-7, "∂ℓ/∂ψ\(k)")
      for l in 0...beta.count {
        let numeric =
          (-p2.gradient[l] + 8 * p1.gradient[l] - 8 * m1.gradient[l] + m2.gradient[l]) / (12 * h)
        expectApproximatelyEqual(
          hessian[l, k], numeric, relative: 1e-5, absolute: 1e-6, "∂²ℓ/∂ψ\(l)∂ψ\(k)")
      }
    }
  }
}
