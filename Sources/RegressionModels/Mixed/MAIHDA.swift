import Distributions

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
  ///   - data: the strata with their persons and cases; strata without persons are left out
  ///     with a warning.
  ///   - options: see `MixedModelOptions` (`nAGQ`, tolerances, the confidence level).
  /// - Throws: `ModelError.notEstimable` (fewer than two strata with persons),
  ///   `.constantOutcome` (no cases, or every person a case), `.invalidOption`, and the errors of
  ///   `RandomInterceptLogit.fit`.
  public static func fit(strata data: StratumData, options: MixedModelOptions = MixedModelOptions())
    throws(ModelError) -> MAIHDAResult
  {
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
    let cases = used.map { data.strata[$0].cases }
    let trials = used.map { data.strata[$0].persons }
    let nullDesign = StratumDesign.intercept(strata: used.count)
    let mainDesign = StratumDesign.mainEffects(of: data, strata: used)
    if !mainDesign.omittedLevels.isEmpty {
      warnings.append(
        "No stratum with persons has \(mainDesign.omittedLevels.map { "`\($0)`" }.joined(separator: ", ")); these levels have no coefficient."
      )
    }

    let null = try RandomInterceptLogit.fit(
      cases: cases, trials: trials, design: nullDesign.matrix, terms: nullDesign.terms,
      options: options)
    let main = try RandomInterceptLogit.fit(
      cases: cases, trials: trials, design: mainDesign.matrix, terms: mainDesign.terms,
      options: options)
    warnings += null.warnings.map { "Null model: \($0)" }
    warnings += main.warnings.map { "Main-effects model: \($0)" }

    let level = options.confidenceLevel
    func summary(_ fit: RandomInterceptFit) throws(ModelError) -> MAIHDAModelSummary {
      MAIHDAModelSummary(
        intercept: fit.coefficients[0], randomIntercept: fit.randomIntercept,
        auc: try GroupedAUC(
          scores: fit.fittedProbabilities, cases: cases, trials: trials, level: level),
        coefficients: fit.coefficientRows(level: level))
    }
    let fixedPart = zip(main.linearPredictors, main.conditionalModes).map { $0 - $1 }
    let nullVariance = null.randomIntercept.variance
    return MAIHDAResult(
      variables: data.variables.map(\.name), nullModel: null, mainEffectsModel: main,
      nullSummary: try summary(null), mainEffectsSummary: try summary(main),
      pcv: nullVariance > 0 ? (nullVariance - main.randomIntercept.variance) / nullVariance : nil,
      mainEffectsFixedPartAUC: try GroupedAUC(
        scores: fixedPart, cases: cases, trials: trials, level: level),
      strata: strataTable(data: data, used: used, null: null, main: main, level: level),
      droppedStrata: dropped, method: options.method, nAGQ: options.nAGQ, warnings: warnings)
  }

  /// The stratum rows, ranked by model 1's predicted probability.
  static func strataTable(
    data: StratumData, used: [Int], null: RandomInterceptFit, main: RandomInterceptFit,
    level: Double
  ) -> [MAIHDAStratum] {
    let z = Normal.quantile((1 + level) / 2)
    let order = used.indices.sorted {
      null.linearPredictors[$0] > null.linearPredictors[$1]
        || (null.linearPredictors[$0] == null.linearPredictors[$1] && $0 < $1)
    }
    return order.enumerated().map { rank, s in
      let stratum = data.strata[used[s]]
      let eta = null.linearPredictors[s]
      let halfWidth = z * null.linearPredictorVariances[s].squareRoot()
      let interaction = main.conditionalModes[s]
      let interactionHalfWidth = z * main.conditionalVariances[s].squareRoot()
      return MAIHDAStratum(
        index: used[s], codes: data.codes(ofStratum: used[s]), persons: stratum.persons,
        cases: stratum.cases, observed: Double(stratum.cases) / Double(stratum.persons),
        predicted: null.fittedProbabilities[s],
        predictedInterval: StratumLikelihood.logistic(
          eta - halfWidth)...StratumLikelihood.logistic(
            eta + halfWidth),
        rank: rank + 1,
        mainEffectsPredicted: StratumLikelihood.logistic(main.linearPredictors[s] - interaction),
        interaction: interaction,
        interactionInterval: (interaction - interactionHalfWidth)...(interaction
          + interactionHalfWidth))
    }
  }
}
