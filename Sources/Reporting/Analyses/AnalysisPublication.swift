import Foundation
import Reporting

/// What one analysis produces, whether a subcommand or a recipe entry ran it.
///
/// A subcommand prints `json` for `--format json` and renders `tables` for the other formats;
/// `strata report` writes all of it into the report directory.
struct JobResult: Sendable {
  /// The analysis's JSON in the shape of the CLI contract (`../shared/spec/cli.md`), encoded.
  var json: Data
  /// Publication tables, with disclosure control already applied.
  var tables: [ReportTable]
  /// Charts, as SVG documents.
  var charts: [JobChart]
  /// Warnings (rows excluded, separation, non-convergence ...); also inside `json`.
  var warnings: [String]
}

/// One chart of a job's output.
struct JobChart: Sendable {
  /// A file-name stem, e.g. `rates-kon-fodelse`.
  var name: String
  /// The chart's title.
  var title: String
  /// The SVG document.
  var svg: String
}
