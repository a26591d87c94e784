import Analysis
import Foundation
import Microdata
import Reporting

extension ReportIndexPage {
  /// The data section: every declared file with the rows read, kept and excluded (with the
  /// reasons), the filters, and the disclosure threshold.
  package func dataSection() throws -> String {
    let language = run.language
    var table = ReportTable(
      title: language.text(.dataFiles), language: language,
      stubHeaders: [language.text(.name)],
      columns: [
        ReportColumn(language.text(.file), role: .label),
        ReportColumn(language.text(.rowsRead), role: .count),
        ReportColumn(language.text(.rowsExcluded), role: .count),
        ReportColumn(language.text(.rowsAnalysed), role: .count),
        ReportColumn(language.text(.excludedAndReplaced), role: .label),
      ])
    for file in run.recipe.data {
      let name = URL(fileURLWithPath: file.input.path).lastPathComponent
      let label = file.description.map { "\(name) — \($0)" } ?? name
      guard
        let record = run.files.first(where: {
          DatasetCache.key($0.input) == DatasetCache.key(file.input)
        })
      else {
        try table.appendRow(
          [file.name],
          [
            .text(label), .missing, .missing, .missing,
            .text(language.text(.notReadInThisRun)),
          ])
        continue
      }
      let report = record.report
      let reasons = report.issues.map { issue in
        let what =
          issue.action == .excluded
          ? language.text(.rowsExcludedInline)
          : language.text(.valuesSetMissing)
        let variable = issue.variable.map { " `\($0)`" } ?? ""
        return
          "\(run.publishedCountText(issue.count)) \(what): \(language.text(.loadIssue(kind: issue.kind)))\(variable) (\(language.text(.firstOnLine)) \(issue.firstLine))"
      }
      // A register read for the persons another file names (`KeySelection`) shows what it
      // would without the selection: its skipped rows are rows of the register, not excluded
      // ones (and the number of persons named is not a figure the report publishes).
      try table.appendRow(
        [file.name],
        [
          .text(label), .count(report.rowsRead),
          run.publishedCount(report.rowsLeftOut),
          .count(record.rows + report.rowsSkipped),
          .text(reasons.isEmpty ? "–" : reasons.joined(separator: "; ")),
        ])
    }
    table.footnotes.append(
      .note(language.text(.exclusionPerAnalysisNote)))
    var lines = [
      "<section id=\"data\" class=\"appendix\">",
      "<h2>\(Escaping.xml(language.text(.dataHeading)))</h2>",
      "<p>\(Escaping.xml(language.text(.appendixIntro)))</p>",
      "<div class=\"table-wrap\">\n" + (try HTMLRenderer(mode: .fragment).render(table)) + "</div>",
    ]
    if !run.recipe.filters.isEmpty {
      let items = run.recipe.filters.sorted { $0.key < $1.key }.map { name, filter in
        "<li>\(Escaping.xml(name == "*" ? language.text(.everyFile) : name)): \(Escaping.xml(filterWords(filter)))</li>"
      }
      lines.append(
        "<p>\(Escaping.xml(language.text(.selectionForReport)))</p><ul>\(items.joined())</ul>"
      )
    }
    let codebooks = Set(
      run.recipe.data.map {
        $0.input.codebook ?? language.text(.canonicalCodebook)
      })
    lines.append(
      "<p class=\"meta\">\(Escaping.xml(language.text(.codebookPrefix) + codebooks.sorted().map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")))</p>"
    )
    lines.append(
      "<p class=\"meta\">\(Escaping.xml(ReportText.suppressionRule(run.weakestThreshold, language)))</p>"
    )
    lines.append(filesPerAnalysis())
    lines.append("</section>")
    return lines.joined(separator: "\n")
  }

  /// A report-wide filter in words from the canonical codebook's labels.
  private func filterWords(_ filter: String) -> String {
    guard let parsed = try? RowFilter(parsing: filter) else { return filter }
    return parsed.wording(codebook: .canonical, language: run.language)
  }

  /// The files written for each analysis, linked (tables in every format, charts, JSON).
  private func filesPerAnalysis() -> String {
    var items: [String] = []
    for outcome in run.outcomes {
      let analysis = outcome.analysis
      guard let links = files[analysis.number]?.links, !links.isEmpty else { continue }
      let anchors = links.map {
        "<a href=\"\(Escaping.xml($0.file))\">\(Escaping.xml($0.file))</a>"
      }
      items.append(
        "<li><a href=\"#\(anchor(analysis))\">\(analysis.number). \(Escaping.xml(analysis.title))</a>: "
          + anchors.joined(separator: " ") + "</li>")
    }
    guard !items.isEmpty else { return "" }
    // Folded: the list is long, and a reader of the page needs it only to fetch a file.
    return
      "<details class=\"files\">\n<summary>\(Escaping.xml(run.language.text(.filesPerAnalysis)))</summary>\n<ul>\n"
      + items.joined(separator: "\n") + "\n</ul>\n</details>"
  }
}
