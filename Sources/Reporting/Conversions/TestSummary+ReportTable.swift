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
    let tested = "\(options.joinedLabels(rows)) × \(options.joinedLabels(cols))"
    self.init(
      title: options.title
        ?? l.text(.associationTitle(tested: tested)),
      subtitle: options.subtitle, language: l,
      stubHeaders: [l.text(.statistic)],
      columns: [ReportColumn(l.text(.value), role: .statistic)],
      footnotes: options.footnotes(note.map { [$0] } ?? []))
    var rows: [(String, ReportCell)] = [
      ("Pearsons χ²", Self.cell(test.chi2, .estimate, decimals: 2)),
      (l.text(.degreesOfFreedom), .count(test.df)),
      (l.text(.pValue), Self.cell(test.pValue, .pValue)),
      (l.text(.cramersV), Self.cell(test.cramersV, .estimate)),
      ("G²", Self.cell(test.g2, .estimate, decimals: 2)),
      (l.text(.pValueG2), Self.cell(test.g2PValue, .pValue)),
      ("n", Self.cell(test.n, .count)),
    ]
    if let fisher = test.fisherPValue {
      rows.append((l.text(.fisherPValue), Self.cell(fisher, .pValue)))
    }
    if let ratio = test.oddsRatio {
      rows.append((l.text(.conditionalOddsRatio), Self.cell(ratio, .ratio)))
      if let interval = test.oddsRatioCI {
        rows.append((l.text(.oddsRatioLower), Self.cell(interval.lower, .ratio)))
        rows.append((l.text(.oddsRatioUpper), Self.cell(interval.upper, .ratio)))
      }
    }
    for (label, cell) in rows { try? appendRow([label], [cell]) }
  }
}
