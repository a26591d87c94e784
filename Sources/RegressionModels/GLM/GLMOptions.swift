/// Every choice of a GLM fit, with R's defaults. Functions that fit take one of these
/// (``GLM/fit(formula:data:options:)``, ``GLM/fit(x:y:trials:weights:clusters:options:)``).
///
/// ```swift
/// var options = GLMOptions()
/// options.reference = ["kon": "2"]
/// options.covariance = .hc1
/// let fit = try GLM.fit(formula: f, data: data, options: options)
/// ```
public struct GLMOptions: Sendable, Equatable {
  /// The response distribution. Default `.binomial`.
  public var family: Family = .binomial
  /// The link; `nil` (default) for the family's canonical link.
  public var link: Link? = nil
  /// The negative binomial's θ held fixed (MASS's `negative.binomial(theta)`); `nil` (default)
  /// estimates it by maximum likelihood, as `MASS::glm.nb`. Ignored by the other families.
  public var theta: Double? = nil
  /// Maximum likelihood by IRLS (default) or Firth's penalised likelihood.
  public var method: Method = .irls
  /// How each weighted least-squares step is solved. Default `.cholesky`.
  public var factorization: Factorization = .cholesky
  /// The most IRLS iterations (R's `glm.control(maxit = 25)`).
  public var maxIterations: Int = 25
  /// Convergence when `|dev − devold| / (|dev| + 0.1) < epsilon` (R's `glm.control(epsilon = 1e-8)`).
  public var epsilon: Double = 1e-8
  /// Step-halving stops when the step has been halved to this fraction (GLM.jl's `minstepfac`).
  public var minimumStepFactor: Double = 0.001
  /// Fit on covariate patterns (successes, trials) when every predictor is categorical or takes
  /// few distinct values. Estimates, standard errors, deviance differences and the reported
  /// individual-level statistics are the same as without collapsing. Default `true`.
  public var collapse: Bool = true
  /// Reference levels by variable (`["kon": "2"]`); otherwise the first level present.
  public var reference: [String: String] = [:]
  /// A numeric column of prior (frequency) weights; `nil` for none.
  public var weights: String? = nil
  /// A variable identifying clusters, needed for `.cluster` covariance.
  public var cluster: String? = nil
  /// The covariance behind `standardErrors` and the default coefficient table. Default `.model`.
  public var covariance: CovarianceType = .model
  /// The confidence level of intervals. Default 0.95.
  public var level: Double = 0.95
  /// When to look for separation by linear programming. Default `.automatic`.
  public var separationCheck: SeparationCheck = .automatic
  /// The most columns a model matrix may have (default 2 000). The fit is refused, naming the
  /// largest terms, before the matrix is built: each IRLS step costs about n·p² for XᵀWX and p³
  /// for its factorisation, which at p = 2 000 is seconds, at p = 10 000 (one coefficient per
  /// person) minutes. A design is also refused when it has more than twice as many columns as
  /// observations (rows, or covariate patterns when collapsed).
  public var maximumColumns: Int = 2_000
  /// The most memory a dense model matrix may take, in bytes (default 2 GiB: 10 million rows
  /// of 26 columns). Larger designs are refused before allocation; a collapsed fit needs only
  /// one row per covariate pattern.
  public var maximumDesignBytes: Int = 2 << 30

  public init() {}

  /// The estimation method.
  public enum Method: String, Sendable, Equatable, CaseIterable, Codable {
    /// Maximum likelihood by iteratively reweighted least squares (R's `glm`).
    case irls
    /// Firth's penalised likelihood (`logistf`, `brglm2` with `type = "AS_mean"`); logit link only.
    case firth
  }

  /// The factorisation that solves each weighted least-squares problem.
  public enum Factorization: String, Sendable, Equatable, CaseIterable, Codable {
    /// Cholesky of XᵀWX (built with `dsyrk`), falling back to `.qr` when the design is (nearly)
    /// rank deficient or the Cholesky fails. Fast; the default.
    case cholesky
    /// R's pivoted QR of W^½X each iteration (`dqrdc2` pivoting, tolerance min(1e-7, ε/1000)).
    case qr
  }

  /// When to run the linear-programming check for separation.
  public enum SeparationCheck: String, Sendable, Equatable, CaseIterable, Codable {
    /// When the design has at most 200 000 distinct rows, or the fit shows fitted probabilities
    /// of 0 or 1 or did not converge.
    case automatic
    /// Always.
    case always
    /// Never (no `separation` diagnostics).
    case never
  }

  /// The link in use.
  public var resolvedLink: Link { link ?? family.canonicalLink }
}

/// Which covariance matrix of the coefficients.
public enum CovarianceType: String, Sendable, Equatable, CaseIterable, Codable {
  /// The inverse Fisher information `(XᵀWX)⁻¹` (R's `vcov`).
  case model
  /// White's heteroskedasticity-consistent sandwich (`sandwich::vcovHC(type = "HC0")`).
  case hc0
  /// HC0 × n/(n − k) (`sandwich::vcovHC(type = "HC1")`, Stata's `vce(robust)`).
  case hc1
  /// Cluster-robust with the adjustment `G/(G−1)` (`sandwich::vcovCL`'s default for a glm, and
  /// Stata's `vce(cluster)` for maximum-likelihood models).
  case cluster
}
