import Foundation
import Microdata
import StatsTestSupport
import Tabulation
import Testing

@testable import Reporting

/// Cross-tabulations, repeat offending and recidivism as publication tables and charts: the
/// layout (nested stubs with subtotals, spanning headers), every figure equal to the summary's,
/// and suppressed entries `..` in every column.
@Suite struct CrossTabConversionTests {
  static let kon = CrossTab.Dimension(
    name: "kon",
    levels: [.init(code: "1", sv: "Man", en: "Man"), .init(code: "2", sv: "Kvinna", en: "Woman")])
  static let fodelse = CrossTab.Dimension(
    name: "fodelse",
    levels: [
      .init(code: "inrikes", sv: "Inrikes född", en: "Born in Sweden"),
      .init(code: "utrikes", sv: "Utrikes född", en: "Born abroad"),
    ])
  static let alder = CrossTab.Dimension(
    name: "aldersgrupp3",
    levels: [
      .init(code: "15-34", sv: "15–34 år", en: "15–34 years"),
      .init(code: "35-54", sv: "35–54 år", en: "35–54 years"),
      .init(code: "55+", sv: "55+ år", en: "55+ years"),
    ])
  /// kon × fodelse × aldersgrupp3, row-major; one cell of 3 (suppressed at 5).
  static let counts: [Double] = [40, 31, 12, 22, 18, 9, 15, 11, 6, 3, 8, 0]
  static let population: [Double] = [
    9000, 8000, 7000, 3000, 2500, 1000, 8800, 8100, 7600, 2900, 2400, 1100,
  ]

  func summary(
    rows: [String], cols: [String], population: Bool = false, percent: PercentBase? = nil,
    suppress: Double = 5
  ) throws -> CrossTabSummary {
    let table = try CrossTab(dimensions: [Self.kon, Self.fodelse, Self.alder], counts: Self.counts)
    let people = try CrossTab(
      dimensions: [Self.kon, Self.fodelse, Self.alder], counts: Self.population)
    return try CrossTabSummary(
      table.collapsed(keeping: rows + cols),
      population: population ? people.collapsed(keeping: rows + cols) : nil,
      options: CrossTabSummaryOptions(
        layout: TableLayout(rows: rows, columns: cols), percent: percent,
        disclosure: suppress > 0 ? DisclosureControl(threshold: suppress) : .off))
  }

  let options = TabulationReportOptions(
    language: .sv,
    variableLabels: ["kon": "Kön", "fodelse": "Födelse", "aldersgrupp3": "Åldersgrupp"],
    source: "suspects.csv")

  @Test func countsAloneTakeTheInnermostColumnVariableAsColumns() throws {
    let s = try summary(rows: ["kon"], cols: ["fodelse", "aldersgrupp3"], suppress: 0)
    let table = try ReportTable(crossTab: s, options: options)
    #expect(table.stubHeaders == ["Kön"])
    #expect(
      table.columns.map(\.label) == [
        "15–34 år", "35–54 år", "55+ år", "15–34 år", "35–54 år", "55+ år", "Totalt",
      ])
    #expect(
      table.columnGroups == [
        [
          HeaderSpan("Inrikes född", span: 3), HeaderSpan("Utrikes född", span: 3),
          HeaderSpan("", span: 1),
        ]
      ])
    #expect(table.rows.map(\.labels) == [["Man"], ["Kvinna"], ["Totalt"]])
    #expect(table.rows.map(\.isTotal) == [false, false, true])
    // Men: the six cells in order, then their total; the total row sums the columns.
    #expect(table.rows[0].cells.compactMap(\.number?.value) == [40, 31, 12, 22, 18, 9, 132])
    #expect(table.rows[2].cells.compactMap(\.number?.value) == [55, 42, 18, 25, 26, 9, 175])
    #expect(table.title == "Antal efter kön, födelse och åldersgrupp")
    #expect(table.footnotes.last == .source("suspects.csv"))
    try table.validate()
  }

  @Test func nestedRowsHaveSubtotalsAndMeasuresSpanUnderEachColumn() throws {
    let s = try summary(
      rows: ["kon", "fodelse"], cols: ["aldersgrupp3"], population: true, percent: .row)
    let table = try ReportTable(crossTab: s, options: options)
    #expect(
      table.rows.map(\.labels) == [
        ["Man", "Inrikes född"], ["Man", "Utrikes född"], ["Man", "Totalt"],
        ["Kvinna", "Inrikes född"], ["Kvinna", "Utrikes född"], ["Kvinna", "Totalt"],
        ["Totalt", ""],
      ])
    let measures = ["Antal", "Radprocent", "Befolkning", "Per 100\u{A0}000", "KI nedre", "KI övre"]
    #expect(table.columns.map(\.label) == Array(repeating: measures, count: 4).flatMap { $0 })
    #expect(table.columnGroups.count == 1)
    #expect(table.columnGroups[0].map(\.label) == ["15–34 år", "35–54 år", "55+ år", "Totalt"])
    #expect(table.columnGroups[0].allSatisfy { $0.span == 6 })
    // Every published figure is the summary's; the entry with 3 and those revealing it are `..`.
    let records = s.cells + s.margins + [s.total]
    var suppressedSeen = 0
    for (r, row) in table.rows.enumerated() {
      for (c, cell) in row.cells.enumerated() {
        let block = c / 6
        var keys: [(String, String)] = []
        if r != 6 {
          keys.append(("kon", ["1", "1", "1", "2", "2", "2"][r]))
          if ![2, 5].contains(r) { keys.append(("fodelse", r % 3 == 0 ? "inrikes" : "utrikes")) }
        }
        if block < 3 { keys.append(("aldersgrupp3", ["15-34", "35-54", "55+"][block])) }
        let record = try #require(
          records.first { record in
            record.keys.count == keys.count && keys.allSatisfy { record.code(of: $0.0) == $0.1 }
          })
        if record.suppressed {
          #expect(cell == .suppressed)
          suppressedSeen += 1
          continue
        }
        let expected: Double? =
          switch c % 6 {
          case 0: record.count
          case 1: record.percent
          case 2: record.population
          case 3: record.rate
          case 4: record.rateCI?.lower
          default: record.rateCI?.upper
          }
        #expect(cell.number?.value == expected, "row \(r) column \(c)")
      }
    }
    #expect(suppressedSeen >= 6 * 4)
    #expect(table.footnotes.contains { $0.text.hasPrefix("Antal under 5 redovisas inte") })
  }

  @Test func representationSharesAndRatiosAgree() throws {
    let s = try summary(rows: ["kon"], cols: ["fodelse"], population: true, suppress: 0)
    let table = try #require(ReportTable.representation(s, options: options))
    #expect(table.stubHeaders == ["Kön", "Födelse"])
    #expect(table.rows.count == s.cells.count + s.margins.count + 1)
    let totalCount = Self.counts.reduce(0, +)
    let totalPopulation = Self.population.reduce(0, +)
    for row in table.rows {
      let values = row.cells.map { $0.number?.value }
      let (count, countShare, people, populationShare, ratio) = (
        values[0]!, values[1]!, values[2]!, values[3]!, values[4]!
      )
      expectApproximatelyEqual(countShare, 100 * count / totalCount, relative: 1e-12, "count share")
      expectApproximatelyEqual(
        populationShare, 100 * people / totalPopulation, relative: 1e-12, "population share")
      expectApproximatelyEqual(ratio, countShare / populationShare, relative: 1e-12, "ratio")
    }
    #expect(
      ReportTable.representation(try summary(rows: ["kon"], cols: ["fodelse"]), options: options)
        == nil)
  }

  @Test func chartsGroupByTheLastVariableAndMarkSuppressedCells() throws {
    // Two cells withheld (as disclosure control would), the others drawn.
    var s = try summary(
      rows: ["kon", "fodelse"], cols: ["aldersgrupp3"], population: true, suppress: 0)
    for index in [1, 4] { s.cells[index].suppressed = true }
    let chart = try #require(TabulationChart(crossTab: s, options: options))
    #expect(chart.isGrouped)
    #expect(chart.data.count == s.cells.count)
    #expect(s.cells.contains { $0.suppressed } && s.cells.contains { !$0.suppressed })
    let byKey = Dictionary(
      uniqueKeysWithValues: chart.data.map { ("\($0.series ?? "")|\($0.label)", $0) })
    for record in s.cells {
      let series = [
        options.levelLabel("kon", record.code(of: "kon")!, fallback: s.labels),
        options.levelLabel("fodelse", record.code(of: "fodelse")!, fallback: s.labels),
      ].joined(separator: ", ")
      let label = options.levelLabel(
        "aldersgrupp3", record.code(of: "aldersgrupp3")!, fallback: s.labels)
      let datum = try #require(byKey["\(series)|\(label)"])
      if record.suppressed {
        #expect(datum.mark == .suppressed)
      } else {
        #expect(datum.value == record.rate && datum.lower == record.rateCI?.lower)
      }
    }
    #expect(chart.svg().contains("<svg"))
    #expect(chart.svg().contains(Language.sv.text(.chartSuppressedMark)))

    let single = try #require(
      TabulationChart(crossTab: try summary(rows: ["kon"], cols: [], suppress: 0), options: options)
    )
    #expect(!single.isGrouped && single.data.map(\.label) == ["Man", "Kvinna"])
    #expect(single.data.map(\.value) == [132, 43])
  }

  @Test func testTableListsTheStatistics() throws {
    let table = try CrossTab(dimensions: [Self.kon, Self.fodelse], counts: [120, 50, 40, 30])
    let s = try CrossTabSummary(
      table, options: CrossTabSummaryOptions(disclosure: .off, includeTest: true))
    let test = try #require(s.test)
    let report = ReportTable(
      associationTest: test, rows: ["kon"], cols: ["fodelse"], options: options)
    #expect(report.title == "Test av samband: kön × födelse")
    #expect(report.rows.first?.cells.first?.number?.value == test.chi2)
    #expect(report.rows.contains { $0.labels == ["Fishers exakta test, p-värde"] })
    #expect(report.rows.count == 11)
  }

  @Test func repeatOffendingAndRecidivismTables() throws {
    let sex = Factor(
      name: "kon", levels: Self.kon.levels,
      codes: Array(repeating: [0, 1], count: 20).flatMap { $0 })
    let counts = (0..<40).map { $0 % 3 == 0 ? 2.0 : 1.0 }
    let repeats = try RepeatOffending(groups: [sex], suspicions: counts).summary
    var labelled = options
    labelled.levelLabels = ["kon": ["1": "Man", "2": "Kvinna"]]
    let table = ReportTable(repeatOffending: repeats, options: labelled)
    #expect(table.rows.map(\.labels) == [["Man"], ["Kvinna"], ["Totalt"]])
    let total = try #require(table.rows.last?.cells.map(\.number?.value))
    #expect(total[0] == 40 && total[1] == 14)
    expectApproximatelyEqual(total[2], 35, relative: 1e-12, "share in per cent")

    let persons = (0..<12).map { "P\($0 / 2)" }
    let days = (0..<12).map { $0.isMultiple(of: 2) ? 100 : 100 + 30 * $0 }
    let recidivism = try Recidivism(
      persons: persons, days: days,
      options: RecidivismOptions(windowDays: 100, endDay: 1000, disclosure: .off)
    ).summary
    let follow = ReportTable(recidivism: recidivism, options: options)
    #expect(follow.columns.count == 10 && follow.columnGroups[0].reduce(0) { $0 + $1.span } == 10)
    let cells = try #require(follow.rows.first?.cells.map(\.number?.value))
    // Six persons indexed on day 100; those whose next suspicion comes by day 200 reoffended.
    #expect(cells[0] == 6 && cells[1] == 6 && cells[2] == 2)
  }
}
