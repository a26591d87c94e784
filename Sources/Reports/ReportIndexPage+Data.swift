import Analysis
import Foundation
import Microdata
import Reporting

extension ReportIndexPage {
  /// The data section: every declared file with the rows read, kept and excluded (with the
  /// reasons), the filters, and the disclosure threshold.
  package func dataSection() throws -> String {
    let language = run.language
    let t = { (sv: String, en: String) in ReportText.text(language, sv, en) }
    var table = ReportTable(
      title: t("Datafiler", "Data files"), language: language,
      stubHeaders: [t("Namn", "Name")],
      columns: [
        ReportColumn(t("Fil", "File"), role: .label),
        ReportColumn(t("Rader lästa", "Rows read"), role: .count),
        ReportColumn(t("Rader uteslutna", "Rows excluded"), role: .count),
        ReportColumn(t("Rader i analyserna", "Rows analysed"), role: .count),
        ReportColumn(
          t("Uteslutna rader och ersatta värden", "Excluded rows and replaced values"), role: .label
        ),
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
            .text(t("inte läst i denna körning", "not read in this run")),
          ])
        continue
      }
      let report = record.report
      let reasons = report.issues.map { issue in
        let what =
          issue.action == .excluded
          ? t("rader uteslutna", "rows excluded")
          : t("värden satta som saknade", "values set to missing")
        let variable = issue.variable.map { " `\($0)`" } ?? ""
        return
          "\(ReportText.integer(issue.count)) \(what): \(issue.kind)\(variable) (\(t("första på rad", "first on line")) \(issue.firstLine))"
      }
      try table.appendRow(
        [file.name],
        [
          .text(label), .count(report.rowsRead), .count(report.rowsRead - report.rowsKept),
          .count(record.rows), .text(reasons.isEmpty ? "–" : reasons.joined(separator: "; ")),
        ])
    }
    table.footnotes.append(
      .note(
        t(
          "Rader under 15 år eller med saknade värden i en analys variabler utesluts i respektive analys och redovisas under den.",
          "Rows under 15 years of age or with missing values in an analysis's variables are excluded in that analysis and reported under it."
        )))
    var lines = [
      "<section id=\"data\">", "<h2>\(Escaping.xml(t("Data", "Data")))</h2>",
      "<div class=\"table-wrap\">\n" + (try HTMLRenderer(mode: .fragment).render(table)) + "</div>",
    ]
    if !run.recipe.filters.isEmpty {
      let items = run.recipe.filters.sorted { $0.key < $1.key }.map { name, filter in
        "<li>\(Escaping.xml(name == "*" ? t("alla filer", "every file") : name)): <code>\(Escaping.xml(filter))</code></li>"
      }
      lines.append(
        "<p>\(Escaping.xml(t("Urval för hela rapporten:", "Selection for the whole report:")))</p><ul>\(items.joined())</ul>"
      )
    }
    let codebooks = Set(
      run.recipe.data.map {
        $0.input.codebook ?? t("den kanoniska kodboken", "the canonical codebook")
      })
    lines.append(
      "<p class=\"meta\">\(Escaping.xml(t("Kodbok: ", "Codebook: ") + codebooks.sorted().map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")))</p>"
    )
    lines.append(
      "<p class=\"meta\">\(Escaping.xml(ReportText.suppressionRule(run.recipe.suppress, language)))</p>"
    )
    lines.append("</section>")
    return lines.joined(separator: "\n")
  }
}
