import Analysis
import Foundation
import Microdata
import Reporting

/// The report's `index.html`: one self-contained page (no external files, no scripts) with
/// the title, the date, the data read (files, rows read, rows excluded with reasons), a table
/// of contents, every analysis with its tables (`HTMLRenderer` fragments) and charts (inline
/// SVG), its warnings or its failure, the published-figure checks, and the symbol legend.
public struct ReportIndexPage {
  /// Marks a page `strata report` wrote (so a rerun may replace its files).
  package static let generatorMarker = "<meta name=\"generator\" content=\"strata report\">"

  public var run: ReportRun
  /// Files written per analysis number (links under each analysis).
  public var files: [Int: ReportWriter.AnalysisFiles] = [:]
  /// The time zone of the creation time shown (fixed in snapshot tests).
  public var timeZone: TimeZone = .current

  private var language: Language { run.language }
  private func x(_ text: String) -> String { Escaping.xml(text) }

  package func render() throws -> String {
    var body: [String] = []
    body.append(header())
    body.append(contents())
    if !run.failures.isEmpty { body.append(failureSummary()) }
    // The analyses' sections are rendered on every core (each on its own), then joined in
    // order: the 10-million-person county's page (1.1 MB, charts and tables inline) took 0.1 s
    // on one core.
    let outcomes = run.outcomes
    let rendered = outcomes.concurrentMap { outcome in
      Result { try section(outcome, level: outcome.analysis.sectionTitle == nil ? 2 : 3) }
    }
    var currentSection: String?
    for (outcome, html) in zip(outcomes, rendered) {
      let heading = outcome.analysis.sectionTitle
      if let heading, heading != currentSection {
        if currentSection != nil { body.append("</section>") }
        body.append(sectionHeading(heading, outcome.analysis))
      } else if heading == nil, currentSection != nil {
        body.append("</section>")
      }
      currentSection = heading
      body.append(try html.get())
    }
    if currentSection != nil { body.append("</section>") }
    if !run.checks.isEmpty { body.append(try checksSection()) }
    // File names, rows read and the report's selection are in the appendix, not the sections.
    body.append(try dataSection())
    body.append(legend())
    return """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      \(Self.generatorMarker)
      <title>\(x(run.recipe.title))</title>
      <style>
      \(Self.styleSheet)
      </style>
      </head>
      <body>
      <main>
      \(body.joined(separator: "\n"))
      </main>
      </body>
      </html>

      """
  }

  /// The anchor of an analysis, e.g. `a03`.
  package func anchor(_ analysis: PlannedAnalysis) -> String {
    "a" + analysis.stem(width: run.numberWidth).prefix { $0 != "-" }
  }

  private func header() -> String {
    var lines = ["<header class=\"report\">", "<h1>\(x(run.recipe.title))</h1>"]
    if let subtitle = run.recipe.subtitle {
      lines.append("<p class=\"subtitle\">\(x(subtitle))</p>")
    }
    let count = run.outcomes.count
    let failed = run.failures.count
    var meta =
      language.text(.createdPrefix) + ReportText.timestamp(run.started, timeZone: timeZone)
      + language.text(.withStrata) + StrataVersion.current
      + " · \(count) " + language.text(.analysesNoun(count: count))
    if failed > 0 { meta += " · " + language.text(.failedCount(failed)) }
    if count < run.plannedCount {
      meta += " · " + language.text(.selectionOfAnalyses(planned: run.plannedCount))
    }
    lines.append("<p class=\"meta\">\(x(meta))</p>")
    if run.isInternal {
      lines.append(
        "<div class=\"box disclosure-warning\" role=\"alert\"><p><strong>"
          + x(language.text(.notDisclosureProtected)) + "</strong></p></div>")
    }
    if let source = run.recipe.source {
      lines.append("<p class=\"meta\">\(x(ReportingText.sourcePrefix(language) + source))</p>")
    }
    lines.append("</header>")
    return lines.joined(separator: "\n")
  }

  private func contents() -> String {
    var items: [String] = []
    var currentSection: String?
    for outcome in run.outcomes {
      let heading = outcome.analysis.sectionTitle
      if heading != currentSection {
        if currentSection != nil { items.append("</ul></li>") }
        if let heading {
          items.append(
            "<li class=\"section\"><a href=\"#\(sectionAnchor(outcome.analysis))\">\(x(heading))</a><ul>"
          )
        }
        currentSection = heading
      }
      let failed = outcome.failure != nil
      let mark = failed ? language.text(.failedMark) : ""
      items.append(
        "<li\(failed ? " class=\"failed\"" : "")><span class=\"number\">\(outcome.analysis.number).</span> "
          + "<a href=\"#\(anchor(outcome.analysis))\">\(x(outcome.analysis.title))</a>\(x(mark))</li>"
      )
    }
    if currentSection != nil { items.append("</ul></li>") }
    if !run.checks.isEmpty {
      items.append(
        "<li><span class=\"number\"></span><a href=\"#checks\">\(language.text(.checkAgainstPublished))</a></li>"
      )
    }
    items.append(
      "<li><span class=\"number\"></span><a href=\"#data\">\(language.text(.dataHeading))</a></li>"
    )
    items.append(
      "<li><span class=\"number\"></span><a href=\"#legend\">\(language.text(.symbolsHeading))</a></li>"
    )
    return "<nav class=\"toc\">\n<h2>\(language.text(.contents))</h2>\n<ul>\n"
      + items.joined(separator: "\n") + "\n</ul>\n</nav>"
  }

  /// The anchor of the section an analysis opens, e.g. `s03`.
  package func sectionAnchor(_ analysis: PlannedAnalysis) -> String {
    "s" + analysis.stem(width: run.numberWidth).prefix { $0 != "-" }
  }

  private func sectionHeading(_ heading: String, _ first: PlannedAnalysis) -> String {
    var lines = [
      "<section id=\"\(sectionAnchor(first))\" class=\"report-section\">",
      "<h2 class=\"section\">\(x(heading))</h2>",
    ]
    if let note = first.entry.section?.note { lines.append("<p class=\"note\">\(x(note))</p>") }
    return lines.joined(separator: "\n")
  }

  /// The reason an analysis failed, without the "Recipe entry n (title) failed:" prefix.
  package static func reason(_ failure: JobError) -> String {
    if case .recipeEntry(_, _, let message) = failure { return message }
    return failure.description
  }

  private func failureSummary() -> String {
    let count = run.failures.count
    var lines = [
      "<div class=\"box\" role=\"alert\"><p><strong>"
        + x(language.text(.analysesFailed(count: count)))
        + "</strong></p><ul>"
    ]
    for outcome in run.failures {
      let analysis = outcome.analysis
      lines.append(
        "<li><a href=\"#\(anchor(analysis))\">\(analysis.number). \(x(analysis.title))</a>: "
          + x(Self.reason(outcome.failure!)) + "</li>")
    }
    lines.append("</ul></div>")
    return lines.joined(separator: "\n")
  }

  private func section(_ outcome: AnalysisOutcome, level: Int) throws -> String {
    let analysis = outcome.analysis
    var lines = [
      "<section id=\"\(anchor(analysis))\" class=\"analysis\">",
      "<h\(level)>\(analysis.number). \(x(analysis.title))</h\(level)>",
    ]
    // The selection in words (the entry's `selection:`, else the filter from the codebook's
    // labels); the filter as code is in the data appendix. Run times go to stderr, not here.
    var meta = [x(ReportText.kind(analysis.entry.kind, language))]
    if let selection = analysis.selection ?? selectionWords(outcome) {
      meta.append(x(language.text(.selectionPrefix) + selection))
    }
    lines.append("<p class=\"meta\">\(meta.joined(separator: " · "))</p>")
    if let note = analysis.entry.note { lines.append("<p class=\"note\">\(x(note))</p>") }
    guard let result = outcome.jobResult else {
      lines.append(
        "<div class=\"box\" role=\"alert\"><p><strong>\(x(language.text(.analysisFailed)))</strong> \(x(outcome.failure.map(Self.reason) ?? ""))</p></div>"
      )
      lines.append("</section>")
      return lines.joined(separator: "\n")
    }
    // What the reader needs to know besides the tables, in the report's language; the
    // analyst's English warnings (file names, filter code) are in the analysis's JSON.
    if !result.notices.isEmpty {
      lines.append(
        "<div class=\"warnings\"><strong>\(x(language.text(.noticesHeading)))</strong><ul>")
      for notice in result.notices { lines.append("<li>\(x(notice))</li>") }
      lines.append("</ul></div>")
    }
    let fragment = HTMLRenderer(mode: .fragment)
    for table in result.tables {
      let shown = table.pageExcerpt()  // a long ranked table: its top and bottom rows
      lines.append("<div class=\"table-wrap\">\n" + (try fragment.render(shown)) + "</div>")
    }
    for (k, chart) in result.charts.enumerated() {
      let svg = InlineSVG.prepare(chart.svg, idPrefix: "\(anchor(analysis))-c\(k + 1)")
      // The chart draws its own title; the SVG's <title> names it for screen readers.
      lines.append("<figure class=\"chart\">\n\(svg)\n</figure>")
    }
    lines.append("</section>")
    return lines.joined(separator: "\n")
  }

  private func checksSection() throws -> String {
    let failures = run.failingChecks.count
    let summary = FigureCheck.summary(run.checks, language: language)
    let table = try FigureCheck.table(run.checks, language: language)
    return """
      <section id="checks">
      <h2>\(x(language.text(.checkAgainstPublished)))</h2>
      <div class="box\(failures == 0 ? " ok" : "")"><p>\(x(summary))</p></div>
      <div class="table-wrap">
      \(try HTMLRenderer(mode: .fragment).render(table))</div>
      </section>
      """
  }

  private func legend() -> String {
    let entries: [(String, String)] = [
      ("..", ReportText.suppressionRule(run.weakestThreshold, language)),
      ("-", ReportingText.cannotOccurLegend(language)),
      ("0", language.text(.zeroLegend)),
      (language.text(.roundedZeroSymbol), language.text(.lessThanHalfUnitLegend)),
      ("*", ReportingText.flagLegend(.uncertain, language)),
    ]
    let items = entries.map { "<dt>\(x($0.0))</dt><dd>\(x($0.1))</dd>" }.joined(separator: "\n")
    return """
      <footer id="legend">
      <h2>\(x(language.text(.symbolsHeading)))</h2>
      <dl class="legend">
      \(items)
      </dl>
      <p>\(x(language.text(.madeFromRecipe)))<code>\(x(URL(fileURLWithPath: run.recipe.file).lastPathComponent))</code>.</p>
      </footer>
      """
  }

  /// An analysis's filter in words from its codebook's labels.
  private func selectionWords(_ outcome: AnalysisOutcome) -> String? {
    guard let filter = outcome.filter, let parsed = try? RowFilter(parsing: filter) else {
      return outcome.filter
    }
    let codebook = (try? run.recipe.codebook(for: outcome.analysis.entry)) ?? .canonical
    return parsed.wording(codebook: codebook, language: language)
  }
}
