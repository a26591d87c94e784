/// The JSON of `strata maihda` (see the CLI contract), plus detail fields:
///
/// ```json
/// {"variables": ["kon", "aldersgrupp"],
///  "null_model": {"intercept": -5.9, "sigma2": 0.81, "sigma2_ci": [0.6, 1.1], "vpc": 0.197,
///                 "vpc_ci": [...], "mor": 2.36, "mor_ci": [...], "auc": 0.74, "auc_ci": [...],
///                 "log_likelihood": ..., "converged": true, "boundary": false,
///                 "coefficients": [{"term": "(Intercept)", "estimate": ..., ...}]},
///  "main_effects_model": {... the same ..., "pcv": 0.85, "fixed_part_auc": 0.73, ...},
///  "strata": [{"kon": "1", "aldersgrupp": "18-24", "n": 10234, "cases": 60,
///              "observed": 0.0059, "predicted": 0.0058, "ci": [0.0041, 0.0079], "rank": 1,
///              "main_effects_predicted": 0.0049, "interaction": 0.21,
///              "interaction_ci": [0.02, 0.40], "stratum_index": 17}],
///  "method": "laplace", "n_agq": 1, "dropped_strata": 0, "warnings": [],
///  "fits": {"null": {...}, "main_effects": {...}}}
/// ```
/// `fits` holds both `RandomInterceptFit`s in full, so that the JSON decodes back to an equal
/// result: the main-effects model's typed terms are rebuilt from the strata (each variable's
/// levels in them), and the coefficient tables from the fits.
///
/// Published with a ``MAIHDARedaction`` in the encoder's `userInfo`, the JSON leaves out what
/// the redaction withholds: a suppressed stratum is `{"kon": "2", …, "n": 4211,
/// "suppressed": true, "stratum_index": 9}` after the published ones (which are ranked among
/// themselves), a withheld model 2 is `{"converged": true, "terms": [...], "disclosure":
/// {"withheld": true, "reason": "..."}}`, and `fits` (every stratum's mode, linear predictor
/// and fitted probability, and the total of cases) is left out. Such JSON does not decode.
extension MAIHDAResult: Codable {
  enum CodingKeys: String, CodingKey {
    case variables
    case nullModel = "null_model"
    case mainEffectsModel = "main_effects_model"
    case strata
    case method
    case nAGQ = "n_agq"
    case droppedStrata = "dropped_strata"
    case warnings, fits, family, covariates
    case logLikelihoodScale = "loglik_scale"
  }

  enum ModelKeys: String, CodingKey {
    case intercept, sigma2
    case sigma2Interval = "sigma2_ci"
    case vpc
    case vpcInterval = "vpc_ci"
    case mor
    case morInterval = "mor_ci"
    case residualVariance = "sigma2_e"
    case bic
    case auc
    case aucInterval = "auc_ci"
    case aucStandardError = "auc_std_error"
    case aucLevel = "auc_level"
    case logLikelihood = "log_likelihood"
    case deviance, aic, converged
    case boundary, iterations, coefficients, pcv
    case fixedPartAUC = "fixed_part_auc"
  }

  enum FitKeys: String, CodingKey {
    case null
    case mainEffects = "main_effects"
  }

  /// A key that is either a fixed stratum field or a variable name.
  struct StratumKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static let persons = StratumKey("n")
    static let cases = StratumKey("cases")
    static let observed = StratumKey("observed")
    static let predicted = StratumKey("predicted")
    static let interval = StratumKey("ci")
    static let rank = StratumKey("rank")
    static let mainEffectsPredicted = StratumKey("main_effects_predicted")
    static let interaction = StratumKey("interaction")
    static let interactionInterval = StratumKey("interaction_ci")
    static let index = StratumKey("stratum_index")
    static let suppressed = StratumKey("suppressed")
  }

  /// The keys of a withheld model.
  enum WithheldKeys: String, CodingKey {
    case converged, terms, disclosure, withheld, reason
    case sigma2, vpc, mor, pcv, auc
  }

  public func encode(to encoder: Encoder) throws {
    let redaction = encoder.userInfo[MAIHDARedaction.userInfoKey] as? MAIHDARedaction
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(variables, forKey: .variables)
    try encodeModel(
      nullModel, nullSummary, in: &container, key: .nullModel, extra: nil, redaction: redaction)
    if let reason = redaction?.mainEffectsWithheld {
      var model = container.nestedContainer(keyedBy: WithheldKeys.self, forKey: .mainEffectsModel)
      try model.encode(mainEffectsModel.converged, forKey: .converged)
      try model.encode(mainEffectsModel.coefficientNames, forKey: .terms)
      // The contract's keys stay, as null ("missing is null").
      for key in [WithheldKeys.sigma2, .vpc, .mor, .pcv, .auc] { try model.encodeNil(forKey: key) }
      var disclosure = model.nestedContainer(keyedBy: WithheldKeys.self, forKey: .disclosure)
      try disclosure.encode(true, forKey: .withheld)
      try disclosure.encode(reason, forKey: .reason)
    } else {
      try encodeModel(
        mainEffectsModel, mainEffectsSummary, in: &container, key: .mainEffectsModel,
        extra: (pcv, mainEffectsFixedPartAUC), redaction: redaction)
    }
    var rows = container.nestedUnkeyedContainer(forKey: .strata)
    let hidden = redaction?.suppressedStrata ?? []
    // Published strata keep their order and are ranked among themselves; suppressed strata
    // follow in design order, so that neither a rank nor a position brackets their prediction.
    let published = strata.filter { !hidden.contains($0.index) }
    for (rank, stratum) in published.enumerated() {
      var row = rows.nestedContainer(keyedBy: StratumKey.self)
      for (variable, code) in zip(variables, stratum.codes) {
        try row.encode(code, forKey: StratumKey(variable))
      }
      try row.encode(stratum.persons, forKey: .persons)
      if family != .gaussian { try row.encode(stratum.cases, forKey: .cases) }
      try row.encode(stratum.observed, forKey: .observed)
      try row.encode(stratum.predicted, forKey: .predicted)
      try row.encode(stratum.predictedInterval, forKey: .interval)
      try row.encode(redaction == nil ? stratum.rank : rank + 1, forKey: .rank)
      if redaction?.mainEffectsWithheld == nil {
        try row.encode(stratum.mainEffectsPredicted, forKey: .mainEffectsPredicted)
        try row.encode(stratum.interaction, forKey: .interaction)
        try row.encode(stratum.interactionInterval, forKey: .interactionInterval)
      }
      try row.encode(stratum.index, forKey: .index)
    }
    for stratum in strata.filter({ hidden.contains($0.index) }).sorted(by: { $0.index < $1.index })
    {
      var row = rows.nestedContainer(keyedBy: StratumKey.self)
      for (variable, code) in zip(variables, stratum.codes) {
        try row.encode(code, forKey: StratumKey(variable))
      }
      if !(redaction?.personsHidden.contains(stratum.index) ?? false) {
        try row.encode(stratum.persons, forKey: .persons)
      }
      try row.encode(true, forKey: .suppressed)
      try row.encode(stratum.index, forKey: .index)
    }
    try container.encode(family, forKey: .family)
    if !covariates.isEmpty { try container.encode(covariates, forKey: .covariates) }
    try container.encode(logLikelihoodScale, forKey: .logLikelihoodScale)
    try container.encode(method, forKey: .method)
    try container.encode(nAGQ, forKey: .nAGQ)
    try container.encode(droppedStrata, forKey: .droppedStrata)
    try container.encode(warnings, forKey: .warnings)
    guard redaction == nil else { return }
    var fits = container.nestedContainer(keyedBy: FitKeys.self, forKey: .fits)
    try fits.encode(nullModel, forKey: .null)
    try fits.encode(mainEffectsModel, forKey: .mainEffects)
  }

  private func encodeModel(
    _ fit: RandomInterceptFit, _ summary: MAIHDAModelSummary,
    in container: inout KeyedEncodingContainer<CodingKeys>, key: CodingKeys,
    extra: (Double?, GroupedAUC?)?, redaction: MAIHDARedaction?
  ) throws {
    var model = container.nestedContainer(keyedBy: ModelKeys.self, forKey: key)
    let variance = summary.randomIntercept
    try model.encode(summary.intercept, forKey: .intercept)
    try model.encode(variance.variance, forKey: .sigma2)
    try model.encodeIfPresent(variance.varianceInterval, forKey: .sigma2Interval)
    try model.encode(variance.vpc, forKey: .vpc)
    try model.encodeIfPresent(variance.vpcInterval, forKey: .vpcInterval)
    try model.encodeIfPresent(variance.medianOddsRatio, forKey: .mor)
    try model.encodeIfPresent(variance.medianOddsRatioInterval, forKey: .morInterval)
    try model.encodeIfPresent(variance.residualVariance, forKey: .residualVariance)
    let measuresWithheld = redaction?.measuresWithheld == true
    if let auc = summary.auc {
      if measuresWithheld {
        try model.encodeNil(forKey: .auc)
      } else {
        try model.encode(auc.auc, forKey: .auc)
        try model.encodeIfPresent(auc.interval, forKey: .aucInterval)
        try model.encodeIfPresent(auc.standardError, forKey: .aucStandardError)
        try model.encode(auc.level, forKey: .aucLevel)
      }
    }
    if !measuresWithheld {
      try model.encode(fit.logLikelihood, forKey: .logLikelihood)
      try model.encode(fit.deviance, forKey: .deviance)
      try model.encode(fit.aic, forKey: .aic)
      try model.encode(fit.bic, forKey: .bic)
    }
    try model.encode(fit.converged, forKey: .converged)
    try model.encode(fit.boundary, forKey: .boundary)
    try model.encode(fit.iterations, forKey: .iterations)
    try model.encode(summary.coefficients, forKey: .coefficients)
    if let (pcv, fixedPart) = extra {
      try model.encodeIfPresent(pcv, forKey: .pcv)
      if !measuresWithheld { try model.encodeIfPresent(fixedPart, forKey: .fixedPartAUC) }
    }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    variables = try container.decode([String].self, forKey: .variables)
    let fits = try container.nestedContainer(keyedBy: FitKeys.self, forKey: .fits)
    nullModel = try fits.decode(RandomInterceptFit.self, forKey: .null)
    let untypedMain = try fits.decode(RandomInterceptFit.self, forKey: .mainEffects)
    let null = try container.nestedContainer(keyedBy: ModelKeys.self, forKey: .nullModel)
    let main = try container.nestedContainer(keyedBy: ModelKeys.self, forKey: .mainEffectsModel)
    nullSummary = try Self.decodeSummary(null, fit: nullModel)
    pcv = try main.decodeIfPresent(Double.self, forKey: .pcv)
    mainEffectsFixedPartAUC = try main.decodeIfPresent(GroupedAUC.self, forKey: .fixedPartAUC)
    family = try container.decodeIfPresent(MixedFamily.self, forKey: .family) ?? .binomial
    covariates = try container.decodeIfPresent([String].self, forKey: .covariates) ?? []
    var rows = try container.nestedUnkeyedContainer(forKey: .strata)
    var strata: [MAIHDAStratum] = []
    while !rows.isAtEnd {
      let row = try rows.nestedContainer(keyedBy: StratumKey.self)
      strata.append(
        MAIHDAStratum(
          index: try row.decode(Int.self, forKey: .index),
          codes: try variables.map { try row.decode(String.self, forKey: StratumKey($0)) },
          persons: try row.decode(Int.self, forKey: .persons),
          cases: try row.decodeIfPresent(Int.self, forKey: .cases) ?? 0,
          observed: try row.decode(Double.self, forKey: .observed),
          predicted: try row.decode(Double.self, forKey: .predicted),
          predictedInterval: try row.decode(ClosedRange<Double>.self, forKey: .interval),
          rank: try row.decode(Int.self, forKey: .rank),
          mainEffectsPredicted: try row.decode(Double.self, forKey: .mainEffectsPredicted),
          interaction: try row.decode(Double.self, forKey: .interaction),
          interactionInterval: try row.decode(
            ClosedRange<Double>.self, forKey: .interactionInterval)))
    }
    self.strata = strata
    mainEffectsModel = untypedMain.replacingModelTerms(
      Self.mainEffectTerms(
        variables: variables, strata: strata, names: untypedMain.coefficientNames,
        covariates: covariates.count))
    mainEffectsSummary = try Self.decodeSummary(main, fit: mainEffectsModel)
    method = try container.decode(MixedModelMethod.self, forKey: .method)
    nAGQ = try container.decode(Int.self, forKey: .nAGQ)
    droppedStrata = try container.decode(Int.self, forKey: .droppedStrata)
    warnings = try container.decode([String].self, forKey: .warnings)
  }

  private static func decodeSummary(
    _ model: KeyedDecodingContainer<ModelKeys>, fit: RandomInterceptFit
  ) throws -> MAIHDAModelSummary {
    MAIHDAModelSummary(
      intercept: try model.decode(Double.self, forKey: .intercept),
      randomIntercept: fit.randomIntercept,
      auc: try model.decodeIfPresent(Double.self, forKey: .auc).map { auc in
        GroupedAUC(
          auc: auc,
          standardError: try model.decodeIfPresent(Double.self, forKey: .aucStandardError),
          level: try model.decode(Double.self, forKey: .aucLevel),
          interval: try model.decodeIfPresent(ClosedRange<Double>.self, forKey: .aucInterval))
      },
      coefficients: fit.coefficientRows(
        level: try model.decode([CoefficientLevel].self, forKey: .coefficients).first?.level
          ?? 0.95))
  }

  /// The confidence level stored with each coefficient row.
  private struct CoefficientLevel: Decodable {
    let level: Double
  }

  /// The typed main-effects columns of `StratumDesign.mainEffects` for decoded strata: the
  /// columns come variable by variable, one per level of the strata other than the reference
  /// (the level of the strata without a column). Each name is matched against the names of the
  /// candidate levels, never split.
  static func mainEffectTerms(
    variables: [String], strata: [MAIHDAStratum], names: [String], covariates: Int = 0
  ) -> [ModelTerm] {
    var terms: [ModelTerm] = names.isEmpty ? [] : [.intercept]
    // Covariates outside the strata come first and stay known by name.
    terms += names.dropFirst().prefix(covariates).map(ModelTerm.untyped)
    var next = terms.count
    for (v, variable) in variables.enumerated() {
      var present: [String] = []
      for stratum in strata where !present.contains(stratum.codes[v]) {
        present.append(stratum.codes[v])
      }
      var coded: [String] = []
      while next < names.count,
        let code = present.first(where: {
          ModelTerm.level(variable, code: $0, reference: nil).name == names[next]
        })
      {
        coded.append(code)
        next += 1
      }
      let reference = present.first { !coded.contains($0) }
      terms += coded.map { .level(variable, code: $0, reference: reference) }
    }
    // Columns not accounted for (a fit of another design) stay known by name only.
    terms += names.dropFirst(terms.count).map(ModelTerm.untyped)
    return terms
  }
}

/// What a published MAIHDA JSON leaves out (disclosure control; the rules are `Analysis`'s
/// `MAIHDADisclosure`). Pass it in the encoder's `userInfo` under ``userInfoKey``.
public struct MAIHDARedaction: Sendable, Equatable {
  /// `MAIHDAStratum.index` of the suppressed strata: only their keys (and `n`) are written.
  public var suppressedStrata: Set<Int>
  /// Strata whose persons (`n`) are left out too.
  public var personsHidden: Set<Int>
  /// Why model 2 is withheld, or nil when it is published.
  public var mainEffectsWithheld: String?
  /// Leave out the models' log-likelihood, deviance, AIC and AUCs (exact functions of every
  /// stratum's cases, the suppressed ones included).
  public var measuresWithheld: Bool

  public init(
    suppressedStrata: Set<Int>, personsHidden: Set<Int>, mainEffectsWithheld: String?,
    measuresWithheld: Bool
  ) {
    self.suppressedStrata = suppressedStrata
    self.personsHidden = personsHidden
    self.mainEffectsWithheld = mainEffectsWithheld
    self.measuresWithheld = measuresWithheld
  }

  /// The `userInfo` key of the redaction.
  public static let userInfoKey = CodingUserInfoKey(rawValue: "strata.maihda.redaction")!
}
