import Distributions
import StatsTestSupport
import Testing

/// A small deterministic generator (SplitMix64, Steele, Lea & Flood 2014) so that the random
/// identity tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Identities that hold for any input, checked on random, well-scaled arguments
/// (the swift-numerics manner).
@Suite struct IdentityTests {
  /// Round trips through a quantile: the relative error in p is the relative error of the
  /// quantile times the (moderate) condition number x·f(x)/F(x), so 1e-12 holds here.
  static let roundTrip = 1e-12

  /// Random probabilities spread over many orders of magnitude, in both tails.
  static func probabilities(_ rng: inout SplitMix64, count: Int) -> [Double] {
    (0..<count).map { _ in
      let p = Double.pow(10, -Double.random(in: 0...15, using: &rng))
      return Bool.random(using: &rng) ? p : 0.5 + (0.5 - p / 2)
    }
  }

  @Test func normalQuantileInvertsCDF() {
    var rng = SplitMix64(state: 1)
    for p in Self.probabilities(&rng, count: 300) {
      let z = Normal.quantile(p)
      let back = p < 0.5 ? Normal.cdf(z) : 1 - Normal.sf(z)
      expectApproximatelyEqual(back, p, relative: Self.roundTrip, "cdf(quantile(\(p)))")
    }
  }

  @Test func normalSymmetry() {
    var rng = SplitMix64(state: 2)
    for _ in 0..<300 {
      let z = Double.random(in: -40...40, using: &rng)
      #expect(Normal.cdf(-z) == Normal.sf(z))
      #expect(Normal.pdf(-z) == Normal.pdf(z))
      // p ∈ [½, 1) so that 1 − p is exact and the two calls see complementary probabilities.
      let p = Double.random(in: 0.5..<1, using: &rng)
      expectApproximatelyEqual(
        Normal.quantile(p), -Normal.quantile(1 - p), relative: 1e-12, absolute: 1e-15,
        "quantile symmetry at \(p)")
    }
  }

  @Test func gammaTailsSumToOne() {
    var rng = SplitMix64(state: 3)
    for _ in 0..<300 {
      let a = Double.pow(10, Double.random(in: -0.3...4, using: &rng))
      let x = a * Double.random(in: 0.01...3, using: &rng)
      let sum = Gamma.regularizedGammaP(a, x) + Gamma.regularizedGammaQ(a, x)
      expectApproximatelyEqual(sum, 1, relative: 1e-14, "P + Q at a = \(a), x = \(x)")
    }
  }

  @Test func gammaInverseRoundTrip() {
    var rng = SplitMix64(state: 4)
    for p in Self.probabilities(&rng, count: 200) {
      let a = Double.pow(10, Double.random(in: -0.3...3, using: &rng))
      if p < 0.5 {
        let x = Gamma.inverseRegularizedGammaP(a, p)
        expectApproximatelyEqual(
          Gamma.regularizedGammaP(a, x), p, relative: Self.roundTrip, "P(a, P⁻¹) a = \(a)")
      } else {
        let q = 1 - p
        let x = Gamma.inverseRegularizedGammaQ(a, q)
        expectApproximatelyEqual(
          Gamma.regularizedGammaQ(a, x), q, relative: Self.roundTrip, "Q(a, Q⁻¹) a = \(a)")
      }
    }
  }

  @Test func betaTailsSumToOneAndInverseRoundTrips() {
    var rng = SplitMix64(state: 5)
    for p in Self.probabilities(&rng, count: 200) {
      let a = Double.pow(10, Double.random(in: -0.3...3, using: &rng))
      let b = Double.pow(10, Double.random(in: -0.3...3, using: &rng))
      let x = Beta.inverseRegularizedIncompleteBeta(a, b, p)
      let lower = Beta.regularizedIncompleteBeta(a, b, x)
      // I_x(a, b) + I_y(b, a) = 1 needs x + y = 1 exactly: take y = 1 − u, x' = 1 − y for a
      // random u ∈ (0, ½], both subtractions exact.
      let u = Double.random(in: 0x1p-40...0.5, using: &rng)
      let y = 1 - u
      let xExact = 1 - y
      let sum =
        Beta.regularizedIncompleteBeta(a, b, xExact) + Beta.regularizedIncompleteBeta(b, a, y)
      expectApproximatelyEqual(sum, 1, relative: 1e-14, "I + I' at \(a), \(b), \(xExact)")
      // Condition: x close to 1 is rounded when stored, so compare on the smaller tail only
      // where x keeps its digits (x ≤ ½ for the lower tail).
      if p < 0.5 && x <= 0.5 {
        expectApproximatelyEqual(lower, p, relative: Self.roundTrip, "I(I⁻¹(\(p))) a=\(a) b=\(b)")
      }
    }
  }

  @Test func studentTSymmetryAndRoundTrip() {
    var rng = SplitMix64(state: 6)
    for p in Self.probabilities(&rng, count: 200) {
      let nu = Double.pow(10, Double.random(in: -0.2...6, using: &rng))
      let t = StudentT(degreesOfFreedom: nu)
      let q = t.quantile(p)
      let back = p < 0.5 ? t.cdf(q) : 1 - t.sf(q)
      expectApproximatelyEqual(back, p, relative: Self.roundTrip, "cdf(quantile(\(p))) ν = \(nu)")
      #expect(t.cdf(-q) == t.sf(q))
      if p > 0.5 {  // 1 − p is exact only here
        #expect(t.quantile(1 - p) == -q, "t quantile symmetry ν = \(nu), p = \(p)")
      }
    }
  }

  @Test func chiSquaredQuantileRoundTripAndTails() {
    var rng = SplitMix64(state: 7)
    for p in Self.probabilities(&rng, count: 200) {
      let df = Double.pow(10, Double.random(in: 0...4, using: &rng))
      let chi = ChiSquared(degreesOfFreedom: df)
      let x = chi.quantile(p)
      let back = p < 0.5 ? chi.cdf(x) : 1 - chi.sf(x)
      expectApproximatelyEqual(back, p, relative: Self.roundTrip, "cdf(quantile(\(p))) df = \(df)")
      expectApproximatelyEqual(chi.cdf(x) + chi.sf(x), 1, relative: 1e-14, "cdf + sf df = \(df)")
    }
  }

  @Test func discreteDistributionsSumToOne() {
    for mean in [0.3, 7.5, 250.0] {
      let poisson = Poisson(mean: mean)
      let upper = Int(mean + 40 * mean.squareRoot() + 40)
      let total = (0...upper).reduce(0.0) { $0 + poisson.pmf($1) }
      expectApproximatelyEqual(total, 1, relative: 1e-13, "Σ Poisson(\(mean)) pmf")
      // The cdf is the running sum of the pmf.
      let k = Int(mean)
      let partial = (0...k).reduce(0.0) { $0 + poisson.pmf($1) }
      expectApproximatelyEqual(poisson.cdf(k), partial, relative: 1e-13, "Poisson cdf")
    }
    for (n, p) in [(12, 0.3), (400, 0.02), (2000, 0.5)] {
      let binomial = Binomial(trials: n, probability: p)
      let total = (0...n).reduce(0.0) { $0 + binomial.pmf($1) }
      expectApproximatelyEqual(total, 1, relative: 1e-13, "Σ Binomial(\(n), \(p)) pmf")
      let k = Int(Double(n) * p)
      let partial = (0...k).reduce(0.0) { $0 + binomial.pmf($1) }
      expectApproximatelyEqual(binomial.cdf(k), partial, relative: 1e-13, "Binomial cdf")
      expectApproximatelyEqual(
        binomial.cdf(k) + binomial.sf(k), 1, relative: 1e-14, "Binomial cdf + sf")
    }
    for (population, successes, draws) in [(20, 7, 12), (500, 120, 60), (10_000, 30, 4000)] {
      let h = Hypergeometric(population: population, successes: successes, draws: draws)
      let total = h.support.reduce(0.0) { $0 + h.pmf($1) }
      expectApproximatelyEqual(total, 1, relative: 1e-13, "Σ Hypergeometric pmf")
    }
  }
}
