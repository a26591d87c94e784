import RegressionModels

/// Whether a fitted model may be published under a disclosure threshold.
///
/// The rule (issue #10, leak class 5): a binomial model's estimates reproduce the sufficient
/// statistics of its design (see ``DesignCounts``): for every 0/1 column, the cases in the
/// column's cells, and through the intercept the cases outside them. With a public population
/// the fitted probabilities times the population give the counts back exactly; a saturated
/// model (`misstankt ~ fodelseregion * kon`) gives every cell. So a model is **withheld** when
/// any of these counts lies in 1 … threshold − 1:
///
/// - the cases of an indicator column, or of its complement (all cases minus them);
/// - all cases;
/// - for person-level data (no population, the non-cases are persons of the data too): the same
///   for the non-cases.
///
/// A withheld model keeps what does not depend on the outcome (`n`, term names, convergence)
/// and shows no coefficient, interval, odds ratio, fitted value, marginal effect, deviance or
/// log-likelihood. A true zero (a column without cases) is not small: it is published as the
/// zero it is, like a count of 0 in a table. Numeric columns (age in years) are not counts and
/// are not checked; their statistic Σ xᵢ yᵢ is a sum of values. Threshold 0 publishes everything
/// (internal output).
///
/// MAIHDA's main-effects model reproduces the same statistics of its fixed part approximately
/// (the fixed-effect score equations of a random-intercept model, Σⱼ xⱼ(yⱼ − E[nⱼμⱼ | y]) = 0,
/// hold for the conditional expectations, not the cases); the rule is applied to it unchanged,
/// which errs on the safe side.
public struct ModelDisclosure: Sendable, Equatable {
  /// A count the model would reveal.
  public struct Revealed: Sendable, Equatable {
    /// The column (`.intercept` for all persons).
    public var term: ModelTerm
    /// Whether the count is outside the column's cells (all cases minus the column's).
    public var complement: Bool
  }

  /// The threshold applied (0: none).
  public var threshold: Int
  /// The small counts the model would reveal; empty when it may be published.
  public var revealed: [Revealed]

  /// Whether the model is withheld.
  public var withheld: Bool { !revealed.isEmpty }

  /// A model that is published (threshold 0, or nothing to check).
  public static func published(threshold: Int) -> ModelDisclosure {
    ModelDisclosure(threshold: threshold, revealed: [])
  }

  /// Applies the rule to a design's counts.
  ///
  /// - Parameters:
  ///   - counts: the sufficient statistics of the design.
  ///   - threshold: counts from 1 to `threshold` − 1 are protected; 0 turns the check off.
  ///   - nonCasesArePersons: whether the non-cases are persons of the data (person-level fits)
  ///     rather than a public population minus the cases.
  public static func check(_ counts: DesignCounts, threshold: Int, nonCasesArePersons: Bool)
    -> ModelDisclosure
  {
    guard threshold > 0 else { return .published(threshold: threshold) }
    func small(_ count: Double) -> Bool { count > 0.5 && count < Double(threshold) - 0.5 }
    func small(_ cases: Double, _ nonCases: Double) -> Bool {
      small(cases) || (nonCasesArePersons && small(nonCases))
    }
    var revealed: [Revealed] = []
    if small(counts.cases, counts.nonCases) {
      revealed.append(Revealed(term: .intercept, complement: false))
    }
    for column in counts.columns {
      if small(column.cases, column.nonCases) {
        revealed.append(Revealed(term: column.term, complement: false))
      }
      if small(counts.cases - column.cases, counts.nonCases - column.nonCases) {
        revealed.append(Revealed(term: column.term, complement: true))
      }
    }
    return ModelDisclosure(threshold: threshold, revealed: revealed)
  }

  /// The rule applied to a GLM fit (published when it is not binomial).
  public static func check(_ fit: GLMFit, threshold: Int, nonCasesArePersons: Bool)
    -> ModelDisclosure
  {
    guard let counts = fit.designCounts else { return .published(threshold: threshold) }
    return check(counts, threshold: threshold, nonCasesArePersons: nonCasesArePersons)
  }
}
