/// A continuity correction of Pearson's χ² statistic.
///
/// Yates' correction (Yates 1934, "Contingency tables involving small numbers and the χ² test",
/// Supplement to JRSS 1(2), 217–235, doi:10.2307/2983604) shrinks each `|O − E|` by ½ (but
/// never below zero) before squaring, for a 2 × 2 table only:
///
/// ```
/// χ²_Y = Σ (|O_ij − E_ij| − min(½, |O_ij − E_ij|))² / E_ij
/// ```
///
/// This is R's `chisq.test(x, correct = TRUE)`. It is not defined for larger tables (R ignores
/// it there too), so a request for it on a larger table leaves the statistic uncorrected and
/// says so.
public enum ContinuityCorrection: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
  /// No correction.
  case none
  /// Yates' correction for a 2 × 2 table.
  case yates
}
