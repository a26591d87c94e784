import Microdata
import Tabulation

extension ReportTable {
  /// A test of association as a two-column table: Pearson's χ² with its degrees of freedom and
  /// p-value (and the continuity correction, when Yates' was applied), Cramér's V, the
  /// likelihood-ratio G² and its p-value, n, Fisher's exact p-value (always for a 2 × 2 table,
  /// with the conditional odds ratio and its interval; for an r × c table when asked for, with
  /// the number of random tables and the seed of a Monte-Carlo p-value).
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
      ("Pearsons χ²", Self.cell(test.chi2, .estimate, decimals: 2))
    ]
    if test.correction == .yates {
      rows.append((l.text(.continuityCorrection), .text(l.text(.yatesCorrection))))
    }
    rows += [
      (l.text(.degreesOfFreedom), .count(test.df)),
      (l.text(.pValue), Self.cell(test.pValue, .pValue)),
      (l.text(.cramersV), Self.cell(test.cramersV, .estimate)),
      ("G²", Self.cell(test.g2, .estimate, decimals: 2)),
      (l.text(.pValueG2), Self.cell(test.g2PValue, .pValue)),
      ("n", Self.cell(test.n, .count)),
    ]
    if let fisher = test.fisherPValue {
      var label = l.text(.fisherPValue)
      if test.fisherMethod == .monteCarlo, let replicates = test.fisherReplicates,
        let seed = test.fisherSeed
      {
        label = l.text(
          .fisherMonteCarloPValue(
            replicates: NumberFormat(language: l).string(Double(replicates), kind: .count),
            seed: String(seed)))
      }
      rows.append((label, Self.cell(fisher, .pValue)))
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
