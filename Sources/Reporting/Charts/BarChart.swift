/// A horizontal bar chart, one bar per datum (e.g. suspects per 100 000 by group), with
/// confidence-interval whiskers and the value printed beside each bar.
///
/// Bars start at zero (a bar's length must be proportional to its value); the value axis is
/// at the bottom with nice ticks; labels sit left of the bars, so long Swedish group names
/// stay readable. A datum's `series` picks its colour (one colour when no datum has one).
public struct BarChart: Sendable, Equatable {
  public var data: [BarDatum]
  public var labels: ChartLabels
  public var options: ChartOptions
  /// Decimals of the printed values; `nil` gives three significant digits of the largest.
  public var valueDecimals: Int?

  public init(
    _ data: [BarDatum], labels: ChartLabels, options: ChartOptions = ChartOptions(),
    valueDecimals: Int? = nil
  ) {
    self.data = data
    self.labels = labels
    self.options = options
    self.valueDecimals = valueDecimals
  }

  /// The chart as an SVG document.
  public func document() -> SVGDocument {
    typealias A = SVGElement.Attribute
    let frame = ChartFrame(labels: labels, options: options)
    let format = frame.format
    let decimals = valueDecimals ?? ChartFrame.displayDecimals(data.map(\.value))
    let seriesNames = data.compactMap(\.series).uniqued()
    let legend =
      seriesNames.count > 1
      ? seriesNames.enumerated().map { ($0.element, ChartStyle.color($0.offset)) } : []
    let header = frame.header(legend: legend)
    var elements = header.elements
    let top = header.bottom

    let labelWidth = min(
      options.width * 0.45,
      (data.map { ChartStyle.textWidth($0.label, size: ChartStyle.labelSize) }.max() ?? 0) + 10)
    let valueTexts = data.map { format.string($0.value, decimals: decimals) }
    let valueRoom =
      options.showValues
      ? (valueTexts.map { ChartStyle.textWidth($0, size: ChartStyle.tickSize) }.max() ?? 0) + 10 : 0
    let band = 26.0
    let plot = PlotArea(
      left: frame.margin + labelWidth, top: top,
      right: options.width - frame.margin - valueRoom,
      bottom: top + band * Double(max(1, data.count)))

    let extent = data.flatMap { [$0.value, $0.lower ?? $0.value, $0.upper ?? $0.value] }.filter(
      \.isFinite)
    let lower = min(0, extent.min() ?? 0)
    let upper = max(0, extent.max() ?? 1)
    let scale = LinearScale(
      domain: lower...(upper > lower ? upper : lower + 1), range: (plot.left, plot.right)
    ).niced()
    let axis = Axis.linear(scale, orientation: .bottom, format: format, title: labels.valueAxis)
    elements += axis.elements(plot: plot)

    var bars: [SVGElement] = []
    for (index, datum) in data.enumerated() {
      let center = plot.top + band * (Double(index) + 0.5)
      let colorIndex = datum.series.flatMap { seriesNames.firstIndex(of: $0) } ?? 0
      let start = scale(0)
      let end = scale(datum.value.isFinite ? datum.value : 0)
      var parts: [SVGElement] = [
        SVGElement("title", text: tooltip(datum, frame: frame, decimals: decimals)),
        .rect(
          x: min(start, end), y: center - 8, width: abs(end - start), height: 16,
          fill: ChartStyle.color(colorIndex)),
      ]
      var valueX = max(start, end)
      if let low = datum.lower, let high = datum.upper, low.isFinite, high.isFinite {
        let (x1, x2) = (scale(low), scale(high))
        parts.append(
          .line(x1: x1, y1: center, x2: x2, y2: center, stroke: ChartStyle.interval, width: 1.5))
        parts.append(
          .line(
            x1: x1, y1: center - 5, x2: x1, y2: center + 5, stroke: ChartStyle.interval, width: 1.5)
        )
        parts.append(
          .line(
            x1: x2, y1: center - 5, x2: x2, y2: center + 5, stroke: ChartStyle.interval, width: 1.5)
        )
        valueX = max(valueX, x2)
      }
      parts.append(
        .text(
          datum.label, x: plot.left - 8, y: center + 4, anchor: "end", size: ChartStyle.labelSize,
          fill: ChartStyle.text))
      if options.showValues {
        parts.append(
          .text(
            valueTexts[index], x: valueX + 5, y: center + 4, size: ChartStyle.tickSize,
            fill: ChartStyle.text))
      }
      bars.append(.group([A("class", "bar")], parts))
    }
    elements.append(.group([A("class", "bars")], bars))

    let axisBottom = plot.bottom + (labels.valueAxis == nil ? 24 : 42)
    elements += frame.footer(y: axisBottom + 14)
    let height = axisBottom + frame.footerHeight
    let kind = options.language.text(.barChartSummary(bars: data.count))
    let summary =
      kind
      + frame.extremes(
        data.map { ($0.label + ($0.series.map { ", \($0)" } ?? ""), $0.value) }, decimals: decimals)
    return frame.document(height: height, elements: elements, summary: summary)
  }

  /// The chart as SVG text.
  public func svg() -> String { document().render() }

  func tooltip(_ datum: BarDatum, frame: ChartFrame, decimals: Int) -> String {
    var text =
      datum.label + (datum.series.map { ", \($0)" } ?? "") + ": "
      + frame.format.string(datum.value, decimals: decimals)
    if let low = datum.lower, let high = datum.upper {
      text += " (" + frame.interval(low, high, decimals: decimals) + ")"
    }
    return text
  }
}

extension Array where Element: Hashable {
  /// The elements in order of first appearance, without repeats.
  func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
