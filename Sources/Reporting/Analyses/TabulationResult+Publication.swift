import Analysis
import Foundation
import Microdata
import Tabulation

extension TabulationRequest {
  /// The labels, title, selection and source of this job's tables.
  func reportOptions(codebook: Codebook) -> TabulationReportOptions {
    TabulationReportOptions(
      codebook: codebook, variables: countedVariables + (weight.map { [$0] } ?? []),
      language: language, title: title, filter: filter,
      sources: [data.path] + (population.map { [$0.path] } ?? []), suppression: suppress)
  }

  /// The publication tables: the cross-tabulation; with a population its representation; the
  /// standardised rates; the test of association.
  func tables(
    summary: CrossTabSummary, standardization: DirectStandardization?,
    standardizedWithheld: Set<[String?]> = [], codebook: Codebook
  ) throws -> [ReportTable] {
    var options = reportOptions(codebook: codebook)
    options.confidenceLevel = level
    var tables = [try ReportTable(crossTab: summary, options: options)]
    var secondary = options
    secondary.title = nil
    if let representation = ReportTable.representation(summary, options: secondary) {
      tables.append(representation)
    }
    if let standardization {
      let suppressed = Set(
        (summary.cells + summary.margins + [summary.total]).filter(\.suppressed).map { record in
          standardization.groupVariables.map { record.code(of: $0) }
        })
      var table = ReportTable(
        standardized: standardization, suppressed: suppressed.union(standardizedWithheld),
        threshold: summary.suppression.threshold, options: secondary)
      if !standardizedWithheld.isEmpty {
        let stratum = TabulationText.lowercasedStart(options.variableLabel(standardization.stratum))
        table.footnotes.insert(
          .note(
            language.text(
              .standardizedWithheldNote(
                stratum: stratum,
                threshold: NumberFormat(language: language, style: .typographic).string(
                  summary.suppression.threshold, decimals: 0)))),
          at: 0)
      }
      tables.append(table)
    }
    if let test = summary.test {
      let note = testSummedOver.map { other in
        let summed = other.map(options.sentenceLabel).joined(separator: ", ")
        return language.text(
          .testSummedOverNote(
            rows: options.sentenceLabel(rows[0]), cols: options.sentenceLabel(cols[0]),
            summed: summed))
      }
      tables.append(
        ReportTable(
          associationTest: test, rows: [rows[0]], cols: [cols[0]], options: secondary, note: note))
    } else if summary.testWithheld == true, !cols.isEmpty {
      // The test table is replaced by a note under the cross-tabulation.
      let tested = [rows[0], cols[0]].map(options.sentenceLabel).joined(separator: " × ")
      tables[0].footnotes.insert(.note(language.text(.testWithheldNote(tested: tested))), at: 0)
    }
    return tables
  }

  /// The bar chart of the cells (rates with intervals when there is a population).
  func charts(summary: CrossTabSummary, codebook: Codebook) -> [PublishedChart] {
    var options = reportOptions(codebook: codebook)
    options.confidenceLevel = level
    guard let chart = TabulationChart(crossTab: summary, options: options) else { return [] }
    let kind = summary.per != nil ? "rates" : (summary.percentBase != nil ? "percent" : "counts")
    return [
      PublishedChart(chart, name: [kind] + rows + cols)
    ]
  }
}

extension TabulationResult: PublishableResult {
  /// The contract JSON, the tables (cross-tabulation, representation, standardised rates,
  /// test) and the bar chart.
  public func publication() throws -> AnalysisPublication {
    var output = TabulationOutput(
      job: request, summary: summary, population: population, standardization: standardization,
      standardizedWithheld: standardizedWithheld, countsPersons: countsPersons)
    if !coarsened.isEmpty { output.coarsened = coarsened }
    var tables = try request.tables(
      summary: summary, standardization: standardization,
      standardizedWithheld: standardizedWithheld, codebook: codebook)
    if countsPersons, !tables.isEmpty {
      tables[0].footnotes.insert(.note(request.language.text(.countsDistinctPersons)), at: 0)
    }
    if !coarsened.isEmpty, !tables.isEmpty {
      // Labels of the variables asked for too.
      var asked = request
      asked.rows += coarsened.map(\.from)
      let options = asked.reportOptions(codebook: codebook)
      for change in coarsened.reversed() {
        tables[0].footnotes.insert(
          .note(
            request.language.text(
              .coarsenedNote(
                variable: options.sentenceLabel(change.from),
                grouping: options.sentenceLabel(change.to)))), at: 0)
      }
    }
    var publication = AnalysisPublication(
      json: try FiniteJSON.encode(output), tables: tables,
      charts: request.charts(summary: summary, codebook: codebook), warnings: summary.warnings)
    var notices = PublicationNotices(
      labels: TermLabeler(codebook: codebook, language: request.language),
      threshold: request.suppress)
    notices.rowsLeftOut(summary.excluded, population: false)
    if let population { notices.rowsLeftOut(population.table.excluded, population: true) }
    publication.notices = notices.texts
    return try publication.titled(request.title).disclosed(
      threshold: request.suppress, language: request.language)
  }
}
