import LinearAlgebra

/// What one IRLS fit works on: the model matrix, the response as R's family stores it, and how
/// rows relate to independent observations (for robust covariance, BIC and marginal effects).
struct GLMData: Sendable {
  /// The model matrix (rows of the fit: observations or covariate patterns). Setting it drops
  /// `cells`, which described the old one.
  var x: Matrix {
    get { design.matrix }
    set {
      design = DeferredMatrix(newValue)
      cells = nil
    }
  }
  /// The model matrix, possibly not built yet (see ``DeferredMatrix``).
  private(set) var design: DeferredMatrix
  /// The columns of the model matrix.
  var columns: Int { design.columns }
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
  /// Whether rows with an offset were collapsed into the prior weights (count patterns).
  var offsetCollapsed = false
  /// `x` described by cells of its factors, for faster IRLS passes (see ``CellDesign``).
  var cells: CellDesign? = nil

  /// How the rows of the fit relate to independent observations.
  enum Units: Sendable {
    /// Each row is one observation.
    case rows
    /// Each row is a covariate pattern of individual 0/1 rows with prior weights w:
    /// the number of rows, Σ w² y and Σ w² (1 − y) (for the sandwich's meat).
    case patterns(
      rowCount: [Double], squaredWeightsSuccess: [Double], squaredWeightsFailure: [Double])
    /// Each row is a covariate pattern of Poisson rows i (weights wᵢ, exposures eᵢ = exp(offsetᵢ)):
    /// y = Σ w y / Σ w e (the rate) with prior weight m = Σ w e. Kept per pattern for the
    /// sandwich and Pearson's χ²: Σ w² y², Σ w² y e, Σ w² e², Σ w y²/e; and over all rows
    /// `constant` = Σ w (y log e − log y!) and `saturated` = Σ w (y log y − y − log y!), which
    /// turn the pattern likelihood into the rows' (see ``CountPatterns``).
    case countPatterns(CountPatterns.Sums)
  }

  init(
    x: Matrix, y: [Double], m: [Double], clusters: [Int32]?, clusterCount: Int = 0, units: Units,
    observationsAreBinary: Bool, offset: [Double]? = nil
  ) {
    self.init(
      design: DeferredMatrix(x), y: y, m: m, clusters: clusters, clusterCount: clusterCount,
      units: units, observationsAreBinary: observationsAreBinary, offset: offset)
  }

  /// Data whose model matrix may be built later, with the cells that describe it.
  init(
    design: DeferredMatrix, y: [Double], m: [Double], clusters: [Int32]?, clusterCount: Int = 0,
    units: Units, observationsAreBinary: Bool, offset: [Double]? = nil, cells: CellDesign? = nil
  ) {
    self.design = design
    self.y = y
    self.m = m
    self.clusters = clusters
    self.clusterCount = clusterCount
    self.units = units
    self.observationsAreBinary = observationsAreBinary
    self.offset = offset
    self.cells = cells
  }

  var rowCount: Int { y.count }

  /// The number of independent observations (individual rows for patterns).
  var observationCount: Int {
    switch units {
    case .rows: return y.count
    case .patterns(let counts, _, _): return Int(counts.reduce(0, +).rounded())
    case .countPatterns(let sums): return sums.rows
    }
  }

  /// The number of Bernoulli trials (Σ trials for grouped rows, the rows otherwise); BIC's n.
  var trialCount: Double {
    // R's nobs of a weighted glm: the rows (with nonzero weight), as the rows' fit counts them.
    if case .countPatterns(let sums) = units { return Double(sums.rows) }
    return observationsAreBinary ? Double(observationCount) : m.reduce(0, +)
  }
}
