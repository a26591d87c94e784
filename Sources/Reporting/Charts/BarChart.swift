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
    let seriesNames = data.compactMap(\.series).uniqued()
    let legend =
      seriesNames.count > 1
      ? seriesNames.enumerated().map { ($0.element, ChartStyle.color($0.offset)) } : []
    let header = frame.header(legend: legend)
    var elements = header.elements
    let top = header.bottom

    // Labels wider than 45 % of the chart wrap onto several lines; a band grows to hold them.
    let labelWidth = min(
      options.width * 0.45,
      (data.map { ChartStyle.textWidth($0.label, size: ChartStyle.labelSize) }.max() ?? 0) + 10)
    let labelLines = data.map {
      frame.wrapped($0.label, size: ChartStyle.labelSize, width: labelWidth - 10)
    }
    let lineHeight = ChartStyle.labelSize * 1.2
    let bands = labelLines.map { max(26, Double($0.count) * lineHeight + 10) }
    let valueTexts = data.map { datum in
      datum.effectiveMark?.symbol ?? format.string(datum.value, decimals: decimals)
    }

    let clipsAny = values.clipsAny
    let valueRoom =
      options.showValues
      ? (valueTexts.map { ChartStyle.textWidth($0, size: ChartStyle.tickSize) }.max() ?? 0) + 10
        + (clipsAny ? 8 : 0) : (clipsAny ? 8 : 0)
    let plot = PlotArea(
      left: frame.margin + labelWidth, top: top,
      right: options.width - frame.margin - valueRoom,
      bottom: top + max(26, bands.reduce(0, +)))
    let scale = LinearScale(domain: values.domain.range, range: (plot.left, plot.right)).niced()
    let axis = Axis.linear(scale, orientation: .bottom, format: format, title: labels.valueAxis)
    elements += axis.elements(plot: plot)

    var bars: [SVGElement] = []
    var bandTop = plot.top
    var clipped = false
    for (index, datum) in data.enumerated() {
      let center = bandTop + bands[index] / 2
      bandTop += bands[index]
      let colorIndex = datum.series.flatMap { seriesNames.firstIndex(of: $0) } ?? 0
      let start = scale(0)
      var parts: [SVGElement] = [
        SVGElement("title", text: tooltip(datum, frame: frame, decimals: decimals))
      ]
      var valueX = start
      if datum.effectiveMark == nil {
        let end = scale(datum.value.isFinite ? datum.value : 0)
        parts.append(
          .rect(
            x: min(start, end), y: center - 8, width: abs(end - start), height: 16,
            fill: ChartStyle.color(colorIndex)))
        valueX = max(start, end)
        if let low = datum.lower, let high = datum.upper, low.isFinite, high.isFinite {
          let (x1, x2) = (max(plot.left, scale(low)), min(plot.right, scale(high)))
          parts.append(
            .line(x1: x1, y1: center, x2: x2, y2: center, stroke: ChartStyle.interval, width: 1.5))
          let clippedLow = scale(low) < plot.left
          let clippedHigh = scale(high) > plot.right
          for (x, isClipped, outward) in [(x1, clippedLow, -1.0), (x2, clippedHigh, 1.0)] {
            if isClipped {
              clipped = true
              let direction: ClipDirection = outward > 0 ? .right : .left
              parts.append(.clipMarker(x: x + 7 * outward, y: center, direction: direction))
            } else {
              parts.append(
                .line(
                  x1: x, y1: center - 5, x2: x, y2: center + 5, stroke: ChartStyle.interval,
                  width: 1.5))
            }
          }
          let arrow: Double = clippedHigh ? 7 : 0
          valueX = max(valueX, x2 + arrow)
        }
      }
      let lines = labelLines[index]
      parts += ChartFrame.lines(
        lines, x: plot.left - 8,
        y: center + 4 - Double(lines.count - 1) * lineHeight / 2, lineHeight: lineHeight,
        anchor: "end", size: ChartStyle.labelSize, fill: ChartStyle.text)
      if options.showValues || datum.effectiveMark != nil {
        parts.append(
          .text(
            valueTexts[index], x: valueX + 5, y: center + 4, size: ChartStyle.tickSize,
            weight: datum.effectiveMark == nil ? nil : "bold", fill: ChartStyle.text))
      }
      var attributes = [A("class", "bar")]
      if let mark = datum.effectiveMark { attributes.append(A("data-mark", mark.rawValue)) }
      bars.append(.group(attributes, parts))
    }
    elements.append(.group([A("class", "bars")], bars))

    let axisBottom = plot.bottom + (labels.valueAxis == nil ? 24 : 42)
    let marks = frame.markLegend(
      marks: Set(data.compactMap(\.effectiveMark)), clipped: clipped, y: axisBottom)
    elements += marks.elements
    elements += frame.footer(y: axisBottom + marks.height + 14)
    let height = axisBottom + marks.height + frame.footerHeight
    let summary = values.summary(
      options.language.text(.barChartSummary(bars: data.count)), frame: frame)
    return frame.document(height: height, elements: elements, summary: summary)
  }

  /// The chart as SVG text.
  public func svg() -> String { document().render() }

  func tooltip(_ datum: BarDatum, frame: ChartFrame, decimals: Int) -> String {
    var text =
      datum.label + (datum.series.map { ", \($0)" } ?? "") + ": "
      + (datum.effectiveMark?.symbol ?? frame.format.string(datum.value, decimals: decimals))
    if datum.effectiveMark == nil, let low = datum.lower, let high = datum.upper {
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
