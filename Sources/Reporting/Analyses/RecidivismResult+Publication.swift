import Analysis
import Foundation
import Microdata
import Tabulation

extension RecidivismResult: PublishableResult {
  /// The contract JSON, the table of shares and Kaplan–Meier incidence, and the bar chart.
  public func publication() throws -> AnalysisPublication {
    let output = RecidivismOutput(job: request, summary: summary, events: events)
    var options = TabulationReportOptions(
      codebook: events.codebook, variables: request.by, language: request.language,
      title: request.title,
      filter: request.filter,
      sources: [request.suspicions.path] + (request.persons.map { [$0.path] } ?? []),
      suppression: request.suppress)
    options.levelLabels.merge(events.labels, uniquingKeysWith: { codebook, _ in codebook })
    options.confidenceLevel = request.level
    let chart = TabulationChart(recidivism: summary, options: options)
    var publication = AnalysisPublication(
      json: try FiniteJSON.encode(output),
      tables: [ReportTable(recidivism: summary, options: options)],
      charts: chart.map { [PublishedChart($0, name: ["recidivism"] + request.by)] } ?? [],
      warnings: summary.warnings)
    var notices = PublicationNotices(
      labels: TermLabeler(codebook: events.codebook, language: request.language),
      threshold: request.suppress)
    notices.rowsLeftOut(summary.excluded, population: false)
    publication.notices = notices.texts
    return try publication.titled(request.title).disclosed(
      threshold: request.suppress, language: request.language)
  }
}
