/// One SVG element: a name, attributes in a fixed order, children or text. Rendering is
/// deterministic (attribute order as given, coordinates with at most two decimals), so charts
/// can be compared byte for byte.
public struct SVGElement: Sendable, Equatable {
  /// An attribute name and its unescaped value.
  public struct Attribute: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  public var name: String
  public var attributes: [Attribute]
  public var children: [SVGElement]
  /// Text content (escaped when rendered); used instead of children.
  public var text: String?

  public init(
    _ name: String, _ attributes: [Attribute] = [], children: [SVGElement] = [], text: String? = nil
  ) {
    self.name = name
    self.attributes = attributes
    self.children = children
    self.text = text
  }

  /// The element as XML, indented by `depth` levels of two spaces.
  public func xml(depth: Int = 0) -> String {
    let indent = String(repeating: "  ", count: depth)
    var open = indent + "<" + name
    for attribute in attributes {
      open += " \(attribute.name)=\"\(Escaping.xml(attribute.value))\""
    }
    if let text {
      return open + ">" + Escaping.xml(text) + "</\(name)>"
    }
    if children.isEmpty { return open + "/>" }
    let inner = children.map { $0.xml(depth: depth + 1) }.joined(separator: "\n")
    return open + ">\n" + inner + "\n" + indent + "</\(name)>"
  }
}

/// A coordinate or length as SVG text: rounded to two decimals (half away from zero on the
/// shortest representation), trailing zeros dropped, `-0` as `0`.
func svgNumber(_ value: Double) -> String {
  guard value.isFinite else { return "0" }
  var digits = DecimalNumber(value, decimals: 2)
  while digits.fractionDigits.last == 0 { digits.fractionDigits.removeLast() }
  if digits.isZero { digits.negative = false }
  return digits.plainString
}

extension SVGElement {
  typealias A = Attribute

  static func group(_ attributes: [Attribute] = [], _ children: [SVGElement]) -> SVGElement {
    SVGElement("g", attributes, children: children)
  }

  static func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, extra: [Attribute] = []
  ) -> SVGElement {
    SVGElement(
      "rect",
      [
        A("x", svgNumber(x)), A("y", svgNumber(y)), A("width", svgNumber(max(0, width))),
        A("height", svgNumber(max(0, height))), A("fill", fill),
      ] + extra)
  }

  static func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    extra: [Attribute] = []
  ) -> SVGElement {
    SVGElement(
      "line",
      [
        A("x1", svgNumber(x1)), A("y1", svgNumber(y1)), A("x2", svgNumber(x2)),
        A("y2", svgNumber(y2)),
        A("stroke", stroke), A("stroke-width", svgNumber(width)),
      ] + extra)
  }

  static func circle(cx: Double, cy: Double, r: Double, fill: String, extra: [Attribute] = [])
    -> SVGElement
  {
    SVGElement(
      "circle",
      [A("cx", svgNumber(cx)), A("cy", svgNumber(cy)), A("r", svgNumber(r)), A("fill", fill)]
        + extra)
  }

  /// Text at (x, y) with an anchor (`start`, `middle`, `end`), size in px and optional weight.
  static func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
    weight: String? = nil, fill: String? = nil, extra: [Attribute] = []
  ) -> SVGElement {
    var attributes = [A("x", svgNumber(x)), A("y", svgNumber(y))]
    if anchor != "start" { attributes.append(A("text-anchor", anchor)) }
    attributes.append(A("font-size", svgNumber(size)))
    if let weight { attributes.append(A("font-weight", weight)) }
    if let fill { attributes.append(A("fill", fill)) }
    return SVGElement("text", attributes + extra, text: content)
  }

  /// A filled polygon through `points`.
  static func polygon(_ points: [(x: Double, y: Double)], fill: String, extra: [Attribute] = [])
    -> SVGElement
  {
    SVGElement(
      "polygon",
      [
        A("points", points.map { "\(svgNumber($0.x)),\(svgNumber($0.y))" }.joined(separator: " ")),
        A("fill", fill),
      ] + extra)
  }

  /// The arrowhead that marks an interval running beyond the scale: a small triangle whose tip
  /// is at (`x`, `y`), pointing `direction`.
  static func clipMarker(
    x: Double, y: Double, direction: ClipDirection, className: String = "clipped"
  ) -> SVGElement {
    let (length, half) = (7.0, 4.0)
    let points: [(x: Double, y: Double)] =
      switch direction {
      case .right: [(x, y), (x - length, y - half), (x - length, y + half)]
      case .left: [(x, y), (x + length, y - half), (x + length, y + half)]
      case .up: [(x, y), (x - half, y + length), (x + half, y + length)]
      case .down: [(x, y), (x - half, y - length), (x + half, y - length)]
      }
    return .polygon(points, fill: ChartStyle.interval, extra: [A("class", className)])
  }
}

/// Where an interval leaves the plot.
enum ClipDirection {
  case left, right, up, down
}
