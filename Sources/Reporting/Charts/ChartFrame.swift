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
    for (k, line) in wrapped(labels.title, size: ChartStyle.titleSize, width: available)
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
  /// estimate of `ChartStyle.textWidth`); a single word longer than the width stays whole.
  func wrapped(_ text: String, size: Double, width: Double) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if !current.isEmpty && ChartStyle.textWidth(candidate, size: size) > width {
        lines.append(current)
        current = String(word)
      } else {
        current = candidate
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// The source line at `y`, if any.
  func footer(y: Double) -> [SVGElement] {
    guard let source = labels.source else { return [] }
    return [
      .text(
        ReportingText.sourcePrefix(options.language) + source, x: margin, y: y,
        size: ChartStyle.sourceSize, fill: ChartStyle.muted)
    ]
  }

  /// The height of the footer below the last axis label.
  var footerHeight: Double { labels.source == nil ? margin : 28 + margin / 2 }

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
