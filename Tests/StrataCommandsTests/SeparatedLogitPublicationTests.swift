import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting

/// A logit with quasi-complete separation on the shipped sample county: no suspect of buying
/// sex is a woman or aged 15–17, so those estimates diverge. The publication shows "–" with a
/// note and a notice in Swedish; the JSON keeps the numbers with `"separation": true`; with
/// Firth's method the estimates are finite and published.
@Suite("A separated logit, published")
struct SeparatedLogitPublicationTests {
  static func request(firth: Bool = false) -> LogitRequest {
    let sample = projectRoot().appendingPathComponent("datasets/sample")
    var request = LogitRequest(
      data: DataInput(path: sample.appendingPathComponent("suspects.csv").path),
      filter: #"brottstyp == "sexkop""#, formula: "misstankt ~ kon + aldersgrupp",
      population: DataInput(path: sample.appendingPathComponent("population.csv").path),
      suppress: 0)
    request.language = .sv
    request.firth = firth
    return request
  }

  @Test func separatedEstimatesAreDashesWithANote() throws {
    let publication = try Self.request().publish()
    let table = try #require(publication.tables.first)
    let woman = try #require(table.rows.first { $0.labels == ["Kön: Kvinna"] })
    #expect(woman.cells.allSatisfy { $0.content == .text("–") })
    #expect(table.footnotes.contains { $0.text == Language.sv.text(.separatedEstimateNote) })
    #expect(publication.notices.contains { $0.hasPrefix("Separation: ") && $0.contains("Kvinna") })
    let json = try #require(
      try JSONSerialization.jsonObject(with: publication.json) as? [String: Any])
    let coefficients = try #require(json["coefficients"] as? [[String: Any]])
    let kon2 = try #require(coefficients.first { $0["term"] as? String == "kon: 2" })
    #expect(kon2["separation"] as? Bool == true)
    #expect((kon2["estimate"] as? Double).map { abs($0) > 12 } == true)
  }

  @Test func firthPublishesFiniteEstimates() throws {
    let publication = try Self.request(firth: true).publish()
    let table = try #require(publication.tables.first)
    let woman = try #require(table.rows.first { $0.labels == ["Kön: Kvinna"] })
    #expect(woman.cells[0].number != nil)
    #expect(publication.notices.contains { $0.contains("Firths metod") })
    let json = try #require(
      try JSONSerialization.jsonObject(with: publication.json) as? [String: Any])
    #expect(json["method"] as? String == "firth")
    let coefficients = try #require(json["coefficients"] as? [[String: Any]])
    #expect(coefficients.allSatisfy { $0["separation"] as? Bool == false })
  }
}

/// A filter on a variable the population also has, with the population unfiltered, is told to
/// the reader in the report's language (the analyst's English warning is in the JSON).
@Suite("An unfiltered population, published")
struct UnfilteredPopulationNoticeTests {
  static func request(populationFilter: String? = nil) -> LogitRequest {
    let sample = projectRoot().appendingPathComponent("datasets/sample")
    var request = LogitRequest(
      data: DataInput(path: sample.appendingPathComponent("suspects.csv").path),
      filter: #"ar == 2016 && brottstyp == "vbek""#, formula: "misstankt ~ kon + fodelse",
      population: DataInput(path: sample.appendingPathComponent("population.csv").path),
      suppress: 0)
    request.populationFilter = populationFilter
    request.language = .sv
    return request
  }

  @Test func theReaderIsToldInSwedish() throws {
    let unfiltered = try Self.request().publish()
    #expect(
      unfiltered.notices.contains { $0.hasPrefix("Urvalet avgränsar de misstänkta efter År") })
    #expect(unfiltered.warnings.contains { $0.hasPrefix("The filter uses `ar`") })
    let filtered = try Self.request(populationFilter: "ar == 2016").publish()
    #expect(!filtered.notices.contains { $0.hasPrefix("Urvalet avgränsar") })
  }
}
