import Distributions
import Foundation
import RealModule

/// The link function g of a generalised linear model, `η = g(μ)`.
///
/// Each case supplies the link, its inverse, dμ/dη and d²μ/dη² (for delta-method standard errors
/// of marginal effects). Inverse links and derivatives are clamped exactly as R's `make.link` and
/// `binomial()` clamp them (e.g. the logit's inverse is held within [ε, 1 − ε] for |η| > 30, with
/// ε = `Double.ulpOfOne`), so that fits agree with R even when fitted probabilities reach 0 or 1.
public enum Link: String, Sendable, Equatable, CaseIterable, Codable {
  /// `η = log(μ / (1 − μ))`, the canonical link of the binomial family.
  case logit
  /// `η = Φ⁻¹(μ)`.
  case probit
  /// `η = log(−log(1 − μ))`.
  case cloglog
  /// `η = log μ`, the canonical link of the Poisson family.
  case log
  /// `η = μ`.
  case identity

  static let epsilon = Double.ulpOfOne

  /// g(μ).
  public func link(_ mu: Double) -> Double {
    switch self {
    case .logit: return Foundation.log(mu / (1 - mu))
    case .probit: return Normal.quantile(mu)
    case .cloglog: return Foundation.log(-Double.log(onePlus: -mu))
    case .log: return Foundation.log(mu)
    case .identity: return mu
    }
  }

  /// g⁻¹(η), clamped as R clamps it.
  public func inverse(_ eta: Double) -> Double {
    switch self {
    case .logit:
      // R's C_logit_linkinv: exp(η) limited to [ε, 1/ε].
      let t = eta < -30 ? Link.epsilon : (eta > 30 ? 1 / Link.epsilon : Foundation.exp(eta))
      return t / (1 + t)
    case .probit:
      let threshold = -Normal.quantile(Link.epsilon)
      return Normal.cdf(min(max(eta, -threshold), threshold))
    case .cloglog:
      return max(min(-Double.expMinusOne(-Foundation.exp(eta)), 1 - Link.epsilon), Link.epsilon)
    case .log:
      return max(Foundation.exp(eta), Link.epsilon)
    case .identity:
      return eta
    }
  }

  /// dμ/dη, with R's lower bound ε.
  public func derivative(_ eta: Double) -> Double {
    switch self {
    case .logit:
      if eta > 30 || eta < -30 { return Link.epsilon }
      let e = Foundation.exp(eta)
      let d = 1 + e
      return e / (d * d)
    case .probit:
      return max(Normal.pdf(eta), Link.epsilon)
    case .cloglog:
      let e = min(eta, 700)
      return max(Foundation.exp(e) * Foundation.exp(-Foundation.exp(e)), Link.epsilon)
    case .log:
      return max(Foundation.exp(eta), Link.epsilon)
    case .identity:
      return 1
    }
  }

  /// d²μ/dη² (unclamped), for the delta method.
  public func secondDerivative(_ eta: Double) -> Double {
    switch self {
    case .logit:
      let mu = 1 / (1 + Foundation.exp(-eta))
      return mu * (1 - mu) * (1 - 2 * mu)
    case .probit:
      return -eta * Normal.pdf(eta)
    case .cloglog:
      let e = Foundation.exp(eta)
      return Foundation.exp(eta - e) * (1 - e)
    case .log:
      return Foundation.exp(eta)
    case .identity:
      return 0
    }
  }
}
