/// A standalone, accessible SVG image: `role="img"`, `<title>` and `<desc>` referenced by
/// `aria-labelledby`, a white background, and the elements drawn in order.
///
/// ```
/// <svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400"
///      role="img" aria-labelledby="chart-title chart-desc" font-family="…">
///   <title id="chart-title">…</title>
///   <desc id="chart-desc">…</desc>
///   …
/// </svg>
/// ```
public struct SVGDocument: Sendable, Equatable {
  /// The font stack: system sans-serif fonts, all with å ä ö.
  public static let fontFamily =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

  public var width: Double
  public var height: Double
  /// The accessible name (usually the chart's title).
  public var title: String
  /// The accessible description (a summary of what the chart shows).
  public var description: String
  /// The prefix of element ids, unique per document when several SVGs share a page.
  public var idPrefix: String
  /// The elements, drawn in order.
  public var elements: [SVGElement]

  public init(
    width: Double, height: Double, title: String, description: String, idPrefix: String = "chart",
    elements: [SVGElement] = []
  ) {
    self.width = width
    self.height = height
    self.title = title
    self.description = description
    self.idPrefix = idPrefix
    self.elements = elements
  }

  /// Appends an element.
  public mutating func append(_ element: SVGElement) {
    elements.append(element)
  }

  /// The document as SVG text (UTF-8, XML-escaped, ending with a newline).
  public func render() -> String {
    typealias A = SVGElement.Attribute
    let root = SVGElement(
      "svg",
      [
        A("xmlns", "http://www.w3.org/2000/svg"), A("width", svgNumber(width)),
        A("height", svgNumber(height)),
        A("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"),
        A("role", "img"), A("aria-labelledby", "\(idPrefix)-title \(idPrefix)-desc"),
        A("font-family", Self.fontFamily),
      ],
      children: [
        SVGElement("title", [A("id", "\(idPrefix)-title")], text: title),
        SVGElement("desc", [A("id", "\(idPrefix)-desc")], text: description),
        .rect(x: 0, y: 0, width: width, height: height, fill: "#FFFFFF"),
      ] + elements)
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.xml() + "\n"
  }
}
