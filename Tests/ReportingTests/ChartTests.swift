import Foundation
import Reporting
import StatsTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("Charts")
struct ChartTests {
  static let charts: [(name: String, svg: @Sendable () -> String)] = [
    ("bar-rates", { SampleCharts.rates.svg() }),
    ("grouped-bars", { SampleCharts.grouped.svg() }),
    ("forest", { SampleCharts.forest.svg() }),
    ("caterpillar", { SampleCharts.caterpillar.svg() }),
  ]

  @Test("Snapshots", arguments: charts.map(\.name))
  func snapshot(name: String) {
    let svg = Self.charts.first { $0.name == name }!.svg()
    assertSnapshot(svg, named: "\(name).svg")
    #expect(svg == Self.charts.first { $0.name == name }!.svg(), "deterministic")
  }

  @Test(
    "Well-formed XML with role=img, <title> and <desc> referenced by aria-labelledby",
    arguments: charts.map(\.name))
  func accessible(name: String) {
    let svg = Self.charts.first { $0.name == name }!.svg()
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse(), "well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
    #expect(svg.contains("role=\"img\""))
    let prefix =
      name == "bar-rates"
      ? "rates" : name == "grouped-bars" ? "grouped" : name == "caterpillar" ? "maihda" : "forest"
    #expect(svg.contains("aria-labelledby=\"\(prefix)-title \(prefix)-desc\""))
    #expect(svg.contains("<title id=\"\(prefix)-title\">"))
    #expect(svg.contains("<desc id=\"\(prefix)-desc\">"))
  }

  @Test("Swedish labels stay UTF-8; text is XML-escaped")
  func escaping() {
    let chart = BarChart(
      [BarDatum(label: "Åldrar <18 & \"unga\"", value: 1_234.5)],
      labels: ChartLabels(title: "Brott & straff: Öst <> Väst", source: "Brå"))
    let svg = chart.svg()
    #expect(svg.contains("Brott &amp; straff: Öst &lt;&gt; Väst"))
    #expect(svg.contains("Åldrar &lt;18 &amp; &quot;unga&quot;"))
    #expect(svg.contains(">1\u{00A0}235<"))  // value label: sv grouping, three significant digits
    #expect(svg.contains(">Källa: Brå<"))
  }

  @Test("Okabe–Ito colours, one per series, in order")
  func palette() {
    let svg = SampleCharts.grouped.svg()
    for colour in ChartStyle.palette.prefix(4) { #expect(svg.contains("fill=\"\(colour)\"")) }
    #expect(!svg.contains("fill=\"\(ChartStyle.palette[4])\""))
  }

  @Test("Axis numbers follow the language")
  func axisLanguage() {
    let scale = LinearScale(domain: 0...2_500, range: (0, 500))
    let sv = Axis.linear(scale, orientation: .bottom, format: NumberFormat(language: .sv))
    let en = Axis.linear(scale, orientation: .bottom, format: NumberFormat(language: .en))
    #expect(
      sv.ticks.map(\.label) == [
        "0", "500", "1\u{00A0}000", "1\u{00A0}500", "2\u{00A0}000", "2\u{00A0}500",
      ])
    #expect(en.ticks.map(\.label) == ["0", "500", "1,000", "1,500", "2,000", "2,500"])
    let log = Axis.log(
      LogScale(domain: 0.3...6, range: (0, 100)), orientation: .bottom,
      format: NumberFormat(language: .sv))
    #expect(log.ticks.map(\.label) == ["0,5", "1", "2", "5"])
  }

  @Test("Forest plot: reference line at 1 on a log axis; unusable rows are listed, not drawn")
  func forest() {
    let svg = SampleCharts.forest.svg()
    #expect(svg.contains("class=\"reference\""))
    #expect(svg.contains(">4.71 (4.35–5.10)<"))
    #expect(svg.contains(">–<"))
    #expect(
      svg.contains(
        "Interval above 1 for: kon: 1, fodelse: utrikes. Interval below 1 for: aldersgrupp: 45-64.")
    )
  }

  @Test("Caterpillar plot ranks strata by estimate, ties by label")
  func caterpillarRanks() {
    let ranked = SampleCharts.caterpillar.ranked
    #expect(ranked.map(\.estimate) == ranked.map(\.estimate).sorted())
    #expect(ranked.count == 12)
  }
}

@Suite("Scales")
struct ScaleTests {
  @Test("Linear ticks are 1–2–5 multiples without floating-point drift")
  func linearTicks() {
    #expect(LinearScale(domain: 0...1, range: (0, 100)).ticks() == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(LinearScale(domain: 0...0.35, range: (0, 100)).ticks(count: 4) == [0, 0.1, 0.2, 0.3])
    #expect(LinearScale(domain: 0...412, range: (0, 100)).ticks() == [0, 100, 200, 300, 400])
    #expect(LinearScale(domain: -3...7, range: (0, 100)).ticks() == [-2, 0, 2, 4, 6])
    #expect(LinearScale(domain: 0...412, range: (0, 100)).niced().domain == 0...500)
    #expect(LinearScale(domain: 0.0011...0.0323, range: (0, 100)).niced().domain == 0...0.035)
  }

  @Test("Linear map: ends, midpoint, reversed (y) ranges")
  func linearMap() {
    let x = LinearScale(domain: 0...500, range: (100, 600))
    #expect(x(0) == 100)
    #expect(x(250) == 350)
    #expect(x(500) == 600)
    let y = LinearScale(domain: 0...10, range: (300, 100))
    #expect(y(0) == 300)
    #expect(y(10) == 100)
  }

  @Test("Log map: equal factors are equal distances; 1–2–5 ticks")
  func logScale() {
    let scale = LogScale(domain: 0.25...4, range: (0, 400))
    expectApproximatelyEqual(scale(1), 200, relative: 1e-12)
    expectApproximatelyEqual(scale(2) - scale(1), scale(1) - scale(0.5), relative: 1e-12)
    #expect(scale.ticks() == [0.5, 1, 2])
    #expect(
      LogScale(domain: 0.01...50, range: (0, 1)).ticks() == [
        0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50,
      ])
    #expect(LogScale(domain: 0.8...1.6, range: (0, 1)).ticks() == [0.8, 1, 1.2, 1.4, 1.6])
    #expect(
      LogScale(domain: 1e-4...1e4, range: (0, 1)).ticks() == [
        1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1_000, 10_000,
      ])
    #expect(LogScale.decimals(for: 0.05) == 2)
  }

  @Test("Tick decimals follow the step")
  func decimals() {
    #expect(LinearScale.decimals(forStep: 0.5) == 1)
    #expect(LinearScale.decimals(forStep: 0.002) == 3)
    #expect(LinearScale.decimals(forStep: 20) == 0)
  }
}
