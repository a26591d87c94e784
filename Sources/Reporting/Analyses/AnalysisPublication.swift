import Analysis
import Foundation

/// What one analysis publishes, whether a subcommand or a recipe entry ran it: the contract
/// JSON, the tables and the charts, all under disclosure control.
///
/// A subcommand prints `json` for `--format json` and renders `tables` for the other formats;
/// `strata report` writes all of it into the report directory.
public struct AnalysisPublication: Sendable {
  /// The analysis's JSON in the shape of the CLI contract (`../shared/spec/cli.md`), encoded.
  public var json: Data
  /// Publication tables, with disclosure control already applied.
  public var tables: [ReportTable]
  /// Charts, as SVG documents.
  public var charts: [PublishedChart]
  /// Warnings (rows excluded, separation, non-convergence ...) for the analyst, in English with
  /// file names and filter code; also inside `json`.
  public var warnings: [String]
  /// What a reader of the published tables is told besides them (rows left out, boundary
  /// fits, separated estimates), in the analysis's language, from the typed result, without
  /// file names and with small counts written "färre än 5"; the report page shows these.
  public var notices: [String] = []
  /// Whether disclosure control protects the outputs (`false` for `--suppress 0`, when every
  /// table and chart says that it is not disclosure-protected). Set by the analysis.
  public var isDisclosureProtected: Bool = true

  public init(json: Data, tables: [ReportTable], charts: [PublishedChart], warnings: [String]) {
    self.json = json
    self.tables = tables
    self.charts = charts
    self.warnings = warnings
  }
}

/// One chart of an analysis's publication.
public struct PublishedChart: Sendable {
  /// A file-name stem, e.g. `rates-kon-fodelse`.
  public var name: String
  /// The chart's title.
  public var title: String
  /// The SVG document.
  public var svg: String

  public init(name: String, title: String, svg: String) {
    self.name = name
    self.title = title
    self.svg = svg
  }
}

extension PublishedChart {
  /// A tabulation's bar chart, named by its parts joined by `-` (`repeat-kon-fodelse`).
  public init(_ chart: TabulationChart, name parts: [String]) {
    self.init(name: parts.joined(separator: "-"), title: chart.labels.title, svg: chart.svg())
  }
}

/// A typed analysis result that can be published: `TabulationResult`, `RepeatOffendingResult`,
/// `RecidivismResult`, `LogitResult`, `MAIHDAAnalysisResult` and `ShareResult`.
public protocol PublishableResult: Sendable {
  /// The contract JSON, tables and charts of the result, under disclosure control.
  func publication() throws -> AnalysisPublication
}

extension AnalysisRequest where Output: PublishableResult {
  /// Runs the analysis and publishes its result.
  public func publish() throws -> AnalysisPublication { try run().publication() }
}
