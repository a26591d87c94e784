/// Options for fitting a random-intercept logistic model (`RandomInterceptLogit.fit`) and the two
/// MAIHDA models (`MAIHDA.fit`).
///
/// ```swift
/// var options = MixedModelOptions()      // Laplace, 95 % profile intervals
/// options.nAGQ = 10                      // adaptive Gauss–Hermite quadrature, 10 nodes
/// ```
public struct MixedModelOptions: Sendable, Equatable, Codable {
  /// Number of adaptive Gauss–Hermite quadrature nodes per stratum, 1…25 (default 1).
  ///
  /// 1 is the Laplace approximation (lme4's `nAGQ = 1`, the default of `glmer`); 2…25 integrate
  /// each stratum's random effect with a rule centred at its conditional mode and scaled by the
  /// conditional curvature, as `glmer(nAGQ = k)` does for a single scalar random effect. With
  /// large strata the two agree closely; with small strata or rare outcomes quadrature is the
  /// more accurate.
  public var nAGQ: Int
  /// Convergence tolerance on the Newton decrement ∇ℓᵀ(−∇²ℓ)⁻¹∇ℓ / 2, the predicted gain in
  /// log-likelihood of one more step (default 1e-10).
  public var tolerance: Double
  /// The largest number of Newton iterations for each maximisation (default 100).
  public var maxIterations: Int
  /// The confidence level of the profile-likelihood interval for σ_u (and so for σ²_u, the VPC
  /// and the MOR), of Wald intervals for fixed effects, of stratum predictions and of the AUC
  /// (default 0.95).
  public var confidenceLevel: Double
  /// Whether to compute the profile-likelihood interval for σ_u (default true; it costs a few
  /// one-dimensional root searches, each maximising over β).
  public var profileInterval: Bool
  /// θ = σ_u below this is reported as a boundary (singular) fit, like lme4's
  /// `isSingular(tol = 1e-4)` (default 1e-4). An estimate of exactly 0 is always a boundary fit.
  public var singularTolerance: Double

  public init(
    nAGQ: Int = 1, tolerance: Double = 1e-10, maxIterations: Int = 100,
    confidenceLevel: Double = 0.95, profileInterval: Bool = true, singularTolerance: Double = 1e-4
  ) {
    self.nAGQ = nAGQ
    self.tolerance = tolerance
    self.maxIterations = maxIterations
    self.confidenceLevel = confidenceLevel
    self.profileInterval = profileInterval
    self.singularTolerance = singularTolerance
  }

  /// The estimation method the options select.
  public var method: MixedModelMethod { nAGQ == 1 ? .laplace : .adaptiveGaussHermite }

  /// Checks the values.
  /// - Throws: `ModelError.invalidOption` naming the offending option.
  func validate() throws(ModelError) {
    guard (1...25).contains(nAGQ) else {
      throw .invalidOption("nAGQ must be between 1 and 25, got \(nAGQ)")
    }
    guard tolerance > 0, tolerance.isFinite else {
      throw .invalidOption("the tolerance must be a positive number, got \(tolerance)")
    }
    guard maxIterations >= 1 else {
      throw .invalidOption("maxIterations must be at least 1, got \(maxIterations)")
    }
    guard confidenceLevel > 0, confidenceLevel < 1 else {
      throw .invalidOption(
        "the confidence level must lie strictly between 0 and 1, got \(confidenceLevel)")
    }
    guard singularTolerance >= 0, singularTolerance.isFinite else {
      throw .invalidOption("singularTolerance must be ≥ 0, got \(singularTolerance)")
    }
  }
}

/// How the marginal likelihood is approximated.
public enum MixedModelMethod: String, Sendable, Codable, CaseIterable {
  /// The Laplace approximation (one quadrature node).
  case laplace
  /// Adaptive Gauss–Hermite quadrature with `nAGQ` nodes.
  case adaptiveGaussHermite = "aghq"
  /// A Gaussian model by restricted maximum likelihood (exact, no approximation).
  case reml
  /// A Gaussian model by maximum likelihood (exact).
  case ml
}
