import Foundation
import Microdata
import StatsTestSupport
import Tabulation
import Testing

@testable import Analysis

/// Leak class 7 of the disclosure issue (differencing): tables of one file under nested filters
/// are margins of one population. Two tables by sex of `alder >= 18` and `alder >= 19`, each
/// with every count at or above the threshold, publish the 18-year-olds by sex as their
/// difference. And tables that leave out different rows (education missing) are linked too.
@Suite("Linked tables across filters: differencing and rows left out")
struct LinkedFiltersTests {
  /// A suspects file: one row per person with the given sex, age and education ("" missing).
  static func file(_ people: [(kon: Int, alder: Int, utbildning: String)]) throws -> DataInput {
    var lines = ["lopnr;kon;fodelseland;alder;utbildning;brottstyp;ar"]
    for (id, person) in people.enumerated() {
      lines.append("\(id + 1);\(person.kon);1;\(person.alder);\(person.utbildning);vbek;2016")
    }
    let url = temporaryDirectory().appendingPathComponent("suspects.csv")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    return DataInput(path: url.path)
  }

  static func people(_ counts: [(kon: Int, alder: Int, n: Int)], education: String = "4")
    -> [(kon: Int, alder: Int, utbildning: String)]
  {
    counts.flatMap { c in (0..<c.n).map { _ in (c.kon, c.alder, education) } }
  }

  /// The difference of two published tables: today's per-population linking (one group per
  /// filter) leaves 2 and 3 eighteen-year-olds readable; linked across filters, the attacker's
  /// range of every implied count reaches the threshold.
  @Test func nestedFiltersAreLinkedSoDifferencesStayHidden() throws {
    let data = try Self.file(
      Self.people([(1, 18, 2), (1, 19, 9), (1, 30, 14), (2, 18, 3), (2, 19, 6), (2, 40, 11)]))
    let requests = [
      TabulationRequest(data: data, filter: "alder >= 18", rows: ["kon"]),
      TabulationRequest(data: data, filter: "alder >= 19", rows: ["kon"]),
    ]
    var results = try requests.map { try $0.run() }
    // Each table alone hides nothing (every count ≥ 5) ...
    #expect(results.allSatisfy { $0.summary.suppression.primary == 0 })
    // ... and the audit across both filters finds the 18-year-olds by sex (2 and 3) pinned.
    let before = try LinkedTabulations.audit(results)
    #expect(before.count == 1 && before[0].skipped == nil)
    let pinnedValues = before[0].findings.map(\.value).sorted()
    #expect(pinnedValues.contains(2) && pinnedValues.contains(3), "\(before[0].findings)")

    let groups = LinkedTabulations.protect(&results)
    #expect(groups.count == 1 && groups[0].skipped == nil && groups[0].filters.count == 2)
    #expect(groups[0].added > 0)
    let after = try LinkedTabulations.audit(results)
    #expect(after[0].findings.isEmpty, "after linking: \(after[0].findings)")
  }

  /// A table of age groups leaves out the persons outside every group (under 15); a table of
  /// sex counts them, so the difference of the totals is their number (here 2), a count the
  /// per-table suppression publishes and the linked suppression protects.
  @Test func rowsLeftOutByOneTableAreLinked() throws {
    let people = Self.people([(1, 30, 20), (2, 30, 15), (1, 12, 2), (2, 40, 7)])
    let data = try Self.file(people)
    let requests = [
      TabulationRequest(data: data, rows: ["kon"]),
      TabulationRequest(data: data, rows: ["aldersgrupp"]),
    ]
    var results = try requests.map { try $0.run() }
    #expect(results.allSatisfy { $0.summary.suppression.primary == 0 })
    let before = try LinkedTabulations.audit(results)
    #expect(before[0].skipped == nil)
    // The 2 under 15 (all men): among all, and among the men.
    #expect(before[0].findings.map(\.value) == [2, 2], "\(before[0].findings)")
    let groups = LinkedTabulations.protect(&results)
    #expect(groups.count == 1)
    #expect(groups[0].skipped == nil, "\(groups[0].skipped ?? "")")
    #expect(groups[0].added > 0)
    let after = try LinkedTabulations.audit(results)
    #expect(after[0].skipped == nil && after[0].findings.isEmpty, "\(after[0].findings)")
  }

  /// Variables tied by definition (two age groupings of `alder`) are not independent
  /// dimensions of the cover: only the combinations the rows take are cells, so the attacker
  /// cannot put a 25-year-old in the 55+ group of the three-group variable.
  @Test func groupingsOfOneSourceAreNotIndependentInTheCover() throws {
    let data = try Self.file(Self.people([(1, 16, 3), (1, 30, 8), (2, 40, 6), (2, 70, 5)]))
    let loaded = try data.load()
    let codebook = loaded.dataset.codebook
    let cover = try PopulationCover.build(
      of: loaded.dataset, variables: ["aldersgrupp", "aldersgrupp3"], filters: [""],
      distinctPersons: true, sources: { codebook.sources(of: $0) })
    // 4 age groups occur, each in one of the three groups: 4 cells, not 4 × 3.
    #expect(cover.cells.count == 4)
    #expect(cover.counts.sorted() == [3, 5, 6, 8])
    let groups = PopulationCover.relatedGroups(
      variableSources: [["kon"], ["malsagande_kon"], ["alder"], ["alder"], ["utbildning"]],
      filterSources: [["kon", "malsagande_kon", "relation"]])
    #expect(groups == [[0, 1], [2, 3]])
  }
}
