import Foundation
import RealModule

/// The distribution of the response of a generalised linear model.
///
/// Formulas as R's `binomial()` and `poisson()` family objects and MASS's
/// `negative.binomial(theta)` (deviance residuals, variance, starting values), so that fits
/// agree with R's `glm` and `MASS::glm.nb` to the last digits.
///
/// The negative binomial's shape θ is a parameter of every function below; the other families
/// ignore it (pass `.infinity`, the Poisson limit of the negative binomial).
public enum Family: String, Sendable, Equatable, CaseIterable, Codable {
  /// Binomial: y is a proportion of `m` trials (0/1 for one trial).
  case binomial
  /// Poisson: y is a count.
  case poisson
  /// Negative binomial (NB2) with shape θ: y is a count with variance μ + μ²/θ. Stata's
  /// `nbreg` reports α = 1/θ.
  case negativeBinomial = "negbin"

  /// The canonical link (`.binomial.canonicalLink == .logit`); the log link for the negative
  /// binomial (as `glm.nb` and `nbreg`; its canonical link log(μ/(μ + θ)) is not used).
  public var canonicalLink: Link {
    switch self {
    case .binomial: return .logit
    case .poisson, .negativeBinomial: return .log
    }
  }

  /// Whether the response is a count (Poisson, negative binomial).
  public var isCount: Bool { self != .binomial }

  /// The variance function V(μ):
  /// ```
  /// binomial μ(1 − μ),   poisson μ,   negative binomial μ + μ²/θ
  /// ```
  @inline(__always)
  func variance(_ mu: Double, theta: Double) -> Double {
    switch self {
    case .binomial: return mu * (1 - mu)
    case .poisson: return mu
    case .negativeBinomial: return mu + mu * mu / theta
    }
  }

  /// One deviance residual squared, with prior weight m:
  /// ```
  /// binomial:  2m [y log(y/μ) + (1−y) log((1−y)/(1−μ))]
  /// poisson:   2m [y log(y/μ) − (y − μ)]
  /// negbin:    2m [y log(max(1, y)/μ) − (y + θ) log((y + θ)/(μ + θ))]
  /// ```
  @inline(__always)
  func unitDeviance(y: Double, mu: Double, weight m: Double, theta: Double) -> Double {
    switch self {
    case .binomial:
      if y == 0 { return -2 * m * Double.log(onePlus: -mu) }
      if y == 1 { return -2 * m * Foundation.log(mu) }
      return 2 * m * (y * Foundation.log(y / mu) + (1 - y) * Foundation.log((1 - y) / (1 - mu)))
    case .poisson:
      let term = y > 0 ? y * Foundation.log(y / mu) : 0
      return 2 * m * (term - (y - mu))
    case .negativeBinomial:
      let term = y > 0 ? y * Foundation.log(max(1, y) / mu) : 0
      return 2 * m * (term - (y + theta) * Foundation.log((y + theta) / (mu + theta)))
    }
  }

  /// R's starting value (`mustart`) for one observation.
  /// ```
  /// binomial:  (m y + 0.5) / (m + 1)
  /// poisson:   y + 0.1
  /// negbin:    y + 1/6 where y = 0, y otherwise
  /// ```
  @inline(__always)
  func startingMean(y: Double, weight m: Double) -> Double {
    switch self {
    case .binomial: return (m * y + 0.5) / (m + 1)
    case .poisson: return y + 0.1
    case .negativeBinomial: return y == 0 ? 1.0 / 6 : y
    }
  }

  /// One observation's log-likelihood:
  /// ```
  /// binomial:  m [y log μ + (1−y) log(1−μ)]       (the Bernoulli log-likelihood of the trials)
  /// poisson:   m [y log μ − μ − log y!]
  /// negbin:    m [log Γ(θ + y) − log Γ(θ) − log y! + θ log θ + y log μ − (θ + y) log(θ + μ)]
  /// ```
  @inline(__always)
  func logLikelihood(y: Double, mu: Double, weight m: Double, theta: Double) -> Double {
    switch self {
    case .binomial:
      var l = 0.0
      if y > 0 { l += y * Foundation.log(mu) }
      if y < 1 { l += (1 - y) * Double.log(onePlus: -mu) }
      return m * l
    case .poisson:
      return m * ((y > 0 ? y * Foundation.log(mu) : 0) - mu - Double.logGamma(y + 1))
    case .negativeBinomial:
      let gammas = Double.logGamma(theta + y) - Double.logGamma(theta) - Double.logGamma(y + 1)
      return m
        * (gammas + theta * Foundation.log(theta) + (y > 0 ? y * Foundation.log(mu) : 0)
          - (theta + y) * Foundation.log(theta + mu))
    }
  }

  /// Whether y is a valid response value.
  func isValid(y: Double) -> Bool {
    switch self {
    case .binomial: return y >= 0 && y <= 1
    case .poisson, .negativeBinomial: return y >= 0 && y.isFinite
    }
  }
}
