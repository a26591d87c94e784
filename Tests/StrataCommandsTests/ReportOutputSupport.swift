import Foundation
import Microdata
import StatsTestSupport

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// A report run built in code (independent of the analyses' implementations): analysis 1 has
/// one table with suppressed cells and a bar chart, analysis 2 two tables and two charts
/// (both with the default SVG id prefix, so the page must make the ids unique), analysis 3
/// failed.
enum SyntheticReport {
  static let yaml = """
    title: Syntetisk rapport
    subtitle: Tre analyser
    source: Syntetiska data
    suppress: 5
    data:
      suspects: suspects.csv
    analyses:
      - {analysis: tabulate, title: Misstänkta efter kön, rows: kon}
      - {analysis: tabulate, title: Misstänkta efter kön och födelse, rows: [kon, fodelse]}
      - {analysis: tabulate, title: En analys som misslyckas, rows: kon}
    """

  static func table(_ title: String, rows: [(String, Double?, Double?)]) throws -> ReportTable {
    var table = ReportTable(
      title: title, unit: "antal personer", language: .sv, stubHeaders: ["Kön"],
      columns: [ReportColumn("Antal", role: .count), ReportColumn("Andel", role: .percent)])
    for (label, count, percent) in rows {
      try table.appendRow(
        [label],
        [count.map { .count($0) } ?? .suppressed, percent.map { .percent($0) } ?? .suppressed])
    }
    table.footnotes.append(.source("Syntetiska data"))
    return table
  }

  static func chart(_ title: String) -> PublishedChart {
    let chart = BarChart(
      [
        BarDatum(label: "Män", value: 132.6, lower: 120, upper: 140),
        BarDatum(label: "Kvinnor", value: 20.4),
      ],
      labels: ChartLabels(title: title, valueAxis: "Per 100 000"))
    return PublishedChart(name: "staplar", title: title, svg: chart.svg())
  }

  static func run() throws -> ReportRun {
    let recipe = try Recipe(
      yaml: yaml, file: "syntetisk.yaml", directory: URL(fileURLWithPath: "/data"))
    let planned = try recipe.plannedAnalyses()
    var first = AnalysisPublication(
      json: Data(
        #"{"cells": [{"kon": "1", "count": 812}, {"kon": "2", "suppressed": true}], "warnings": ["3 rows excluded"]}"#
          .utf8),
      tables: [
        try table(
          "Misstänkta efter kön",
          rows: [("Man", 812, 98.5), ("Kvinna", nil, nil), ("Totalt", 824.0, 100)])
      ],
      charts: [chart("Misstänkta per 100 000 efter kön")], warnings: ["3 rows excluded"])
    first.notices = ["Färre än 5 rader i data ingår inte."]
    let second = AnalysisPublication(
      json: Data(#"{"cells": []}"#.utf8),
      tables: [
        try table(
          "Män efter födelse", rows: [("Inrikes född", 500, 61.2), ("Utrikes född", 312, 38.8)]),
        try table(
          "Kvinnor efter födelse", rows: [("Inrikes född", 7, 58.3), ("Utrikes född", nil, nil)]),
      ],
      charts: [
        chart("Män"),
        PublishedChart(name: "staplar 2", title: "Kvinnor", svg: chart("Kvinnor").svg),
      ],
      warnings: [])
    let failure = JobError.recipeEntry(
      index: 2, title: planned[2].title,
      message: "line 10 of syntetisk.yaml: There is no variable named `kon`.")
    let outcomes = [
      AnalysisOutcome(analysis: planned[0], result: .success(first), filter: nil, seconds: 0.25),
      AnalysisOutcome(
        analysis: planned[1], result: .success(second), filter: "alder >= 18", seconds: 0.5),
      AnalysisOutcome(analysis: planned[2], result: .failure(failure), filter: nil, seconds: 0.01),
    ]
    return ReportRun(
      recipe: recipe, language: .sv, outcomes: outcomes, files: [], plannedCount: 3,
      started: Date(timeIntervalSince1970: 1_700_000_000), seconds: 0.76)
  }
}

/// The process identifier of a process that has ended (`/bin/true`, waited for): a temporary
/// named after it is a leftover of a killed run.
func endedProcessIdentifier() throws -> pid_t {
  let ended = Process()
  ended.executableURL = URL(fileURLWithPath: "/bin/true")
  try ended.run()
  ended.waitUntilExit()
  return ended.processIdentifier
}
