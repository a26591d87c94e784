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
  /// The counts the fit reproduces (see ``DesignCounts``); nil for a family other than the
  /// binomial, whose statistics are not counts of persons.
  public var designCounts: DesignCounts? {
    guard family == .binomial else { return nil }
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
