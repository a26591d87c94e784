// Texts of the forest plot of a count model (Poisson, negative binomial): rate ratios.

extension Message {
  /// "Incidenskvot (95 % KI)" / "Rate ratio (95% CI)", the column of the forest plot;
  /// `interval` is e.g. "95 % KI".
  public static func forestRateRatioColumn(interval: String) -> Message {
    Message(
      "chart.forest.rate_column", sv: "Incidenskvot (\(interval))", en: "Rate ratio (\(interval))")
  }
  /// "Incidenskvot (logaritmisk skala)" / "Rate ratio (log scale)".
  public static let rateRatioLogScale = Message(
    "chart.forest.rate_axis", sv: "Incidenskvot (logaritmisk skala)",
    en: "Rate ratio (log scale)")
  /// The summary of a forest plot of `count` rate ratios; `interval` is e.g. "95 % KI".
  public static func forestRateSummary(count: Int, interval: String) -> Message {
    Message(
      "chart.forest.rate_summary",
      sv:
        "Forest plot med incidenskvoter och \(interval) för \(count) termer på logaritmisk skala, referenslinje vid 1.",
      en:
        "Forest plot of incidence rate ratios with \(interval) for \(count) terms on a log scale, reference line at 1."
    )
  }
}
