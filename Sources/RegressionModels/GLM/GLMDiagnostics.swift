/// What went right and wrong in a fit, for the analyst: aliased terms, separation, fitted
/// probabilities at the boundary, and the factorisation used.
///
/// Failure behaviour, decided up front: rank deficiency, separation and non-convergence do not
/// throw. Aliased coefficients are `nil` (R's `NA`, JSON `null`) and named here; separation is
/// detected and named here (refit with `method: .firth` for finite estimates); a fit that did
/// not converge is returned with `converged == false` and a warning, so the analyst can see the
/// last iterate (R's `glm` does the same with a warning). Only a non-finite deviance that
/// step-halving cannot repair throws `ModelError.didNotConverge`.
public struct GLMDiagnostics: Sendable, Equatable {
  /// Names of aliased (linearly dependent) coefficients, dropped from the fit.
  public let aliased: [String]
  /// The result of the separation check, when it ran.
  public let separation: SeparationReport?
  /// Rows whose fitted probability is within 10 ε of 0 or 1 (R's warning "fitted probabilities
  /// numerically 0 or 1 occurred").
  public let boundaryFits: Int
  /// The factorisation that solved the last step.
  public let factorization: GLMOptions.Factorization
  /// The number of covariate patterns, when 0/1 rows were collapsed.
  public let collapsedPatterns: Int?
  /// Warnings in the order they arose.
  public let warnings: [String]
}
