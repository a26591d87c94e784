/// The sufficient statistics of a binomial fit's design: what its estimates reproduce.
///
/// A GLM with the canonical link solves the score equations
/// ```
/// Xᵀ(y − μ̂) = 0,   i.e.   Σᵢ xᵢⱼ mᵢ yᵢ = Σᵢ xᵢⱼ mᵢ μ̂ᵢ   for every column j
/// ```
/// so for a 0/1 (indicator) column the published coefficients, together with the trials of
/// each cell (a public population), give back the number of cases in the column's cells; with an
/// intercept, the total minus it gives the cases outside them, and the same holds for the
/// non-cases (trials − cases). A saturated model (`kon * fodelse`) has one column per cell, so
/// it reproduces every cell. Firth's estimates solve a penalised version of the same equations
/// and reproduce the counts to within a fraction of a case.
public struct DesignCounts: Sendable, Equatable {
  /// One indicator column (every value 0 or 1) of the design, not the intercept.
  public struct Column: Sendable, Equatable {
    /// The column, e.g. `kon: 2 & fodelse: utrikes`.
    public let term: ModelTerm
    /// Cases in the column's cells, Σᵢ xᵢⱼ mᵢ yᵢ.
    public let cases: Double
    /// Non-cases in the column's cells, Σᵢ xᵢⱼ mᵢ (1 − yᵢ).
    public let nonCases: Double

    public init(term: ModelTerm, cases: Double, nonCases: Double) {
      self.term = term
      self.cases = cases
      self.nonCases = nonCases
    }
  }

  /// The indicator columns; numeric columns (ages, years) are left out: their statistic is a
  /// sum of values, not a count.
  public let columns: [Column]
  /// All cases, Σᵢ mᵢ yᵢ (what the intercept reproduces).
  public let cases: Double
  /// All non-cases, Σᵢ mᵢ (1 − yᵢ).
  public let nonCases: Double

  public init(columns: [Column], cases: Double, nonCases: Double) {
    self.columns = columns
    self.cases = cases
    self.nonCases = nonCases
  }
}

extension GLMFit {
  /// The counts the fit reproduces (see ``DesignCounts``).
  ///
  /// For a count model the cases are the counts (Σ xᵢⱼ mᵢ yᵢ: a Poisson fit with the log link
  /// reproduces them exactly, with or without an offset, and a negative binomial approximately,
  /// which errs on the safe side) and `nonCases` are 0: a count model's estimates reveal sums of
  /// counts, not the number of rows without one.
  public var designCounts: DesignCounts? {
    if let cells = data.cells { return designCounts(cells) }
    if family.isCount {
      var columns: [DesignCounts.Column] = []
      let x = data.x
      for j in 0..<x.columns where j < modelTerms.count && modelTerms[j] != .intercept {
        var cases = 0.0
        var indicator = true
        for i in 0..<x.rows {
          let value = x[i, j]
          if value == 0 { continue }
          guard value == 1 else {
            indicator = false
            break
          }
          cases += data.m[i] * data.y[i]
        }
        if indicator { columns.append(.init(term: modelTerms[j], cases: cases, nonCases: 0)) }
      }
      let total = (0..<data.rowCount).reduce(0.0) { $0 + data.m[$1] * data.y[$1] }
      return DesignCounts(columns: columns, cases: total, nonCases: 0)
    }
    let x = data.x
    var totalCases = 0.0
    var totalNonCases = 0.0
    for i in 0..<data.rowCount {
      totalCases += data.m[i] * data.y[i]
      totalNonCases += data.m[i] * (1 - data.y[i])
    }
    var columns: [DesignCounts.Column] = []
    for j in 0..<x.columns where j < modelTerms.count && modelTerms[j] != .intercept {
      var cases = 0.0
      var nonCases = 0.0
      var indicator = true
      for i in 0..<x.rows {
        let value = x[i, j]
        if value == 0 { continue }
        guard value == 1 else {
          indicator = false
          break
        }
        cases += data.m[i] * data.y[i]
        nonCases += data.m[i] * (1 - data.y[i])
      }
      if indicator {
        columns.append(.init(term: modelTerms[j], cases: cases, nonCases: nonCases))
      }
    }
    return DesignCounts(columns: columns, cases: totalCases, nonCases: totalNonCases)
  }
}

extension GLMFit {
  /// ``designCounts`` from the cells of the design, without the model matrix: the same sums
  /// (Σ m y and Σ m (1 − y) over the rows where an indicator column is 1), grouped by cell.
  func designCounts(_ cells: CellDesign) -> DesignCounts {
    let n = data.rowCount
    let count = family.isCount
    var cellCases = [Double](repeating: 0, count: cells.cellCount)
    var cellNonCases = [Double](repeating: 0, count: cells.cellCount)
    var totalCases = 0.0
    var totalNonCases = 0.0
    for i in 0..<n {
      let k = Int(cells.cellOfRow[i])
      let cases = data.m[i] * data.y[i]
      let nonCases = count ? 0 : data.m[i] * (1 - data.y[i])
      cellCases[k] += cases
      cellNonCases[k] += nonCases
      totalCases += cases
      totalNonCases += nonCases
    }
    var columns: [DesignCounts.Column] = []
    for j in 0..<cells.columns where j < modelTerms.count && modelTerms[j] != .intercept {
      let matching = cells.cellsMatching(column: j)
      let a = cells.columnMonomials[j]
      var cases = 0.0
      var nonCases = 0.0
      var indicator = true
      if a == 0 && cells.hasConstant {
        for k in 0..<cells.cellCount where matching[k] {
          cases += cellCases[k]
          nonCases += cellNonCases[k]
        }
      } else {
        // A numeric column counts when all its nonzero values are 1 (a 0/1 variable).
        for i in 0..<n where matching[Int(cells.cellOfRow[i])] {
          let value = cells.monomial(a, row: i)
          if value == 0 { continue }
          guard value == 1 else {
            indicator = false
            break
          }
          cases += data.m[i] * data.y[i]
          if !count { nonCases += data.m[i] * (1 - data.y[i]) }
        }
      }
      if indicator { columns.append(.init(term: modelTerms[j], cases: cases, nonCases: nonCases)) }
    }
    return DesignCounts(
      columns: columns, cases: totalCases, nonCases: count ? 0 : totalNonCases)
  }
}

extension GLMFit {
  /// Pearson's χ², `Σ m (y − μ̂)² / V(μ̂)` over the rows of the fit, and its ratio to the residual
  /// degrees of freedom (≈ 1 without overdispersion; R's `sum(residuals(fit, "pearson")^2) /
  /// df.residual`).
  public var pearsonDispersion: (chiSquared: Double, ratio: Double) {
    var total = 0.0
    if case .countPatterns(let sums) = data.units {
      // Σᵢ w (yᵢ − μ eᵢ)²/(μ eᵢ) = Σ w y²/e / μ − 2 Σ w y + μ Σ w e per pattern.
      for i in 0..<data.rowCount {
        let u = fitted[i]
        total += sums.pearson[i] / u - 2 * data.m[i] * data.y[i] + u * data.m[i]
      }
    } else {
      for i in 0..<data.rowCount {
        let r = data.y[i] - fitted[i]
        total += data.m[i] * r * r / family.variance(fitted[i], theta: theta ?? .infinity)
      }
    }
    let df = data.observationCount - rank
    return (total, df > 0 ? total / Double(df) : .nan)
  }
}
