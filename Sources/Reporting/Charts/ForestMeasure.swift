import Localization

/// What a ``ForestPlot`` shows: the ratio a model's exponentiated coefficients are, which names
/// the axis, the value column and the text summary.
public enum ForestMeasure: Sendable, Equatable, Hashable {
  /// Odds ratios of a logistic model (95 % intervals).
  case oddsRatio
  /// Incidence rate ratios of a Poisson or negative-binomial model, with intervals at `level`.
  case rateRatio(level: Double)

  /// The title of the printed values' column.
  func columnTitle(_ language: Language) -> String {
    switch self {
    case .oddsRatio: language.text(.forestColumnTitle)
    case .rateRatio(let level):
      language.text(.forestRateRatioColumn(interval: confidenceLabel(level, language)))
    }
  }

  /// The axis title.
  func axisTitle(_ language: Language) -> String {
    switch self {
    case .oddsRatio: language.text(.oddsRatioLogScale)
    case .rateRatio: language.text(.rateRatioLogScale)
    }
  }

  /// The first sentence of the text summary read by screen readers.
  func summary(count: Int, _ language: Language) -> String {
    switch self {
    case .oddsRatio: language.text(.forestSummary(count: count))
    case .rateRatio(let level):
      language.text(
        .forestRateSummary(count: count, interval: confidenceLabel(level, language)))
    }
  }
}
