/// A chart axis: tick positions (pixels) with labels formatted by `NumberFormat`, drawn with
/// light gridlines across the plot.
public struct Axis: Sendable, Equatable {
  /// Where the axis lies.
  public enum Orientation: Sendable, Equatable {
    /// Below the plot, ticks vertical.
    case bottom
    /// Left of the plot, ticks horizontal.
    case left
  }

  /// A tick: its pixel position along the axis and its label.
  public struct Tick: Sendable, Equatable {
    public var position: Double
    public var label: String

    public init(position: Double, label: String) {
      self.position = position
      self.label = label
    }
  }

  public var orientation: Orientation
  public var ticks: [Tick]
  /// The axis title, e.g. "Per 100 000 invånare".
  public var title: String?

  public init(orientation: Orientation, ticks: [Tick], title: String? = nil) {
    self.orientation = orientation
    self.ticks = ticks
    self.title = title
  }

  /// An axis for a linear scale with about `count` nice ticks, labelled with the decimals
  /// the step needs.
  public static func linear(
    _ scale: LinearScale, orientation: Orientation, count: Int = 5, format: NumberFormat,
    title: String? = nil
  ) -> Axis {
    let decimals = LinearScale.decimals(forStep: scale.tickStep(count: count))
    let ticks = scale.ticks(count: count).map {
      Tick(position: scale($0), label: format.string($0, decimals: decimals))
    }
    return Axis(orientation: orientation, ticks: ticks, title: title)
  }

  /// An axis for a log scale (1–2–5 ticks), each label with the decimals its value needs.
  public static func log(
    _ scale: LogScale, orientation: Orientation, format: NumberFormat, title: String? = nil
  ) -> Axis {
    let ticks = scale.ticks().map {
      Tick(position: scale($0), label: format.string($0, decimals: LogScale.decimals(for: $0)))
    }
    return Axis(orientation: orientation, ticks: ticks, title: title)
  }

  /// The axis line, ticks, labels, gridlines across `plot` and the title.
  func elements(plot: PlotArea, gridlines: Bool = true) -> [SVGElement] {
    typealias A = SVGElement.Attribute
    var grid: [SVGElement] = []
    var marks: [SVGElement] = []
    switch orientation {
    case .bottom:
      for tick in ticks {
        if gridlines {
          grid.append(
            .line(
              x1: tick.position, y1: plot.top, x2: tick.position, y2: plot.bottom,
              stroke: ChartStyle.grid))
        }
        marks.append(
          .line(
            x1: tick.position, y1: plot.bottom, x2: tick.position, y2: plot.bottom + 4,
            stroke: ChartStyle.axis))
        marks.append(
          .text(
            tick.label, x: tick.position, y: plot.bottom + 17, anchor: "middle",
            size: ChartStyle.tickSize, fill: ChartStyle.axis))
      }
      marks.append(
        .line(
          x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartStyle.axis))
      if let title {
        marks.append(
          .text(
            title, x: (plot.left + plot.right) / 2, y: plot.bottom + 36, anchor: "middle",
            size: ChartStyle.labelSize, fill: ChartStyle.axis))
      }
    case .left:
      for tick in ticks {
        if gridlines {
          grid.append(
            .line(
              x1: plot.left, y1: tick.position, x2: plot.right, y2: tick.position,
              stroke: ChartStyle.grid))
        }
        marks.append(
          .line(
            x1: plot.left - 4, y1: tick.position, x2: plot.left, y2: tick.position,
            stroke: ChartStyle.axis))
        marks.append(
          .text(
            tick.label, x: plot.left - 7, y: tick.position + 4, anchor: "end",
            size: ChartStyle.tickSize, fill: ChartStyle.axis))
      }
      marks.append(
        .line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: ChartStyle.axis))
      if let title {
        marks.append(
          .text(
            title, x: plot.left, y: plot.top - 10, anchor: "start", size: ChartStyle.labelSize,
            fill: ChartStyle.axis))
      }
    }
    var groups: [SVGElement] = []
    if !grid.isEmpty { groups.append(.group([A("class", "grid")], grid)) }
    groups.append(.group([A("class", "axis")], marks))
    return groups
  }
}

/// The plot rectangle inside a chart, in pixels.
struct PlotArea: Equatable {
  var left: Double
  var top: Double
  var right: Double
  var bottom: Double
  var width: Double { right - left }
  var height: Double { bottom - top }
}
