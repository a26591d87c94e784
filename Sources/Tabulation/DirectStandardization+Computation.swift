import Distributions
import Foundation

extension DirectStandardization {
  /// Standardises the rates of a ``RateTable`` over `stratum`.
  ///
  /// - Parameters:
  ///   - rates: suspects and population over the stratum variable and the group variables.
  ///   - stratum: the variable to standardise over, e.g. `aldersgrupp`.
  ///   - options: see ``StandardizationOptions``.
  /// - Throws: `TabulationError.unknownVariable`; `.invalidStandardPopulation` for weights of
  ///   the wrong length, negative, or summing to zero; `.emptyStratum` when a group has no
  ///   population in a stratum with positive weight; `.zeroPopulation` when it has suspects
  ///   there; `.invalidOption` for `per` or `level`.
  public init(
    rates: RateTable, stratum: String, options: StandardizationOptions = StandardizationOptions()
  ) throws(TabulationError) {
    try Rate.validate(per: options.per, level: options.level)
    let suspects = rates.suspects
    let population = rates.population
    let s = try suspects.dimensionIndex(of: stratum)
    let strata = suspects.shape[s]
    let groupDimensions = suspects.shape.indices.filter { $0 != s }

    // Standard weights.
    var standard: [Double]
    switch options.standard {
    case .studyPopulation:
      standard = (0..<strata).map { level in
        var indices = [Int?](repeating: nil, count: suspects.shape.count)
        indices[s] = level
        return population.count(at: indices)
      }
    case .weights(let weights):
      guard weights.count == strata else {
        throw .invalidStandardPopulation(
          reason: "\(weights.count) weights for the \(strata) levels of \(stratum)")
      }
      standard = weights
    }
    guard standard.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
      throw .invalidStandardPopulation(reason: "a weight is negative or not finite")
    }
    let sum = standard.reduce(0, +)
    guard sum > 0 else { throw .invalidStandardPopulation(reason: "the weights sum to zero") }
    standard = standard.map { $0 / sum }

    // Every group and margin: the extended coordinates of the group dimensions.
    let groupShape = groupDimensions.map { suspects.shape[$0] }
    let coordinates = CrossTab.combinations(groupShape.map { $0 + 1 })
    var entries: [StandardizedRate] = []
    for coordinate in coordinates {
      var indices = [Int?](repeating: nil, count: suspects.shape.count)
      for (j, d) in groupDimensions.enumerated() where coordinate[j] < suspects.shape[d] {
        indices[d] = coordinate[j]
      }
      let codes = groupDimensions.map { d in
        indices[d].map { suspects.dimensions[d].levels[$0].code }
      }
      var x = [Double](repeating: 0, count: strata)
      var n = [Double](repeating: 0, count: strata)
      for level in 0..<strata {
        indices[s] = level
        x[level] = suspects.count(at: indices)
        n[level] = population.count(at: indices)
        if standard[level] > 0 && n[level] <= 0 {
          let name = suspects.describe(levelIndices: indices)
          if x[level] > 0 { throw .zeroPopulation(cell: name, count: x[level]) }
          indices[s] = nil
          throw .emptyStratum(
            group: suspects.describe(levelIndices: indices),
            stratum: "\(stratum) = \(suspects.dimensions[s].levels[level].code)")
        }
      }
      entries.append(
        Self.standardize(
          codes: codes, counts: x, populations: n, weights: standard, per: options.per,
          level: options.level))
    }
    self.stratum = stratum
    self.groupVariables = groupDimensions.map { suspects.dimensions[$0].name }
    self.standardWeights = standard
    self.options = options
    self.entries = entries
    self.groupShape = groupShape
    self.groups = zip(coordinates, entries).filter { coordinate, _ in
      zip(coordinate, groupShape).allSatisfy { $0 < $1 }
    }.map(\.1)
    self.total = entries[entries.count - 1]
  }

  /// The Fay–Feuer computation for one group (see the type's documentation).
  static func standardize(
    codes: [String?], counts x: [Double], populations n: [Double], weights w: [Double],
    per: Double, level: Double
  ) -> StandardizedRate {
    var dsr = 0.0
    var variance = 0.0
    var maximumWeight = 0.0
    for s in w.indices where w[s] > 0 {
      dsr += w[s] * x[s] / n[s]
      variance += w[s] * w[s] * x[s] / (n[s] * n[s])
      maximumWeight = max(maximumWeight, w[s] / n[s])
    }
    let halfAlpha = (1 - level) / 2
    let lower =
      variance > 0
      ? variance / dsr * Gamma.inverseRegularizedGammaP(dsr * dsr / variance, halfAlpha) : 0
    let shifted = dsr + maximumWeight
    let shiftedVariance = variance + maximumWeight * maximumWeight
    let upper =
      shiftedVariance / shifted
      * Gamma.inverseRegularizedGammaQ(shifted * shifted / shiftedVariance, halfAlpha)
    let count = x.reduce(0, +)
    let population = n.reduce(0, +)
    return StandardizedRate(
      codes: codes, count: count, population: population,
      crudeRate: population > 0 ? per * count / population : .nan,
      adjustedRate: per * dsr, interval: Interval(lower: per * lower, upper: per * upper))
  }
}
