/// A vertical grouped bar chart: groups along the x axis (e.g. age groups), within each group
/// one bar per series (e.g. kön × födelseland) in a fixed colour, with a legend above,
/// confidence-interval whiskers and the value axis on the left.
///
/// Groups and series appear in the order of first appearance in the data; a missing
/// group × series combination leaves a gap.
public struct GroupedBarChart: Sendable, Equatable {
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

  /// The chart as an SVG document; when every datum is marked (withheld or without cases), a
  /// sentence saying so in place of the chart.
  public func document() -> SVGDocument {
    typealias A = SVGElement.Attribute
    let frame = ChartFrame(labels: labels, options: options)
    if let sentence = frame.notDrawnSentence(data.map(\.effectiveMark)) {
      return frame.explanation(sentence)
    }
    let format = frame.format
    let values = BarValues(data, valueDecimals: valueDecimals)
    let decimals = values.decimals
    let groups = data.map(\.label).uniqued()
    let series = data.map { $0.series ?? "" }.uniqued()
    let legend =
      series.count > 1 || series.first != ""
      ? series.enumerated().map { ($0.element, ChartStyle.color($0.offset)) } : []
    let header = frame.header(legend: legend)
    var elements = header.elements

    // Room above the plot for the axis title and, with a clipped interval, its arrowhead.
    let top = header.bottom + (labels.valueAxis == nil ? 6 : 22) + (values.clipsAny ? 10 : 0)
    let plotHeight = 260.0
    var scale = LinearScale(domain: values.domain.range, range: (top + plotHeight, top)).niced()
    let tickLabels = scale.ticks().map {
      format.string($0, decimals: LinearScale.decimals(forStep: scale.tickStep()))
    }
    let axisWidth =
      (tickLabels.map { ChartStyle.textWidth($0, size: ChartStyle.tickSize) }.max() ?? 0) + 12
    let plot = PlotArea(
      left: frame.margin + axisWidth, top: top, right: options.width - frame.margin,
      bottom: top + plotHeight)
    scale.rangeStart = plot.bottom
    scale.rangeEnd = plot.top
    elements += Axis.linear(scale, orientation: .left, format: format, title: labels.valueAxis)
      .elements(plot: plot)

    let band = plot.width / Double(max(1, groups.count))
    let barWidth = band * 0.8 / Double(max(1, series.count))
    var bars: [SVGElement] = []
    var clipped = false
    for datum in data {
      guard let group = groups.firstIndex(of: datum.label),
        let seriesIndex = series.firstIndex(of: datum.series ?? "")
      else { continue }
      let x = plot.left + band * Double(group) + band * 0.1 + barWidth * Double(seriesIndex)
      let center = x + barWidth / 2
      let zero = scale(0)
      let seriesText: String = datum.series.map { ", " + $0 } ?? ""
      var title: String = datum.label + seriesText + ": "
      var parts: [SVGElement] = []
      var attributes = [A("class", "bar")]
      if let mark = datum.effectiveMark {
        title += mark.symbol
        attributes.append(A("data-mark", mark.rawValue))
        parts.append(
          .text(
            mark.symbol, x: center, y: zero - 4, anchor: "middle", size: 10, weight: "bold",
            fill: ChartStyle.text))
        bars.append(.group(attributes, [SVGElement("title", text: title)] + parts))
        continue
      }
      title += format.string(datum.value, decimals: decimals)
      let end = scale(datum.value.isFinite ? datum.value : 0)
      parts.append(
        .rect(
          x: x + 1, y: min(zero, end), width: barWidth - 2, height: abs(zero - end),
          fill: ChartStyle.color(seriesIndex)))
      var valueY = min(zero, end)
      if let low = datum.lower, let high = datum.upper, low.isFinite, high.isFinite {
        let (y1, y2) = (min(plot.bottom, scale(low)), max(plot.top, scale(high)))
        let cap = min(5, barWidth / 3)
        parts.append(
          .line(x1: center, y1: y1, x2: center, y2: y2, stroke: ChartStyle.interval, width: 1.5))
        let clippedLow = scale(low) > plot.bottom
        let clippedHigh = scale(high) < plot.top
        for (y, isClipped, outward) in [(y1, clippedLow, 1.0), (y2, clippedHigh, -1.0)] {
          if isClipped {
            clipped = true
            let direction: ClipDirection = outward > 0 ? .down : .up
            parts.append(.clipMarker(x: center, y: y + 7 * outward, direction: direction))
          } else {
            let tick = SVGElement.line(
              x1: center - cap, y1: y, x2: center + cap, y2: y, stroke: ChartStyle.interval,
              width: 1.5)
            parts.append(tick)
          }
        }
        let arrow: Double = clippedHigh ? 7 : 0
        valueY = min(valueY, y2 - arrow)
        title += " (" + frame.interval(low, high, decimals: decimals) + ")"
      }
      let valueText = format.string(datum.value, decimals: decimals)
      if options.showValues && ChartStyle.textWidth(valueText, size: 10) <= barWidth + 4 {
        parts.append(
          .text(
            valueText, x: center, y: valueY - 4, anchor: "middle", size: 10, fill: ChartStyle.text))
      }
      bars.append(.group(attributes, [SVGElement("title", text: title)] + parts))
    }
    elements.append(.group([A("class", "bars")], bars))
    // Category labels wrap within their band.
    var categoryLabels: [SVGElement] = []
    let lineHeight = ChartStyle.labelSize * 1.2
    var labelLines = 1
    for (index, group) in groups.enumerated() {
      let lines = frame.wrapped(group, size: ChartStyle.labelSize, width: band - 4)
      labelLines = max(labelLines, lines.count)
      categoryLabels += ChartFrame.lines(
        lines, x: plot.left + band * (Double(index) + 0.5), y: plot.bottom + 18,
        lineHeight: lineHeight, anchor: "middle", size: ChartStyle.labelSize,
        fill: ChartStyle.text)
    }
    elements.append(.group([A("class", "categories")], categoryLabels))

    let axisBottom = plot.bottom + 26 + Double(labelLines - 1) * lineHeight
    let marks = frame.markLegend(
      marks: Set(data.compactMap(\.effectiveMark)), clipped: clipped, y: axisBottom, arrow: .up)
    elements += marks.elements
    elements += frame.footer(y: axisBottom + marks.height + 14)
    let kind = options.language.text(
      .groupedBarChartSummary(
        groups: groups.count, groupNames: groups.joined(separator: ", "), series: series.count,
        seriesNames: series.joined(separator: ", ")))
    let summary = values.summary(kind, frame: frame)
    return frame.document(
      height: axisBottom + marks.height + frame.footerHeight, elements: elements, summary: summary)
  }

  /// The chart as SVG text.
  public func svg() -> String { document().render() }
}
