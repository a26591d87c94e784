import Foundation
import Microdata
import Testing

@testable import Reporting

/// Charts that tell the truth at a glance: marked zero and suppressed bars, clipped intervals,
/// an explanation instead of an empty chart, and labels that are never cut.
@Suite("Chart marks, clipping and labels")
struct ChartHonestyTests {
  static let longLabel =
    "Kvinnor födda utanför Europa med eftergymnasial utbildning 65+"  // 62 characters

  // MARK: Marks

  @Test func suppressedAndZeroBarsAreMarkedNotDrawn() {
    let chart = BarChart(
      [
        BarDatum(label: "Man", value: 132.6, lower: 123.7, upper: 142.0),
        BarDatum(label: "Kvinna", value: 0, mark: .suppressed),
        BarDatum(label: "Okänt", value: 0, lower: 0, upper: 31.2),
      ],
      labels: ChartLabels(title: "Misstänkta per 100 000"))
    let bars = Self.groups(chart.document().elements, class: "bar")
    #expect(bars.count == 3)
    let suppressed = bars[1]
    #expect(suppressed.attributes.contains { $0.name == "data-mark" && $0.value == "suppressed" })
    #expect(!Self.flatten(suppressed).contains { $0.name == "rect" || $0.name == "line" })
    #expect(Self.flatten(suppressed).contains { $0.name == "text" && $0.text == ".." })
    let zero = bars[2]
    #expect(zero.attributes.contains { $0.name == "data-mark" && $0.value == "zero" })
    // No bare whisker from 0 to the upper limit.
    #expect(!Self.flatten(zero).contains { $0.name == "rect" || $0.name == "line" })
    #expect(Self.flatten(zero).contains { $0.name == "text" && $0.text == "0" })
    #expect(Self.flatten(bars[0]).contains { $0.name == "rect" })
    let svg = chart.svg()
    #expect(svg.contains(Language.sv.text(.chartSuppressedMark)))
    #expect(svg.contains(Language.sv.text(.chartZeroMark)))
    #expect(!svg.contains(Language.sv.text(.chartClippedMark)))
  }

  @Test func groupedBarsMarkSuppressedCells() {
    let chart = GroupedBarChart(
      [
        BarDatum(label: "18–24 år", value: 40, lower: 30, upper: 50, series: "Man"),
        BarDatum(label: "18–24 år", value: 0, series: "Kvinna", mark: .suppressed),
        BarDatum(label: "25–44 år", value: 35, lower: 30, upper: 41, series: "Man"),
        BarDatum(label: "25–44 år", value: 12, lower: 9, upper: 16, series: "Kvinna"),
      ],
      labels: ChartLabels(title: "Misstänkta", valueAxis: "Per 100 000"),
      options: ChartOptions(language: .en))
    let marked = Self.groups(chart.document().elements, class: "bar").filter {
      $0.attributes.contains { $0.name == "data-mark" }
    }
    #expect(marked.count == 1)
    #expect(!Self.flatten(marked[0]).contains { $0.name == "rect" })
    #expect(chart.svg().contains(Language.en.text(.chartSuppressedMark)))
  }

  @Test func aChartWhoseBarsAreAllMarkedIsExplainedInstead() {
    let suppressed = BarChart(
      [
        BarDatum(label: "Man", value: 0, mark: .suppressed),
        BarDatum(label: "Kvinna", value: 0, mark: .suppressed),
      ],
      labels: ChartLabels(title: "Misstänkta", source: "Brå"))
    let svg = suppressed.svg()
    #expect(svg.contains(Language.sv.text(.chartNotDrawnSuppressed(count: 2))))
    #expect(svg.contains("class=\"not-drawn\""))
    #expect(!svg.contains("class=\"bars\"") && !svg.contains("<rect x=\"16"))
    #expect(svg.contains("Källa: Brå"))

    let mixed = GroupedBarChart(
      [
        BarDatum(label: "A", value: 0, series: "x"),
        BarDatum(label: "A", value: 0, series: "y", mark: .suppressed),
      ],
      labels: ChartLabels(title: "Misstänkta"), options: ChartOptions(language: .en))
    #expect(
      mixed.svg().contains(Language.en.text(.chartNotDrawnMixed(zero: 1, suppressed: 1))))
    #expect(!mixed.svg().contains("class=\"bars\""))
  }

  // MARK: Clipping

  @Test func anIntervalThatWouldDominateTheScaleIsClippedWithAnArrowhead() {
    let data = [
      BarDatum(label: "Stor grupp", value: 100, lower: 95, upper: 105),
      BarDatum(label: "Liten grupp", value: 120, lower: 3, upper: 1450),
      BarDatum(label: "Mellangrupp", value: 80, lower: 70, upper: 91),
    ]
    let bar = BarChart(data, labels: ChartLabels(title: "Misstänkta"))
    let document = bar.document()
    let clipped = Self.flatten(document.elements).filter {
      $0.name == "polygon" && $0.attributes.contains { $0.value == "clipped" }
    }
    #expect(clipped.count == 1)
    #expect(bar.svg().contains(Language.sv.text(.chartClippedMark)))
    // The axis stops near the values, not at 1 450.
    let ticks = Self.flatten(document.elements).compactMap { $0.text }.filter {
      $0.allSatisfy { $0.isNumber || $0 == "\u{00A0}" }
    }
    #expect(!ticks.contains("1\u{00A0}400") && !ticks.contains("1\u{00A0}500"))

    let grouped = GroupedBarChart(
      data.map {
        var d = $0
        d.series = "Män"
        return d
      }, labels: ChartLabels(title: "M"))
    #expect(grouped.svg().contains("class=\"clipped\""))

    // When most intervals are long, they are the finding: nothing is clipped.
    let uncertain = CaterpillarPlot(
      (0..<20).map { i in
        CaterpillarPoint(label: "S\(i)", estimate: 10 + Double(i) / 5, lower: 3, upper: 90)
      }, labels: ChartLabels(title: "MAIHDA"))
    #expect(!uncertain.svg().contains("class=\"clipped\""))

    // One runaway interval among two bars is clipped too.
    let pair = BarChart(Array(data.prefix(2)), labels: ChartLabels(title: "M"))
    #expect(pair.svg().contains("class=\"clipped\""))

    let ordinary = BarChart(
      [BarDatum(label: "A", value: 100, lower: 90, upper: 180)],
      labels: ChartLabels(title: "M"))
    #expect(!ordinary.svg().contains("class=\"clipped\""))
  }

  @Test func forestAndCaterpillarClipRunawayIntervals() {
    let forest = ForestPlot(
      [
        ForestRow(term: "kon: 1", estimate: 2, lower: 1.5, upper: 2.6),
        ForestRow(term: "aldersgrupp: 15-17", estimate: 1.8, lower: 0.01, upper: 900),
        ForestRow(term: "fodelse: utrikes", estimate: 1.3, lower: 1.1, upper: 1.5),
      ], labels: ChartLabels(title: "OR"))
    #expect(forest.svg().components(separatedBy: "class=\"clipped\"").count - 1 == 2)

    let points = (0..<50).map { i in
      CaterpillarPoint(
        label: "Stratum \(i)", estimate: 1 + Double(i) / 10, lower: 0.5 + Double(i) / 10,
        upper: i == 3 ? 60 : 1.5 + Double(i) / 10)
    }
    let caterpillar = CaterpillarPlot(
      points, labels: ChartLabels(title: "MAIHDA"),
      reference: ReferenceLine(value: 3, label: "Samtliga"))
    #expect(caterpillar.svg().components(separatedBy: "class=\"clipped\"").count - 1 == 1)
  }

  // MARK: Caterpillar labels

  @Test func caterpillarNamesTheExtremesAndKeepsTheReferenceLabelOffTheData() throws {
    let points = (0..<60).map { i in
      CaterpillarPoint(
        label: "Stratum \(i)", estimate: Double(i), lower: Double(i) - 2, upper: Double(i) + 2)
    }
    let plot = CaterpillarPlot(
      points, labels: ChartLabels(title: "MAIHDA", valueAxis: "Predicerad andel"),
      reference: ReferenceLine(value: 30, label: "Samtliga"))
    let elements = plot.document().elements
    let extremes = try #require(Self.groups(elements, class: "extremes").first)
    let texts = Self.flatten(extremes).compactMap(\.text)
    #expect(texts.contains { $0.hasPrefix("Högst: Stratum 59") })
    #expect(texts.contains { $0.hasPrefix("Lägst: Stratum 0") })
    // Their points are ringed in the plot.
    let rings = try #require(Self.groups(elements, class: "extreme-points").first)
    #expect(rings.children.count == 2)
    // The reference label is in a legend above the plot: above every stratum's interval.
    let legend = try #require(Self.groups(elements, class: "reference-legend").first)
    let legendY = try #require(
      Self.flatten(legend).first { $0.name == "text" }.flatMap { Self.number($0, "y") })
    let highestMark = Self.flatten(elements).filter { $0.name == "line" }.compactMap {
      element -> Double? in
      guard let y1 = Self.number(element, "y1"), let y2 = Self.number(element, "y2"),
        Self.number(element, "x1") == Self.number(element, "x2")
      else { return nil }
      return min(y1, y2)
    }.min()
    #expect(legendY < (highestMark ?? 0))
    #expect(plot.svg().contains(">Samtliga: 30,0<"))
  }

  // MARK: Long labels

  @Test(arguments: ["bar", "grouped", "forest", "caterpillar", "caterpillar-many"])
  func noTextLeavesTheViewBoxWithASixtyCharacterLabel(kind: String) {
    let long = Self.longLabel
    #expect(long.count >= 60)
    let document: SVGDocument
    switch kind {
    case "bar":
      document = BarChart(
        [
          BarDatum(label: long, value: 12.5, lower: 10, upper: 15),
          BarDatum(label: "Män", value: 30, lower: 25, upper: 35),
        ], labels: ChartLabels(title: long + " " + long, source: long + " " + long)
      ).document()
    case "grouped":
      document = GroupedBarChart(
        [
          BarDatum(label: long, value: 12.5, series: long),
          BarDatum(label: "Män", value: 30, series: long),
          BarDatum(label: long + " 2", value: 12.5, series: "Kort"),
          BarDatum(label: "Kvinnor", value: 30, series: "Kort"),
        ], labels: ChartLabels(title: long, valueAxis: "Per 100 000")
      ).document()
    case "forest":
      document = ForestPlot(
        [
          ForestRow(term: long, estimate: 2, lower: 1.5, upper: 2.6),
          ForestRow(term: "kon: 1", estimate: 0.5, lower: 0.4, upper: 0.6),
        ], labels: ChartLabels(title: long)
      ).document()
    case "caterpillar":
      let few: [CaterpillarPoint] = (0..<12).map { (i: Int) -> CaterpillarPoint in
        let label: String = i == 0 ? long : "Stratum \(i)"
        let value = Double(i)
        return CaterpillarPoint(label: label, estimate: value, lower: value - 1, upper: value + 1)
      }
      document = CaterpillarPlot(
        few, labels: ChartLabels(title: "MAIHDA"),
        reference: ReferenceLine(value: 5, label: "Samtliga")
      ).document()
    default:
      let many: [CaterpillarPoint] = (0..<80).map { (i: Int) -> CaterpillarPoint in
        let label: String = i == 0 || i == 79 ? long : "Stratum \(i)"
        let value = Double(i)
        return CaterpillarPoint(label: label, estimate: value, lower: value - 1, upper: value + 1)
      }
      document = CaterpillarPlot(
        many, labels: ChartLabels(title: "MAIHDA"),
        reference: ReferenceLine(value: 5, label: "Samtliga")
      ).document()
    }
    var words: [String] = []
    for element in Self.flatten(document.elements) where element.name == "text" {
      let box = Self.box(element)
      #expect(
        box.minX >= -0.5 && box.maxX <= document.width + 0.5 && box.minY >= -0.5
          && box.maxY <= document.height + 0.5,
        "\(kind): “\(element.text ?? "")” at \(box) is outside 0 0 \(document.width) \(document.height)"
      )
      words += (element.text ?? "").split(separator: " ").map(String.init)
    }
    // Wrapped, not cut: every word of the long label is printed whole.
    for word in long.split(separator: " ") { #expect(words.contains(String(word)), "\(kind)") }
  }

  // MARK: Helpers

  /// Every element below `elements`, depth first.
  static func flatten(_ elements: [SVGElement]) -> [SVGElement] {
    elements.flatMap { [$0] + flatten($0.children) }
  }

  static func flatten(_ element: SVGElement) -> [SVGElement] { flatten([element]) }

  /// The `g` elements of class `name`.
  static func groups(_ elements: [SVGElement], class name: String) -> [SVGElement] {
    flatten(elements).filter { element in
      element.name == "g" && element.attributes.contains { $0.name == "class" && $0.value == name }
    }
  }

  static func number(_ element: SVGElement, _ name: String) -> Double? {
    element.attributes.first { $0.name == name }.flatMap { Double($0.value) }
  }

  /// The estimated box of a text element (the charts' own width estimate, ascent 0.8 em and
  /// descent 0.25 em), after its rotation if it has one.
  static func box(_ element: SVGElement) -> (minX: Double, maxX: Double, minY: Double, maxY: Double)
  {
    let x = number(element, "x") ?? 0
    let y = number(element, "y") ?? 0
    let size = number(element, "font-size") ?? 12
    let width = ChartStyle.textWidth(element.text ?? "", size: size)
    let anchor = element.attributes.first { $0.name == "text-anchor" }?.value ?? "start"
    let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
    var corners = [
      (left, y - 0.8 * size), (left + width, y - 0.8 * size), (left, y + 0.25 * size),
      (left + width, y + 0.25 * size),
    ]
    if let transform = element.attributes.first(where: { $0.name == "transform" })?.value,
      transform.hasPrefix("rotate(")
    {
      let numbers = transform.dropFirst(7).dropLast().split(separator: " ").compactMap {
        Double($0)
      }
      let (angle, cx, cy) = (numbers[0] * .pi / 180, numbers[1], numbers[2])
      corners = corners.map { px, py in
        let (dx, dy) = (px - cx, py - cy)
        return (cx + dx * cos(angle) - dy * sin(angle), cy + dx * sin(angle) + dy * cos(angle))
      }
    }
    return (
      corners.map(\.0).min()!, corners.map(\.0).max()!, corners.map(\.1).min()!,
      corners.map(\.1).max()!
    )
  }
}
