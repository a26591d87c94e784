import Distributions
import Foundation

/// The ratio of two Poisson rates, `(x₁/T₁) / (x₂/T₂)`, with the exact conditional interval and
/// test of R's `poisson.test(c(x1, x2), c(T1, T2))` and, for comparison, the log-normal Wald
/// interval.
///
/// Exact (the reported interval and p-value): conditional on `x₁ + x₂`, `x₁` is binomial with
/// `π = ρT₁ / (ρT₁ + T₂)` for the rate ratio `ρ`. The Clopper–Pearson limits `π_L`, `π_U` for `π`
/// give
///
/// ```
/// ρ_L = π_L / (1 − π_L) · T₂ / T₁,   ρ_U = π_U / (1 − π_U) · T₂ / T₁
/// ```
///
/// and the two-sided p-value of `ρ = 1` is `binom.test(x₁, x₁ + x₂, T₁ / (T₁ + T₂))`'s: the sum
/// of the probabilities not greater than that of `x₁` (with R's relative tolerance 1 + 10⁻⁷).
/// Clopper & Pearson (1934), doi:10.1093/biomet/26.4.404; the conditional argument is
/// Przyborowski & Wileński (1940), doi:10.1093/biomet/31.3-4.313.
///
/// Wald (``waldInterval``): `exp(log ρ̂ ± z √(1/x₁ + 1/x₂))`, defined when both counts are
/// positive. It is shown for readers used to it; prefer the exact interval for small counts.
public struct RateRatio: Sendable, Equatable, Hashable {
  /// The counts and person-times (populations) of the two groups.
  public let count1: Int
  public let population1: Double
  public let count2: Int
  public let population2: Double
  /// The confidence level.
  public let level: Double
  /// `(x₁/T₁) / (x₂/T₂)`; `+∞` when `x₂ = 0 < x₁`, `nil` when both counts are zero.
  public let estimate: Double?
  /// The exact conditional interval (upper limit `+∞` when `x₂ = 0`); `nil` when both counts are
  /// zero.
  public let interval: Interval?
  /// The exact two-sided p-value of equal rates (1 when both counts are zero).
  public let pValue: Double
  /// The log-normal Wald interval; `nil` unless both counts are positive.
  public let waldInterval: Interval?

  /// - Throws: `TabulationError.notACount` for a negative count, `.zeroPopulation` for a
  ///   non-positive person-time, `.invalidOption` for a level outside (0, 1).
  public init(
    count1: Int, population1: Double, count2: Int, population2: Double, level: Double = 0.95
  ) throws(TabulationError) {
    try Rate.validate(per: 1, level: level)
    guard count1 >= 0 else { throw .notACount(what: "The first count", value: Double(count1)) }
    guard count2 >= 0 else { throw .notACount(what: "The second count", value: Double(count2)) }
    guard population1 > 0, population1.isFinite else {
      throw .zeroPopulation(cell: "(first group)", count: Double(count1))
    }
    guard population2 > 0, population2.isFinite else {
      throw .zeroPopulation(cell: "(second group)", count: Double(count2))
    }
    self.count1 = count1
    self.population1 = population1
    self.count2 = count2
    self.population2 = population2
    self.level = level
    let x1 = Double(count1)
    let x2 = Double(count2)
    let n = count1 + count2
    guard n > 0 else {
      estimate = nil
      interval = nil
      pValue = 1
      waldInterval = nil
      return
    }
    estimate = count2 == 0 ? .infinity : (x1 / population1) / (x2 / population2)
    let p = ProportionInterval.clopperPearson(successes: count1, trials: n, level: level)
    let scale = population2 / population1
    interval = Interval(
      lower: p.lower / (1 - p.lower) * scale,
      upper: p.upper >= 1 ? .infinity : p.upper / (1 - p.upper) * scale)
    pValue = Self.binomialTwoSidedPValue(
      count1, trials: n, probability: population1 / (population1 + population2))
    if count1 > 0 && count2 > 0, let estimate {
      let z = Normal.quantile((1 + level) / 2)
      let se = (1 / x1 + 1 / x2).squareRoot()
      waldInterval = Interval(lower: estimate * exp(-z * se), upper: estimate * exp(z * se))
    } else {
      waldInterval = nil
    }
  }

  /// The two-sided p-value of R's `binom.test(x, n, p)`: the total probability of outcomes no
  /// more likely than `x` (relative tolerance 1 + 10⁻⁷), summed as a tail on each side.
  static func binomialTwoSidedPValue(_ x: Int, trials n: Int, probability p: Double) -> Double {
    let binomial = Binomial(trials: n, probability: p)
    if p == 0 { return x == 0 ? 1 : 0 }
    if p == 1 { return x == n ? 1 : 0 }
    let relErr = 1 + 1e-7
    let d = binomial.pmf(x)
    let m = Double(n) * p
    if Double(x) == m { return 1 }
    if Double(x) < m {
      // y = number of outcomes ≥ ⌈m⌉ with probability ≤ d.
      var y = 0
      for i in Int(m.rounded(.up))...n where binomial.pmf(i) <= d * relErr { y += 1 }
      return min(1, binomial.cdf(x) + binomial.sf(n - y))
    } else {
      var y = 0
      for i in 0...Int(m.rounded(.down)) where binomial.pmf(i) <= d * relErr { y += 1 }
      return min(1, binomial.cdf(y - 1) + binomial.sf(x - 1))
    }
  }
}

extension RateTable {
  /// The rate ratio of two entries (cells or margins) given by level codes, `nil` meaning
  /// "summed over", e.g. `rateRatio(["1", "utrikes"], to: ["1", "inrikes"])`.
  ///
  /// - Throws: `TabulationError.unknownLevel`; `.notACount` when a count is not a whole number;
  ///   `.zeroPopulation` when an entry has no population.
  public func rateRatio(_ numerator: [String?], to denominator: [String?])
    throws(TabulationError) -> RateRatio
  {
    let a = try entry(codes: numerator)
    let b = try entry(codes: denominator)
    for (entry, codes) in [(a, numerator), (b, denominator)] {
      guard entry.count == entry.count.rounded(), entry.count < 1e15 else {
        throw .notACount(what: "The count of \(codes)", value: entry.count)
      }
      guard entry.rate != nil else {
        let name = suspects.describe(levelIndices: try suspects.levelIndices(codes: codes))
        throw .zeroPopulation(cell: name, count: entry.count)
      }
    }
    return try RateRatio(
      count1: Int(a.count), population1: a.population, count2: Int(b.count),
      population2: b.population, level: options.level)
  }
}
