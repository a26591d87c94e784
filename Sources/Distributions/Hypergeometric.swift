import Foundation

/// The hypergeometric distribution: successes among `draws` items drawn without replacement
/// from a population of `population` items of which `successes` are successes. Fisher's exact
/// test sums its probabilities over a 2 × 2 table's margins.
///
/// ```
/// P(X = k) = C(K, k) C(N − K, n − k) / C(N, n),   max(0, n − N + K) ≤ k ≤ min(n, K)
/// ```
/// Computed as b(k; K, π) · b(n − k; N − K, π) / b(n; N, π) with π = n/N and b the binomial
/// probability in Loader's saddle-point form (C. Loader 2000, the method of R's dhyper):
/// the powers of π cancel and each factor is accurate to a few ulps, so the result is
/// accurate for populations in the millions where log-factorial differences lose digits.
public struct Hypergeometric: Sendable, Hashable {
  /// The population size N ≥ 0.
  public var population: Int
  /// The number of successes K in the population, 0 ≤ K ≤ N.
  public var successes: Int
  /// The number of draws n, 0 ≤ n ≤ N.
  public var draws: Int

  /// - Precondition: `0 ≤ successes ≤ population`, `0 ≤ draws ≤ population`.
  public init(population: Int, successes: Int, draws: Int) {
    precondition(population >= 0, "Hypergeometric needs population ≥ 0")
    precondition(
      successes >= 0 && successes <= population, "Hypergeometric needs 0 ≤ successes ≤ population")
    precondition(draws >= 0 && draws <= population, "Hypergeometric needs 0 ≤ draws ≤ population")
    self.population = population
    self.successes = successes
    self.draws = draws
  }

  /// The values with positive probability: `max(0, n − N + K) … min(n, K)`.
  public var support: ClosedRange<Int> {
    max(0, draws - population + successes)...min(draws, successes)
  }

  /// `log P(X = k)`; `−∞` outside the support.
  public func logPMF(_ k: Int) -> Double {
    guard support.contains(k) else { return -.infinity }
    if draws == 0 || draws == population { return 0 }
    let n = Double(population)
    let p = Double(draws) / n
    let q = Double(population - draws) / n
    return SaddlePoint.logBinomialDensity(Double(k), Double(successes), p, q)
      + SaddlePoint.logBinomialDensity(
        Double(draws - k), Double(population - successes), p, q)
      - SaddlePoint.logBinomialDensity(Double(draws), n, p, q)
  }

  /// `P(X = k)`.
  public func pmf(_ k: Int) -> Double { exp(logPMF(k)) }
}
