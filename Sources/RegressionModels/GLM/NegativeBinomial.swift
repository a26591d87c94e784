import Distributions
import Foundation
import LinearAlgebra
import RealModule

/// Maximum likelihood for the negative binomial (NB2) with a log link, as `MASS::glm.nb`: IRLS
/// for β at fixed θ alternating with Newton's method for θ at fixed μ, from a Poisson start.
///
/// ```
/// start:   β⁰ the Poisson fit,  θ⁰ the ML estimate of θ at μ(β⁰)
/// repeat:  β ← IRLS of negative.binomial(θ) from β,   θ ← argmax_θ ℓ(θ; μ(β))
/// until    |ℓ − ℓ_old| / (|ℓ| + 0.1) < ε  and  |θ − θ_old| / θ < ε
/// ```
/// θ's score and information at fixed μ (MASS's `theta.ml`), with prior weights m:
/// ```
/// U(θ) = Σ m [ψ(θ + y) − ψ(θ) + log θ + 1 − log(θ + μ) − (y + θ)/(μ + θ)]
/// I(θ) = Σ m [ψ′(θ) − ψ′(θ + y) − 1/θ + 2/(μ + θ) − (y + θ)/(μ + θ)²]
/// ```
/// se(θ̂) = I(θ̂)^(−½), as `glm.nb`'s `SE.theta`; β and θ are orthogonal, so the covariance of β̂
/// is that of the IRLS fit at θ̂. Stata's `nbreg` reports α = 1/θ with se(α) = se(θ)/θ².
enum NegativeBinomial {
  /// The estimate of θ and what came with it.
  struct Result: Sendable {
    var irls: IRLS.Result
    var theta: Double
    var thetaStandardError: Double
    /// Alternations of the β and θ steps.
    var alternations: Int
    var converged: Bool
    var warnings: [String]
  }

  /// θ beyond which the fit is reported as the Poisson limit (no overdispersion).
  static let largestTheta = 1e8

  static func fit(data: GLMData, options: GLMOptions) throws(ModelError) -> Result {
    let link = options.resolvedLink
    let poisson = GLMResponse(
      family: .poisson, link: link, y: data.y, m: data.m, offset: data.offset)
    var irls = try IRLS.fit(
      design: data.design, cells: data.cells, response: poisson, options: options)
    var warnings = irls.warnings
    func refit(_ theta: Double, from previous: IRLS.Result) throws(ModelError) -> IRLS.Result {
      let response = GLMResponse(
        family: .negativeBinomial, link: link, y: data.y, m: data.m, offset: data.offset,
        theta: theta)
      return try IRLS.fit(
        design: data.design, cells: data.cells, response: response, options: options,
        start: previous.beta)
    }
    if let fixed = options.theta {
      irls = try refit(fixed, from: irls)
      let (_, information) = scoreAndInformation(fixed, mu: irls.response.mu, data: data)
      return Result(
        irls: irls, theta: fixed, thetaStandardError: 1 / information.squareRoot(),
        alternations: 1, converged: irls.converged, warnings: warnings + irls.warnings)
    }
    var theta = try maximumLikelihoodTheta(mu: irls.response.mu, data: data, start: nil)
    var logLikelihood = -Double.infinity
    var converged = false
    var alternations = 0
    for _ in 0..<max(1, options.maxIterations) {
      alternations += 1
      irls = try refit(theta, from: irls)
      let next = try maximumLikelihoodTheta(mu: irls.response.mu, data: data, start: theta)
      let l = Self.logLikelihood(theta: next, mu: irls.response.mu, data: data)
      let steady =
        abs(l - logLikelihood) / (abs(l) + 0.1) < options.epsilon
        && abs(next - theta) <= options.epsilon * theta
      theta = next
      logLikelihood = l
      if steady || theta >= largestTheta {
        converged = irls.converged
        break
      }
    }
    // β at the final θ.
    irls = try refit(theta, from: irls)
    warnings += irls.warnings
    if !converged {
      warnings.append(
        "The alternation of β and θ did not converge in \(alternations) steps; the estimates are those of the last step."
      )
    }
    if theta >= largestTheta {
      warnings.append(
        "θ is unbounded (no overdispersion): the negative binomial fit is the Poisson fit, and θ has no finite estimate."
      )
    }
    let (_, information) = scoreAndInformation(theta, mu: irls.response.mu, data: data)
    return Result(
      irls: irls, theta: theta,
      thetaStandardError: theta >= largestTheta ? .nan : 1 / information.squareRoot(),
      alternations: alternations, converged: converged, warnings: warnings)
  }

  /// Σ ℓᵢ at θ and μ, as `Family.negativeBinomial.logLikelihood` of every row, with the log Γ
  /// terms of each count computed once.
  static func logLikelihood(theta: Double, mu: [Double], data: GLMData) -> Double {
    var gammas = CountValueTable { y in
      Double.logGamma(theta + y) - Double.logGamma(theta) - Double.logGamma(y + 1)
    }
    let thetaLogTheta = theta * Foundation.log(theta)
    var l = 0.0
    for i in 0..<data.rowCount {
      let (y, u, m) = (data.y[i], mu[i], data.m[i])
      l +=
        m
        * (gammas(y) + thetaLogTheta + (y > 0 ? y * Foundation.log(u) : 0)
          - (theta + y) * Foundation.log(theta + u))
    }
    return l
  }

  /// U(θ) and I(θ) at fixed μ (see the type's documentation).
  static func scoreAndInformation(_ theta: Double, mu: [Double], data: GLMData) -> (
    score: Double, information: Double
  ) {
    var score = 0.0
    var information = 0.0
    let psi = Digamma.digamma(theta)
    let psi1 = Digamma.trigamma(theta)
    let logTheta = Foundation.log(theta)
    var gammas = CountValueTable { y in
      (Digamma.digamma(theta + y), Digamma.trigamma(theta + y))
    }
    for i in 0..<data.rowCount {
      let (y, u, m) = (data.y[i], mu[i], data.m[i])
      let s = u + theta
      let ratio = (y + theta) / s
      let (yPsi, yPsi1) = y == 0 ? (psi, psi1) : gammas(y)
      score += m * (yPsi - psi + logTheta + 1 - Foundation.log(s) - ratio)
      information += m * (psi1 - yPsi1 - 1 / theta + 2 / s - ratio / s)
    }
    return (score, information)
  }

  /// The θ maximising the likelihood at fixed μ, by Newton's method from the moment estimate
  /// `Σm / Σ m (y/μ − 1)²` (or from `start`), as `MASS::theta.ml` but to full precision.
  static func maximumLikelihoodTheta(mu: [Double], data: GLMData, start: Double?) throws(ModelError)
    -> Double
  {
    var theta: Double
    if let start, start.isFinite, start > 0, start < largestTheta {
      theta = start
    } else {
      var total = 0.0
      var squares = 0.0
      for i in 0..<data.rowCount {
        let r = data.y[i] / mu[i] - 1
        total += data.m[i]
        squares += data.m[i] * r * r
      }
      theta = squares > 0 ? total / squares : largestTheta
    }
    for _ in 0..<100 {
      theta = abs(theta)
      if theta >= largestTheta { return largestTheta }
      let (score, information) = scoreAndInformation(theta, mu: mu, data: data)
      guard information.isFinite, score.isFinite else {
        throw .notEstimable("the negative binomial's θ has no finite estimate (score \(score))")
      }
      var step = score / information
      // Newton on a concave function may overshoot to θ ≤ 0: halve towards the positive side.
      while theta + step <= 0 { step /= 2 }
      theta += step
      if abs(step) <= 1e-12 * theta { return theta }
    }
    return theta
  }
}
