/// A true regression coefficient named as the model formula would name it.
public struct TrueCoefficient: Codable, Sendable, Equatable {
  /// StatsModels-style term name, e.g. `(Intercept)`, `kon: 2`, `kon: 2 & fodelse: utrikes`.
  public var term: String
  public var value: Double
}

/// The variance components of an offence's stratum effects on the latent (logit) scale.
///
/// ```
/// VPC = σ² / (σ² + π²/3)
/// ```
/// (the latent-response variance partition coefficient; Goldstein, Browne & Rasbash 2002,
/// doi:10.1191/1471082x02st032ra). `interactionVariance` is the variance over the 112 strata,
/// equally weighted, of the interaction terms net of what a main-effects model absorbs (their
/// two-way ANOVA residual); a MAIHDA main-effects model without the interactions sees roughly
/// σ² + that, which `mainEffectsModelVPC` expresses.
public struct VariancePartition: Codable, Sendable, Equatable {
  /// σ², the variance of the stratum effects.
  public var sigma2: Double
  /// σ²/(σ² + π²/3).
  public var vpc: Double
  /// The sample variance (divisor n − 1) of the 112 realised u_j.
  public var realisedVariance: Double
  /// The mean of the 112 realised u_j.
  public var realisedMean: Double
  /// The variance of the interaction terms not explained by main effects (equal weights).
  public var interactionVariance: Double
  /// (σ² + interactionVariance) / (σ² + interactionVariance + π²/3).
  public var mainEffectsModelVPC: Double
}

extension CountyModel {
  /// The true coefficients of an offence's model in dummy coding against the reference levels
  /// (man, 15-17, forgymnasial, inrikes), named as in the formula
  /// `kon + aldersgrupp + utbildningsniva + fodelse + kon & aldersgrupp + kon & fodelse`.
  public func coefficients(for offence: OffenceType) -> [TrueCoefficient] {
    let p = parameters(for: offence)
    var terms = [
      TrueCoefficient(term: "(Intercept)", value: p.intercept),
      TrueCoefficient(term: "kon: 2", value: p.woman),
    ]
    for group in AgeGroup.allCases.dropFirst() {
      terms.append(
        TrueCoefficient(term: "aldersgrupp: \(group.rawValue)", value: p.ageGroup[group]))
    }
    for level in EducationLevel.allCases.dropFirst() {
      terms.append(
        TrueCoefficient(term: "utbildningsniva: \(level.rawValue)", value: p.education[level]))
    }
    terms.append(TrueCoefficient(term: "fodelse: utrikes", value: p.foreign))
    for group in AgeGroup.allCases.dropFirst() {
      terms.append(
        TrueCoefficient(
          term: "kon: 2 & aldersgrupp: \(group.rawValue)", value: p.womanByAgeGroup[group]))
    }
    terms.append(TrueCoefficient(term: "kon: 2 & fodelse: utrikes", value: p.womanByForeign))
    return terms
  }

  /// The variance components of an offence's stratum effects.
  public func variancePartition(for offence: OffenceType) -> VariancePartition {
    let p = parameters(for: offence)
    let latent = Double.pi * Double.pi / 3
    let sigma2 = p.stratumStandardDeviation * p.stratumStandardDeviation
    let u = stratumEffects[offence.index]
    let n = Double(u.count)
    let mean = u.reduce(0, +) / n
    let realised = u.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    let interaction = Self.mainEffectsResidualVariance(Stratum.all.map(p.interactionPart(for:)))
    let total = sigma2 + interaction
    return VariancePartition(
      sigma2: sigma2, vpc: sigma2 / (sigma2 + latent), realisedVariance: realised,
      realisedMean: mean, interactionVariance: interaction,
      mainEffectsModelVPC: total / (total + latent))
  }

  /// The mean square of the residual of values over the full 2 × 7 × 4 × 2 factorial after
  /// removing the grand mean and the four main effects (balanced ANOVA projection).
  static func mainEffectsResidualVariance(_ values: [Double]) -> Double {
    let strata = Stratum.all
    let n = Double(values.count)
    let grand = values.reduce(0, +) / n
    func means(_ level: (Stratum) -> Int, _ levels: Int) -> [Double] {
      var sums = Array(repeating: 0.0, count: levels)
      var counts = Array(repeating: 0.0, count: levels)
      for (s, v) in zip(strata, values) {
        sums[level(s)] += v
        counts[level(s)] += 1
      }
      return zip(sums, counts).map { $0 / $1 }
    }
    let sex = means({ $0.sex.rawValue - 1 }, 2)
    let age = means({ $0.ageGroup.index }, 7)
    let education = means({ $0.education.index }, 4)
    let birth = means({ $0.birth.index }, 2)
    var sum = 0.0
    for (s, v) in zip(strata, values) {
      let fitted =
        grand + (sex[s.sex.rawValue - 1] - grand) + (age[s.ageGroup.index] - grand)
        + (education[s.education.index] - grand) + (birth[s.birth.index] - grand)
      sum += (v - fitted) * (v - fitted)
    }
    return sum / n
  }
}
