import Analysis
import Foundation
import Microdata
import Reporting

/// Writes a report run into a folder:
///
/// ```
/// DIR/index.html                         the whole report on one self-contained page
/// DIR/tables.xlsx                        a contents sheet, then one sheet per table
/// DIR/<nn>-<slug>.json                   the analysis's JSON (the CLI contract, disclosure
///                                        control applied by the analysis itself)
/// DIR/<nn>-<slug>[-<k>].md|html|tex      each table (k numbers an analysis's tables)
/// DIR/<nn>-<slug>[-<k>].csv              each table as one tidy table (`TidyCSVRenderer`,
///                                        the recipe's `csv_style`), its title, columns and
///                                        notes in <nn>-<slug>[-<k>].meta.json
/// DIR/<nn>-<slug>[-<k>].table.json       each table as JSON (JSONRenderer), the numbers
///                                        exactly as printed in the other formats
/// DIR/<nn>-<slug>-<chart>.svg            each chart
/// DIR/checks.md                          the published-figure checks (with --check)
/// ```
/// Files a previous run of `strata report` wrote into the folder are removed first (only
/// when its index.html says strata wrote it, and not for a partial `--only` run), and so are
/// the hidden temporaries (`.NAME.PID.tmp`) of a run that was killed while writing.
public struct ReportWriter: Sendable {
  public var run: ReportRun
  public var directory: URL
  /// Remove the files of an earlier report in the folder first.
  public var removeStaleFiles: Bool = true
  /// The creation date written into the workbook (`nil`: now).
  public var creationDate: Date?

  /// The files written for one analysis, for the index page's links.
  public struct AnalysisFiles: Sendable {
    /// (label, file name), e.g. ("md", "03-rates.md").
    var links: [(label: String, file: String)] = []
  }

  public init(
    run: ReportRun,
    directory: URL,
    removeStaleFiles: Bool = true,
    creationDate: Date? = nil
  ) {
    self.run = run
    self.directory = directory
    self.removeStaleFiles = removeStaleFiles
    self.creationDate = creationDate
  }

  /// Writes everything and returns the files written per analysis number.
  ///
  /// - Throws: `ReportingError` when a file cannot be written or a table is malformed.
  @discardableResult
  public func write() throws -> [Int: AnalysisFiles] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    if removeStaleFiles { try removeEarlierReport() }
    // The hidden temporaries of a run killed while writing a report file.
    removeLeftoverTemporaries(in: directory, of: Self.isReportFile)
    // The analyses' files are rendered and written on every core (each analysis writes its own
    // files); the workbook and the index page, which gather all of them, come after.
    let outcomes = run.outcomes
    let written = outcomes.concurrentMap { outcome in Result { try write(outcome) } }
    var files: [Int: AnalysisFiles] = [:]
    var sheets: [ReportTable] = []
    var contents: [(sheet: String, title: String, analysis: String)] = []
    for (outcome, result) in zip(outcomes, written) {
      let done = try result.get()
      guard let links = done.files else { continue }
      files[outcome.analysis.number] = links
      sheets += done.sheets
      contents += done.contents
    }
    if !sheets.isEmpty {
      let workbook = [try contentsTable(contents)] + sheets
      try XLSXRenderer(creationDate: creationDate).write(
        workbook, to: directory.appendingPathComponent("tables.xlsx"))
    }
    if !run.checks.isEmpty {
      let table = try FigureCheck.table(run.checks, language: run.language)
      try MarkdownRenderer().write([table], to: directory.appendingPathComponent("checks.md"))
    }
    let page = try ReportIndexPage(run: run, files: files).render()
    try write(Data(page.utf8), "index.html")
    return files
  }

  /// What writing one analysis produced: its files (nil when it has no result) and its sheets
  /// for the workbook, with their lines of the contents sheet.
  private struct Written {
    var files: AnalysisFiles?
    var sheets: [ReportTable] = []
    var contents: [(sheet: String, title: String, analysis: String)] = []
  }

  /// Writes the files of one analysis.
  private func write(_ outcome: AnalysisOutcome) throws -> Written {
    var done = Written()
    guard let result = outcome.jobResult else { return done }
    let stem = outcome.analysis.stem(width: run.numberWidth)
    let formats = outcome.formats(run.recipe)
    var written = AnalysisFiles()
    if formats.contains(.json) {
      try write(result.json, "\(stem).json")
      written.links.append(("json", "\(stem).json"))
    }
    for (k, table) in result.tables.enumerated() {
      let tableStem = result.tables.count == 1 ? stem : "\(stem)-\(k + 1)"
      for format in [TableFormat.md, .html, .tex] where formats.contains(format) {
        let name = "\(tableStem).\(format.rawValue)"
        try write(try format.renderer().data(for: [table]), name)
        written.links.append((format.rawValue, name))
      }
      if formats.contains(.csv) {
        // One tidy table per file (long layout, codes and labels), its texts in a sidecar.
        let renderer = TidyCSVRenderer(style: run.recipe.csvStyle)
        let long = table.longLayout()
        let name = "\(tableStem).csv"
        try write(try renderer.data(for: [long]), name)
        try write(try renderer.metadata([(name, long)]), "\(tableStem).meta.json")
        written.links.append(("csv", name))
      }
      if formats.contains(.json) {
        let name = "\(tableStem).table.json"
        try write(Data(try JSONRenderer().render(table).utf8), name)  // one object per file
        written.links.append(("table.json", name))
      }
      if formats.contains(.xlsx) {
        let prefix =
          result.tables.count == 1
          ? "\(outcome.analysis.number)" : "\(outcome.analysis.number).\(k + 1)"
        var sheet = table
        sheet.shortTitle = Self.sheetName(
          prefix: prefix, title: table.shortTitle ?? table.title,
          omitting: outcome.analysis.sectionTitle)
        done.contents.append(
          (
            sheet.shortTitle!, table.title,
            "\(outcome.analysis.number). \(outcome.analysis.title)"
          ))
        done.sheets.append(sheet)
      }
    }
    for chart in result.charts {
      let name = "\(stem)-\(Slug.make(chart.name)).svg"
      try write(Data(chart.svg.utf8), name)
      written.links.append(("svg", name))
    }
    done.files = written
    return done
  }

  /// The disclosure threshold of an analysis: its own `suppress`, else the recipe's.
  package func threshold(_ outcome: AnalysisOutcome) -> Int { run.threshold(of: outcome) }

  /// Writes one file of the report, replacing it (the leftovers of a killed run were removed
  /// once, before the first file).
  private func write(_ data: Data, _ name: String) throws(ReportingError) {
    let url = directory.appendingPathComponent(name)
    do {
      try writeReplacing(data, to: url)
    } catch {
      throw .fileWrite(path: url.path, reason: fileErrorReason(error, path: url.path))
    }
  }

  /// A sheet name of at most 31 characters: the analysis number, then the title cut at a word.
  /// The words of the analysis's section heading (`omitting`, e.g. "Våld mot partner eller
  /// f.d. partner"), which every sheet of the section repeats, are left out when words remain,
  /// so that the name keeps what tells the sheets apart ("2.1 Misstänkta 2016 efter kön").
  package static func sheetName(prefix: String, title: String, omitting section: String? = nil)
    -> String
  {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    let cleaned = String(title.map { forbidden.contains($0) ? " " : $0 })
    var words = cleaned.split(separator: " ").map(String.init)
    if let section {
      let common = Set(section.lowercased().split(separator: " ").map(String.init))
      let removed = words.map { common.contains($0.lowercased()) }
      // A little word before the section's words goes with them ("för", "om" in "misstanke
      // om våld mot …").
      let little: Set<String> = ["för", "mot", "om", "av", "i", "for", "of", "against", "on"]
      let kept = words.indices.filter { index in
        !removed[index]
          && !(little.contains(words[index].lowercased()) && index + 1 < words.count
            && removed[index + 1])
      }.map { words[$0] }
      if !kept.isEmpty { words = kept }
    }
    var name = prefix
    for word in words {
      let candidate = name + " " + word
      if candidate.utf16.count > 31 {
        // A word that does not fit is cut with an ellipsis when a readable part of it does.
        let room = 31 - name.utf16.count - 2
        if room >= 4 { name += " " + String(word.prefix(room)) + "…" }
        break
      }
      name = candidate
    }
    while let last = name.last, [",", ";", "."].contains(last) { name.removeLast() }
    return name
  }

  /// The workbook's first sheet: its sheets with the tables' full titles and their analyses.
  package func contentsTable(_ contents: [(sheet: String, title: String, analysis: String)])
    throws(ReportingError) -> ReportTable
  {
    var table = ReportTable(
      title: run.recipe.title, subtitle: run.recipe.subtitle,
      shortTitle: run.language.text(.contents), language: run.language,
      stubHeaders: [run.language.text(.sheet)],
      columns: [
        ReportColumn(run.language.text(.table), role: .label),
        ReportColumn(run.language.text(.analysis), role: .label),
      ])
    for item in contents {
      try table.appendRow([item.sheet], [.text(item.title), .text(item.analysis)])
    }
    if run.isInternal { table.footnotes.append(.notDisclosureProtected(run.language)) }
    table.footnotes.append(.note(ReportText.suppressionRule(run.weakestThreshold, run.language)))
    if let source = run.recipe.source { table.footnotes.append(.source(source)) }
    return table
  }

  /// Removes the files an earlier `strata report` wrote here.
  private func removeEarlierReport() throws {
    let index = directory.appendingPathComponent("index.html")
    guard let text = try? String(contentsOf: index, encoding: .utf8),
      text.contains(ReportIndexPage.generatorMarker)
    else { return }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where Self.isReportFile(name) {
      try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }

  /// Whether a file name is one `ReportWriter` writes.
  package static func isReportFile(_ name: String) -> Bool {
    if ["index.html", "tables.xlsx", "checks.md"].contains(name) { return true }
    let digits = name.prefix { $0.isASCII && $0.isNumber }
    guard digits.count >= 2, name.dropFirst(digits.count).first == "-" else { return false }
    return [".md", ".csv", ".json", ".html", ".tex", ".svg"].contains { name.hasSuffix($0) }
  }
}
