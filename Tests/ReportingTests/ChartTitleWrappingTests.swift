import Foundation
import Reporting
import Testing

/// Long titles and subtitles wrap onto several lines instead of running off the chart.
@Suite struct ChartTitleWrappingTests {
  @Test func longTitleWrapsWithinTheWidth() {
    let title =
      "Misstänkta för våld mot partner eller f.d. partner 2016 efter utbildningsnivå och födelseland"
    let chart = BarChart(
      [BarDatum(label: "Man", value: 160.6, lower: 136.5, upper: 187.7)],
      labels: ChartLabels(title: title, subtitle: "Urval: ar == 2016", source: "suspects.csv"),
      options: ChartOptions(width: 480))
    let svg = chart.svg()
    // Every word of the title is drawn, and no bold title line is longer than the layout
    // estimate of the available width (480 − 2 × 16 px at 0.56 em per character, 16 px font).
    let lines = svg.components(separatedBy: "\n").filter {
      $0.contains("font-weight=\"bold\"") && $0.contains("<text")
    }
    #expect(lines.count >= 2, "the title should take two lines or more:\n\(svg)")
    for word in title.split(separator: " ") {
      #expect(svg.contains(String(word)), "\(word) missing")
    }
    let shortChart = BarChart(
      [BarDatum(label: "Man", value: 1)], labels: ChartLabels(title: "Kort titel"),
      options: ChartOptions(width: 480))
    #expect(
      shortChart.svg().components(separatedBy: "\n").filter {
        $0.contains("font-weight=\"bold\"") && $0.contains("<text")
      }.count == 1)
  }
}
