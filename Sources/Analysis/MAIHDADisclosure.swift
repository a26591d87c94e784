import RegressionModels

/// Which figures of a MAIHDA may be published under a disclosure threshold (issue #10, leak
/// class 3).
///
/// **The leak.** Model 1's conditional mode ûⱼ of a stratum solves (Laplace; nearly so with
/// quadrature)
/// ```
/// yⱼ − nⱼ logit⁻¹(β̂₀ + ûⱼ) − ûⱼ / σ̂² = 0   ⇒   yⱼ = nⱼ p̂ⱼ + (logit p̂ⱼ − β̂₀) / σ̂²
/// ```
/// so the stratum's prediction p̂ⱼ with β̂₀, σ̂² and nⱼ gives its cases back. Model 2's ûⱼ and
/// xⱼβ̂ do the same.
///
/// **The rule.**
/// 1. *Primary*: a stratum whose cases or persons lie in 1 … threshold − 1 is suppressed; for
///    person-level data (the persons are not a public population) also one whose non-cases do.
/// 2. *Secondary*: when a single stratum is suppressed, the stratum with the fewest cases (at
///    least one, so that the reader's knowledge "a suppressed count is ≥ 1" holds) is
///    suppressed too; the same for the persons hidden.
///    For every family the same rules hold; for a Gaussian outcome the disclosed quantity is the
///    stratum's n (its mean, given back by the prediction, identifies persons of a small
///    stratum), so the secondary stratum is the one with the fewest persons.
/// 3. A suppressed stratum shows its keys and, unless its persons are small, `n`; no cases,
///    observed or predicted proportion, interval, main-effects prediction or interaction, and it
///    is not drawn. Every per-stratum array of the fits (modes, linear predictors, fitted
///    probabilities, variances) is left out of the published JSON.
/// 4. While any stratum is suppressed, the sums over strata are withheld: the total of cases
///    (the summary's counts, `population.cases`, the fits' `case_count`, the caterpillar's
///    reference line), and the total of persons when some persons are hidden.
/// 5. Model 2 (the main effects) is withheld when ``ModelDisclosure`` withholds its design: a
///    level's cases (or those outside it) in 1 … threshold − 1 would be reproduced by its fixed
///    effects.
///
/// **Why what remains does not pin a suppressed stratum.** The mode equation needs the
/// stratum's own p̂ⱼ (or ûⱼ), which is withheld. The other published quantities constrain the
/// suppressed strata only jointly: the β₀ score equation makes Σⱼ ûⱼ ≈ 0, hence fixes the *sum*
/// of the withheld modes, and, had it been published, the total of cases would fix the sum of
/// their cases. With at least two suppressed strata and neither sum of cases published, a
/// one-parameter family of (ûₖ, ûₘ) — each with its own cases through the mode equation — fits
/// every published figure, so each stratum's cases range over an interval rather than one value.
/// The σ̂² equation (σ̂² ≈ mean of ûⱼ² + conditional variances) and the AUC are approximate
/// relations (Laplace error, convergence tolerance, rounding of printed values) that narrow this
/// family only when very few strata are suppressed: the rule is a safeguard for the exact
/// recoveries of the old output, not a proof against every approximate inference (see issue
/// #10 for the integer-programming audit that is to check the whole report).
///
/// Threshold 0 publishes everything (internal output).
public struct MAIHDADisclosure: Sendable, Equatable {
  /// The threshold (0: off).
  public let threshold: Int
  /// `MAIHDAStratum.index` of the strata below the threshold (primary suppression).
  public let primary: Set<Int>
  /// Every suppressed stratum (primary and secondary).
  public let suppressed: Set<Int>
  /// Strata whose persons are not shown either.
  public let personsHidden: Set<Int>
  /// Model 2's disclosure check on its main-effects design.
  public let mainEffects: ModelDisclosure

  /// Whether the total of cases is withheld although no stratum is (linked suppression).
  public var totalWithheldByLinking = false

  /// Whether the total of cases over the strata is withheld.
  public var totalCasesWithheld: Bool { !suppressed.isEmpty || totalWithheldByLinking }
  /// Whether the total of persons over the strata is withheld.
  public var totalPersonsWithheld: Bool { !personsHidden.isEmpty }
  /// Whether model 2 is withheld.
  public var mainEffectsWithheld: Bool { mainEffects.withheld }

  /// Applies the rule to a result.
  ///
  /// - Parameters:
  ///   - result: the fitted MAIHDA.
  ///   - threshold: counts from 1 to `threshold` − 1 are protected; 0 turns control off.
  ///   - nonCasesArePersons: whether the persons are persons of the data (person-level input)
  ///     rather than a public population.
  ///   - alsoSuppressed: strata to suppress beyond the rule (linked suppression: the report's
  ///     other tables of the same file would reveal them).
  ///   - totalWithheld: withhold the total of cases even when no stratum is suppressed.
  public init(
    _ result: MAIHDAResult, threshold: Int, nonCasesArePersons: Bool,
    alsoSuppressed: Set<Int> = [], totalWithheld: Bool = false
  ) {
    self.threshold = threshold
    guard threshold > 0 else {
      primary = []
      suppressed = []
      personsHidden = []
      mainEffects = .published(threshold: 0)
      return
    }
    func small(_ count: Int) -> Bool { count > 0 && count < threshold }
    let strata = result.strata
    let primary = Set(
      strata.filter {
        small($0.cases) || small($0.persons)
          || (nonCasesArePersons && small($0.persons - $0.cases))
      }.map(\.index))
    totalWithheldByLinking = totalWithheld
    var suppressed = primary.union(alsoSuppressed)
    // The disclosed count of a stratum: its cases, or for a Gaussian outcome (whose stratum
    // mean is sensitive) its persons.
    let count: (MAIHDAStratum) -> Int =
      result.family == .gaussian ? { $0.persons } : { $0.cases }
    if suppressed.count == 1,
      let next = strata.filter({ !suppressed.contains($0.index) && count($0) > 0 })
        .min(by: { (count($0), $0.index) < (count($1), $1.index) })
    {
      suppressed.insert(next.index)
    }
    var personsHidden = Set(strata.filter { small($0.persons) }.map(\.index))
    if personsHidden.count == 1,
      let next = strata.filter({
        suppressed.contains($0.index) && !personsHidden.contains($0.index)
      }
      ).min(by: { ($0.persons, $0.index) < ($1.persons, $1.index) })
    {
      personsHidden.insert(next.index)
    }
    self.primary = primary
    self.suppressed = suppressed
    self.personsHidden = personsHidden
    mainEffects = ModelDisclosure.check(
      Self.mainEffectsCounts(result), threshold: threshold,
      nonCasesArePersons: nonCasesArePersons)
  }

  /// The sufficient statistics of model 2's fixed part: cases and non-cases per column of the
  /// main-effects design (one column per level other than the reference), from the strata.
  static func mainEffectsCounts(_ result: MAIHDAResult) -> DesignCounts {
    var columns: [DesignCounts.Column] = []
    for term in result.mainEffectsModel.modelTerms where term != .intercept {
      let levels = term.factorLevels
      guard !levels.isEmpty, levels.count == term.components.count else { continue }
      var cases = 0
      var nonCases = 0
      for stratum in result.strata
      where levels.allSatisfy({ level in
        result.variables.firstIndex(of: level.variable).map { stratum.codes[$0] == level.code }
          ?? false
      }) {
        cases += stratum.cases
        nonCases += stratum.persons - stratum.cases
      }
      columns.append(.init(term: term, cases: Double(cases), nonCases: Double(nonCases)))
    }
    let cases = result.strata.reduce(0) { $0 + $1.cases }
    let persons = result.strata.reduce(0) { $0 + $1.persons }
    return DesignCounts(
      columns: columns, cases: Double(cases), nonCases: Double(persons - cases))
  }
}

extension MAIHDAAnalysisResult {
  /// What the publication may show (``MAIHDADisclosure``) under the request's threshold.
  public var disclosure: MAIHDADisclosure {
    MAIHDADisclosure(
      result, threshold: request.suppress, nonCasesArePersons: request.population == nil,
      alsoSuppressed: linkedSuppressed, totalWithheld: linkedTotalWithheld)
  }
}
