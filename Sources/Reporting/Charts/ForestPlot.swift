import Foundation

/// A forest plot of ratios (odds ratios of a logit, rate ratios of a Poisson or negative-binomial
/// model; see ``ForestMeasure``) with confidence intervals on a log axis, a dashed reference
/// line at 1, and the estimate with its interval printed at the right ("1,55 (1,32–1,81)").
///
/// The log axis makes a halving and a doubling equally long, as they are on the scale the
/// model estimates (log odds). A row whose estimate or interval is not a positive finite
/// number (e.g. an aliased term) is listed with "–" and not drawn.
public struct ForestPlot: Sendable, Equatable {
  public var rows: [ForestRow]
  public var labels: ChartLabels
  public var options: ChartOptions
  /// Decimals of the printed ratios (default 2, as in tables).
  public var decimals: Int
  /// What the ratios are (default odds ratios): names the axis, the column and the summary.
  public var measure: ForestMeasure

  public init(
    _ rows: [ForestRow], labels: ChartLabels, options: ChartOptions = ChartOptions(),
    decimals: Int = 2, measure: ForestMeasure = .oddsRatio
  ) {
    self.rows = rows
    self.labels = labels
    self.options = options
    self.decimals = decimals
    self.measure = measure
  }

  /// The chart as an SVG document.
  public func document() -> SVGDocument {
    typealias A = SVGElement.Attribute
    let frame = ChartFrame(labels: labels, options: options)
    let format = frame.format
    let language = options.language
    let header = frame.header()
    var elements = header.elements
    let rowHeight = 24.0
    let top = header.bottom + 18

    func drawable(_ row: ForestRow) -> Bool {
      [row.estimate, row.lower, row.upper].allSatisfy { $0.isFinite && $0 > 0 }
    }
    let texts = rows.map { row in
      drawable(row)
        ? "\(format.string(row.estimate, decimals: decimals)) (\(format.string(row.lower, decimals: decimals))–\(format.string(row.upper, decimals: decimals)))"
        : "–"
    }
    let columnTitle = measure.columnTitle(language)
    let textWidth =
      max(
        ChartStyle.textWidth(columnTitle, size: ChartStyle.labelSize),
        texts.map { ChartStyle.textWidth($0, size: ChartStyle.labelSize) }.max() ?? 0) + 12
    let labelWidth = min(
      options.width * 0.4,
      (rows.map { ChartStyle.textWidth($0.term, size: ChartStyle.labelSize) }.max() ?? 0) + 12)
    // Terms wider than 40 % of the chart wrap; a row grows to hold its lines.
    let termLines = rows.map {
      frame.wrapped($0.term, size: ChartStyle.labelSize, width: labelWidth - 12)
    }
    let lineHeight = ChartStyle.labelSize * 1.2
    let heights = termLines.map { max(rowHeight, Double($0.count) * lineHeight + 8) }
    let usable = rows.filter(drawable)
    // On the log scale, as for bars: an interval end further than one span of the estimates
    // (and 1) beyond them is clipped with an arrowhead.
    let logDomain = ValueDomain(
      values: usable.map { Foundation.log($0.estimate) },
      intervals: usable.map { (Foundation.log($0.lower), Foundation.log($0.upper)) },
      includingZero: true)
    let clipsAny = usable.contains {
      !logDomain.range.contains(Foundation.log($0.lower))
        || !logDomain.range.contains(Foundation.log($0.upper))
    }
    let plot = PlotArea(
      left: frame.margin + labelWidth + (clipsAny ? 8 : 0), top: top,
      right: options.width - frame.margin - textWidth - (clipsAny ? 8 : 0),
      bottom: top + max(rowHeight, heights.reduce(0, +)))

    let scale = LogScale(
      domain: LogScale.domain(
        covering: [
          Foundation.exp(logDomain.range.lowerBound), Foundation.exp(logDomain.range.upperBound),
        ]),
      range: (plot.left, plot.right))
    let axisTitle = labels.valueAxis ?? measure.axisTitle(language)
    elements += Axis.log(scale, orientation: .bottom, format: format, title: axisTitle).elements(
      plot: plot)
    elements.append(
      .line(
        x1: scale(1), y1: plot.top - 4, x2: scale(1), y2: plot.bottom, stroke: ChartStyle.axis,
        width: 1,
        extra: [A("stroke-dasharray", "4 3"), A("class", "reference")]))
    elements.append(
      .text(
        columnTitle, x: plot.right + 10 + (clipsAny ? 8 : 0), y: plot.top - 8,
        size: ChartStyle.labelSize, weight: "bold", fill: ChartStyle.text))

    var marks: [SVGElement] = []
    var rowTop = plot.top
    var clipped = false
    for (index, row) in rows.enumerated() {
      let center = rowTop + heights[index] / 2
      rowTop += heights[index]
      let lines = termLines[index]
      var parts: [SVGElement] = [SVGElement("title", text: "\(row.term): \(texts[index])")]
      parts += ChartFrame.lines(
        lines, x: plot.left - 8 - (clipsAny ? 8 : 0),
        y: center + 4 - Double(lines.count - 1) * lineHeight / 2, lineHeight: lineHeight,
        anchor: "end", size: ChartStyle.labelSize, fill: ChartStyle.text)
      if drawable(row) {
        let (x1, x2) = (max(plot.left, scale(row.lower)), min(plot.right, scale(row.upper)))
        parts.append(
          .line(x1: x1, y1: center, x2: x2, y2: center, stroke: ChartStyle.interval, width: 1.5))
        if scale(row.lower) < plot.left {
          clipped = true
          parts.append(.clipMarker(x: x1 - 7, y: center, direction: .left))
        }
        if scale(row.upper) > plot.right {
          clipped = true
          parts.append(.clipMarker(x: x2 + 7, y: center, direction: .right))
        }
        let estimate = min(plot.right, max(plot.left, scale(row.estimate)))
        parts.append(
          .rect(
            x: estimate - 4, y: center - 4, width: 8, height: 8,
            fill: ChartStyle.color(0)))
      }
      parts.append(
        .text(
          texts[index], x: plot.right + 10 + (clipsAny ? 8 : 0), y: center + 4,
          size: ChartStyle.labelSize, fill: ChartStyle.text))
      marks.append(.group([A("class", "row")], parts))
    }
    elements.append(.group([A("class", "rows")], marks))

    let legend = frame.markLegend(marks: [], clipped: clipped, y: plot.bottom + 42)
    elements += legend.elements
    let axisBottom = plot.bottom + 42 + legend.height
    elements += frame.footer(y: axisBottom + 14)
    let above = usable.filter { $0.lower > 1 }.map(\.term)
    let below = usable.filter { $0.upper < 1 }.map(\.term)
    var summary = measure.summary(count: rows.count, language)
    if !above.isEmpty {
      summary += " " + language.text(.intervalAboveOne(terms: above.joined(separator: ", ")))
    }
    if !below.isEmpty {
      summary += " " + language.text(.intervalBelowOne(terms: below.joined(separator: ", ")))
    }
    return frame.document(
      height: axisBottom + frame.footerHeight, elements: elements, summary: summary)
  }

  /// The chart as SVG text.
  public func svg() -> String { document().render() }
}
