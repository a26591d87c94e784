/// Named tolerances for comparing estimates with reference implementations. Each says why.
public enum Tolerance {
  /// Closed-form linear algebra (a solve, a factorisation) against hand-checked values:
  /// only rounding error of a few operations separates the two.
  public static let closedForm = 1e-12
  /// Counts and rates: exact integer arithmetic followed by one division.
  public static let countsAndRates = 1e-9
  /// IRLS coefficients and standard errors against an independent implementation (R's glm):
  /// both stop at a deviance change of 1e-8, which leaves coefficient differences far below this.
  public static let coefficients = 1e-6
  /// Deviance and log-likelihood (GLM.jl uses rtol = 1e-7 for these).
  public static let deviance = 1e-7
  /// Test statistics and p-values from special functions (incomplete gamma/beta).
  public static let testStatistics = 1e-6
  /// Profile-likelihood intervals and Firth estimates: root-finding on a profile.
  public static let profile = 1e-4
  /// Mixed-model variance components and fixed effects against lme4 (optimiser tolerances differ).
  public static let mixedModel = 1e-4
}
