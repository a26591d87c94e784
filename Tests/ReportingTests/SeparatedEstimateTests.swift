import Foundation
import LinearAlgebra
import Microdata
import RegressionModels
import Reporting
import StatsTestSupport
import Testing

/// Estimates of a separated fit are published as "–" with a note in the table's language, the
/// forest plot shows them as "–", and the JSON keeps the number with `"separation": true`.
@Suite("Separated and boundary estimates")
struct SeparatedEstimateTests {
  static let kon2 = ModelTerm.level("kon", code: "2", reference: "1")
  static let young = ModelTerm.level("aldersgrupp", code: "15-17", reference: "35-44")

  /// No suspect among the youngest: quasi-complete separation of `aldersgrupp: 15-17`.
  static func fit(firth: Bool = false) throws -> GLMFit {
    // (kon 2, young, cases, persons)
    let cells: [(Double, Double, Double, Double)] = [
      (0, 0, 120, 4_000), (1, 0, 30, 4_200), (0, 1, 0, 900), (1, 1, 0, 850),
    ]
    var x = [Double]()
    for column in 0..<3 {
      for c in cells { x.append(column == 0 ? 1 : column == 1 ? c.0 : c.1) }
    }
    var options = GLMOptions()
    if firth { options.method = .firth }
    return try GLM.fit(
      x: Matrix(rows: 4, columns: 3, columnMajor: x), y: cells.map(\.2), trials: cells.map(\.3),
      terms: [.intercept, kon2, young], options: options)
  }

  @Test(arguments: [Language.sv, .en])
  func separatedTermIsADashWithANote(language: Language) throws {
    let fit = try Self.fit()
    #expect(fit.separatedTerms == [Self.young])
    let labels = TermLabeler(codebook: .canonical, language: language)
    let coefficients = try fit.coefficientTable()
    let table = coefficients.reportTable(
      title: "t", labels: labels, separated: fit.separatedTerms)
    let row = try #require(table.rows.first { $0.labels[0] == labels.termLabel(Self.young) })
    #expect(row.cells.allSatisfy { $0.content == .text("–") })
    #expect(row.cells[0].notes == ["b"])
    let note = try #require(table.footnotes.first { $0.marker == "b" })
    #expect(note.text == language.text(.separatedEstimateNote))
    // The other terms keep their numbers.
    let sex = try #require(table.rows.first { $0.labels[0] == labels.termLabel(Self.kon2) })
    #expect(sex.cells[0].number != nil)
    // The forest plot draws no point for it.
    let forest = coefficients.forestRows(labels: labels, separated: fit.separatedTerms)
    #expect(forest.first { $0.term == labels.termLabel(Self.young) }?.estimate.isNaN == true)
    // The JSON keeps the number and says why it is not published.
    let summary = try fit.summary()
    let young = try #require(summary.coefficients.first { $0.term == Self.young.name })
    #expect(young.separation)
    #expect(young.estimate.map { abs($0) > 12 } == true)
    #expect(summary.coefficients.filter(\.separation).count == 1)
  }

  /// Firth's estimates are finite: nothing is hidden, though the data are separated.
  @Test func firthEstimatesArePublished() throws {
    let fit = try Self.fit(firth: true)
    #expect(fit.separatedTerms.isEmpty)
    #expect(try fit.summary().coefficients.allSatisfy { !$0.separation })
  }

  @Test func boundaryRule() {
    #expect(BoundaryEstimate.isBoundary(estimate: 12.5, standardError: 1))
    #expect(BoundaryEstimate.isBoundary(estimate: 1, standardError: 50.1))
    #expect(BoundaryEstimate.isBoundary(estimate: .infinity, standardError: 1))
    #expect(!BoundaryEstimate.isBoundary(estimate: -11.9, standardError: 49.9))
  }
}
