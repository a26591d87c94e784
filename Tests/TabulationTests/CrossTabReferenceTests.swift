import Microdata
import StatsTestSupport
import Testing

@testable import Tabulation

/// Cross-tabulation of a 5 000-row synthetic dataset against R's `xtabs` and `apply` margins.
@Suite("CrossTab against R xtabs")
struct CrossTabReferenceTests {
  let reference = ReferenceValues.shared.crosstab

  func factors() -> [Factor] {
    zip(reference.variables, reference.shape).map { name, k in
      factor(name, levels: k, reference.codes[name]!)
    }
  }

  @Test("counts, weighted counts, margins and exclusions equal xtabs exactly")
  func matchesXtabs() throws {
    let table = try CrossTab(factors())
    #expect(table.counts == reference.counts)
    #expect(table.total == reference.total)
    #expect(table.excluded.rows == reference.excludedRows)
    #expect(table.excluded.missing == reference.missing)
    #expect(table.excluded.outside == reference.outside)
    let weighted = try CrossTab(
      factors(), weight: .integers(name: "antal_misstankar", reference.weights))
    #expect(weighted.counts == reference.weightedCounts)
    #expect(weighted.total == reference.weightedTotal)
    #expect(weighted.records == table.counts.map { Int64($0) })
    for margin in reference.margins {
      let names = margin.kept.map { reference.variables[$0] }
      #expect(try table.margin(keeping: names).counts == margin.counts, "\(names)")
      #expect(try weighted.margin(keeping: names).counts == margin.weighted, "\(names)")
    }
  }
}
