/// A caterpillar plot: strata ranked by their predicted value, each with its interval, as in
/// MAIHDA (Evans et al. 2018, doi:10.1016/j.ssmph.2017.12.005; Merlo 2018,
/// doi:10.1016/j.socscimed.2017.12.026).
///
/// The rank runs along the x axis and the prediction up the y axis; an optional dashed
/// reference line marks e.g. the overall prevalence. With at most 40 strata each is labelled
/// below the axis (rotated); with more, the axis shows ranks.
public struct CaterpillarPlot: Sendable, Equatable {
  public var points: [CaterpillarPoint]
  public var labels: ChartLabels
  public var options: ChartOptions
  /// A horizontal reference line, e.g. the overall prevalence.
  public var reference: ReferenceLine?
  /// Decimals of printed values; `nil` gives three significant digits of the largest.
  public var valueDecimals: Int?

  public init(
    _ points: [CaterpillarPoint], labels: ChartLabels, options: ChartOptions = ChartOptions(),
    reference: ReferenceLine? = nil, valueDecimals: Int? = nil
  ) {
    self.points = points
    self.labels = labels
    self.options = options
    self.reference = reference
    self.valueDecimals = valueDecimals
  }

  /// The points in rank order: ascending estimate, ties by label (deterministic).
  public var ranked: [CaterpillarPoint] {
    points.sorted { ($0.estimate, $0.label) < ($1.estimate, $1.label) }
  }

  /// The chart as an SVG document.
  public func document() -> SVGDocument {
    typealias A = SVGElement.Attribute
    let frame = ChartFrame(labels: labels, options: options)
    let format = frame.format
    let language = options.language
    let ranked = self.ranked
    let decimals = valueDecimals ?? ChartFrame.displayDecimals(ranked.map(\.estimate))
    let header = frame.header()
    var elements = header.elements
    let top = header.bottom + (labels.valueAxis == nil ? 6 : 22)
    let labelled = ranked.count <= 40

    let extent =
      ranked.flatMap { [$0.lower, $0.upper, $0.estimate] }.filter(\.isFinite)
      + (reference.map { [$0.value] } ?? [])
    let low = extent.min() ?? 0
    let high = extent.max() ?? 1
    let plotHeight = 260.0
    var scale = LinearScale(
      domain: min(low, 0)...(high > low ? high : low + 1), range: (top + plotHeight, top)
    ).niced()
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

    let step = plot.width / Double(max(1, ranked.count))
    func x(_ rank: Int) -> Double { plot.left + step * (Double(rank) + 0.5) }
    if let reference {
      elements.append(
        .line(
          x1: plot.left, y1: scale(reference.value), x2: plot.right, y2: scale(reference.value),
          stroke: ChartStyle.color(3),
          width: 1.5, extra: [A("stroke-dasharray", "6 4"), A("class", "reference")]))
      elements.append(
        .text(
          reference.label + " " + format.string(reference.value, decimals: decimals),
          x: plot.right - 4,
          y: scale(reference.value) - 6, anchor: "end", size: ChartStyle.tickSize,
          fill: ChartStyle.color(3)))
    }
    var marks: [SVGElement] = []
    let radius = ranked.count > 60 ? 2.5 : 3.5
    for (rank, point) in ranked.enumerated() {
      let title =
        "\(rank + 1). \(point.label): \(format.string(point.estimate, decimals: decimals)) (\(frame.interval(point.lower, point.upper, decimals: decimals)))"
      marks.append(
        .group(
          [A("class", "stratum")],
          [
            SVGElement("title", text: title),
            .line(
              x1: x(rank), y1: scale(point.lower), x2: x(rank), y2: scale(point.upper),
              stroke: ChartStyle.muted, width: 1.2),
            .circle(cx: x(rank), cy: scale(point.estimate), r: radius, fill: ChartStyle.color(0)),
          ]))
    }
    elements.append(.group([A("class", "strata")], marks))

    var bottom = plot.bottom
    var axisMarks: [SVGElement] = [
      .line(
        x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartStyle.axis)
    ]
    if labelled {
      let longest =
        ranked.map { ChartStyle.textWidth($0.label, size: ChartStyle.tickSize) }.max() ?? 0
      for (rank, point) in ranked.enumerated() {
        let (px, py) = (x(rank), plot.bottom + 12)
        axisMarks.append(
          .text(
            point.label, x: px, y: py, anchor: "end", size: ChartStyle.tickSize,
            fill: ChartStyle.axis,
            extra: [A("transform", "rotate(-60 \(svgNumber(px)) \(svgNumber(py)))")]))
      }
      bottom += 12 + longest * 0.87 + 8
    } else {
      let rankScale = LinearScale(
        domain: 1...Double(ranked.count), range: (x(0), x(ranked.count - 1)))
      for tick in rankScale.ticks(count: 8) where tick >= 1 {
        axisMarks.append(
          .line(
            x1: rankScale(tick), y1: plot.bottom, x2: rankScale(tick), y2: plot.bottom + 4,
            stroke: ChartStyle.axis))
        axisMarks.append(
          .text(
            format.string(tick, decimals: 0), x: rankScale(tick), y: plot.bottom + 17,
            anchor: "middle", size: ChartStyle.tickSize, fill: ChartStyle.axis))
      }
      bottom += 24
    }
    axisMarks.append(
      .text(
        language.text(.strataInRankOrder), x: (plot.left + plot.right) / 2,
        y: bottom + 12, anchor: "middle", size: ChartStyle.labelSize, fill: ChartStyle.axis))
    bottom += 18
    elements.append(.group([A("class", "axis")], axisMarks))
    elements += frame.footer(y: bottom + 14)
    var summary = language.text(.caterpillarSummary(count: ranked.count))
    summary += frame.extremes(ranked.map { ($0.label, $0.estimate) }, decimals: decimals)
    return frame.document(height: bottom + frame.footerHeight, elements: elements, summary: summary)
  }

  /// The chart as SVG text.
  public func svg() -> String { document().render() }
}

/// A labelled horizontal reference line, e.g. "Samtliga 0,0031".
public struct ReferenceLine: Sendable, Equatable {
  public var value: Double
  public var label: String

  public init(value: Double, label: String) {
    self.value = value
    self.label = label
  }
}
