import Foundation
import LinearAlgebra
import StatsTestSupport
import Testing

@testable import RegressionModels

/// Properties of the likelihood, its derivatives and the quadrature rule that hold whatever the
/// data.
@Suite("Random-intercept logit: invariants")
struct MixedInvariantTests {
  static func smallLikelihood(nAGQ: Int) throws -> (MarginalLikelihood, StratumDesign) {
    let reference = try MAIHDAReference.load("small")
    let data = try reference.stratumData()
    let design = StratumDesign.mainEffects(of: data)
    let likelihood = MarginalLikelihood(
      counts: zip(reference.cases, reference.trials).map { StratumCounts(cases: $0, trials: $1) },
      design: design.matrix, rule: try GaussHermiteRule(order: nAGQ))
    return (likelihood, design)
  }

  /// A fixed-effects vector of plausible size: intercept −1.3, others between −0.3 and 0.
  static func testBeta(count: Int) -> [Double] {
    (0..<count).map { k -> Double in
      let base = -0.3 + 0.1 * Double(k % 4)
      return k == 0 ? base - 1 : base
    }
  }

  @Test("the exact gradient equals central differences of ℓ", arguments: [1, 2, 7, 25])
  func gradient(nAGQ: Int) throws {
    let (likelihood, design) = try Self.smallLikelihood(nAGQ: nAGQ)
    let beta = Self.testBeta(count: design.names.count)
    let theta = 0.7
    let starts = [Double](repeating: 0, count: likelihood.strataCount)
    let point = likelihood.evaluate(beta: beta, theta: theta, modeStarts: starts)
    let h = 1e-5
    for k in 0...beta.count {
      func value(_ delta: Double) -> Double {
        var b = beta
        var t = theta
        if k < beta.count { b[k] += delta } else { t += delta }
        return likelihood.evaluate(beta: b, theta: t, modeStarts: starts).logLikelihood
      }
      // Five-point stencil: truncation O(h⁴), rounding ~ ε|ℓ|/h ≈ 1e-9.
      let numeric = (-value(2 * h) + 8 * value(h) - 8 * value(-h) + value(-2 * h)) / (12 * h)
      expectApproximatelyEqual(
        point.gradient[k], numeric, relative: 1e-6, absolute: 1e-6, "∂ℓ/∂ψ\(k)")
    }
  }

  @Test("the Hessian equals differences of the exact gradient", arguments: [1, 10])
  func hessian(nAGQ: Int) throws {
    let (likelihood, design) = try Self.smallLikelihood(nAGQ: nAGQ)
    let beta = Self.testBeta(count: design.names.count)
    let theta = 0.7
    let starts = [Double](repeating: 0, count: likelihood.strataCount)
    let point = likelihood.evaluate(beta: beta, theta: theta, modeStarts: starts)
    let analytic = likelihood.hessian(at: point, theta: theta)
    let h = 1e-4
    for k in 0...beta.count {
      func gradient(_ delta: Double) -> [Double] {
        var b = beta
        var t = theta
        if k < beta.count { b[k] += delta } else { t += delta }
        return likelihood.evaluate(beta: b, theta: t, modeStarts: point.modes).gradient
      }
      let (p2, p1, m1, m2) = (gradient(2 * h), gradient(h), gradient(-h), gradient(-2 * h))
      for l in 0...beta.count {
        let numeric = (-p2[l] + 8 * p1[l] - 8 * m1[l] + m2[l]) / (12 * h)
        expectApproximatelyEqual(
          analytic[l, k], numeric, relative: 1e-7, absolute: 1e-7, "H[\(l),\(k)]")
      }
    }
  }

  @Test("ℓ is even in θ and equals the binomial log-likelihood at θ = 0", arguments: [1, 5])
  func symmetry(nAGQ: Int) throws {
    let (likelihood, design) = try Self.smallLikelihood(nAGQ: nAGQ)
    let beta = Self.testBeta(count: design.names.count)
    let starts = [Double](repeating: 0, count: likelihood.strataCount)
    let plus = likelihood.evaluate(beta: beta, theta: 0.4, modeStarts: starts)
    let minus = likelihood.evaluate(beta: beta, theta: -0.4, modeStarts: starts)
    expectApproximatelyEqual(
      plus.logLikelihood, minus.logLikelihood, relative: 1e-14, "ℓ(θ) = ℓ(−θ)")
    expectApproximatelyEqual(
      plus.gradient[beta.count], -minus.gradient[beta.count], relative: 1e-12, "odd ∂ℓ/∂θ")
    let zero = likelihood.evaluate(beta: beta, theta: 0, modeStarts: starts)
    var binomial = 0.0
    for (j, c) in likelihood.counts.enumerated() {
      let mu = 1 / (1 + exp(-zero.eta0[j]))
      binomial += c.constant + c.cases * log(mu) + (c.trials - c.cases) * log(1 - mu)
    }
    expectApproximatelyEqual(zero.logLikelihood, binomial, relative: 1e-13, "ℓ(β, 0)")
    #expect(zero.gradient[beta.count] == 0)
  }

  @Test("Gauss–Hermite rules match lme4's GHrule and integrate polynomials exactly")
  func gaussHermite() throws {
    let reference = try MAIHDAReference.load("small")
    for rule in reference.gaussHermite ?? [] {
      let ours = try GaussHermiteRule(order: rule.order)
      expectApproximatelyEqual(
        ours.nodes, rule.nodes, relative: 1e-13, absolute: 1e-14, "nodes \(rule.order)")
      expectApproximatelyEqual(
        ours.weights, rule.weights, relative: 1e-12, absolute: 1e-16, "weights \(rule.order)")
    }
    // E[Z^2k] = (2k − 1)!! for the standard normal, exact up to degree 2K − 1.
    for order in [1, 2, 5, 12, 25] {
      let rule = try GaussHermiteRule(order: order)
      var doubleFactorial = 1.0
      for k in 0..<order {
        let moment = zip(rule.nodes, rule.weights).reduce(0) {
          $0 + $1.1 * pow($1.0, Double(2 * k))
        }
        expectApproximatelyEqual(
          moment, doubleFactorial, relative: 1e-11, "E Z^\(2 * k), K = \(order)")
        doubleFactorial *= Double(2 * k + 1)
        let odd = zip(rule.nodes, rule.weights).reduce(0) {
          $0 + $1.1 * pow($1.0, Double(2 * k + 1))
        }
        #expect(abs(odd) < 1e-9 * doubleFactorial)
      }
    }
  }
}
