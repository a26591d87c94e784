import Microdata

/// Options for ``CrossTabSummary``.
public struct CrossTabSummaryOptions: Sendable, Equatable, Hashable {
  /// Rows × columns; default: the first variable as rows, the rest as columns.
  public var layout: TableLayout?
  /// The base of the `percent` field, or `nil` for none. Default `nil`.
  public var percent: PercentBase?
  /// Disclosure control. Default: threshold 5 with secondary suppression.
  public var disclosure: DisclosureControl
  /// Rate options (used when a population is given). Default: per 100 000, 95 %.
  public var rates: RateOptions
  /// Whether to test the association of the row variables with the column variables. Default
  /// `false`.
  public var includeTest: Bool
  /// The continuity correction of the test's χ² (Yates' for a 2 × 2 table). Default none.
  public var correction: ContinuityCorrection
  /// Fisher's exact test of an r × c table, and how (a 2 × 2 table always gets the exact
  /// test with the odds ratio); `nil` for none. Default `nil`.
  public var fisher: FisherExactTableTest.Method?
  /// The language of ``CrossTabSummary/labels``. Default Swedish.
  public var language: Language

  public init(
    layout: TableLayout? = nil, percent: PercentBase? = nil,
    disclosure: DisclosureControl = DisclosureControl(), rates: RateOptions = RateOptions(),
    includeTest: Bool = false, correction: ContinuityCorrection = .none,
    fisher: FisherExactTableTest.Method? = nil, language: Language = .sv
  ) {
    self.layout = layout
    self.percent = percent
    self.disclosure = disclosure
    self.rates = rates
    self.includeTest = includeTest
    self.correction = correction
    self.fisher = fisher
    self.language = language
  }
}

/// The result of a test of association as the CLI emits it.
public struct TestSummary: Sendable, Equatable, Hashable, Codable {
  public var chi2: Double
  public var df: Int
  public var pValue: Double
  public var cramersV: Double
  public var g2: Double
  public var g2PValue: Double
  public var n: Double
  /// The continuity correction applied to `chi2` and `pValue` (`"none"` or `"yates"`).
  public var correction: ContinuityCorrection?
  /// Fisher's exact test: always for a 2 × 2 table of whole numbers (with the conditional odds
  /// ratio), and for an r × c table when asked for.
  public var fisherPValue: Double?
  public var oddsRatio: Double?
  public var oddsRatioCI: Interval?
  /// How `fisherPValue` was computed: `"exact"` or `"monte_carlo"`, with the number of random
  /// tables and the seed of a Monte-Carlo p-value.
  public var fisherMethod: FisherMethodName?
  public var fisherReplicates: Int?
  public var fisherSeed: UInt64?

  /// The name of a method of Fisher's test in the JSON.
  public enum FisherMethodName: String, Sendable, Equatable, Hashable, Codable {
    case exact
    case monteCarlo = "monte_carlo"
  }

  enum CodingKeys: String, CodingKey {
    case chi2, df, n, g2, correction
    case pValue = "p_value"
    case cramersV = "cramers_v"
    case g2PValue = "g2_p_value"
    case fisherPValue = "fisher_p_value"
    case oddsRatio = "odds_ratio"
    case oddsRatioCI = "odds_ratio_ci"
    case fisherMethod = "fisher_method"
    case fisherReplicates = "fisher_replicates"
    case fisherSeed = "fisher_seed"
  }

  /// Records Fisher's test of an r × c table.
  public mutating func setFisher(_ test: FisherExactTableTest) {
    fisherPValue = test.pValue
    switch test.method {
    case .exact:
      fisherMethod = .exact
    case .monteCarlo(let replicates, let seed):
      fisherMethod = .monteCarlo
      fisherReplicates = replicates
      fisherSeed = seed
    }
  }
}

/// How many entries disclosure control suppressed.
public struct SuppressionSummary: Sendable, Equatable, Hashable, Codable {
  public var threshold: Double
  public var primary: Int
  public var secondary: Int
}

/// A cross-tabulation ready to publish: every cell, every margin and the total as
/// ``SummaryRecord``s (counts, and with a population its rates and representation ratios, and
/// percentages), with disclosure control applied, an optional test of association, the
/// exclusions, labels and warnings. It is the `strata tabulate` JSON:
///
/// ```json
/// {"rows": ["kon"], "cols": ["fodelse"],
///  "cells": [{"kon": "1", "fodelse": "inrikes", "count": 812, "population": 612345,
///             "rate": 132.6, "rate_ci": [123.7, 142.0], "percent": 61.2, "suppressed": false}],
///  "margins": [...], "total": {"count": 1326, ...},
///  "test": {"chi2": 41.2, "df": 1, "p_value": 1.4e-10, "cramers_v": 0.18, ...},
///  "excluded": {"missing": {"utbildning": 37}, "outside": {}, "rows": 37},
///  "labels": {"kon": {"1": "Män", "2": "Kvinnor"}}, "warnings": []}
/// ```
///
/// Cells are listed with the row variables outermost (the first slowest), margins by subset of
/// variables kept (each subset's entries in the same order). A suppressed entry has no values.
public struct CrossTabSummary: Sendable, Equatable, Codable {
  public var rows: [String]
  public var cols: [String]
  /// The weight variable, if counts are weighted.
  public var weight: String?
  public var cells: [SummaryRecord]
  public var margins: [SummaryRecord]
  public var total: SummaryRecord
  /// Rates are per this many persons (when a population is given).
  public var per: Double?
  /// The base of `percent` (when requested).
  public var percentBase: PercentBase?
  public var test: TestSummary?
  /// Whether a test of association was asked for but withheld because the table (or the
  /// table it is collapsed from) has suppressed entries: χ², G², their p-values, Cramér's V,
  /// adjusted residuals and Fisher's test are deterministic functions of the cells, and only a
  /// few completions of the suppressed cells (often one) reproduce a statistic printed to full
  /// precision. ``test`` is then `nil`. `nil` (not `false`) otherwise, so that the JSON of a
  /// table without a withheld test has no `test_withheld` key.
  public var testWithheld: Bool?
  public var suppression: SuppressionSummary
  /// Cells with suspects but no population (with `allowMissingPopulation`).
  public var unmatched: [UnmatchedCell]?
  public var excluded: Exclusions
  /// `labels[variable][code]` in the chosen language.
  public var labels: [String: [String: String]]
  public var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case rows, cols, weight, cells, margins, total, per, test, suppression, unmatched, excluded
    case labels, warnings
    case testWithheld = "test_withheld"
    case percentBase = "percent_base"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    rows = try c.decode([String].self, forKey: .rows)
    cols = try c.decode([String].self, forKey: .cols)
    let order = rows + cols
    weight = try c.decodeIfPresent(String.self, forKey: .weight)
    cells = try c.decode([SummaryRecord].self, forKey: .cells).map { $0.ordered(by: order) }
    margins = try c.decode([SummaryRecord].self, forKey: .margins).map { $0.ordered(by: order) }
    total = try c.decode(SummaryRecord.self, forKey: .total)
    per = try c.decodeIfPresent(Double.self, forKey: .per)
    percentBase = try c.decodeIfPresent(PercentBase.self, forKey: .percentBase)
    test = try c.decodeIfPresent(TestSummary.self, forKey: .test)
    testWithheld = try c.decodeIfPresent(Bool.self, forKey: .testWithheld)
    suppression = try c.decode(SuppressionSummary.self, forKey: .suppression)
    unmatched = try c.decodeIfPresent([UnmatchedCell].self, forKey: .unmatched)
    excluded = try c.decode(Exclusions.self, forKey: .excluded)
    labels = try c.decode([String: [String: String]].self, forKey: .labels)
    warnings = try c.decode([String].self, forKey: .warnings)
  }
}
