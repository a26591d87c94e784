import Foundation
import RealModule

/// The distribution of the response of a generalised linear model.
///
/// Formulas as R's `binomial()` and `poisson()` family objects (deviance residuals, variance,
/// starting values), so that fits agree with R's `glm` to the last digits.
public enum Family: String, Sendable, Equatable, CaseIterable, Codable {
  /// Binomial: y is a proportion of `m` trials (0/1 for one trial).
  case binomial
  /// Poisson: y is a count.
  case poisson

  /// The canonical link (`.binomial.canonicalLink == .logit`).
  public var canonicalLink: Link {
    switch self {
    case .binomial: return .logit
    case .poisson: return .log
    }
  }

  /// The variance function V(μ).
  @inline(__always)
  func variance(_ mu: Double) -> Double {
    switch self {
    case .binomial: return mu * (1 - mu)
    case .poisson: return mu
    }
  }

  /// One deviance residual squared, with prior weight m:
  /// ```
  /// binomial:  2m [y log(y/μ) + (1−y) log((1−y)/(1−μ))]
  /// poisson:   2m [y log(y/μ) − (y − μ)]
  /// ```
  @inline(__always)
  func unitDeviance(y: Double, mu: Double, weight m: Double) -> Double {
    switch self {
    case .binomial:
      if y == 0 { return -2 * m * Double.log(onePlus: -mu) }
      if y == 1 { return -2 * m * Foundation.log(mu) }
      return 2 * m * (y * Foundation.log(y / mu) + (1 - y) * Foundation.log((1 - y) / (1 - mu)))
    case .poisson:
      let term = y > 0 ? y * Foundation.log(y / mu) : 0
      return 2 * m * (term - (y - mu))
    }
  }

  /// R's starting value (`mustart`) for one observation.
  /// ```
  /// binomial:  (m y + 0.5) / (m + 1)
  /// poisson:   y + 0.1
  /// ```
  @inline(__always)
  func startingMean(y: Double, weight m: Double) -> Double {
    switch self {
    case .binomial: return (m * y + 0.5) / (m + 1)
    case .poisson: return y + 0.1
    }
  }

  /// One observation's log-likelihood without the constant that does not depend on μ:
  /// ```
  /// binomial:  m [y log μ + (1−y) log(1−μ)]       (the Bernoulli log-likelihood of the trials)
  /// poisson:   m [y log μ − μ − log y!]
  /// ```
  @inline(__always)
  func logLikelihood(y: Double, mu: Double, weight m: Double) -> Double {
    switch self {
    case .binomial:
      var l = 0.0
      if y > 0 { l += y * Foundation.log(mu) }
      if y < 1 { l += (1 - y) * Double.log(onePlus: -mu) }
      return m * l
    case .poisson:
      return m * ((y > 0 ? y * Foundation.log(mu) : 0) - mu - Double.logGamma(y + 1))
    }
  }

  /// Whether y is a valid response value.
  func isValid(y: Double) -> Bool {
    switch self {
    case .binomial: return y >= 0 && y <= 1
    case .poisson: return y >= 0 && y.isFinite
    }
  }
}
