import Foundation
import LinearAlgebra

/// A validated fitting problem: the cells with trials (exposure), grouped by stratum, their
/// design and the quadrature rule.
struct RandomInterceptProblem: Sendable {
  let likelihood: MarginalLikelihood
  let family: StratumCounts.Family
  let terms: [ModelTerm]
  let options: MixedModelOptions
  /// Stratum indices kept (those with a row with trials), ascending; with one stratum per row,
  /// the input rows kept.
  let rows: [Int]
  /// Per kept stratum: the row at which its linear predictor is reported.
  let predictionRows: [[Double]]
  var warnings: [String]

  init(
    family: StratumCounts.Family, cases: [Int], trials: [Int], offsets: [Double]?,
    strata: [Int]?, design: Matrix, terms: [ModelTerm], predictionDesign: Matrix?,
    options: MixedModelOptions
  ) throws(ModelError) {
    let names = terms.map(\.name)
    let noun = family == .binomial ? "persons" : "exposure"
    guard cases.count == trials.count, design.rows == cases.count,
      offsets.map({ $0.count == cases.count }) ?? true,
      strata.map({ $0.count == cases.count }) ?? true
    else {
      throw .invalidOption(
        "cases (\(cases.count)), trials (\(trials.count)), offsets, strata and design rows (\(design.rows)) differ in length"
      )
    }
    guard names.count == design.columns else {
      throw .invalidOption("\(names.count) names for \(design.columns) design columns")
    }
    guard design.columns >= 1 else {
      throw .notEstimable("the fixed-effects design has no columns (add an intercept)")
    }
    for j in 0..<cases.count {
      guard trials[j] >= 0 else {
        throw .invalidOutcome(description: "the \(noun) is negative (\(trials[j]))", row: j)
      }
      guard cases[j] >= 0, family == .poisson || cases[j] <= trials[j] else {
        throw .invalidOutcome(description: "\(cases[j]) cases among \(trials[j]) persons", row: j)
      }
      if family == .poisson, trials[j] == 0, cases[j] > 0 {
        throw .invalidOutcome(description: "\(cases[j]) cases with no exposure", row: j)
      }
      for k in 0..<design.columns where !design[j, k].isFinite {
        throw .nonFiniteCovariate(variable: names[k], row: j)
      }
      if let offsets, !offsets[j].isFinite {
        throw .nonFiniteCovariate(variable: "offset", row: j)
      }
    }
    let group = strata ?? Array(0..<cases.count)
    guard group.allSatisfy({ $0 >= 0 }) else {
      throw .invalidOption("a stratum index is negative")
    }
    // Rows with trials, ordered by stratum (stable).
    let kept = (0..<cases.count).filter { trials[$0] > 0 }.sorted {
      group[$0] < group[$1] || (group[$0] == group[$1] && $0 < $1)
    }
    var ranges: [Range<Int>] = []
    var stratumIndices: [Int] = []
    var start = 0
    for position in 0..<kept.count
    where position + 1 == kept.count || group[kept[position + 1]] != group[kept[position]] {
      ranges.append(start..<(position + 1))
      stratumIndices.append(group[kept[position]])
      start = position + 1
    }
    var warnings: [String] = []
    let everyStratum = Set(group).count
    let dropped = everyStratum - stratumIndices.count
    if dropped > 0 {
      warnings.append(
        "\(dropped) \(dropped == 1 ? "stratum has" : "strata have") no \(noun) and \(dropped == 1 ? "was" : "were") left out."
      )
    }
    guard stratumIndices.count >= 2 else {
      throw .notEstimable(
        "a random-intercept model needs at least two strata with \(noun); there \(stratumIndices.count == 1 ? "is 1" : "are \(stratumIndices.count)")"
      )
    }
    let totalCases = kept.reduce(0) { $0 + cases[$1] }
    let totalTrials = kept.reduce(0) { $0 + trials[$1] }
    if totalCases == 0 { throw .constantOutcome(value: 0) }
    if family == .binomial, totalCases == totalTrials { throw .constantOutcome(value: 1) }

    let x = try fixedEffectsDesign(design, rows: kept, names: names)
    let rule: GaussHermiteRule
    do {
      rule = try GaussHermiteRule(order: options.nAGQ)
    } catch {
      throw .linearAlgebra(error)
    }
    let cellOffsets: [Double]? =
      family == .poisson
      ? kept.map { log(Double(trials[$0])) + (offsets?[$0] ?? 0) }
      : offsets.map { o in kept.map { o[$0] } }
    likelihood = MarginalLikelihood(
      counts: kept.map { StratumCounts(cases: cases[$0], trials: trials[$0], family: family) },
      design: x, offsets: cellOffsets, groups: ranges, rule: rule)
    if let predictionDesign {
      guard predictionDesign.columns == design.columns,
        stratumIndices.allSatisfy({ $0 < predictionDesign.rows })
      else {
        throw .invalidOption(
          "the prediction design needs \(design.columns) columns and a row for every stratum")
      }
      predictionRows = stratumIndices.map { predictionDesign.row($0) }
    } else {
      predictionRows = ranges.map { range in
        var row = [Double](repeating: 0, count: x.columns)
        var total = 0.0
        for position in range {
          let n = Double(trials[kept[position]])
          total += n
          for k in 0..<x.columns { row[k] += n * x[position, k] }
        }
        return row.map { $0 / total }
      }
    }
    self.family = family
    self.terms = terms
    self.options = options
    self.rows = stratumIndices
    self.warnings = warnings
  }

  /// The inverse link: logistic (binomial) or exp (Poisson: a rate per unit of exposure).
  func inverseLink(_ eta: Double) -> Double {
    family == .binomial ? StratumLikelihood.logistic(eta) : exp(eta)
  }
}
