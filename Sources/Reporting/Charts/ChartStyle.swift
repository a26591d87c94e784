import Microdata

/// Colours and sizes shared by the charts.
///
/// The palette is Okabe & Ito's (2008), distinguishable with every common colour-vision
/// deficiency ("Color Universal Design", https://jfly.uni-koeln.de/color/), ordered so that
/// the first colours have the most contrast on white (yellow last).
public enum ChartStyle {
  /// Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black.
  public static let palette = [
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000",
  ]

  static let text = "#111111"
  static let axis = "#333333"
  static let muted = "#555555"
  static let grid = "#DDDDDD"
  static let interval = "#111111"
  static let titleSize = 16.0
  static let subtitleSize = 13.0
  static let labelSize = 12.0
  static let tickSize = 11.0
  static let sourceSize = 11.0

  /// The colour of series `index`, cycling through the palette.
  static func color(_ index: Int) -> String { palette[index % palette.count] }

  /// An estimate of the width of `text` at `size` px in a sans-serif font (average advance
  /// 0.56 em; digits and capitals are close to it), used only for layout.
  static func textWidth(_ text: String, size: Double) -> Double {
    Double(text.count) * size * 0.56
  }
}

/// The texts around a chart.
public struct ChartLabels: Sendable, Equatable {
  /// The title above the chart (also the SVG's accessible name).
  public var title: String
  /// A line under the title, e.g. "Misstänkta per 100 000 invånare, 2023".
  public var subtitle: String?
  /// The source line below the chart, printed after "Källa: " / "Source: ".
  public var source: String?
  /// The title of the value axis, e.g. "Per 100 000 invånare" or "Oddskvot (log-skala)".
  public var valueAxis: String?
  /// The accessible description; `nil` lets the chart write a summary of its data.
  public var description: String?

  public init(
    title: String, subtitle: String? = nil, source: String? = nil, valueAxis: String? = nil,
    description: String? = nil
  ) {
    self.title = title
    self.subtitle = subtitle
    self.source = source
    self.valueAxis = valueAxis
    self.description = description
  }
}

/// Options shared by the charts, with defaults.
public struct ChartOptions: Sendable, Equatable {
  /// Labels, number formatting and standard texts: `sv` (default) or `en`.
  public var language: Language
  /// The width in pixels (default 640); the height follows from the data.
  public var width: Double
  /// The prefix of the SVG's element ids (default `chart`); make it unique per page.
  public var idPrefix: String
  /// Whether to print each value next to its bar or row (default true).
  public var showValues: Bool

  public init(
    language: Language = .sv, width: Double = 640, idPrefix: String = "chart",
    showValues: Bool = true
  ) {
    self.language = language
    self.width = width
    self.idPrefix = idPrefix
    self.showValues = showValues
  }
}
