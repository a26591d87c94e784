/// How large a model matrix would be, computed from the formula and the factors' levels before
/// anything is allocated, and the limits a fit checks it against.
///
/// A categorical variable with k levels gives k − 1 columns (k for indicator coding), a numeric
/// one 1, and an interaction the product of its variables' counts: `kon * … * lopnr` multiplies
/// the number of persons by every other factor's levels. The count saturates at `Int.max`.
struct DesignSize {
  /// Columns per term of the formula (the intercept first when there is one), with the term's
  /// name as the formula writes it.
  let terms: [(name: String, columns: Int)]

  init(frame: ModelFrame) {
    let schema = frame.schema
    var terms: [(String, Int)] = []
    if schema.formula.hasIntercept { terms.append(("(Intercept)", 1)) }
    for (k, term) in schema.formula.terms.enumerated() {
      var count = 1
      for (j, v) in term.variables.enumerated() {
        var columns = 1
        if let factor = frame.factors[v] {
          let levels = factor.levels.count
          columns = schema.codings[k][j] == .indicators ? levels : max(0, levels - 1)
        }
        let (product, overflow) = count.multipliedReportingOverflow(by: columns)
        count = overflow ? .max : product
      }
      terms.append((term.variables.joined(separator: " & "), count))
    }
    self.terms = terms
  }

  /// All columns of the model matrix (saturating).
  var columns: Int {
    terms.reduce(0) { total, term in
      let (sum, overflow) = total.addingReportingOverflow(term.columns)
      return overflow ? .max : sum
    }
  }

  /// The terms with the most columns, largest first, as `kon & lopnr (1 576 columns)`.
  func largestTerms(_ count: Int = 3) -> [String] {
    terms.filter { $0.columns > 1 }.sorted { $0.columns > $1.columns }.prefix(count).map {
      "`\($0.name)` (\($0.columns == .max ? "too many to count" : "\($0.columns)") columns)"
    }
  }

  /// Throws `.designTooLarge` when the design has more columns than `options.maximumColumns`,
  /// or more than twice as many as `observations`: then more than half of the coefficients
  /// cannot be estimated. A few columns beyond the observations are allowed, because they are
  /// ordinary aliasing that the fit reports (R's `NA` coefficients), as in
  /// `misstankt ~ fodelse + fodelseregion` on four population cells.
  func check(observations: Int, options: GLMOptions) throws(ModelError) {
    let p = columns
    let (twice, overflow) = observations.multipliedReportingOverflow(by: 2)
    if p > options.maximumColumns || (!overflow && p > twice) {
      throw .designTooLarge(
        columns: p, observations: observations, maximumColumns: options.maximumColumns,
        largestTerms: largestTerms())
    }
  }

  /// Throws `.designTooLarge` when the dense n × p matrix would need more than
  /// `options.maximumDesignBytes`.
  func checkMemory(rows: Int, options: GLMOptions) throws(ModelError) {
    let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
    let (bytes, overflow2) = cells.multipliedReportingOverflow(by: 8)
    if overflow || overflow2 || bytes > options.maximumDesignBytes {
      throw .designMemory(
        rows: rows, columns: columns, bytes: overflow || overflow2 ? .max : bytes,
        maximumBytes: options.maximumDesignBytes)
    }
  }
}
