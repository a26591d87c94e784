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
  ///
  /// The reference line's label stands in a legend above the plot (never over the data); an
  /// interval reaching beyond the scale (see `ValueDomain`) ends in an arrowhead; without
  /// per-stratum labels (more than 40 strata) the highest and the lowest stratum are named in
  /// the legend and their points ringed; rotated labels get the left margin they need.
  public func document() -> SVGDocument {
    typealias A = SVGElement.Attribute
    let frame = ChartFrame(labels: labels, options: options)
    let format = frame.format
    let language = options.language
    let ranked = self.ranked
    let decimals = valueDecimals ?? ChartFrame.displayDecimals(ranked.map(\.estimate))
    let header = frame.header()
    var elements = header.elements
    var legendBottom = header.bottom
    if let reference {
      let y = header.bottom + 6
      let text = language.text(
        .referenceLineLegend(
          label: reference.label, value: format.string(reference.value, decimals: decimals)))
      elements.append(
        .group(
          [A("class", "reference-legend")],
          [
            .line(
              x1: frame.margin, y1: y - 4, x2: frame.margin + 24, y2: y - 4,
              stroke: ChartStyle.color(3), width: 1.5, extra: [A("stroke-dasharray", "6 4")]),
            .text(
              text, x: frame.margin + 30, y: y, size: ChartStyle.tickSize,
              fill: ChartStyle.text),
          ]))
      legendBottom = y + 8
    }
    let labelled = ranked.count <= 40
    // Without per-stratum labels the highest and the lowest stratum are named in the legend,
    // their points ringed in the plot (a name written in the plot would cover intervals).
    let ring = [A("stroke", ChartStyle.text), A("stroke-width", "1.5")]
    if !labelled, let lowest = ranked.first, let highest = ranked.last {
      var items: [SVGElement] = []
      for (word, point) in [(language.text(.highest), highest), (language.text(.lowest), lowest)] {
        let text =
          "\(word): \(point.label) (\(format.string(point.estimate, decimals: decimals)))"
        let lines = frame.wrapped(
          text, size: ChartStyle.tickSize, width: options.width - 2 * frame.margin - 30)
        let y = legendBottom + 6
        items.append(
          .circle(
            cx: frame.margin + 12, cy: y - 4, r: 5, fill: "none",
            extra: ring))
        items += ChartFrame.lines(
          lines, x: frame.margin + 30, y: y, lineHeight: ChartStyle.tickSize * 1.3,
          size: ChartStyle.tickSize, fill: ChartStyle.text)
        legendBottom = y + 8 + Double(lines.count - 1) * ChartStyle.tickSize * 1.3
      }
      elements.append(.group([A("class", "extremes")], items))
    }

    let domain = ValueDomain(
      values: ranked.map(\.estimate) + (reference.map { [$0.value] } ?? []),
      intervals: ranked.map { ($0.lower, $0.upper) }, includingZero: true)
    let clipsAny = ranked.contains { !domain.range.contains($0.upper) }
    let top = legendBottom + (labels.valueAxis == nil ? 6 : 22) + (clipsAny ? 10 : 0)
    let plotHeight = 260.0
    var scale = LinearScale(domain: domain.range, range: (top + plotHeight, top)).niced()
    let tickLabels = scale.ticks().map {
      format.string($0, decimals: LinearScale.decimals(forStep: scale.tickStep()))
    }
    let axisWidth =
      (tickLabels.map { ChartStyle.textWidth($0, size: ChartStyle.tickSize) }.max() ?? 0) + 12
    // A label rotated by −60° reaches half its length to the left of its point: widen the
    // left margin until the leftmost label starts inside the chart.
    let widths = ranked.map { ChartStyle.textWidth($0.label, size: ChartStyle.tickSize) }
    var left = frame.margin + axisWidth
    if labelled {
      for _ in 0..<3 {
        let step = (options.width - frame.margin - left) / Double(max(1, ranked.count))
        let needed =
          widths.enumerated().map { 0.5 * $0.element - step * (Double($0.offset) + 0.5) }.max()
          ?? 0
        left = max(left, frame.margin + needed + 2)
      }
    }
    let plot = PlotArea(
      left: left, top: top, right: options.width - frame.margin, bottom: top + plotHeight)
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
    }
    var marks: [SVGElement] = []
    var clipped = false
    let radius = ranked.count > 60 ? 2.5 : 3.5
    for (rank, point) in ranked.enumerated() {
      let title =
        "\(rank + 1). \(point.label): \(format.string(point.estimate, decimals: decimals)) (\(frame.interval(point.lower, point.upper, decimals: decimals)))"
      let (y1, y2) = (min(plot.bottom, scale(point.lower)), max(plot.top, scale(point.upper)))
      var parts: [SVGElement] = [
        SVGElement("title", text: title),
        .line(x1: x(rank), y1: y1, x2: x(rank), y2: y2, stroke: ChartStyle.muted, width: 1.2),
      ]
      if scale(point.upper) < plot.top {
        clipped = true
        parts.append(.clipMarker(x: x(rank), y: plot.top - 7, direction: .up))
      }
      parts.append(
        .circle(cx: x(rank), cy: scale(point.estimate), r: radius, fill: ChartStyle.color(0)))
      marks.append(.group([A("class", "stratum")], parts))
    }
    elements.append(.group([A("class", "strata")], marks))
    if !labelled, ranked.count > 1 {
      var rings: [SVGElement] = []
      for rank in [0, ranked.count - 1] {
        rings.append(
          .circle(
            cx: x(rank), cy: scale(ranked[rank].estimate), r: radius + 3, fill: "none",
            extra: ring))
      }
      elements.append(.group([A("class", "extreme-points")], rings))
    }

    var bottom = plot.bottom
    var axisMarks: [SVGElement] = [
      .line(
        x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartStyle.axis)
    ]
    if labelled {
      let longest = widths.max() ?? 0
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
    let legend = frame.markLegend(marks: [], clipped: clipped, y: bottom, arrow: .up)
    elements += legend.elements
    bottom += legend.height
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
