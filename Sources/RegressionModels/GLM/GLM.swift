import LinearAlgebra

/// Fitting generalised linear models: from a formula and data, or from a matrix. Both entry
/// points share one implementation (GLM.jl's `fit(GeneralizedLinearModel, …)`).
///
/// ```swift
/// var options = GLMOptions()
/// options.reference = ["kon": "2"]
/// let fit = try GLM.fit(formula: Formula("antal_misstankar >= 2 ~ kon * fodelse + aldersgrupp"),
///                       data: suspects, options: options)
/// print(fit)
/// ```
public enum GLM {
  /// Fits `formula` to `data`. See ``GLMOptions`` for every choice and its default.
  ///
  /// 0/1 rows whose predictors are all categorical (or take few values) are collapsed to
  /// covariate patterns first (`options.collapse`); the result is the individual-level fit.
  /// - Throws: `ModelError` — `.formulaSyntax`, `.unknownVariable` (with suggestions),
  ///   `.unknownLevel`, `.singleLevelFactor`, `.invalidOutcome`, `.constantOutcome`,
  ///   `.nonFiniteCovariate`, `.emptyData`, `.invalidOption`, `.didNotConverge` (non-finite
  ///   deviance only; ordinary non-convergence is a warning).
  public static func fit(
    formula: Formula, data: some VariableSource, options: GLMOptions = GLMOptions()
  ) throws(ModelError) -> GLMFit {
    try validate(options)
    let schema = try ModelSchema(formula: formula, data: data, reference: options.reference)
    let frame = try ModelFrame(
      schema: schema, data: data, weights: options.weights, cluster: options.cluster,
      family: options.family)
    return try fit(frame: frame, options: options)
  }

  /// Fits a formula given as text, e.g. `"y ~ kon + alder"`.
  public static func fit(
    formula: String, data: some VariableSource, options: GLMOptions = GLMOptions()
  ) throws(ModelError) -> GLMFit {
    try fit(formula: try Formula(formula), data: data, options: options)
  }

  /// Fits a model frame (the formula path after reading the data).
  public static func fit(frame: ModelFrame, options: GLMOptions = GLMOptions()) throws(ModelError)
    -> GLMFit
  {
    try fit(frame: frame, options: options, trialsAreIndividuals: false)
  }

  /// With `trialsAreIndividuals`, grouped rows (successes of trials) are cells of individual 0/1
  /// observations: the fit is reported at the individual level, as a collapsed fit is.
  static func fit(
    frame: ModelFrame, options: GLMOptions, trialsAreIndividuals: Bool
  ) throws(ModelError) -> GLMFit {
    try validate(options)
    if options.covariance == .cluster && frame.clusters == nil {
      throw .invalidOption("cluster-robust covariance needs a cluster variable (options.cluster)")
    }
    // The size of the design, from the levels alone, before any of it is allocated; checked
    // against the rows here and against the covariate patterns once collapsed.
    let size = DesignSize(frame: frame)
    try size.check(observations: frame.count, options: options)
    let layout = ColumnLayout(frame: frame)
    var rowCodes: [String: [Int32]] = [:]
    var rowNumbers: [String: [Double]] = [:]
    let data: GLMData
    var collapsed = false
    if options.collapse,
      let (patterns, representatives) =
        options.family == .binomial && frame.offset == nil
        ? CovariatePatterns.collapse(frame, layout: layout)
        : options.family == .poisson && options.resolvedLink == .log
          ? CountPatterns.collapse(frame, layout: layout) : nil
    {
      try size.check(observations: patterns.x.rows, options: options)
      data = patterns
      collapsed = true
      for (v, f) in frame.factors { rowCodes[v] = representatives.map { f.codes[$0] } }
      for (v, x) in frame.numerics { rowNumbers[v] = representatives.map { x[$0] } }
    } else {
      try size.checkMemory(rows: frame.count, options: options)
      // With cells, IRLS does not read the model matrix: it is built when first needed.
      let cells = CellDesign(layout: layout, frame: frame)
      let design =
        cells == nil
        ? DeferredMatrix(ModelMatrix(layout: layout, frame: frame, rows: nil).x)
        : DeferredMatrix(rows: frame.count, columns: layout.count) {
          ModelMatrix(layout: layout, frame: frame, rows: nil).x
        }
      var m = frame.trials ?? [Double](repeating: 1, count: frame.count)
      if let w = frame.weights { for i in 0..<m.count { m[i] *= w[i] } }
      var units = GLMData.Units.rows
      if trialsAreIndividuals, let trials = frame.trials {
        let successes = (0..<m.count).map { frame.y[$0] * trials[$0] }
        units = .patterns(
          rowCount: trials, squaredWeightsSuccess: successes,
          squaredWeightsFailure: (0..<m.count).map { trials[$0] - successes[$0] })
        collapsed = true
      }
      data = GLMData(
        design: design, y: frame.y, m: m, clusters: frame.clusters,
        clusterCount: frame.clusterCount, units: units,
        observationsAreBinary: frame.trials == nil || trialsAreIndividuals, offset: frame.offset,
        cells: cells)
      for (v, f) in frame.factors { rowCodes[v] = f.codes }
      rowNumbers = frame.numerics
    }
    var means: [String: Double] = [:]
    for (v, x) in frame.numerics {
      var total = 0.0
      var weight = 0.0
      for i in 0..<x.count {
        let w = (frame.trials?[i] ?? 1) * (frame.weights?[i] ?? 1)
        total += w * x[i]
        weight += w
      }
      means[v] = total / weight
    }
    let context = DesignContext(
      layout: layout, factors: frame.factors, numericMeans: means, rowCodes: rowCodes,
      rowNumbers: rowNumbers)
    return try estimate(
      data: data, modelTerms: layout.modelTerms, assign: layout.assign,
      hasIntercept: frame.schema.formula.hasIntercept, formula: frame.schema.formula,
      design: context, exclusions: frame.exclusions, notes: frame.warnings,
      collapsed: collapsed, options: options)
  }

  /// Fits a model matrix directly.
  ///
  /// - Parameters:
  ///   - x: the n × p model matrix (include a column of ones for an intercept).
  ///   - y: 0/1 outcomes; with `trials`, the number of successes per row; counts for Poisson.
  ///   - trials: binomial trials per row, or `nil` for one trial per row.
  ///   - weights: prior (frequency) weights, or `nil`.
  ///   - clusters: a cluster identifier per row, for `.cluster` covariance.
  ///   - names: coefficient names (default `x1`, `x2`, …; a column of ones is `(Intercept)`);
  ///     each column is then `.numeric(name)`, the column of ones so named `.intercept`.
  ///   - terms: the columns as typed values instead of `names` (e.g. the `modelTerms` of a
  ///     ``ModelMatrix``), so that reports can label levels and reference levels.
  /// - Throws: `.nonFiniteCovariate` for a NaN or infinite entry of `x`, `.invalidOutcome`,
  ///   `.constantOutcome`, `.emptyData`, `.invalidOption`.
  public static func fit(
    x: Matrix, y: [Double], trials: [Double]? = nil, weights: [Double]? = nil,
    clusters: [Int]? = nil, offset: [Double]? = nil, names: [String]? = nil,
    terms: [ModelTerm]? = nil, options: GLMOptions = GLMOptions()
  ) throws(ModelError) -> GLMFit {
    try validate(options)
    let n = x.rows
    guard n > 0 else { throw .emptyData }
    let intercept = (0..<x.columns).first { j in
      x.elements[(j * n)..<((j + 1) * n)].allSatisfy { $0 == 1 }
    }
    guard terms?.count ?? names?.count ?? x.columns == x.columns, y.count == n,
      trials.map({ $0.count == n }) ?? true, offset.map({ $0.count == n }) ?? true,
      weights.map({ $0.count == n }) ?? true, clusters.map({ $0.count == n }) ?? true
    else {
      throw .invalidOption(
        "x has \(n) rows and \(x.columns) columns; y, trials, weights, clusters, offset and names must match"
      )
    }
    // Columns known by name only are numeric, and the column of ones is the intercept when it
    // carries the intercept's name (or no name is given).
    let modelTerms =
      terms
      ?? (0..<x.columns).map { j -> ModelTerm in
        guard let names else { return j == intercept ? .intercept : .numeric("x\(j + 1)") }
        return j == intercept ? .untyped(names[j]) : .numeric(names[j])
      }
    if !x.elements.allSatisfy(\.isFinite), let bad = x.elements.firstIndex(where: { !$0.isFinite })
    {
      throw .nonFiniteCovariate(variable: modelTerms[bad / n].name, row: bad % n)
    }
    var proportion = y
    var m = [Double](repeating: 1, count: n)
    for i in 0..<n {
      let t = trials?[i] ?? 1
      let w = weights?[i] ?? 1
      guard w >= 0, w.isFinite else { throw .invalidOption("weight \(w) in row \(i + 1)") }
      switch options.family {
      case .binomial:
        guard y[i] >= 0, y[i] <= t, t > 0 else {
          throw .invalidOutcome(
            description: trials == nil
              ? "\(y[i]) is not 0 or 1" : "\(y[i]) successes out of \(t) trials", row: i)
        }
        if trials == nil && y[i] != 0 && y[i] != 1 {
          throw .invalidOutcome(description: "\(y[i]) is not 0 or 1", row: i)
        }
        proportion[i] = y[i] / t
      case .poisson, .negativeBinomial:
        guard y[i] >= 0, y[i].isFinite else {
          throw .invalidOutcome(description: "\(y[i]) is not a count", row: i)
        }
      }
      m[i] = t * w
    }
    let keep = (0..<n).filter { m[$0] > 0 }
    guard !keep.isEmpty else { throw .emptyData }
    let all = keep.count == n
    let xs = all ? x : x.submatrix(rows: keep, columns: Array(0..<x.columns))
    let ys = all ? proportion : keep.map { proportion[$0] }
    try ModelFrame.checkVariation(
      y: ys, trials: trials, response: .variable("y"), family: options.family)
    var clusterCodes: [Int32]? = nil
    var clusterCount = 0
    if let clusters {
      var index: [Int: Int32] = [:]
      clusterCodes = keep.map { i in
        if let c = index[clusters[i]] { return c }
        let c = Int32(index.count)
        index[clusters[i]] = c
        return c
      }
      clusterCount = index.count
    } else if options.covariance == .cluster {
      throw .invalidOption("cluster-robust covariance needs `clusters`")
    }
    let data = GLMData(
      x: xs, y: ys, m: all ? m : keep.map { m[$0] }, clusters: clusterCodes,
      clusterCount: clusterCount, units: .rows,
      observationsAreBinary: trials == nil && options.family == .binomial,
      offset: offset.map { o in all ? o : keep.map { o[$0] } })
    if let o = data.offset, let bad = o.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteCovariate(variable: "offset", row: keep[bad])
    }
    return try estimate(
      data: data, modelTerms: modelTerms,
      assign: (0..<x.columns).map { $0 == intercept ? 0 : $0 + 1 },
      hasIntercept: intercept != nil, formula: nil, design: nil, exclusions: nil,
      notes: all ? [] : ["\(n - keep.count) rows with zero weight or trials left out."],
      collapsed: false, options: options)
  }

  static func validate(_ options: GLMOptions) throws(ModelError) {
    guard options.maxIterations >= 1 else {
      throw .invalidOption("maxIterations must be at least 1")
    }
    guard options.epsilon > 0 else { throw .invalidOption("epsilon must be positive") }
    guard options.level > 0 && options.level < 1 else {
      throw .invalidOption("the confidence level must be between 0 and 1, not \(options.level)")
    }
    guard options.minimumStepFactor > 0 && options.minimumStepFactor < 1 else {
      throw .invalidOption("minimumStepFactor must be between 0 and 1")
    }
    if options.method == .firth && (options.family != .binomial || options.resolvedLink != .logit) {
      throw .invalidOption(
        "Firth's method is implemented for the binomial family with the logit link")
    }
    if options.family == .poisson && ![.log, .identity].contains(options.resolvedLink) {
      throw .invalidOption("the Poisson family takes the log or identity link")
    }
    if options.family == .negativeBinomial {
      guard options.resolvedLink == .log else {
        throw .invalidOption("the negative binomial family takes the log link")
      }
      if let theta = options.theta, !(theta > 0 && theta.isFinite) {
        throw .invalidOption("θ of the negative binomial must be positive and finite, not \(theta)")
      }
    }
  }
}
