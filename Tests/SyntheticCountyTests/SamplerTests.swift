import Foundation
import StatsTestSupport
import Testing

@testable import SyntheticCounty

/// Moments of the samplers against their closed forms. Each check allows 5 standard errors of
/// the sample statistic, so a correct sampler fails with probability below 10⁻⁶ (and the seeds
/// are fixed, so the outcome is reproducible).
@Suite struct SamplerTests {
  static let draws = 200_000

  /// Checks the sample mean and variance against the truth, with the standard error of the
  /// variance from the fourth central moment `mu4`.
  func checkMoments(
    _ sample: [Double], mean: Double, variance: Double, mu4: Double, _ what: String
  ) {
    let n = Double(sample.count)
    let m = sample.reduce(0, +) / n
    let v = sample.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
    let meanError = (variance / n).squareRoot()
    let varianceError = ((mu4 - variance * variance) / n).squareRoot()
    #expect(abs(m - mean) < 5 * meanError, "\(what): mean \(m), expected \(mean)")
    #expect(abs(v - variance) < 5 * varianceError, "\(what): variance \(v), expected \(variance)")
  }

  @Test func normalHasMeanZeroAndVarianceOne() {
    var generator = Xoshiro256StarStar(seed: 10)
    let sample = (0..<Self.draws).map { _ in generator.normal() }
    checkMoments(sample, mean: 0, variance: 1, mu4: 3, "normal")
    // The tails: P(|Z| > 1.96) = 0.05.
    let tail = Double(sample.filter { abs($0) > 1.959964 }.count) / Double(Self.draws)
    #expect(abs(tail - 0.05) < 5 * (0.05 * 0.95 / Double(Self.draws)).squareRoot())
  }

  @Test(arguments: [0.3, 1.0, 2.5, 9.99, 10.0, 37.5, 400.0])
  func poissonHasMeanAndVarianceLambda(lambda: Double) {
    var generator = Xoshiro256StarStar(seed: 11)
    let sample = (0..<Self.draws).map { _ in Double(generator.poisson(mean: lambda)) }
    checkMoments(
      sample, mean: lambda, variance: lambda, mu4: lambda * (1 + 3 * lambda), "Poisson(\(lambda))")
    // The probability of zero, e^(−λ), where it is not negligible.
    if lambda < 5 {
      let p0 = Foundation.exp(-lambda)
      let observed = Double(sample.filter { $0 == 0 }.count) / Double(Self.draws)
      #expect(abs(observed - p0) < 5 * (p0 * (1 - p0) / Double(Self.draws)).squareRoot())
    }
  }

  @Test(arguments: [0.4, 1.0, 3.7])
  func gammaHasMeanAndVarianceShape(shape: Double) {
    var generator = Xoshiro256StarStar(seed: 12)
    let sample = (0..<Self.draws).map { _ in generator.gamma(shape: shape) }
    // Gamma(a, 1): mean a, variance a, fourth central moment 3a² + 6a.
    checkMoments(
      sample, mean: shape, variance: shape, mu4: 3 * shape * shape + 6 * shape, "Gamma(\(shape))")
    #expect(sample.allSatisfy { $0 > 0 })
  }

  @Test(arguments: [(0.45, 1.0), (0.3, 2.5), (2.0, 0.7)])
  func negativeBinomialHasItsMeanAndZeroProbability(mean: Double, shape: Double) {
    var generator = Xoshiro256StarStar(seed: 13)
    let sample = (0..<Self.draws).map {
      _ in Double(generator.negativeBinomial(mean: mean, shape: shape))
    }
    let n = Double(Self.draws)
    let variance = mean + mean * mean / shape
    let m = sample.reduce(0, +) / n
    #expect(abs(m - mean) < 5 * (variance / n).squareRoot(), "mean \(m), expected \(mean)")
    let p0 = Foundation.pow(shape / (shape + mean), shape)
    let observed = Double(sample.filter { $0 == 0 }.count) / n
    #expect(abs(observed - p0) < 5 * (p0 * (1 - p0) / n).squareRoot(), "P(0) \(observed) vs \(p0)")
    let v = sample.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
    expectApproximatelyEqual(v, variance, relative: 0.05, "negative binomial variance")
  }

  @Test func aliasTableReproducesItsWeightsExactlyAndInDraws() {
    let weights = [5.0, 0.0, 1.0, 3.0, 0.5, 10.0, 2.5]
    let total = weights.reduce(0, +)
    let table = AliasTable(weights: weights)
    for (i, w) in weights.enumerated() {
      expectApproximatelyEqual(
        table.probability(of: i), w / total, relative: 1e-12, absolute: 1e-15, "category \(i)")
    }
    var generator = Xoshiro256StarStar(seed: 14)
    var counts = Array(repeating: 0, count: weights.count)
    for _ in 0..<Self.draws { counts[table.sample(&generator)] += 1 }
    #expect(counts[1] == 0)
    for (i, w) in weights.enumerated() where w > 0 {
      let p = w / total
      let observed = Double(counts[i]) / Double(Self.draws)
      #expect(abs(observed - p) < 5 * (p * (1 - p) / Double(Self.draws)).squareRoot())
    }
  }
}
