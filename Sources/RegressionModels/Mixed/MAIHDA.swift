import Distributions
import Foundation
import LinearAlgebra

/// Multilevel analysis of individual heterogeneity and discriminatory accuracy (MAIHDA) over
/// intersectional strata: persons nested in the strata formed by crossing a few social
/// categories, with a random intercept per stratum.
///
/// ```
/// Model 1 (null):          logit P(yᵢⱼ = 1) = β₀ + uⱼ,        uⱼ ~ N(0, σ²₁)
/// Model 2 (main effects):  logit P(yᵢⱼ = 1) = xⱼβ + uⱼ,       uⱼ ~ N(0, σ²₂)
/// VPC = σ² / (σ² + π²/3),  MOR = exp(√(2σ²) Φ⁻¹(0.75)),  PCV = (σ²₁ − σ²₂) / σ²₁
/// ```
/// Model 1's VPC measures how much of the individual variation in the latent propensity lies
/// between intersectional strata; its stratum predictions (shrunken towards the mean) rank the
/// strata. Model 2's stratum effects ûⱼ are the intersectional interactions: how far a stratum
/// departs from what its additive main effects predict; the PCV is the share of the
/// between-stratum variance the main effects explain. The AUC of each model's stratum
/// predictions measures its discriminatory accuracy.
///
/// ```swift
/// let data = try StratumData.tabulating(population: populationFactors, personCounts: antal,
///                                       cases: suspectFactors)
/// let result = try MAIHDA.fit(strata: data)
/// print(result.nullSummary.randomIntercept.vpc, result.pcv ?? .nan)
/// ```
///
/// **Families.** `binomial` (above), `poisson` (log link with the stratum's persons as exposure,
/// log nⱼ the offset; VPC on the log scale σ²/(σ² + log(1 + 1/λ)), λ the mean rate: see
/// `RandomInterceptVariance`; the MOR is the median rate ratio) and `gaussian` (a linear model,
/// REML by default or ML, VPC = σ²_u/(σ²_u + σ²_e), no AUC). **Covariates** outside the strata
/// (`StratumData.covariateTerms`) enter both models as fixed effects (lme4's
/// `y ~ period + (1 | stratum)`); stratum predictions are then at the persons' mean covariate
/// values.
///
/// Merlo, J. (2018). Multilevel analysis of individual heterogeneity and discriminatory
/// accuracy (MAIHDA) within an intersectional framework. *Soc. Sci. Med.* 203, 74–80.
/// https://doi.org/10.1016/j.socscimed.2017.12.026 ·
/// Evans, C. R., Williams, D. R., Onnela, J.-P. & Subramanian, S. V. (2018). A multilevel
/// approach to modeling health inequalities at the intersection of multiple social identities.
/// *Soc. Sci. Med.* 203, 64–73. https://doi.org/10.1016/j.socscimed.2017.11.011 ·
/// Evans, C. R., Leckie, G., Subramanian, S. V., Bell, A. & Merlo, J. (2024). A tutorial for
/// conducting intersectional multilevel analysis of individual heterogeneity and discriminatory
/// accuracy (MAIHDA). *SSM – Population Health* 26, 101664.
/// https://doi.org/10.1016/j.ssmph.2024.101664
public enum MAIHDA {
  /// Fits models 1 and 2 and builds the stratum table.
  ///
  /// - Parameters:
  ///   - data: the strata (and cells, with covariates) with their persons and cases (or
  ///     outcome means); strata without persons are left out with a warning.
  ///   - family: binomial (default), poisson or gaussian.
  ///   - restricted: Gaussian only: REML (default, as the 2024 tutorial) or ML.
  ///   - options: see `MixedModelOptions` (`nAGQ`, tolerances, the confidence level).
  /// - Throws: `ModelError.notEstimable` (fewer than two strata with persons),
  ///   `.constantOutcome` (no cases, or every person a case; no variation), `.invalidOption`,
  ///   `.invalidOutcome` (more cases than persons for binomial), and the errors of the fits.
  public static func fit(
    strata data: StratumData, family: MixedFamily = .binomial, restricted: Bool = true,
    options: MixedModelOptions = MixedModelOptions()
  ) throws(ModelError) -> MAIHDAResult {
    try options.validate()
    let used = data.strata.indices.filter { data.strata[$0].persons > 0 }
    let dropped = data.strata.count - used.count
    var warnings: [String] = []
    if dropped > 0 {
      warnings.append(
        "\(dropped) of \(data.strata.count) strata have no persons and were left out.")
    }
    if data.excludedPopulationRows > 0 {
      warnings.append(
        "\(data.excludedPopulationRows) population rows with a missing or out-of-range stratifying variable were left out."
      )
    }
    if data.excludedCaseRows > 0 {
      warnings.append(
        "\(data.excludedCaseRows) cases with a missing or out-of-range stratifying variable were left out."
      )
    }
    guard used.count >= 2 else {
      throw .notEstimable(
        "MAIHDA needs at least two intersectional strata with persons; there \(used.count == 1 ? "is 1" : "are none")"
      )
    }
    if family == .binomial {
      for (j, stratum) in data.strata.enumerated() where stratum.cases > stratum.persons {
        throw .invalidOutcome(
          description: "\(stratum.cases) cases among \(stratum.persons) persons", row: j)
      }
    }
    // Cells with persons, in stratum order (as the fits order them).
    let cells = data.modelCells.filter { $0.persons > 0 }.enumerated().sorted {
      $0.element.stratum < $1.element.stratum
        || ($0.element.stratum == $1.element.stratum && $0.offset < $1.offset)
    }.map(\.element)
    let mainDesign = StratumDesign.mainEffects(of: data, strata: used)
    if !mainDesign.omittedLevels.isEmpty {
      warnings.append(
        "No stratum with persons has \(mainDesign.omittedLevels.map { "`\($0)`" }.joined(separator: ", ")); these levels have no coefficient."
      )
    }
    let q = data.covariateTerms.count
    // Person-weighted mean covariates: where stratum predictions are made.
    var meanCovariates = [Double](repeating: 0, count: q)
    let totalPersons = Double(cells.reduce(0) { $0 + $1.persons })
    for cell in cells {
      for k in 0..<q {
        meanCovariates[k] += Double(cell.persons) * cell.covariates[k] / totalPersons
      }
    }
    var position = [Int](repeating: -1, count: data.strata.count)
    for (s, j) in used.enumerated() { position[j] = s }
    let stratumColumns = mainDesign.matrix.columns - 1
    func design(main: Bool) -> (cells: Matrix, prediction: Matrix, terms: [ModelTerm]) {
      let extra = main ? stratumColumns : 0
      let width = 1 + q + extra
      var x = Matrix(rows: cells.count, columns: width)
      var prediction = Matrix(rows: data.strata.count, columns: width)
      for (i, cell) in cells.enumerated() {
        x[i, 0] = 1
        for k in 0..<q { x[i, 1 + k] = cell.covariates[k] }
        for k in 0..<extra { x[i, 1 + q + k] = mainDesign.matrix[position[cell.stratum], 1 + k] }
      }
      for j in used {
        prediction[j, 0] = 1
        for k in 0..<q { prediction[j, 1 + k] = meanCovariates[k] }
        for k in 0..<extra { prediction[j, 1 + q + k] = mainDesign.matrix[position[j], 1 + k] }
      }
      let terms =
        [ModelTerm.intercept] + data.covariateTerms
        + (main ? Array(mainDesign.terms.dropFirst()) : [])
      return (x, prediction, terms)
    }
    let cellStrata = cells.map(\.stratum)
    func fitModel(main: Bool) throws(ModelError) -> RandomInterceptFit {
      let (x, prediction, terms) = design(main: main)
      switch family {
      case .gaussian:
        return try RandomInterceptLinear.fit(
          counts: cells.map { Double($0.persons) }, means: cells.map(\.mean),
          sumsOfSquares: cells.map(\.sumOfSquares), strata: cellStrata, design: x, terms: terms,
          predictionDesign: prediction, restricted: restricted, options: options)
      case .binomial, .poisson:
        return try RandomInterceptGLMM.fit(
          family: family, cases: cells.map(\.cases), trials: cells.map(\.persons),
          strata: cellStrata, design: x, terms: terms, predictionDesign: prediction,
          options: options)
      }
    }
    let null = try fitModel(main: false)
    let main = try fitModel(main: true)
    warnings += null.warnings.map { "Null model: \($0)" }
    warnings += main.warnings.map { "Main-effects model: \($0)" }

    // The AUC needs a 0/1 outcome per person: binomial, or Poisson counts of persons.
    let cases = cells.map(\.cases)
    let trials = cells.map(\.persons)
    let binary =
      family == .binomial
      || (family == .poisson && zip(cases, trials).allSatisfy { $0 <= $1 })
    let level = options.confidenceLevel
    func auc(_ scores: [Double]) throws(ModelError) -> GroupedAUC? {
      guard binary else { return nil }
      return try GroupedAUC(scores: scores, cases: cases, trials: trials, level: level)
    }
    func summary(_ fit: RandomInterceptFit) throws(ModelError) -> MAIHDAModelSummary {
      MAIHDAModelSummary(
        intercept: fit.coefficients[0], randomIntercept: fit.randomIntercept,
        auc: try auc(fit.cellLinearPredictors), coefficients: fit.coefficientRows(level: level))
    }
    var stratumMode = [Double](repeating: 0, count: data.strata.count)
    for (s, j) in main.rows.enumerated() { stratumMode[j] = main.conditionalModes[s] }
    let fixedPart = zip(main.cellLinearPredictors, cellStrata).map { $0 - stratumMode[$1] }
    let nullVariance = null.randomIntercept.variance
    return MAIHDAResult(
      variables: data.variables.map(\.name), nullModel: null, mainEffectsModel: main,
      nullSummary: try summary(null), mainEffectsSummary: try summary(main),
      pcv: nullVariance > 0 ? (nullVariance - main.randomIntercept.variance) / nullVariance : nil,
      mainEffectsFixedPartAUC: try auc(fixedPart),
      strata: strataTable(data: data, family: family, null: null, main: main, level: level),
      droppedStrata: dropped,
      method: family == .gaussian ? (restricted ? .reml : .ml) : options.method, nAGQ: options.nAGQ,
      warnings: warnings,
      family: family, covariates: data.covariateTerms.map(\.name))
  }

  /// The inverse link of `family`: a probability, a rate per person, or a mean.
  static func inverseLink(_ eta: Double, family: MixedFamily) -> Double {
    switch family {
    case .binomial: StratumLikelihood.logistic(eta)
    case .poisson: exp(eta)
    case .gaussian: eta
    }
  }

  /// The stratum rows, ranked by model 1's prediction.
  static func strataTable(
    data: StratumData, family: MixedFamily, null: RandomInterceptFit, main: RandomInterceptFit,
    level: Double
  ) -> [MAIHDAStratum] {
    let z = Normal.quantile((1 + level) / 2)
    let used = null.rows
    let order = used.indices.sorted {
      null.linearPredictors[$0] > null.linearPredictors[$1]
        || (null.linearPredictors[$0] == null.linearPredictors[$1] && $0 < $1)
    }
    func link(_ eta: Double) -> Double { inverseLink(eta, family: family) }
    return order.enumerated().map { rank, s in
      let stratum = data.strata[used[s]]
      let eta = null.linearPredictors[s]
      let halfWidth = z * null.linearPredictorVariances[s].squareRoot()
      let interaction = main.conditionalModes[s]
      let interactionHalfWidth = z * main.conditionalVariances[s].squareRoot()
      return MAIHDAStratum(
        index: used[s], codes: data.codes(ofStratum: used[s]), persons: stratum.persons,
        cases: stratum.cases,
        observed: family == .gaussian
          ? stratum.mean : Double(stratum.cases) / Double(stratum.persons),
        predicted: link(eta),
        predictedInterval: link(eta - halfWidth)...link(eta + halfWidth),
        rank: rank + 1,
        mainEffectsPredicted: link(main.linearPredictors[s] - interaction),
        interaction: interaction,
        interactionInterval: (interaction - interactionHalfWidth)...(interaction
          + interactionHalfWidth))
    }
  }
}
