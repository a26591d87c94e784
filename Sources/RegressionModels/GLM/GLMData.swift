import LinearAlgebra

/// What one IRLS fit works on: the model matrix, the response as R's family stores it, and how
/// rows relate to independent observations (for robust covariance, BIC and marginal effects).
struct GLMData: Sendable {
  /// The model matrix (rows of the fit: observations or covariate patterns).
  var x: Matrix
  /// Outcome: 0/1, a proportion of trials, or a count.
  var y: [Double]
  /// Prior weights: trials × frequency weights; all > 0.
  var m: [Double]
  /// Cluster index per row (a pattern lies within one cluster), when clusters were given.
  var clusters: [Int32]?
  var clusterCount: Int = 0
  /// How rows relate to observations.
  var units: Units
  /// Whether the observations are single trials (0/1 rows, or patterns of 0/1 rows).
  var observationsAreBinary: Bool
  /// A known term added to each row's linear predictor (log exposure), or `nil` for none.
  var offset: [Double]? = nil

  /// How the rows of the fit relate to independent observations.
  enum Units: Sendable {
    /// Each row is one observation.
    case rows
    /// Each row is a covariate pattern of individual 0/1 rows with prior weights w:
    /// the number of rows, Σ w² y and Σ w² (1 − y) (for the sandwich's meat).
    case patterns(
      rowCount: [Double], squaredWeightsSuccess: [Double], squaredWeightsFailure: [Double])
  }

  var rowCount: Int { y.count }

  /// The number of independent observations (individual rows for patterns).
  var observationCount: Int {
    switch units {
    case .rows: return y.count
    case .patterns(let counts, _, _): return Int(counts.reduce(0, +).rounded())
    }
  }

  /// The number of Bernoulli trials (Σ trials for grouped rows, the rows otherwise); BIC's n.
  var trialCount: Double {
    observationsAreBinary ? Double(observationCount) : m.reduce(0, +)
  }
}
