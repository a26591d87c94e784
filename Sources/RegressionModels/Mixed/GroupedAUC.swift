import Distributions

/// The area under the ROC curve of a score that is constant within strata, with DeLong's
/// standard error, computed from grouped counts without expanding to persons.
///
/// Every person in stratum j has the score sⱼ; yⱼ of its nⱼ persons are cases and nⱼ − yⱼ
/// controls. With m cases and k controls in all, and ψ(a, b) = 1 if a > b, ½ if a = b, 0 if
/// a < b (ties within a stratum, and between strata with equal scores, count ½):
///
/// ```
/// AUC    = (1 / mk) Σ_{case i} Σ_{control l} ψ(sᵢ, sₗ)           (Mann–Whitney)
/// V₁₀(s) = (1/k) Σ_l ψ(s, sₗ)       for a case with score s        (structural components)
/// V₀₁(s) = (1/m) Σ_i ψ(sᵢ, s)       for a control with score s
/// S₁₀ = Σⱼ yⱼ (V₁₀(sⱼ) − AUC)² / (m − 1),   S₀₁ = Σⱼ (nⱼ − yⱼ)(V₀₁(sⱼ) − AUC)² / (k − 1)
/// Var(AUC) = S₁₀/m + S₀₁/k,   interval AUC ± z √Var, clipped to [0, 1]
/// ```
/// The structural components are equal for all cases (controls) sharing a score, so each sum has
/// one term per distinct score. This is exactly pROC's `ci.auc(method = "delong")` on the
/// expanded 0/1 data (direction: cases have higher scores).
///
/// DeLong, E. R., DeLong, D. M. & Clarke-Pearson, D. L. (1988). Comparing the areas under two or
/// more correlated receiver operating characteristic curves: a nonparametric approach.
/// *Biometrics* 44, 837–845. https://doi.org/10.2307/2531595
public struct GroupedAUC: Sendable, Equatable, Codable {
  /// The area under the ROC curve.
  public let auc: Double
  /// DeLong's standard error; nil with fewer than two cases or two controls.
  public let standardError: Double?
  /// The confidence level of `interval`.
  public let level: Double
  /// The normal-theory interval with DeLong's variance, clipped to [0, 1].
  public let interval: ClosedRange<Double>?

  enum CodingKeys: String, CodingKey {
    case auc
    case standardError = "std_error"
    case level
    case interval = "ci"
  }

  /// An AUC with its standard error and interval as computed elsewhere (decoding).
  init(auc: Double, standardError: Double?, level: Double, interval: ClosedRange<Double>?) {
    self.auc = auc
    self.standardError = standardError
    self.level = level
    self.interval = interval
  }

  /// Computes the AUC of per-stratum `scores` for strata with `cases` cases among `trials`
  /// persons.
  /// - Complexity: O(J log J) for J strata.
  /// - Throws: `ModelError.invalidOutcome` for counts out of range or a non-finite score,
  ///   `.constantOutcome` when there are no cases or no controls, `.invalidOption` for a level
  ///   outside (0, 1) or arrays of different lengths.
  public init(scores: [Double], cases: [Int], trials: [Int], level: Double = 0.95)
    throws(ModelError)
  {
    guard scores.count == cases.count, cases.count == trials.count else {
      throw .invalidOption(
        "scores (\(scores.count)), cases (\(cases.count)) and trials (\(trials.count)) differ in length"
      )
    }
    guard level > 0, level < 1 else {
      throw .invalidOption("the confidence level must lie strictly between 0 and 1, got \(level)")
    }
    for j in 0..<scores.count {
      guard cases[j] >= 0, cases[j] <= trials[j] else {
        throw .invalidOutcome(description: "\(cases[j]) cases among \(trials[j]) persons", row: j)
      }
      guard scores[j].isFinite else {
        throw .invalidOutcome(description: "the score \(scores[j]) is not finite", row: j)
      }
    }
    let m = Double(cases.reduce(0, +))
    let k = Double(zip(trials, cases).reduce(0) { $0 + $1.0 - $1.1 })
    if m == 0 { throw .constantOutcome(value: 0) }
    if k == 0 { throw .constantOutcome(value: 1) }

    // Distinct scores ascending, with the cases and controls at each.
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var groupCases: [Double] = []
    var groupControls: [Double] = []
    var last = -Double.infinity
    for j in order {
      if groupCases.isEmpty || scores[j] != last {
        groupCases.append(0)
        groupControls.append(0)
        last = scores[j]
      }
      groupCases[groupCases.count - 1] += Double(cases[j])
      groupControls[groupControls.count - 1] += Double(trials[j] - cases[j])
    }
    let groups = groupCases.count
    var v10 = [Double](repeating: 0, count: groups)
    var v01 = [Double](repeating: 0, count: groups)
    var controlsBelow = 0.0
    for g in 0..<groups {
      v10[g] = (controlsBelow + groupControls[g] / 2) / k
      controlsBelow += groupControls[g]
    }
    var casesAbove = 0.0
    for g in stride(from: groups - 1, through: 0, by: -1) {
      v01[g] = (casesAbove + groupCases[g] / 2) / m
      casesAbove += groupCases[g]
    }
    var area = 0.0
    for g in 0..<groups { area += groupCases[g] * v10[g] }
    area /= m
    auc = area
    self.level = level
    guard m >= 2, k >= 2 else {
      standardError = nil
      interval = nil
      return
    }
    var s10 = 0.0
    var s01 = 0.0
    for g in 0..<groups {
      s10 += groupCases[g] * (v10[g] - area) * (v10[g] - area)
      s01 += groupControls[g] * (v01[g] - area) * (v01[g] - area)
    }
    s10 /= m - 1
    s01 /= k - 1
    let se = (s10 / m + s01 / k).squareRoot()
    standardError = se
    let z = Normal.quantile((1 + level) / 2)
    interval = max(0, area - z * se)...min(1, area + z * se)
  }
}
