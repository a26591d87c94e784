import LinearAlgebra

/// The fixed-effects design of the strata a mixed model uses: `design`'s rows `kept`, checked
/// to have full column rank (an error names the aliased columns).
func fixedEffectsDesign(_ design: Matrix, rows kept: [Int], names: [String]) throws(ModelError)
  -> Matrix
{
  let x = design.submatrix(rows: kept, columns: Array(0..<design.columns))
  let qr: QRFactorization
  do {
    qr = try QRFactorization(x)
  } catch {
    throw .linearAlgebra(error)
  }
  if qr.rank < x.columns {
    let aliased = qr.aliasedColumns.map { "`\(names[$0])`" }.joined(separator: ", ")
    throw .notEstimable(
      "the fixed-effects design is rank deficient among the strata used: \(aliased) \(qr.aliasedColumns.count == 1 ? "is a linear combination" : "are linear combinations") of the other columns"
    )
  }
  return x
}
