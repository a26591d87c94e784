import Reporting

/// Tables shared by the renderer tests. Figures are invented but shaped like Brå's.
enum SampleTables {
  /// The distinctive value hidden behind a suppressed cell; no output may contain it.
  static let hiddenValue = 4321.0

  /// Kön × födelseland by age group: two stub columns, a spanning header level, a total row,
  /// suppression, a cell that cannot occur, a missing cell, flags and a note.
  static var suspects: ReportTable {
    var table = ReportTable(
      title: "Misstänkta för våld i nära relation efter kön, födelseland och ålder, 2023",
      subtitle: "Personer 18 år och äldre",
      unit: "antal och per 100 000 invånare",
      shortTitle: "Våld i nära relation",
      language: .sv,
      stubHeaders: ["Kön", "Födelseland"],
      columnGroups: [
        [HeaderSpan("18–24 år", span: 2), HeaderSpan("25–44 år", span: 2), HeaderSpan("", span: 1)]
      ],
      columns: [
        ReportColumn("Antal", role: .count),
        ReportColumn("Per 100 000", role: .rate),
        ReportColumn("Antal", role: .count),
        ReportColumn("Per 100 000", role: .rate),
        ReportColumn("Andel, %", role: .percent),
      ],
      footnotes: [
        .note("Exklusive personer med okänt födelseland.", marker: "a"),
        .source("Brå, misstänkta personer 2023; SCB, befolkningsstatistik"),
      ])
    try! table.appendRow(
      ["Män", "Född i Sverige"],
      [.count(1_234), .rate(132.65), .count(12_345), .rate(2.675, decimals: 2), .percent(61.25)])
    try! table.appendRow(
      ["Män", "Utrikes född"],
      [
        .count(hiddenValue), .rate(412.05).flagged(.uncertain), .count(3_456), .rate(0.04),
        .percent(38.75),
      ])
    try! table.appendRow(
      ["Kvinnor", "Född i Sverige"],
      [.count(0), .rate(0), .count(987), .rate(19.95), .missing])
    try! table.appendRow(
      ["Kvinnor", "Utrikes född"],
      [
        .count(17), .cannotOccur, .count(1_000_000), .rate(1.005, decimals: 2).noted("a"),
        .percent(100),
      ])
    try! table.appendRow(
      ["Totalt", ""],
      [.count(5_573), .rate(98.45), .count(1_016_788), .rate(57.15), .percent(99.95)],
      isTotal: true)
    table.suppress(row: 1, column: 0)
    return table
  }

  /// A coefficient table in English: negative estimates, ratios, intervals, p-values, text
  /// and missing cells for the reference level.
  static var coefficients: ReportTable {
    var table = ReportTable(
      title: "Logistic regression: suspected of violence against an acquaintance",
      unit: "odds ratios with 95 % confidence intervals",
      language: .en,
      stubHeaders: ["Term"],
      columnGroups: [
        [HeaderSpan("", span: 2), HeaderSpan("Odds ratio", span: 3), HeaderSpan("", span: 1)]
      ],
      columns: [
        ReportColumn("Estimate", role: .estimate),
        ReportColumn("Std. error", role: .standardError),
        ReportColumn("OR", role: .ratio),
        ReportColumn("Lower", role: .ciLower, decimals: 2),
        ReportColumn("Upper", role: .ciUpper, decimals: 2),
        ReportColumn("p", role: .pValue),
      ],
      footnotes: [.source("Synthetic county (strata generate --seed 1)")])
    try! table.appendRow(
      ["(Intercept)"],
      [
        .estimate(-5.91234), .estimate(0.04321), .ratio(0.0027), .estimate(0.00248),
        .estimate(0.00294), .pValue(0),
      ])
    try! table.appendRow(
      ["kon: 1"],
      [
        .estimate(1.5497), .estimate(0.0401), .ratio(4.7101), .estimate(4.3534), .estimate(5.0959),
        .pValue(1.4e-10),
      ])
    try! table.appendRow(
      ["fodelse: utrikes"],
      [
        .estimate(0.2315), .estimate(0.1102), .ratio(1.2605), .estimate(1.0156), .estimate(1.5645),
        .pValue(0.0357),
      ])
    try! table.appendRow(
      ["kon: 1 & fodelse: utrikes"],
      [
        .estimate(-0.0549), .estimate(0.1498), .ratio(0.9466), .estimate(0.7057), .estimate(1.2698),
        .pValue(0.71405),
      ])
    try! table.appendRow(
      ["aldersgrupp: 18-24"], [.text("ref."), .missing, .missing, .missing, .missing, .missing])
    return table
  }

  /// Labels full of characters that each format must escape.
  static var awkward: ReportTable {
    var table = ReportTable(
      title: "Escaping: <b>&\"quotes\"</b> 100% $5 #1 a_b {x} ~y ^z \\end",
      language: .en,
      stubHeaders: ["Group | pipe"],
      columns: [ReportColumn("Count, \"all\"", role: .count), ReportColumn("Note", role: .label)],
      footnotes: [.note("Line one\nline two; semi, comma")])
    try! table.appendRow(["Ålder <18 & \"unga\""], [.count(-1_234.5), .text("a,b;c\"d\"\ne")])
    try! table.appendRow(["*star* _under_ `code`"], [.count(7), .text("50% & $x$ #3 {y} ~ ^ \\")])
    return table
  }
}
