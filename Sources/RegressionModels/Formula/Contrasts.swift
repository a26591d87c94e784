/// How a categorical variable becomes columns of the model matrix within one term.
///
/// Treatment (dummy) coding against a reference level is the default, as R's
/// `contr.treatment` and StatsModels' `DummyCoding`; full indicator coding (one column per level)
/// is used where R's `model.matrix` uses it: when the term's margin without this variable is not
/// in the model, so that contrasts would not span the term's space.
///
/// R's rule (`TermCode` in R's `model.c`, after Chambers & Hastie 1992, *Statistical Models in
/// S*, p. 38): variable v of term T is coded by contrasts when T without v is empty or is
/// contained in a term before T; otherwise by indicators. Without an intercept, the first
/// categorical variable of the first term that has one is coded by indicators.
public enum Contrasts: Sendable, Equatable {
  /// Columns for every level except the reference (R's `contr.treatment`).
  case treatment
  /// One column per level.
  case indicators

  /// The coding of every categorical variable in every term, by R's rule.
  ///
  /// - Parameters:
  ///   - terms: the formula's terms in R's order (no intercept term).
  ///   - hasIntercept: whether the model has an intercept.
  ///   - isCategorical: whether a variable is categorical (numeric variables need no coding).
  /// - Returns: for each term, the coding of each of its variables (`nil` for a numeric one).
  static func codings(
    terms: [Term], hasIntercept: Bool, isCategorical: (String) -> Bool
  ) -> [[Contrasts?]] {
    var result: [[Contrasts?]] = []
    for (k, term) in terms.enumerated() {
      var codes: [Contrasts?] = []
      for v in term.variables {
        guard isCategorical(v) else {
          codes.append(nil)
          continue
        }
        let margin = Term(variables: term.variables.filter { $0 != v })
        let marginPresent =
          margin.order == 0 || terms[0..<k].contains { margin.isContained(in: $0) }
        codes.append(marginPresent ? .treatment : .indicators)
      }
      result.append(codes)
    }
    if !hasIntercept {
      outer: for (k, term) in terms.enumerated() {
        for (j, v) in term.variables.enumerated() where isCategorical(v) {
          result[k][j] = .indicators
          break outer
        }
      }
    }
    return result
  }
}
