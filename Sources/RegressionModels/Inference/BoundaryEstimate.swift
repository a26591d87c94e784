/// Whether an estimated coefficient is a number with meaning or the trace of a separated or
/// boundary fit: when the outcome is (almost) absent or universal in a group, maximum
/// likelihood drives the coefficient towards ±∞ and the iterations stop at some large value
/// with a huge standard error (an odds ratio of 837 387 472 with SE 25 399, or 0.00000003).
///
/// Such an estimate is published as "–" with a note; the JSON keeps the number and says
/// `"separation": true` for the term.
public enum BoundaryEstimate {
  /// |β̂| above this is taken as diverging (exp(12) ≈ 163 000).
  public static let maximumAbsoluteEstimate = 12.0
  /// A standard error above this is taken as diverging.
  public static let maximumStandardError = 50.0

  /// Whether `estimate` with `standardError` is the trace of a separated or boundary fit:
  /// |β̂| > 12, SE > 50, or either not finite.
  public static func isBoundary(estimate: Double, standardError: Double) -> Bool {
    !estimate.isFinite || !standardError.isFinite || abs(estimate) > maximumAbsoluteEstimate
      || standardError > maximumStandardError
  }
}

extension GLMFit {
  /// The terms whose estimates have no meaning: those with |β̂| > 12 or SE > 50
  /// (``BoundaryEstimate``), and, for a maximum-likelihood fit, those the separation check finds
  /// infinite (Firth's penalised estimates stay finite under separation, so for a Firth fit only
  /// the size rule applies). The intercept is included when it diverges.
  public var separatedTerms: Set<ModelTerm> {
    var terms: Set<ModelTerm> = []
    if method != .firth, let separation = diagnostics.separation {
      for (j, direction) in separation.directions.enumerated()
      where direction != 0 && j < modelTerms.count {
        terms.insert(modelTerms[j])
      }
    }
    for (j, term) in modelTerms.enumerated() {
      guard let estimate = coefficients[j], let se = standardErrors[j] else { continue }
      if BoundaryEstimate.isBoundary(estimate: estimate, standardError: se) {
        terms.insert(term)
      }
    }
    return terms
  }
}
