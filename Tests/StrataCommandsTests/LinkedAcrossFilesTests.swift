import Foundation
import Microdata
import StatsTestSupport
import Tabulation
import Testing

@testable import Analysis

/// Linked tables across files: a report counts the same persons in several files (suspects,
/// persons derived from suspicions, the index persons of recidivism), so a count one file's
/// tables suppress can be read off another's. Linked per file, the suppressed cell below is
/// pinned; joined through the persons (`JointCover`), it is protected.
///
/// The persons: men born in Sweden 17, born abroad 3; women 10 and 9. The table of sex ×
/// birth suppresses the 3 and, to protect it, the other three cells, publishing the margins.
@Suite("Linked tables across files of the same persons")
struct LinkedAcrossFilesTests {
  static let groups: [(kon: Int, fodelseland: Int, n: Int, reoffend: Int)] = [
    (1, 1, 17, 6), (1, 6, 3, 1), (2, 1, 10, 5), (2, 6, 9, 2),
  ]

  /// One row per person (`P1`…), written to `name` in a new directory; `leaving` persons
  /// (by number) out.
  static func personsFile(_ name: String, leaving left: Set<Int> = []) throws -> DataInput {
    var lines = ["lopnr;ar;kon;alder;utbildning;fodelseland;brottstyp"]
    var id = 0
    for group in groups {
      for _ in 0..<group.n {
        id += 1
        guard !left.contains(id) else { continue }
        lines.append("P\(id);2016;\(group.kon);30;4;\(group.fodelseland);vbek")
      }
    }
    let url = temporaryDirectory().appendingPathComponent(name)
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    return DataInput(path: url.path)
  }

  /// One index suspicion per person on 2016-02-01; the first `reoffend` of each group are
  /// suspected again on 2016-05-01.
  static func suspicionsFile() throws -> DataInput {
    var lines = ["lopnr;datum"]
    var id = 0
    for group in groups {
      for k in 0..<group.n {
        id += 1
        lines.append("P\(id);2016-02-01")
        if k < group.reoffend { lines.append("P\(id);2016-05-01") }
      }
    }
    let url = temporaryDirectory().appendingPathComponent("suspicions.csv")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    return DataInput(path: url.path)
  }

  /// Two files of the same persons: the women by birth, published from the second file, give
  /// the suppressed cells of the first file's table (10 and 9, and so 17 and 3).
  @Test func twoFilesOfTheSamePersonsAreLinked() throws {
    let first = try Self.personsFile("suspects.csv")
    let second = try Self.personsFile("suspects-copy.csv")
    var results = [
      try TabulationRequest(data: first, rows: ["kon"], cols: ["fodelse"]).run(),
      try TabulationRequest(data: second, filter: "kon == 2", rows: ["fodelse"]).run(),
    ]
    #expect(results[0].summary.suppression.primary == 1)
    #expect(results[1].summary.suppression.primary == 0)
    // Linked file by file, as before: each file is safe alone ...
    var firstOnly = [results[0]]
    var secondOnly = [results[1]]
    _ = LinkedTabulations.protect(&firstOnly)
    _ = LinkedTabulations.protect(&secondOnly)
    let before = try LinkedTabulations.audit(firstOnly + secondOnly)
    #expect(before.count == 1 && before[0].skipped == nil)
    // ... but together the men born abroad (3) are pinned.
    #expect(before[0].findings.map(\.value).contains(3), "\(before[0].findings)")

    let groups = LinkedTabulations.protect(&results)
    #expect(groups.count == 1 && groups[0].populations == 2 && groups[0].unlinked.isEmpty)
    #expect(groups[0].added > 0)
    let after = try LinkedTabulations.audit(results)
    #expect(after[0].skipped == nil && after[0].findings.isEmpty, "\(after[0].findings)")
  }

  /// A second file of the same persons but two (men born in Sweden): both tables of sex are
  /// safe alone (20 and 18 men), but their difference is the 2 men missing from the second.
  @Test func aDifferenceOfTwoFilesIsProtected() throws {
    let first = try Self.personsFile("suspects.csv")
    let second = try Self.personsFile("suspects-but-two.csv", leaving: [1, 2])
    var results = [
      try TabulationRequest(data: first, rows: ["kon"]).run(),
      try TabulationRequest(data: second, rows: ["kon"]).run(),
    ]
    #expect(results.allSatisfy { $0.summary.suppression.primary == 0 })
    let before = try LinkedTabulations.audit(results)
    #expect(before.count == 1 && before[0].skipped == nil)
    #expect(before[0].findings.map(\.value).contains(2), "\(before[0].findings)")
    let groups = LinkedTabulations.protect(&results)
    #expect(groups[0].added > 0)
    let after = try LinkedTabulations.audit(results)
    #expect(after[0].skipped == nil && after[0].findings.isEmpty, "\(after[0].findings)")
  }

  /// Recidivism among persons born in Sweden, by sex, publishes its index persons per group
  /// (17 men, 10 women); with the cross-tabulation's margins they give the men born abroad.
  @Test func recidivismIsLinkedToTheTablesOfItsPersons() throws {
    let persons = try Self.personsFile("persons.csv")
    var tables = [try TabulationRequest(data: persons, rows: ["kon"], cols: ["fodelse"]).run()]
    var recidivisms = [
      try RecidivismRequest(
        suspicions: try Self.suspicionsFile(), persons: persons,
        filter: #"fodelse == "inrikes""#, windowDays: 365, by: ["kon"], end: "2018-12-31"
      ).run()
    ]
    let published = recidivisms[0].summary.groups.filter { !$0.suppressed }
    #expect(published.compactMap(\.indexEvents).sorted() == [10, 17])
    _ = LinkedTabulations.protect(&tables)
    let before = try LinkedTabulations.audit(tables, [], [], recidivisms)
    #expect(before.count == 1 && before[0].skipped == nil)
    #expect(before[0].findings.map(\.value).contains(3), "\(before[0].findings)")

    var maihdas: [MAIHDAAnalysisResult] = []
    var repeats: [RepeatOffendingResult] = []
    let groups = LinkedTabulations.protect(&tables, &maihdas, &repeats, &recidivisms)
    #expect(groups.count == 1 && groups[0].populations == 2 && groups[0].unlinked.isEmpty)
    let after = try LinkedTabulations.audit(tables, [], [], recidivisms)
    #expect(after[0].skipped == nil && after[0].findings.isEmpty, "\(after[0].findings)")
    // The recidivism table or the cross-tabulation now hides more.
    #expect(
      recidivisms[0].summary.groups.contains(where: \.suppressed)
        || tables[0].summary.suppression.secondary > 3)
  }
}
