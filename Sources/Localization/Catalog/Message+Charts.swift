// Texts of charts: axis titles, column titles and the text summaries read by screen readers.

extension Message {
  /// "Högst" / "Highest".
  public static let highest = Message("chart.highest", sv: "Högst", en: "Highest")
  /// "Lägst" / "Lowest".
  public static let lowest = Message("chart.lowest", sv: "Lägst", en: "Lowest")

  // MARK: Forest plot

  /// "Oddskvot (95 % KI)" / "Odds ratio (95% CI)", the column of the forest plot.
  public static let forestColumnTitle = Message(
    "chart.forest.column", sv: "Oddskvot (95 % KI)", en: "Odds ratio (95% CI)")
  /// "Oddskvot (logaritmisk skala)" / "Odds ratio (log scale)".
  public static let oddsRatioLogScale = Message(
    "chart.forest.axis", sv: "Oddskvot (logaritmisk skala)", en: "Odds ratio (log scale)")
  /// The summary of a forest plot of `count` terms.
  public static func forestSummary(count: Int) -> Message {
    Message(
      "chart.forest.summary",
      sv:
        "Forest plot med oddskvoter och 95 % konfidensintervall för \(count) termer på logaritmisk skala, referenslinje vid 1.",
      en:
        "Forest plot of odds ratios with 95% confidence intervals for \(count) terms on a log scale, reference line at 1."
    )
  }
  /// "Intervallet ligger över 1 för: Kön: Man."
  public static func intervalAboveOne(terms: String) -> Message {
    Message(
      "chart.forest.above_one", sv: "Intervallet ligger över 1 för: \(terms).",
      en: "Interval above 1 for: \(terms).")
  }
  /// "Intervallet ligger under 1 för: Kön: Kvinna."
  public static func intervalBelowOne(terms: String) -> Message {
    Message(
      "chart.forest.below_one", sv: "Intervallet ligger under 1 för: \(terms).",
      en: "Interval below 1 for: \(terms).")
  }

  // MARK: Caterpillar plot

  /// "Strata i rangordning" / "Strata in rank order".
  public static let strataInRankOrder = Message(
    "chart.caterpillar.axis", sv: "Strata i rangordning", en: "Strata in rank order")
  /// The summary of a caterpillar plot of `count` strata.
  public static func caterpillarSummary(count: Int) -> Message {
    Message(
      "chart.caterpillar.summary",
      sv: "Larvdiagram: \(count) strata rangordnade efter predicerat värde med 95 % intervall.",
      en: "Caterpillar plot: \(count) strata ranked by predicted value with 95% intervals.")
  }

  /// The caterpillar plot's note on the strata it leaves out (disclosure control).
  public static func caterpillarSuppressedNote(count: Int) -> Message {
    Message(
      "chart.caterpillar.suppressed",
      sv: "\(count) strata med få fall eller personer visas inte",
      en: "\(count) strata with few cases or persons are not shown")
  }

  // MARK: Bar charts

  /// The summary of a horizontal bar chart.
  public static func barChartSummary(bars: Int) -> Message {
    Message(
      "chart.bar.summary", sv: "Liggande stapeldiagram med \(bars) staplar.",
      en: "Horizontal bar chart with \(bars) bars.")
  }
  /// The summary of a grouped bar chart; `groupNames` and `seriesNames` joined by ", ".
  public static func groupedBarChartSummary(
    groups: Int, groupNames: String, series: Int, seriesNames: String
  ) -> Message {
    Message(
      "chart.grouped_bar.summary",
      sv:
        "Grupperat stapeldiagram: \(groups) grupper (\(groupNames)) med \(series) serier (\(seriesNames)).",
      en:
        "Grouped bar chart: \(groups) groups (\(groupNames)) with \(series) series (\(seriesNames))."
    )
  }

  // MARK: Marks and notes

  /// The legend of "..": a bar withheld by disclosure control.
  public static let chartSuppressedMark = Message(
    "chart.mark.suppressed", sv: "uppgiften redovisas inte (för få observationer)",
    en: "not shown (too few observations)")
  /// The legend of "0": a group without cases.
  public static let chartZeroMark = Message(
    "chart.mark.zero", sv: "inga fall", en: "no cases")
  /// The legend of the arrowhead on a clipped interval.
  public static let chartClippedMark = Message(
    "chart.mark.clipped", sv: "intervallet fortsätter utanför skalan",
    en: "the interval continues beyond the scale")
  /// The sentence shown instead of a chart whose groups are all withheld.
  public static func chartNotDrawnSuppressed(count: Int) -> Message {
    Message(
      "chart.not_drawn.suppressed",
      sv:
        "Diagrammet visas inte: ingen av de \(count) grupperna redovisas (..).",
      en:
        "The chart is not drawn: none of the \(count) groups is shown (..)."
    )
  }
  /// The sentence shown instead of a chart whose groups all have no cases.
  public static func chartNotDrawnZero(count: Int) -> Message {
    Message(
      "chart.not_drawn.zero",
      sv: "Diagrammet visas inte: ingen av de \(count) grupperna har några fall.",
      en: "The chart is not drawn: none of the \(count) groups has any cases.")
  }
  /// The sentence shown instead of a chart whose groups are withheld or without cases.
  public static func chartNotDrawnMixed(zero: Int, suppressed: Int) -> Message {
    Message(
      "chart.not_drawn.mixed",
      sv:
        "Diagrammet visas inte: \(zero) \(zero == 1 ? "grupp" : "grupper") saknar fall och \(suppressed) redovisas inte (..).",
      en:
        "The chart is not drawn: \(zero) \(zero == 1 ? "group has" : "groups have") no cases and \(suppressed) \(suppressed == 1 ? "is" : "are") not shown (..)."
    )
  }
  /// The reference line's legend in a caterpillar plot, e.g. "Samtliga: 0,31".
  public static func referenceLineLegend(label: String, value: String) -> Message {
    Message("chart.reference", sv: "\(label): \(value)", en: "\(label): \(value)")
  }
}
