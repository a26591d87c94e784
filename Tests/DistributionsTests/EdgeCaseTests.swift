import Distributions
import StatsTestSupport
import Testing

/// Support bounds, p = 0 and 1, NaN propagation, tiny probabilities and huge degrees of
/// freedom, exactly as documented on each function.
@Suite struct EdgeCaseTests {
  @Test func quantilesAtZeroAndOne() {
    #expect(Normal.quantile(0) == -.infinity)
    #expect(Normal.quantile(1) == .infinity)
    #expect(Normal.quantile(0.5) == 0)
    #expect(ChiSquared(degreesOfFreedom: 3).quantile(0) == 0)
    #expect(ChiSquared(degreesOfFreedom: 3).quantile(1) == .infinity)
    #expect(StudentT(degreesOfFreedom: 4).quantile(0) == -.infinity)
    #expect(StudentT(degreesOfFreedom: 4).quantile(1) == .infinity)
    #expect(StudentT(degreesOfFreedom: 4).quantile(0.5) == 0)
    #expect(Gamma.inverseRegularizedGammaP(2, 0) == 0)
    #expect(Gamma.inverseRegularizedGammaP(2, 1) == .infinity)
    #expect(Gamma.inverseRegularizedGammaQ(2, 0) == .infinity)
    #expect(Beta.inverseRegularizedIncompleteBeta(2, 3, 0) == 0)
    #expect(Beta.inverseRegularizedIncompleteBeta(2, 3, 1) == 1)
  }

  @Test func probabilitiesOutsideTheUnitIntervalGiveNaN() {
    for p in [-0.1, 1.5, Double.nan] {
      #expect(Normal.quantile(p).isNaN)
      #expect(ChiSquared(degreesOfFreedom: 2).quantile(p).isNaN)
      #expect(StudentT(degreesOfFreedom: 2).quantile(p).isNaN)
      #expect(Beta.inverseRegularizedIncompleteBeta(1, 2, p).isNaN)
    }
  }

  @Test func nanPropagates() {
    #expect(Normal.cdf(.nan).isNaN)
    #expect(Normal.sf(.nan).isNaN)
    #expect(Normal.pdf(.nan).isNaN)
    #expect(Gamma.regularizedGammaP(.nan, 1).isNaN)
    #expect(Gamma.regularizedGammaQ(2, .nan).isNaN)
    #expect(Beta.regularizedIncompleteBeta(2, 3, .nan).isNaN)
    #expect(ChiSquared(degreesOfFreedom: 2).cdf(.nan).isNaN)
    #expect(StudentT(degreesOfFreedom: 2).cdf(.nan).isNaN)
    #expect(StudentT(degreesOfFreedom: 2).sf(.nan).isNaN)
    #expect(FisherF(d1: 2, d2: 3).sf(.nan).isNaN)
  }

  @Test func supportBounds() {
    #expect(Normal.cdf(-.infinity) == 0 && Normal.cdf(.infinity) == 1)
    #expect(Normal.sf(.infinity) == 0 && Normal.sf(-.infinity) == 1)
    let chi = ChiSquared(degreesOfFreedom: 5)
    #expect(chi.cdf(0) == 0 && chi.sf(0) == 1 && chi.cdf(-3) == 0)
    #expect(chi.cdf(.infinity) == 1 && chi.sf(.infinity) == 0)
    #expect(Gamma.regularizedGammaP(3, 0) == 0 && Gamma.regularizedGammaQ(3, 0) == 1)
    #expect(Beta.regularizedIncompleteBeta(2, 3, 0) == 0)
    #expect(Beta.regularizedIncompleteBeta(2, 3, 1) == 1)
    let t = StudentT(degreesOfFreedom: 3)
    #expect(t.cdf(-.infinity) == 0 && t.cdf(.infinity) == 1 && t.cdf(0) == 0.5)
    let f = FisherF(d1: 3, d2: 7)
    #expect(f.cdf(0) == 0 && f.sf(0) == 1 && f.cdf(.infinity) == 1)
    let poisson = Poisson(mean: 4)
    #expect(poisson.pmf(-1) == 0 && poisson.cdf(-1) == 0 && poisson.sf(-1) == 1)
    #expect(Poisson(mean: 0).pmf(0) == 1 && Poisson(mean: 0).cdf(0) == 1)
    let binomial = Binomial(trials: 10, probability: 0.3)
    #expect(binomial.pmf(11) == 0 && binomial.cdf(10) == 1 && binomial.cdf(-1) == 0)
    #expect(Binomial(trials: 5, probability: 0).pmf(0) == 1)
    #expect(Binomial(trials: 5, probability: 1).pmf(5) == 1)
    #expect(Binomial(trials: 5, probability: 1).cdf(4) == 0)
    let h = Hypergeometric(population: 10, successes: 8, draws: 5)
    #expect(h.support == 3...5)
    #expect(h.pmf(2) == 0 && h.logPMF(6) == -.infinity)
  }

  @Test func farTails() {
    // Normal.sf(38) ≈ 2.9e-316 is subnormal but still positive and ordered.
    #expect(Normal.sf(38) > 0 && Normal.sf(38) < Normal.sf(37))
    #expect(Normal.cdf(-40) < 1e-300)
    // Tiny probabilities invert to the far tail and back.
    let z = Normal.quantile(1e-300)
    expectApproximatelyEqual(Normal.cdf(z), 1e-300, relative: 1e-12, "Φ(Φ⁻¹(1e-300))")
    let chi = ChiSquared(degreesOfFreedom: 3)
    let x = chi.inverseSF(1e-300)
    expectApproximatelyEqual(chi.sf(x), 1e-300, relative: 1e-12, "χ² sf(inverseSF(1e-300))")
    let t = StudentT(degreesOfFreedom: 2.5)
    expectApproximatelyEqual(
      t.cdf(t.quantile(1e-300)), 1e-300, relative: 1e-12, "t cdf(quantile(1e-300))")
  }

  @Test func largeDegreesOfFreedomApproachTheNormal() {
    // t with ν → ∞ is N(0, 1): the relative difference in the tail is about
    // (x⁴ + 2x² − 1)/(4ν) · …, 3.5e-10 at x = −6 for ν = 1e12.
    let t = StudentT(degreesOfFreedom: 1e12)
    for x in [-6.0, -1.0, 0.5, 2.0, 6.0] {
      expectApproximatelyEqual(t.cdf(x), Normal.cdf(x), relative: 1e-9, "t(1e12) vs normal")
      expectApproximatelyEqual(t.sf(x), Normal.sf(x), relative: 1e-9, "t(1e12) vs normal")
    }
    #expect(StudentT(degreesOfFreedom: .infinity).cdf(1.5) == Normal.cdf(1.5))
    #expect(StudentT(degreesOfFreedom: .infinity).quantile(0.975) == Normal.quantile(0.975))
    // χ²(ν) median ≈ ν(1 − 2/(9ν))³ for large ν (Wilson–Hilferty).
    let nu = 1e6
    let median = ChiSquared(degreesOfFreedom: nu).quantile(0.5)
    let c = 1 - 2 / (9 * nu)
    expectApproximatelyEqual(median, nu * c * c * c, relative: 1e-9, "χ² median, ν = 1e6")
  }

  @Test func intervalsAtTheEdges() {
    let zero = PoissonInterval.garwood(count: 0, level: 0.95)
    #expect(zero.lower == 0)
    // For x = 0 the upper limit is −log(α/2) exactly.
    expectApproximatelyEqual(zero.upper, -Double.log(0.025), relative: 1e-13, "Garwood(0)")
    let none = ProportionInterval.wilson(successes: 0, trials: 20, level: 0.95)
    #expect(none.lower == 0 && none.upper > 0)
    let all = ProportionInterval.wilson(successes: 20, trials: 20, level: 0.95)
    #expect(all.upper == 1 && all.lower < 1)
    let cp0 = ProportionInterval.clopperPearson(successes: 0, trials: 20, level: 0.95)
    #expect(cp0.lower == 0)
    // For x = 0 the upper limit is 1 − (α/2)^{1/n}.
    expectApproximatelyEqual(
      cp0.upper, -Double.expMinusOne(Double.log(0.025) / 20), relative: 1e-13, "CP(0, 20)")
    let cpn = ProportionInterval.clopperPearson(successes: 20, trials: 20, level: 0.95)
    #expect(cpn.upper == 1)
    // Wilson's interval is symmetric under x → n − x.
    let w = ProportionInterval.wilson(successes: 3, trials: 17, level: 0.9)
    let m = ProportionInterval.wilson(successes: 14, trials: 17, level: 0.9)
    expectApproximatelyEqual(w.lower, 1 - m.upper, relative: 1e-13, "Wilson symmetry")
  }
}
