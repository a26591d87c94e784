import Analysis
import Foundation
import Microdata
import Tabulation

/// The `strata tabulate` JSON: `CrossTabSummary`'s fields (the contract's `rows`, `cols`,
/// `cells`, `margins`, `total`, `test`, `excluded`, `labels`, `warnings`) and, with a
/// population, each entry's `population_share` and `count_share`, the population file and
/// filter, cells without population, and directly standardised rates.
///
/// ```json
/// {"rows": ["kon"], "cols": ["fodelse"],
///  "cells": [{"kon": "1", "fodelse": "inrikes", "count": 812, "population": 612345,
///    "rate": 132.6, "rate_ci": [123.7, 142.0], "population_share": 0.401,
///    "count_share": 0.612, "representation_ratio": 1.53, "representation_ci": [1.44, 1.61],
///    "suppressed": false}],
///  "margins": [...], "total": {"count": 1326, ...},
///  "test": {"chi2": 41.2, "df": 1, "p_value": 1.4e-10, "cramers_v": 0.18, "rows": ["kon"],
///    "cols": ["fodelse"], ...},
///  "excluded": {"missing": {"utbildning": 37}, "outside": {}, "rows": 37},
///  "labels": {...}, "variable_labels": {...}, "warnings": []}
/// ```
/// A suppressed entry carries its keys and `"suppressed": true` only.
struct TabulationOutput: Encodable {
  var rows: [String]
  var cols: [String]
  var weight: String?
  var per: Double?
  var percentBase: Tabulation.PercentBase?
  var cells: [Entry]
  var margins: [Entry]
  var total: Entry
  var test: Test?
  var suppression: Suppression
  var population: Population?
  var unmatched: [Unmatched]?
  var standardized: Standardized?
  var excluded: Exclusions
  var labels: [String: [String: String]]
  var source: String
  var filter: String?
  var warnings: [String]
  /// Variables replaced by coarser groupings (`--coarsen`), when any were.
  var coarsened: [Coarsening]?
  /// `persons` (distinct `lopnr` per cell) or `rows`.
  var counts: String

  enum CodingKeys: String, CodingKey {
    case rows, cols, weight, per, cells, margins, total, test, suppression, population, counts
    case unmatched, standardized, excluded, labels, source, filter, warnings, coarsened
    case percentBase = "percent_base"
  }

  /// Disclosure control of the table: the threshold, the entries suppressed as primary and
  /// secondary, and the information loss as cells hidden of all inner cells (the persons in
  /// them are not published: their sum could reveal a suppressed count).
  struct Suppression: Encodable {
    var threshold: Double
    var primary: Int
    var secondary: Int
    var cells: Int
    var cellsHidden: Int

    enum CodingKeys: String, CodingKey {
      case threshold, primary, secondary, cells
      case cellsHidden = "cells_hidden"
    }
  }

  /// One cell, margin or the total: the summary's record with the shares of a rate table.
  struct Entry: Encodable {
    var record: SummaryRecord
    /// `N_e / N`: the entry's share of the population.
    var populationShare: Double?
    /// `representation ratio · population share`: its share of the count (of the cells that
    /// have a population).
    var countShare: Double?

    func encode(to encoder: any Encoder) throws {
      try record.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(populationShare, forKey: .populationShare)
      try container.encodeIfPresent(countShare, forKey: .countShare)
    }

    enum CodingKeys: String, CodingKey {
      case populationShare = "population_share"
      case countShare = "count_share"
    }
  }

  /// The test of association, with the variables tested; when the table has suppressed
  /// entries only `{"suppressed": true, "reason": "suppressed_cells", "rows", "cols"}` (a test
  /// statistic is a function of the cells and could reveal them).
  struct Test: Encodable {
    var chi2: Double?
    var df: Int?
    var pValue: Double?
    var cramersV: Double?
    var g2: Double?
    var g2PValue: Double?
    var n: Double?
    /// `"none"` or `"yates"`: the continuity correction of `chi2` and `p_value`.
    var correction: ContinuityCorrection?
    var fisherPValue: Double?
    var oddsRatio: Double?
    var oddsRatioCI: Interval?
    /// `"exact"` or `"monte_carlo"` (with the number of random tables and the seed).
    var fisherMethod: TestSummary.FisherMethodName?
    var fisherReplicates: Int?
    var fisherSeed: UInt64?
    var rows: [String]
    var cols: [String]
    /// Variables of the table the test sums over.
    var summedOver: [String]?
    /// `true` when the test is withheld, with the reason.
    var suppressed: Bool?
    var reason: String?

    /// The reason of a withheld test.
    static let suppressedCellsReason = "suppressed_cells"

    enum CodingKeys: String, CodingKey {
      case chi2, df, n, g2, rows, cols, suppressed, reason, correction
      case pValue = "p_value"
      case cramersV = "cramers_v"
      case g2PValue = "g2_p_value"
      case fisherPValue = "fisher_p_value"
      case oddsRatio = "odds_ratio"
      case oddsRatioCI = "odds_ratio_ci"
      case summedOver = "summed_over"
      case fisherMethod = "fisher_method"
      case fisherReplicates = "fisher_replicates"
      case fisherSeed = "fisher_seed"
    }
  }

  /// The population the rates are per.
  struct Population: Encodable {
    var file: String
    /// `antal`, or `null` when each row of the file is a person.
    var weight: String?
    var filter: String?
    var excluded: Exclusions
  }

  /// A cell with a count but no population (with `--allow-missing-population`); its count is
  /// left out when disclosure control suppresses the cell.
  struct Unmatched: Encodable {
    var keys: [SummaryRecord.Key]
    var reason: UnmatchedCell.Reason
    var count: Double?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: JSONKey.self)
      for key in keys { try container.encode(key.code, forKey: .init(key.variable)) }
      try container.encode(reason, forKey: .init("reason"))
      try container.encodeIfPresent(count, forKey: .init("count"))
    }
  }

  /// Directly standardised rates of every cell and margin of the table.
  struct Standardized: Encodable {
    var by: String
    var per: Double
    var standard = "study_population"
    var groups: [Group]

    struct Group: Encodable {
      var keys: [SummaryRecord.Key]
      var rate: StandardizedRate?

      /// `value` rounded to `decimals` decimals exactly as the tables print it
      /// (`NumberFormat.exportString`), so JSON, XLSX and the text formats agree.
      static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let text = NumberFormat.exportString(value, kind: .rate, decimals: decimals)
        return text.flatMap(Double.init) ?? value
      }

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        for key in keys { try container.encode(key.code, forKey: .init(key.variable)) }
        guard let rate else {
          try container.encode(true, forKey: .init("suppressed"))
          return
        }
        // Rates as the table prints them (NumberKind.rate's decimals): the digits beyond
        // would pin the split of the group's count over the strata.
        let decimals = NumberKind.rate.defaultDecimals
        func rounded(_ value: Double) -> Double { Self.rounded(value, decimals: decimals) }
        try container.encode(rate.count, forKey: .init("count"))
        try container.encode(rate.population, forKey: .init("population"))
        try container.encode(rounded(rate.crudeRate), forKey: .init("crude_rate"))
        try container.encode(rounded(rate.adjustedRate), forKey: .init("rate"))
        try container.encode(
          [rounded(rate.interval.lower), rounded(rate.interval.upper)], forKey: .init("rate_ci"))
        try container.encode(false, forKey: .init("suppressed"))
      }
    }
  }
}
