import Analysis
import Foundation
import Microdata
import Tabulation

extension RepeatOffendingResult: PublishableResult {
  /// The contract JSON, the table of shares and the bar chart.
  public func publication() throws -> AnalysisPublication {
    let output = RepeatOffendingOutput(
      summary: summary, countVariable: request.countVariable, labels: labels,
      source: URL(fileURLWithPath: request.data.path).lastPathComponent, filter: request.filter)
    var options = TabulationReportOptions(
      codebook: codebook, variables: request.by + [request.countVariable],
      language: request.language, title: request.title, filter: request.filter,
      sources: [request.data.path], suppression: request.suppress)
    options.levelLabels.merge(labels, uniquingKeysWith: { codebook, _ in codebook })
    options.confidenceLevel = request.level
    let chart = TabulationChart(repeatOffending: summary, options: options)
    var publication = AnalysisPublication(
      json: try FiniteJSON.encode(output),
      tables: [ReportTable(repeatOffending: summary, options: options)],
      charts: chart.map { [PublishedChart($0, name: ["repeat"] + request.by)] } ?? [],
      warnings: summary.warnings)
    var notices = PublicationNotices(
      labels: TermLabeler(codebook: codebook, language: request.language),
      threshold: request.suppress)
    notices.rowsLeftOut(summary.excluded, population: false)
    publication.notices = notices.texts
    return try publication.titled(request.title).disclosed(
      threshold: request.suppress, language: request.language)
  }
}
