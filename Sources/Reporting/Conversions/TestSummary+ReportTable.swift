import Microdata
import Tabulation

extension ReportTable {
  /// A test of association as a two-column table: Pearson's χ² with its degrees of freedom and
  /// p-value, Cramér's V, the likelihood-ratio G² and its p-value, n, and for a 2 × 2 table
  /// Fisher's exact p-value and the conditional odds ratio with its interval.
  ///
  /// - Parameters:
  ///   - test: the test as `CrossTabSummary` holds it.
  ///   - rows: the row variable(s) tested; `cols`: the column variable(s).
  ///   - note: a further note, e.g. which variables were summed over.
  public init(
    associationTest test: TestSummary, rows: [String], cols: [String],
    options: TabulationReportOptions, note: String? = nil
  ) {
    let l = options.language
    let sv = l == .sv
    let tested = "\(options.joinedLabels(rows)) × \(options.joinedLabels(cols))"
    self.init(
      title: options.title
        ?? (sv ? "Test av samband: \(tested)" : "Test of association: \(tested)"),
      subtitle: options.subtitle, language: l,
      stubHeaders: [sv ? "Mått" : "Statistic"],
      columns: [ReportColumn(sv ? "Värde" : "Value", role: .statistic)],
      footnotes: options.footnotes(note.map { [$0] } ?? []))
    var rows: [(String, ReportCell)] = [
      ("Pearsons χ²", Self.cell(test.chi2, .estimate, decimals: 2)),
      (sv ? "Frihetsgrader" : "Degrees of freedom", .count(test.df)),
      (sv ? "p-värde" : "p-value", Self.cell(test.pValue, .pValue)),
      (sv ? "Cramérs V" : "Cramér's V", Self.cell(test.cramersV, .estimate)),
      ("G²", Self.cell(test.g2, .estimate, decimals: 2)),
      (sv ? "p-värde (G²)" : "p-value (G²)", Self.cell(test.g2PValue, .pValue)),
      ("n", Self.cell(test.n, .count)),
    ]
    if let fisher = test.fisherPValue {
      rows.append(
        (
          sv ? "Fishers exakta test, p-värde" : "Fisher's exact test, p-value",
          Self.cell(fisher, .pValue)
        ))
    }
    if let ratio = test.oddsRatio {
      rows.append(
        (sv ? "Oddskvot (betingad ML)" : "Odds ratio (conditional ML)", Self.cell(ratio, .ratio)))
      if let interval = test.oddsRatioCI {
        rows.append(
          (sv ? "Oddskvot, KI nedre" : "Odds ratio, CI lower", Self.cell(interval.lower, .ratio)))
        rows.append(
          (sv ? "Oddskvot, KI övre" : "Odds ratio, CI upper", Self.cell(interval.upper, .ratio)))
      }
    }
    for (label, cell) in rows { try? appendRow([label], [cell]) }
  }
}
