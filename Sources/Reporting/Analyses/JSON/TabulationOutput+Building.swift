import Analysis
import Foundation
import Microdata
import Tabulation

extension TabulationOutput {
  /// The JSON of a finished tabulation.
  init(
    job: TabulationRequest, summary: CrossTabSummary, population: PopulationCount?,
    standardization: DirectStandardization?, standardizedWithheld: Set<[String?]> = [],
    countsPersons: Bool = false
  ) {
    counts = countsPersons ? "persons" : (summary.weight != nil ? "weight" : "rows")
    func entry(_ record: SummaryRecord) -> Entry {
      Entry(
        record: record, populationShare: summary.populationShare(of: record),
        countShare: summary.countShare(of: record))
    }
    rows = summary.rows
    cols = summary.cols
    weight = summary.weight
    per = summary.per
    percentBase = summary.percentBase
    cells = summary.cells.map(entry)
    margins = summary.margins.map(entry)
    total = entry(summary.total)
    test = summary.test.map { test in
      Test(
        chi2: test.chi2, df: test.df,
        pValue: test.pValue, cramersV: test.cramersV,
        g2: test.g2, g2PValue: test.g2PValue,
        n: test.n, correction: test.correction ?? ContinuityCorrection.none,
        fisherPValue: test.fisherPValue,
        oddsRatio: test.oddsRatio, oddsRatioCI: test.oddsRatioCI,
        fisherMethod: test.fisherMethod, fisherReplicates: test.fisherReplicates,
        fisherSeed: test.fisherSeed, rows: [job.rows[0]], cols: [job.cols[0]],
        summedOver: job.testSummedOver)
    }
    if summary.testWithheld == true, !job.cols.isEmpty {
      test = Test(
        rows: [job.rows[0]], cols: [job.cols[0]], summedOver: job.testSummedOver,
        suppressed: true, reason: Test.suppressedCellsReason)
    }
    suppression = Suppression(
      threshold: summary.suppression.threshold, primary: summary.suppression.primary,
      secondary: summary.suppression.secondary, cells: summary.cells.count,
      cellsHidden: summary.cells.filter(\.suppressed).count)
    self.population = population.map {
      Population(file: $0.file, weight: $0.weight, filter: $0.filter, excluded: $0.table.excluded)
    }
    let suppressedCells = Set(
      summary.cells.filter(\.suppressed).map { $0.keys.map(\.code) })
    unmatched = summary.unmatched.map { list in
      list.map { cell in
        Unmatched(
          keys: zip(summary.rows + summary.cols, cell.codes).map {
            SummaryRecord.Key(variable: $0, code: $1)
          },
          reason: cell.reason,
          count: suppressedCells.contains(cell.codes) ? nil : cell.count)
      }
    }
    standardized = standardization.map { standardization in
      Standardized(
        by: standardization.stratum, per: standardization.options.per,
        groups: (summary.cells + summary.margins + [summary.total]).map { record in
          let codes = standardization.groupVariables.map { record.code(of: $0) }
          let withheld = record.suppressed || standardizedWithheld.contains(codes)
          return Standardized.Group(
            keys: record.keys,
            rate: withheld ? nil : standardization.rate(codes: codes))
        })
    }
    excluded = summary.excluded
    labels = summary.labels
    source = URL(fileURLWithPath: job.data.path).lastPathComponent
    let selection = job.filter?.trimmingCharacters(in: .whitespaces)
    filter = selection?.isEmpty == false ? selection : nil
    warnings = summary.warnings
  }
}
