import Foundation
import Microdata
import StatsTestSupport
import Testing

@testable import Analysis
@testable import Reporting

/// `TabulationRequest.coarsen`: a table that would hide more than half of its cells is shown
/// in a coarser grouping of the same variable, when the codebook has one that nests and hides
/// less, and says so.
@Suite("Coarser groupings for mostly suppressed tables")
struct CoarseningTests {
  static let suspects = DataInput(
    path: projectRoot().appendingPathComponent("datasets/sample/suspects.csv").path)

  static func request(_ cols: [String], filter: String, coarsen: Bool) -> TabulationRequest {
    TabulationRequest(
      data: suspects, filter: filter, rows: ["kon"], cols: cols, coarsen: coarsen)
  }

  /// Suspects of child abuse in 2016 by sex and age group: with seven groups more than half of
  /// the cells are hidden; with three, fewer.
  @Test func aMostlySuppressedTableIsShownInACoarserGrouping() throws {
    let filter = #"brottstyp == "vnr_barn" && ar == 2016"#
    let asked = try Self.request(["aldersgrupp"], filter: filter, coarsen: false).run()
    let before = TabulationRequest.hiddenShare(asked)
    #expect(before > TabulationRequest.coarseningShare)
    #expect(asked.coarsened.isEmpty)

    let result = try Self.request(["aldersgrupp"], filter: filter, coarsen: true).run()
    #expect(result.request.cols == ["aldersgrupp3"])
    #expect(result.coarsened == [Coarsening(from: "aldersgrupp", to: "aldersgrupp3")])
    #expect(TabulationRequest.hiddenShare(result) < before)
    let publication = try result.publication()
    let notes = publication.tables[0].footnotes.map(\.text)
    #expect(
      notes.contains {
        $0.contains("åldersgrupp (tre grupper) i stället för åldersgrupp")
      }, "\(notes)")
    let json = try #require(
      JSONSerialization.jsonObject(with: publication.json) as? [String: Any])
    let coarsened = try #require(json["coarsened"] as? [[String: String]])
    #expect(coarsened == [["from": "aldersgrupp", "to": "aldersgrupp3"]])
  }

  /// When no coarser grouping hides less (birth region has only the two-level grouping, and
  /// sex none), the table stays as asked and says nothing.
  @Test func aTableNoGroupingHelpsStaysAsAsked() throws {
    let filter = #"brottstyp == "vnr_ovrig" && ar == 2016"#
    let result = try TabulationRequest(
      data: Self.suspects, filter: filter, rows: ["kon", "fodelse"], cols: ["aldersgrupp"],
      coarsen: true
    ).run()
    #expect(TabulationRequest.hiddenShare(result) > TabulationRequest.coarseningShare)
    #expect(result.request.cols == ["aldersgrupp"] && result.request.rows == ["kon", "fodelse"])
    #expect(result.coarsened.isEmpty)
  }

  /// Coarser means: same source, fewer levels, and nested in the data.
  @Test func coarserGroupingsNestInTheData() throws {
    let loaded = try Self.suspects.load()
    let dataset = loaded.dataset
    let codebook = dataset.codebook
    #expect(
      TabulationRequest.coarserGroupings(of: "aldersgrupp", in: dataset, codebook: codebook)
        .contains("aldersgrupp3"))
    #expect(
      TabulationRequest.coarserGroupings(of: "fodelseregion", in: dataset, codebook: codebook)
        == ["fodelse"])
    #expect(
      TabulationRequest.coarserGroupings(of: "fodelse", in: dataset, codebook: codebook).isEmpty)
    #expect(
      !TabulationRequest.coarserGroupings(of: "aldersgrupp3", in: dataset, codebook: codebook)
        .contains("aldersgrupp"))
  }
}
