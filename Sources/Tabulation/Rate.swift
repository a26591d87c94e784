import Distributions

/// A rate: a count of events (suspects) per `per` persons of a population, with Garwood's exact
/// Poisson confidence interval.
///
/// ```
/// rate  = per · x / N
/// lower = per · ½ χ²_{α/2}(2x) / N          (0 when x = 0)
/// upper = per · ½ χ²_{1−α/2}(2x + 2) / N
/// ```
///
/// Garwood (1936), "Fiducial limits for the Poisson distribution", Biometrika 28(3–4), 437–442,
/// doi:10.1093/biomet/28.3-4.437; the limits are R's `poisson.test(x, N)$conf.int · per`. A
/// count that is not a whole number (a sum of real weights) uses the same limits with the
/// χ² quantiles replaced by the gamma quantiles they equal, `P⁻¹(x, α/2)` and
/// `Q⁻¹(x + 1, α/2)`.
///
/// The interval treats the count as Poisson. For a count of suspicions (weighted by
/// `antal_misstankar`) that assumption fails — suspicions cluster within persons — and the
/// interval is too narrow; count persons for inference.
public struct Rate: Sendable, Equatable, Hashable {
  /// The number of events x.
  public let count: Double
  /// The population N.
  public let population: Double
  /// The multiplier (rates per `per` persons).
  public let per: Double
  /// The confidence level of ``interval``.
  public let level: Double
  /// `per · x / N`.
  public let rate: Double
  /// Garwood's exact interval, on the rate's scale.
  public let interval: Interval

  /// - Parameters:
  ///   - count: x ≥ 0.
  ///   - population: N > 0.
  ///   - per: the multiplier, > 0; default 100 000.
  ///   - level: the confidence level, in (0, 1); default 0.95.
  /// - Throws: `TabulationError.notACount` for a negative or non-finite count, `.zeroPopulation`
  ///   for N ≤ 0 (named by `cell`), `.invalidOption` for `per` or `level` out of range.
  public init(
    count: Double, population: Double, per: Double = 100_000, level: Double = 0.95,
    cell: String = "(total)"
  ) throws(TabulationError) {
    try Self.validate(per: per, level: level)
    guard count >= 0, count.isFinite else {
      throw .notACount(what: "The count of \(cell)", value: count)
    }
    guard population > 0, population.isFinite else {
      throw .zeroPopulation(cell: cell, count: count)
    }
    self.count = count
    self.population = population
    self.per = per
    self.level = level
    self.rate = per * count / population
    self.interval = Self.garwood(count, level: level).scaled(by: per / population)
  }

  /// Garwood's interval for the Poisson mean of a count `x`.
  static func garwood(_ x: Double, level: Double) -> Interval {
    if x == x.rounded(), x < 1e15 {
      return Interval(PoissonInterval.garwood(count: Int(x), level: level))
    }
    let halfAlpha = (1 - level) / 2
    let lower = x == 0 ? 0 : Gamma.inverseRegularizedGammaP(x, halfAlpha)
    let upper = Gamma.inverseRegularizedGammaQ(x + 1, halfAlpha)
    return Interval(lower: lower, upper: upper)
  }

  static func validate(per: Double, level: Double) throws(TabulationError) {
    guard per > 0, per.isFinite else {
      throw .invalidOption(name: "per", value: "\(per)", reason: "the multiplier must be positive")
    }
    guard level > 0, level < 1 else {
      throw .invalidOption(
        name: "level", value: "\(level)", reason: "a confidence level lies strictly between 0 and 1"
      )
    }
  }
}
