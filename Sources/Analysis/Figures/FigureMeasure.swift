/// A figure an analysis publishes, by name: what a recipe's `expect:` compares with a published
/// value, and what `FigureSource.figure(_:at:)` looks up in a typed result.
///
/// The names are the recipe's vocabulary (they agree with the contract JSON's keys, but a
/// lookup never reads JSON: renaming a key of the JSON cannot break a check). An interval's
/// ends are `rate_ci.0` and `rate_ci.1`; MAIHDA's model measures are `null_model.vpc`,
/// `main_effects_model.sigma2` and so on.
public enum FigureMeasure: String, Sendable, Hashable, CaseIterable, Codable {
  // Counts, rates and shares of cells, groups and margins.
  case count, population, rate, percent
  case rateLower = "rate_ci.0"
  case rateUpper = "rate_ci.1"
  case representationRatio = "representation_ratio"
  case representationLower = "representation_ci.0"
  case representationUpper = "representation_ci.1"
  case populationShare = "population_share"
  case countShare = "count_share"
  case persons, suspects, repeaters, recidivists, censored
  case share
  case shareLower = "share_ci.0"
  case shareUpper = "share_ci.1"
  case km
  case kmLower = "km_ci.0"
  case kmUpper = "km_ci.1"
  case total
  // Model coefficients (cell `{term: "kon: 1"}`) and fits.
  case estimate
  case standardError = "std_error"
  case z
  case pValue = "p_value"
  case oddsRatio = "odds_ratio"
  case lower = "ci.0"
  case upper = "ci.1"
  case n, deviance, aic, bic
  case nullDeviance = "null_deviance"
  case logLikelihood = "log_likelihood"
  // MAIHDA: the strata (cell = the stratum's codes) and the two models.
  case cases, observed, predicted, interaction
  case nullIntercept = "null_model.intercept"
  case nullSigma2 = "null_model.sigma2"
  case nullVPC = "null_model.vpc"
  case nullMOR = "null_model.mor"
  case nullAUC = "null_model.auc"
  case mainSigma2 = "main_effects_model.sigma2"
  case mainVPC = "main_effects_model.vpc"
  case mainMOR = "main_effects_model.mor"
  case mainAUC = "main_effects_model.auc"
  case pcv = "main_effects_model.pcv"

  /// The measure a recipe names, or `nil`; `suggestions(for:)` lists near names.
  public init?(name: String) { self.init(rawValue: name) }

  /// Every name a recipe may write.
  public static var names: [String] { allCases.map(\.rawValue) }
}

/// A variable and its code, e.g. `kon = 2`; a model term is `term = "kon: 1"`, a share's
/// numerator `numerator = aterfall_1ar`.
public struct CellCoordinate: Sendable, Equatable, Hashable {
  public var variable: String
  public var code: String

  public init(variable: String, code: String) {
    self.variable = variable
    self.code = code
  }
}

/// What a lookup of a published figure found.
public enum FigureLookup: Sendable, Equatable {
  case value(Double)
  /// The cell exists but disclosure control suppressed it.
  case suppressed
  /// Nothing matched; the sentence says what is there instead.
  case notFound(String)
}

/// A typed result whose published figures can be looked up by cell and measure.
public protocol FigureSource {
  /// The value of `measure` in the cell `cell`; an empty cell is the whole analysis (its total,
  /// or a model's fit statistics).
  func figure(_ measure: FigureMeasure, at cell: [CellCoordinate]) -> FigureLookup
}
