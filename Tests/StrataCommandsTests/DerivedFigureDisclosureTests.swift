import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting
@testable import Reports
@testable import StrataCommands

/// Leak classes 4 (test statistics), 6 (standardised rates) and 8 (side fields and switches) of
/// issue 10, attacked as the threat model describes: the attacker knows the published margins,
/// that every `..` is at least 1, and enumerates the completions of the table.
@Suite struct DerivedFigureDisclosureTests {
  /// A suspects file with `count` persons in each `[kon, alder, fodelseland, count]` group.
  static func suspectsCSV(_ groups: [[Int]]) -> String {
    var lines = ["lopnr;ar;kon;alder;utbildning;fodelseland;brottstyp;antal_misstankar"]
    var person = 1000
    for group in groups {
      for _ in 0..<group[3] {
        person += 1
        lines.append("\(person);2016;\(group[0]);\(group[1]);3;\(group[2]);vbek;1")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Class 4: test statistics

  /// kon × fodelse: (1, inrikes) = 3 is below the threshold, so the whole 2 × 2 body is
  /// suppressed and only the margins 23, 45 (rows) and 18, 50 (columns) are published.
  static let chiSquareFile = writeTemporary(
    "chi-square.csv",
    Self.suspectsCSV([
      [1, 30, 1, 3], [1, 30, 2, 20], [2, 30, 1, 15], [2, 30, 2, 30],
    ]))

  func chiSquareJob(suppress: Int) -> TabulationRequest {
    TabulationRequest(
      data: DataInput(path: Self.chiSquareFile), rows: ["kon"], cols: ["fodelse"],
      suppress: suppress, test: true, language: .en)
  }

  /// Pearson's χ² of a 2 × 2 table (no continuity correction, as `tabulate --test`).
  static func chiSquare(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
    let n = a + b + c + d
    return n * (a * d - b * c) * (a * d - b * c) / ((a + b) * (c + d) * (a + c) * (b + d))
  }

  /// The completions of the suppressed body that fit the published margins with every `..` at
  /// least 1, and among them those whose χ² equals `chi2`.
  static func completions(fitting chi2: Double?, margins: (r1: Double, c1: Double, n: Double))
    -> (all: [Double], pinned: [Double])
  {
    let r2 = margins.n - margins.r1
    var all: [Double] = []
    for a in stride(from: 1.0, through: margins.n, by: 1) {
      let (b, c) = (margins.r1 - a, margins.c1 - a)
      let d = r2 - c
      if b >= 1, c >= 1, d >= 1 { all.append(a) }
    }
    guard let chi2 else { return (all, []) }
    let pinned = all.filter { a in
      let value = chiSquare(a, margins.r1 - a, margins.c1 - a, r2 - margins.c1 + a)
      return abs(value - chi2) <= 1e-9 * max(1, chi2)
    }
    return (all, pinned)
  }

  @Test func chiSquareOfASuppressedTableIsWithheld() throws {
    let json = try TestCounty.object(try chiSquareJob(suppress: 5).publish().json)
    let cells = jsonRecords(json, "cells")
    #expect(cells.allSatisfy { $0["suppressed"] as? Bool == true }, "the body is suppressed")
    let margins = jsonRecords(json, "margins")
    let r1 = try #require(record(margins, ["kon": "1"])?["count"] as? Double)
    let c1 = try #require(record(margins, ["fodelse": "inrikes"])?["count"] as? Double)
    let n = try #require((json["total"] as? [String: Any])?["count"] as? Double)

    // What the attacker would do with a published χ²: the statistic of the true table (as the
    // internal run prints it) fits exactly one of the 17 completions, the true one (a = 3).
    let unprotected = try TestCounty.object(try chiSquareJob(suppress: 0).publish().json)
    let trueChi2 = try #require((unprotected["test"] as? [String: Any])?["chi2"] as? Double)
    let attack = Self.completions(fitting: trueChi2, margins: (r1, c1, n))
    #expect(attack.all.count == 17)
    #expect(attack.pinned == [3])

    // The published JSON gives the attacker nothing to fit.
    let test = try #require(json["test"] as? [String: Any])
    #expect(test["suppressed"] as? Bool == true)
    #expect(test["reason"] as? String == "suppressed_cells")
    for key in ["chi2", "p_value", "cramers_v", "g2", "g2_p_value", "fisher_p_value", "odds_ratio"]
    {
      #expect(test[key] == nil, "\(key) leaked")
    }
    let published = Self.completions(fitting: test["chi2"] as? Double, margins: (r1, c1, n))
    #expect(published.pinned.count != 1, "a published χ² pins the suppressed cells")
  }

  @Test(arguments: [Language.sv, .en])
  func aWithheldTestIsANoteInTheTables(language: Language) throws {
    var job = chiSquareJob(suppress: 5)
    job.language = language
    let result = try job.publish()
    // No association-test table; the cross-tabulation says why in the report language.
    let titles = result.tables.map(\.title)
    #expect(!titles.contains { $0.contains(language.text(.associationTitle(tested: ""))) })
    let markdown = try MarkdownRenderer().render(result.tables)
    let note = language.text(.testWithheldNote(tested: "⟨tested⟩"))
    let reason = try #require(note.components(separatedBy: "⟨tested⟩)").last)
    #expect(markdown.contains(reason))
    #expect(!markdown.contains("4,13") && !markdown.contains("4.13"))
  }

  @Test func aTableWithoutSuppressionKeepsItsTest() throws {
    // Every cell ≥ 5: the test is published as before.
    let file = writeTemporary(
      "chi-square-large.csv",
      Self.suspectsCSV([[1, 30, 1, 8], [1, 30, 2, 20], [2, 30, 1, 15], [2, 30, 2, 30]]))
    let job = TabulationRequest(
      data: DataInput(path: file), rows: ["kon"], cols: ["fodelse"], test: true)
    let test = try #require(
      try TestCounty.object(try job.publish().json)["test"] as? [String: Any])
    #expect(test["chi2"] is Double)
    #expect(test["suppressed"] == nil)
  }

  // MARK: Class 6: standardised rates

  /// Populations by (kon, alder): 1234, 2345, 3456 for men, 1111, 2222, 3333 for women.
  static let populationSizes: [Int: [Int]] = [1: [1234, 2345, 3456], 2: [1111, 2222, 3333]]
  static let ages = [20, 40, 60]

  static let standardizedFiles: (suspects: String, population: String) = {
    // Men: 3, 10, 10 suspects aged 20, 40, 60 (23 in all); women: 10, 12, 8 (30).
    let suspects = writeTemporary(
      "dsr-suspects.csv",
      Self.suspectsCSV([
        [1, 20, 1, 3], [1, 40, 1, 10], [1, 60, 1, 10], [2, 20, 1, 10], [2, 40, 1, 12],
        [2, 60, 1, 8],
      ]))
    var lines = ["ar;kon;alder;utbildning;fodelseland;antal"]
    for kon in [1, 2] {
      for (age, size) in zip(ages, populationSizes[kon]!) {
        lines.append("2016;\(kon);\(age);3;1;\(size)")
      }
    }
    let population = writeTemporary("dsr-population.csv", lines.joined(separator: "\n") + "\n")
    return (suspects, population)
  }()

  func standardizedJob(suppress: Int) -> TabulationRequest {
    TabulationRequest(
      data: DataInput(path: Self.standardizedFiles.suspects), rows: ["kon"],
      population: DataInput(path: Self.standardizedFiles.population), suppress: suppress,
      standardizeBy: "aldersgrupp3")
  }

  /// Per 100 000, the directly standardised rate of a split of a group's suspects over the three
  /// age groups, with the study population as standard.
  static func standardizedRate(_ split: [Double], kon: Int) -> Double {
    let standard = (0..<3).map { Double(populationSizes[1]![$0] + populationSizes[2]![$0]) }
    let total = standard.reduce(0, +)
    return 100_000
      * (0..<3).reduce(0) { sum, s in
        sum + standard[s] / total * split[s] / Double(populationSizes[kon]![s])
      }
  }

  /// The splits of `count` suspects over the three age groups whose rate is `rate` (to the
  /// precision given: `nil` for full precision, else the number of decimals printed).
  static func splits(of count: Int, kon: Int, rate: Double, decimals: Int?) -> [[Double]] {
    var found: [[Double]] = []
    for x1 in 0...count {
      for x2 in 0...(count - x1) {
        let split = [Double(x1), Double(x2), Double(count - x1 - x2)]
        let value = standardizedRate(split, kon: kon)
        let fits: Bool
        if let decimals {
          let scale = pow(10, Double(decimals))
          fits = (value * scale).rounded() == (rate * scale).rounded()
        } else {
          fits = abs(value - rate) <= 1e-9 * rate
        }
        if fits { found.append(split) }
      }
    }
    return found
  }

  @Test func standardizedRatesAreRoundedAndWithheldForSmallStrata() throws {
    let result = try standardizedJob(suppress: 5).run()
    let standardization = try #require(result.standardization)
    // The leak: the rate of men at full precision (what the JSON used to print) admits one
    // split of their 23 suspects over the age groups, the true one with its 3 aged 15–34.
    let men = try #require(standardization.rate(codes: ["1"]))
    #expect(Self.splits(of: 23, kon: 1, rate: men.adjustedRate, decimals: nil) == [[3, 10, 10]])

    let json = try TestCounty.object(try result.publication().json)
    let groups = try #require(
      (json["standardized"] as? [String: Any])?["groups"] as? [[String: Any]])
    let menGroup = try #require(groups.first { $0["kon"] as? String == "1" })
    #expect(menGroup["suppressed"] as? Bool == true)
    #expect(menGroup["rate"] == nil && menGroup["rate_ci"] == nil && menGroup["crude_rate"] == nil)
    // Every published rate has the table's one decimal, never 17 digits.
    var published = 0
    for group in groups where group["suppressed"] as? Bool == false {
      let values =
        [group["rate"], group["crude_rate"]].compactMap { $0 as? Double }
        + ((group["rate_ci"] as? [Double]) ?? [])
      #expect(values.count == 4)
      for value in values {
        #expect(abs(value * 10 - (value * 10).rounded()) < 1e-6, "\(value) has more decimals")
      }
      published += 1
    }
    #expect(published == 2, "women and the total are published")
    // In the table, the men's row is `..` with the note on small strata.
    let table = try #require(result.publication().tables.first { $0.columns.count == 6 })
    #expect(table.rows.contains { $0.cells.allSatisfy { $0 == .suppressed } })
    #expect(table.footnotes.contains { $0.text.hasPrefix("Standardiserade tal redovisas inte") })
  }

  @Test func internalStandardizedRatesAreRoundedToo() throws {
    let json = try TestCounty.object(try standardizedJob(suppress: 0).publish().json)
    let groups = try #require(
      (json["standardized"] as? [String: Any])?["groups"] as? [[String: Any]])
    let men = try #require(groups.first { $0["kon"] as? String == "1" })
    let rate = try #require(men["rate"] as? Double)
    #expect(abs(rate * 10 - (rate * 10).rounded()) < 1e-6)
  }

  // MARK: Class 8: side fields

  /// 3 persons under 15 (outside every age group) among 80.
  static let sideFieldFile = writeTemporary(
    "side-fields.csv",
    Self.suspectsCSV([
      [1, 30, 1, 12], [1, 40, 2, 20], [2, 30, 1, 15], [2, 50, 2, 30], [1, 12, 2, 3],
    ]))

  /// Every number of the JSON's `excluded` objects, at any depth.
  static func excludedNumbers(_ value: Any, inside: Bool = false) -> [Double] {
    switch value {
    case let object as [String: Any]:
      // `"suppressed": true` reads as the number 1 through JSONSerialization.
      return object.filter { $0.key != "suppressed" }.flatMap { key, child in
        excludedNumbers(child, inside: inside || key == "excluded")
      }
    case let array as [Any]:
      return array.flatMap { excludedNumbers($0, inside: inside) }
    case let number as Double:
      return inside ? [number] : []
    default:
      return []
    }
  }

  /// A count of 1–4 in a sentence: "3 rows", "(4 persons)", "2 of 80 rows".
  static func smallCountInSentence(_ text: String) -> Bool {
    text.range(
      of: #"\b[1-4] (rows?|persons?|suspicions?|values|cases|of \d+)\b"#,
      options: .regularExpression) != nil
  }

  func sideFieldPublications(suppress: Int) throws -> [AnalysisPublication] {
    let data = DataInput(path: Self.sideFieldFile)
    return [
      try TabulationRequest(
        data: data, rows: ["kon"], cols: ["aldersgrupp"], suppress: suppress, language: .en
      ).publish(),
      try RepeatOffendingRequest(data: data, by: ["kon", "aldersgrupp"], suppress: suppress)
        .publish(),
    ]
  }

  @Test func noSmallCountInExcludedOrWarnings() throws {
    // The data excludes 3 rows: the internal output says so exactly ...
    for publication in try sideFieldPublications(suppress: 0) {
      let json = try TestCounty.object(publication.json)
      #expect(Self.excludedNumbers(json).contains(3))
      #expect(publication.warnings.contains { $0.hasPrefix("3 rows excluded") })
    }
    // ... and a published one never does, in the JSON or in the warnings for stderr.
    for publication in try sideFieldPublications(suppress: 5) {
      let json = try TestCounty.object(publication.json)
      let numbers = Self.excludedNumbers(json)
      #expect(!numbers.contains { $0 > 0 && $0 < 5 }, "small count in excluded: \(numbers)")
      let excluded = try #require(json["excluded"] as? [String: Any])
      #expect((excluded["rows"] as? [String: Any])?["suppressed"] as? Bool == true)
      let warnings = (json["warnings"] as? [String] ?? []) + publication.warnings
      #expect(!warnings.contains(where: Self.smallCountInSentence), "\(warnings)")
      #expect(warnings.contains { $0.hasPrefix("fewer than 5 rows excluded") })
    }
  }

  /// The sentences of every analysis that carry counts, as Strata writes them.
  @Test(arguments: [
    (
      "3 rows excluded: utbildning is missing.",
      "fewer than 5 rows excluded: utbildning is missing."
    ),
    (
      "1 row excluded: alder is outside every level.",
      "fewer than 5 rows excluded: alder is outside every level."
    ),
    (
      "The population p.csv: the excluded rows hold 4 persons.",
      "The population p.csv: the excluded rows hold fewer than 5 persons."
    ),
    (
      "12 of 5336 rows excluded: missing utbildning 10, outside the groups of alder 2.",
      "12 of 5336 rows excluded: missing utbildning 10, outside the groups of alder fewer than 5."
    ),
    (
      "3 of 5336 rows excluded: zero weight or trials 3.",
      "fewer than 5 of 5336 rows excluded: zero weight or trials fewer than 5."
    ),
    (
      "2 rows of s.csv (1 of them cases) with a missing or out-of-range value of kon were left out.",
      "fewer than 5 rows of s.csv (fewer than 5 of them cases) with a missing or out-of-range value of kon were left out."
    ),
    (
      "3 persons in s.csv with a missing or out-of-range value were left out (utbildning: 3 missing).",
      "fewer than 5 persons in s.csv with a missing or out-of-range value were left out (utbildning: fewer than 5 missing)."
    ),
    (
      "7 rows of s.csv excluded (missing utbildning: 2, kon: 5)",
      "7 rows of s.csv excluded (missing utbildning: fewer than 5, kon: 5)"
    ),
    (
      "s.csv: 2 rows excluded (unknownValue in `kon`); first at line 3: 7",
      "s.csv: fewer than 5 rows excluded (unknownValue in `kon`); first at line 3: 7"
    ),
    (
      "The cell kon = 1, fodelse = 2 has a count but no population record.",
      "The cell kon = 1, fodelse = 2 has a count but no population record."
    ),
    (
      "3 suspicions excluded: datum is missing.",
      "fewer than 5 suspicions excluded: datum is missing."
    ),
  ])
  func warningSentencesLoseTheirSmallCounts(sentence: String, expected: String) {
    #expect(SmallCounts.redacted(warning: sentence, threshold: 5) == expected)
    #expect(SmallCounts.redacted(warning: sentence, threshold: 0) == sentence)
  }

  // MARK: The internal mode

  @Test func publishedOutputSaysItIsProtected() throws {
    let json = try TestCounty.object(try chiSquareJob(suppress: 5).publish().json)
    let disclosure = try #require(json["disclosure"] as? [String: Any])
    #expect(disclosure["protected"] as? Bool == true)
    #expect(disclosure["threshold"] as? Double == 5)
  }

  @Test(arguments: [Language.sv, .en])
  func suppressZeroIsLoudInEveryFormat(language: Language) throws {
    var job = standardizedJob(suppress: 0)
    job.language = language
    job.test = false
    let publication = try job.publish()
    let json = try TestCounty.object(publication.json)
    let disclosure = try #require(json["disclosure"] as? [String: Any])
    #expect(disclosure["protected"] as? Bool == false)
    #expect(disclosure["threshold"] == nil)
    #expect(!publication.isDisclosureProtected)  // the commands also say so on stderr

    let warning = language.text(.notDisclosureProtected)
    #expect(warning.hasPrefix(language == .sv ? "Ej röjandeskyddad" : "Not disclosure-protected"))
    let tables = publication.tables
    #expect(try MarkdownRenderer().render(tables).contains(warning))
    #expect(try HTMLRenderer().render(tables).contains(Escaping.xml(warning)))
    #expect(try LaTeXRenderer().render(tables).contains("innehåller") == (language == .sv))
    #expect(try LaTeXRenderer().render(tables).contains(language == .sv ? "Ej" : "Not disclosure"))
    // A plain data file (RFC 4180) and the Swedish Excel file both say it.
    let firstRecord = try CSVRenderer().render(tables).components(separatedBy: "\r\n")[0]
    #expect(firstRecord.contains(warning))
    #expect(try CSVRenderer(style: .excelSwedish).render(tables).contains(warning))
    let url = temporaryDirectory("internal-xlsx").appendingPathComponent("t.xlsx")
    try XLSXRenderer().write(tables, to: url)
    #expect(try XLSXArchive(contentsOf: url).allText.contains(Escaping.xml(warning)))
    for chart in publication.charts { #expect(chart.svg.contains(Escaping.xml(warning))) }
    #expect(!publication.charts.isEmpty)
  }

  @Test func protectedOutputCarriesNoInternalWarning() throws {
    let publication = try standardizedJob(suppress: 5).publish()
    for table in publication.tables {
      #expect(!table.footnotes.contains { $0.saysNotProtected })
    }
    let text = Language.sv.text(.notDisclosureProtected)
    #expect(try !MarkdownRenderer().render(publication.tables).contains(text))
  }

  @Test func everySubcommandStatesItsDisclosure() throws {
    let data = DataInput(path: Self.sideFieldFile)
    let repeatJSON = try TestCounty.object(
      try RepeatOffendingRequest(data: data, by: ["kon"], suppress: 0).publish().json)
    #expect((repeatJSON["disclosure"] as? [String: Any])?["protected"] as? Bool == false)
    // `describe` counts every code, however rare: never protected.
    let output = temporaryDirectory("describe-json").appendingPathComponent("d.json").path
    let describe = try DescribeCommand.parse([
      Self.sideFieldFile, "--format", "json", "--output", output,
    ])
    try describe.run()
    let json = try TestCounty.object(try Data(contentsOf: URL(fileURLWithPath: output)))
    #expect((json["disclosure"] as? [String: Any])?["protected"] as? Bool == false)
  }

  // MARK: Recipes

  @Test func aRecipeTurningSuppressionOffMustBeInternal() throws {
    let entry = """
      title: Intern
      data:
        suspects: suspects.csv
      analyses:
        - analysis: tabulate
          title: Antal
          rows: [kon]
          suppress: 0
      """
    let error = try #require(recipeError(entry))
    #expect(error.line == 8)
    #expect(error.description.contains("test.yaml, line 8"))
    #expect(error.description.contains("internal: true"))

    let topLevel = """
      title: Intern
      suppress: 0
      data:
        suspects: suspects.csv
      analyses:
        - analysis: tabulate
          title: Antal
          rows: [kon]
      """
    #expect(recipeError(topLevel)?.line == 2)

    #expect(recipeError("internal: true\n" + entry) == nil)
    #expect(try recipe("internal: true\n" + topLevel).isInternal)
  }

  /// Runs a recipe over the side-field file and returns its index page.
  func indexPage(_ header: String, suppress: String) throws -> String {
    let yaml = """
      \(header)
      title: Rapport
      data:
        suspects: \(Self.sideFieldFile)
      formats: [md, json]
      analyses:
        - analysis: tabulate
          title: Efter kön och ålder
          rows: [kon]
          cols: [aldersgrupp]
          suppress: \(suppress)
        - analysis: tabulate
          title: Efter kön
          rows: [kon]
      """
    let run = try ReportRunner(recipe: try recipe(yaml), language: .sv).run()
    let out = temporaryDirectory("disclosure-report")
    try ReportWriter(run: run, directory: out).write()
    return try String(
      contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
  }

  @Test func anInternalReportSaysSoOnItsIndexPage() throws {
    let banner = Escaping.xml(Language.sv.text(.notDisclosureProtected))
    let internalPage = try indexPage("internal: true", suppress: "0")
    #expect(internalPage.contains("disclosure-warning") && internalPage.contains(banner))
    // The legend does not claim that small counts are withheld.
    #expect(internalPage.contains(Escaping.xml(Language.sv.text(.noSuppression))))
    #expect(!internalPage.contains(Escaping.xml(Language.sv.text(.suppressionRule(threshold: 5)))))

    let protectedPage = try indexPage("", suppress: "5")
    #expect(!protectedPage.contains(banner))
    #expect(protectedPage.contains(Escaping.xml(Language.sv.text(.suppressionRule(threshold: 5)))))
    // The analyses' notices on the page carry no small count.
    #expect(protectedPage.contains("färre än 5 rader i data ingår inte"))
    #expect(!protectedPage.contains("3 rader"))
  }
}
