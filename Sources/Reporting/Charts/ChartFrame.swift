import Foundation
import Microdata

/// The parts every chart shares: title, subtitle and legend above the plot, the source line
/// below, and the document around them.
struct ChartFrame {
  let labels: ChartLabels
  let options: ChartOptions
  var format: NumberFormat { NumberFormat(language: options.language, style: .typographic) }
  let margin = 16.0

  /// Title, subtitle and an optional legend from the top; returns the elements and the y
  /// where the plot region may begin.
  func header(legend: [(label: String, color: String)] = []) -> (
    elements: [SVGElement], bottom: Double
  ) {
    var elements: [SVGElement] = []
    let available = options.width - 2 * margin
    var y = margin
    // Bold glyphs are about a tenth wider than the estimate's average advance.
    for (k, line) in wrapped(labels.title, size: ChartStyle.titleSize * 1.1, width: available)
      .enumerated()
    {
      y += k == 0 ? ChartStyle.titleSize : ChartStyle.titleSize * 1.25
      elements.append(
        .text(
          line, x: margin, y: y, size: ChartStyle.titleSize, weight: "bold",
          fill: ChartStyle.text))
    }
    if let subtitle = labels.subtitle {
      for (k, line) in wrapped(subtitle, size: ChartStyle.subtitleSize, width: available)
        .enumerated()
      {
        y += k == 0 ? 20 : ChartStyle.subtitleSize * 1.3
        elements.append(
          .text(line, x: margin, y: y, size: ChartStyle.subtitleSize, fill: ChartStyle.muted))
      }
    }
    if !legend.isEmpty {
      y += 24
      var x = margin
      var items: [SVGElement] = []
      for item in legend {
        let width = 18 + ChartStyle.textWidth(item.label, size: ChartStyle.labelSize) + 16
        if x + width > options.width - margin && x > margin {
          x = margin
          y += 20
        }
        items.append(.rect(x: x, y: y - 10, width: 12, height: 12, fill: item.color))
        items.append(
          .text(item.label, x: x + 18, y: y, size: ChartStyle.labelSize, fill: ChartStyle.text))
        x += width
      }
      elements.append(.group([SVGElement.Attribute("class", "legend")], items))
    }
    return (elements, y + 14)
  }

  /// `text` broken at spaces into lines that fit `width` at font `size` (by the layout
  /// estimate of `ChartStyle.textWidth`); a single word longer than the width is broken
  /// between characters, so that no line is wider than `width` and nothing is cut.
  func wrapped(_ text: String, size: Double, width: Double) -> [String] {
    Self.wrapped(text, size: size, width: width)
  }

  static func wrapped(_ text: String, size: Double, width: Double) -> [String] {
    let perLine = max(1, Int(width / (size * 0.56)))
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      var word = String(word)
      while word.count > perLine {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(word.prefix(perLine)))
        word = String(word.dropFirst(perLine))
      }
      let candidate = current.isEmpty ? word : current + " " + word
      if !current.isEmpty && ChartStyle.textWidth(candidate, size: size) > width {
        lines.append(current)
        current = word
      } else {
        current = candidate
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// `lines` as one text element each, `lineHeight` apart, the first at `y`.
  static func lines(
    _ lines: [String], x: Double, y: Double, lineHeight: Double, anchor: String = "start",
    size: Double, fill: String
  ) -> [SVGElement] {
    lines.enumerated().map { index, line in
      .text(
        line, x: x, y: y + Double(index) * lineHeight, anchor: anchor, size: size, fill: fill)
    }
  }

  /// The legend of the marks a chart uses ("..", "0", the clip arrowhead), one item per mark
  /// in a row that wraps, starting at `y`; returns the elements and the height used.
  func markLegend(
    marks: Set<BarMark>, clipped: Bool, y: Double, arrow: ClipDirection = .right
  ) -> (
    elements: [SVGElement], height: Double
  ) {
    let language = options.language
    var items: [(symbolText: String?, text: String)] = []
    if marks.contains(.suppressed) {
      items.append((BarMark.suppressed.symbol, language.text(.chartSuppressedMark)))
    }
    if marks.contains(.zero) {
      items.append((BarMark.zero.symbol, language.text(.chartZeroMark)))
    }
    if clipped { items.append((nil, language.text(.chartClippedMark))) }
    guard !items.isEmpty else { return ([], 0) }
    let size = ChartStyle.sourceSize
    var x = margin
    var line = y + size
    var elements: [SVGElement] = []
    for item in items {
      let symbolWidth = 18.0
      let width = symbolWidth + ChartStyle.textWidth(item.text, size: size) + 18
      if x + width > options.width - margin && x > margin {
        x = margin
        line += size * 1.5
      }
      if let symbol = item.symbolText {
        elements.append(
          .text(symbol, x: x, y: line, size: size, weight: "bold", fill: ChartStyle.text))
      } else {
        elements.append(
          .clipMarker(
            x: arrow == .up ? x + 5 : x + 9,
            y: arrow == .up ? line - size * 0.8 : line - size * 0.35,
            direction: arrow, className: "clipped-legend"))
      }
      for (k, part) in wrapped(
        item.text, size: size, width: options.width - margin - x - symbolWidth
      )
      .enumerated() {
        if k > 0 { line += size * 1.3 }
        elements.append(
          .text(part, x: x + symbolWidth, y: line, size: size, fill: ChartStyle.muted))
      }
      x += width
    }
    return (
      [.group([SVGElement.Attribute("class", "marks")], elements)], line - y + size * 0.6
    )
  }

  /// A document that explains, in place of the chart, why it is not drawn: the title and
  /// subtitle, the sentence, and the source.
  func explanation(_ sentence: String) -> SVGDocument {
    var elements = header().elements
    var y = header().bottom + 8
    let lines = wrapped(sentence, size: ChartStyle.labelSize, width: options.width - 2 * margin)
    elements.append(
      .group(
        [SVGElement.Attribute("class", "not-drawn")],
        Self.lines(
          lines, x: margin, y: y, lineHeight: ChartStyle.labelSize * 1.4,
          size: ChartStyle.labelSize, fill: ChartStyle.text)))
    y += Double(lines.count - 1) * ChartStyle.labelSize * 1.4 + 10
    elements += footer(y: y + 14)
    return document(height: y + footerHeight, elements: elements, summary: sentence)
  }

  /// The sentence of a chart whose data are all marked, or `nil` when some datum has a bar.
  func notDrawnSentence(_ marks: [BarMark?]) -> String? {
    guard !marks.isEmpty, marks.allSatisfy({ $0 != nil }) else { return nil }
    let zero = marks.filter { $0 == .zero }.count
    let suppressed = marks.count - zero
    let language = options.language
    if zero == 0 { return language.text(.chartNotDrawnSuppressed(count: suppressed)) }
    if suppressed == 0 { return language.text(.chartNotDrawnZero(count: zero)) }
    return language.text(.chartNotDrawnMixed(zero: zero, suppressed: suppressed))
  }

  /// The source line at `y`, if any, wrapped to the chart's width.
  func footer(y: Double) -> [SVGElement] {
    guard let source = labels.source else { return [] }
    return Self.lines(
      wrapped(
        ReportingText.sourcePrefix(options.language) + source, size: ChartStyle.sourceSize,
        width: options.width - 2 * margin),
      x: margin, y: y, lineHeight: ChartStyle.sourceSize * 1.3, size: ChartStyle.sourceSize,
      fill: ChartStyle.muted)
  }

  /// The height of the footer below the last axis label.
  var footerHeight: Double {
    guard let source = labels.source else { return margin }
    let lines = wrapped(
      ReportingText.sourcePrefix(options.language) + source, size: ChartStyle.sourceSize,
      width: options.width - 2 * margin
    ).count
    return 28 + margin / 2 + Double(lines - 1) * ChartStyle.sourceSize * 1.3
  }

  /// The finished document.
  func document(height: Double, elements: [SVGElement], summary: String) -> SVGDocument {
    SVGDocument(
      width: options.width, height: height, title: labels.title,
      description: labels.description ?? summary, idPrefix: options.idPrefix, elements: elements)
  }

  /// "95 % KI 1,32–1,81" style interval text.
  func interval(_ lower: Double, _ upper: Double, decimals: Int) -> String {
    let ci = options.language.text(.confidenceLabel(percent: "95"))
    return
      "\(ci) \(format.string(lower, decimals: decimals))–\(format.string(upper, decimals: decimals))"
  }

  /// The decimals for values shown on a chart: three significant digits for the largest
  /// magnitude (412.1 → 0, 4.71 → 2, 0.0058 → 5), at most 6.
  static func displayDecimals(_ values: [Double]) -> Int {
    let largest = values.filter { $0.isFinite && $0 != 0 }.map(abs).max() ?? 1
    let exponent = Int(log10(largest).rounded(.down))
    return min(6, max(0, 2 - exponent))
  }

  /// "Högst: X (v). Lägst: Y (v)." for the largest and smallest values.
  func extremes(_ items: [(label: String, value: Double)], decimals: Int) -> String {
    guard let high = items.max(by: { $0.value < $1.value }),
      let low = items.min(by: { $0.value < $1.value })
    else { return "" }
    let (highWord, lowWord) = (options.language.text(.highest), options.language.text(.lowest))
    return " \(highWord): \(high.label) (\(format.string(high.value, decimals: decimals))). "
      + "\(lowWord): \(low.label) (\(format.string(low.value, decimals: decimals)))."
  }
}
