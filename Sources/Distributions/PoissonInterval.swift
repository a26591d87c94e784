/// Exact confidence intervals for the mean of a Poisson count.
public enum PoissonInterval {
  /// Garwood's exact (central, equal-tailed) interval for a Poisson mean from an observed
  /// count x, at confidence level 1 − α.
  ///
  /// ```
  /// lower = ½ χ²_{α/2}(2x)        (0 when x = 0)
  /// upper = ½ χ²_{1−α/2}(2x + 2)
  /// ```
  /// where χ²_p(ν) is the p-quantile of χ² with ν degrees of freedom; equivalently
  /// lower = P⁻¹(x, α/2) and upper = Q⁻¹(x + 1, α/2) with the regularized incomplete gamma
  /// functions, which is how they are computed (so the upper limit keeps its digits).
  /// Garwood (1936), "Fiducial limits for the Poisson distribution", Biometrika 28(3–4),
  /// 437–442, doi:10.1093/biomet/28.3-4.437. Matches R's `poisson.test(x)$conf.int`.
  ///
  /// - Parameters:
  ///   - count: the observed count x ≥ 0.
  ///   - level: the confidence level 1 − α, in (0, 1); α is computed as `1 − level`.
  /// - Returns: the limits for the mean (for a rate, divide both by the person-time).
  /// - Precondition: `count ≥ 0`, `0 < level < 1`.
  public static func garwood(count: Int, level: Double) -> (lower: Double, upper: Double) {
    precondition(count >= 0, "Garwood's interval needs a count ≥ 0")
    precondition(level > 0 && level < 1, "the confidence level must lie in (0, 1)")
    let halfAlpha = (1 - level) / 2
    let x = Double(count)
    let lower = count == 0 ? 0 : Gamma.inverse(x, p: halfAlpha, q: 1 - halfAlpha)
    let upper = Gamma.inverse(x + 1, p: 1 - halfAlpha, q: halfAlpha)
    return (lower, upper)
  }
}
