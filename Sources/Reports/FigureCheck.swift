import Analysis
import Foundation
import Microdata
import Reporting

/// The comparison of one published figure with the recomputed value.
public struct FigureCheck: Sendable, Equatable {
  public enum Status: Sendable, Equatable {
    /// The computed value, rounded by the rule, equals the published one.
    case reproduced
    /// It does not.
    case mismatch
    /// It does not, as the recipe documents (`known_mismatch`); not a failure.
    case knownMismatch(String)
    /// It does although the recipe says it should not: the note is stale (not a failure).
    case unexpectedMatch(String)
    /// The cell is suppressed in the output.
    case suppressed
    /// The cell or measure is not in the analysis's result.
    case notFound(String)
    /// The analysis failed.
    case analysisFailed(String)
  }

  public var figure: PublishedFigure
  /// The number of the analysis in the report.
  public var analysis: Int
  public var analysisTitle: String
  /// The recomputed value, unrounded.
  public var computed: Double?
  /// The recomputed value rounded by the figure's rule and precision.
  public var rounded: String?
  public var status: Status

  /// Whether the check makes `strata check` fail.
  public var isFailure: Bool {
    switch status {
    case .reproduced, .knownMismatch, .unexpectedMatch: false
    case .mismatch, .suppressed, .notFound, .analysisFailed: true
    }
  }

  /// Compares `figure` with the analysis's typed result.
  public init(_ figure: PublishedFigure, analysis: Int, title: String, in result: any FigureSource)
  {
    self.figure = figure
    self.analysis = analysis
    self.analysisTitle = title
    switch result.figure(figure.measure, at: figure.cell) {
    case .value(let value):
      computed = value
      guard value.isFinite, let published = DecimalNumber(parsing: figure.published) else {
        status = .notFound("the computed value is not finite")
        return
      }
      let result = DecimalNumber(exactShortest: value).rounded(
        figure.decimals, rule: figure.rounding)
      rounded = result.plainString
      let equal = result.isNumericallyEqual(to: published)
      switch (equal, figure.knownMismatch) {
      case (true, nil): status = .reproduced
      case (true, let reason?): status = .unexpectedMatch(reason)
      case (false, nil): status = .mismatch
      case (false, let reason?): status = .knownMismatch(reason)
      }
    case .suppressed: status = .suppressed
    case .notFound(let why): status = .notFound(why)
    }
  }

  /// A figure of an analysis that failed.
  public init(_ figure: PublishedFigure, analysis: Int, title: String, failure: String) {
    self.figure = figure
    self.analysis = analysis
    self.analysisTitle = title
    status = .analysisFailed(failure)
  }
}
