import Foundation
import Microdata
import RegressionModels
import Tabulation

/// Intersectional MAIHDA: null and main-effects random-intercept models over the strata of the
/// given variables. Behind `strata maihda` and a recipe's `maihda` entries.
///
/// Two ways to get persons and cases per stratum:
/// - with `population`: cases are the distinct persons (`lopnr`) of `data` in the stratum (after
///   `filter`, e.g. one offence type), persons the population's `antal` summed over the stratum;
/// - with `outcome`: `data` is person-level (one row per person) and the condition marks the
///   cases, e.g. `antal_misstankar >= 2` among suspects.
///
/// The outcome's family (`family`): `binomial` (cases among persons, or `outcome` successes
/// out of `trials` per row), `poisson` (with `population`: cases against the stratum's
/// population as exposure, log(population) the offset; else `outcome` names a count column and
/// `trials` an optional exposure column) or `gaussian` (`outcome` names a numeric column; REML,
/// or ML with `ml`). `covariates` are categorical fixed effects outside the strata in both
/// models; `weight` a column of frequency weights (person-level data).
///
/// Disclosure control (`suppress`) applies to every published format, JSON included: see
/// ``MAIHDADisclosure`` for the rules (a stratum with persons or cases from 1 to `suppress` − 1
/// is suppressed, with secondary suppression and withheld totals). The result itself keeps
/// every number; `suppress` 0 publishes them (internal output).
public struct MAIHDARequest: Sendable, Codable {
  public var data: DataInput
  public var filter: String?
  public var strata: [String]
  /// Persons in `data` per stratum against this population (cases = suspects).
  public var population: DataInput?
  /// A filter for the population file (e.g. `alder >= 18`), applied before counting.
  public var populationFilter: String?
  /// Outcome condition for person-level data, e.g. `antal_misstankar >= 2`.
  public var outcome: String?
  /// binomial (default), poisson or gaussian.
  public var family: MixedFamily = .binomial
  /// Gaussian: maximum likelihood instead of REML.
  public var ml = false
  /// Categorical fixed effects that are not stratum variables (lme4's `y ~ period + (1 | s)`).
  public var covariates: [String] = []
  /// A column of trials (binomial) or exposure (Poisson) per row of person-level data.
  public var trials: String?
  /// A column of frequency weights per row of person-level data.
  public var weight: String?
  public var nAGQ: Int = 1
  public var level: Double = 0.95
  public var suppress: Int = 5
  public var title: String?
  public var language: Language = .sv

  public init(
    data: DataInput,
    filter: String? = nil,
    strata: [String],
    population: DataInput? = nil,
    populationFilter: String? = nil,
    outcome: String? = nil,
    family: MixedFamily = .binomial,
    ml: Bool = false,
    covariates: [String] = [],
    trials: String? = nil,
    weight: String? = nil,
    nAGQ: Int = 1,
    level: Double = 0.95,
    suppress: Int = 5,
    title: String? = nil,
    language: Language = .sv
  ) {
    self.data = data
    self.filter = filter
    self.strata = strata
    self.population = population
    self.populationFilter = populationFilter
    self.outcome = outcome
    self.family = family
    self.ml = ml
    self.covariates = covariates
    self.trials = trials
    self.weight = weight
    self.nAGQ = nAGQ
    self.level = level
    self.suppress = suppress
    self.title = title
    self.language = language
  }

  /// Checks the options that need no file.
  public func validate() throws {
    func invalid(_ why: String) -> InputError { .invalidOptions(why) }
    guard !strata.isEmpty else {
      throw invalid("--strata needs at least one variable, e.g. --strata kon,aldersgrupp.")
    }
    guard Set(strata).count == strata.count else {
      throw invalid("--strata names a variable twice.")
    }
    guard population != nil || outcome != nil else {
      throw invalid(
        "Give --population POP (cases are the persons of DATA) or --outcome EXPR (person-level DATA)."
      )
    }
    if populationFilter != nil && population == nil {
      throw invalid("--population-filter needs --population.")
    }
    guard (1...25).contains(nAGQ) else { throw invalid("--nagq must be between 1 and 25.") }
    guard Set(covariates).isDisjoint(with: strata), Set(covariates).count == covariates.count
    else {
      throw invalid("--covariates names a stratum variable or a variable twice.")
    }
    if population != nil && (trials != nil || weight != nil) {
      throw invalid(
        "--trials and --weight describe rows of person-level or grouped data; they cannot be combined with --population."
      )
    }
    if family == .gaussian {
      guard population == nil, outcome != nil else {
        throw invalid(
          "--family gaussian needs --outcome COLUMN, a numeric variable of person-level DATA (not --population)."
        )
      }
      if trials != nil { throw invalid("--trials needs --family binomial or poisson.") }
      if nAGQ != 1 { throw invalid("--nagq applies to --family binomial and poisson.") }
    } else if ml {
      throw invalid("--ml applies to --family gaussian (the others are always ML).")
    }
    guard level > 0 && level < 1 else {
      throw invalid("--level must lie strictly between 0 and 1, e.g. 0.95.")
    }
    try InputError.checkSuppression(suppress)
  }

  public func run() throws -> MAIHDAAnalysisResult {
    try validate()
    try preflightRows()
    let loaded = try data.load(filter: filter)
    var counted =
      population == nil
      ? (usesRowValues ? try countRows(loaded) : try countOutcome(loaded))
      : try countAgainstPopulation(loaded)
    counted.warnings = loaded.warnings + counted.warnings
    let options = MixedModelOptions(nAGQ: nAGQ, confidenceLevel: level)
    let result = try MAIHDA.fit(
      strata: counted.data, family: family, restricted: !ml, options: options)
    let warnings = counted.warnings + result.warnings
    return MAIHDAAnalysisResult(
      request: self, result: result, counted: counted, warnings: warnings)
  }
}

/// A finished MAIHDA: both models and the strata, with how persons and cases were counted.
public struct MAIHDAAnalysisResult: Sendable {
  /// What was asked.
  public var request: MAIHDARequest
  /// The null and main-effects models and the stratum table.
  public var result: MAIHDAResult
  /// Persons and cases per stratum, what a case is, and what was left out.
  public var counted: CountedStrata
  /// The data's and the model's warnings.
  public var warnings: [String]
  /// Strata (`MAIHDAStratum.index`) suppressed beyond ``MAIHDADisclosure``'s own rule because
  /// the report's other tables of the same file would reveal them (``LinkedTabulations``).
  public var linkedSuppressed: Set<Int> = []
  /// Whether linked suppression withholds the total of cases.
  public var linkedTotalWithheld = false
}
