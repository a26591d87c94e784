import Foundation
import StatsTestSupport
import Testing

@testable import Microdata

/// `NA`, the missing value of R's `write.csv` and `fwrite`, in a numeric column (declared, or
/// undeclared and otherwise numbers) is read as missing and counted in a note per column; in a
/// column that stays text it is text.
@Suite struct MissingMarkerTests {
  /// The note's count and first line per variable, in column order.
  static func notes(_ data: Dataset) -> [String: [Int]] {
    var notes: [String: [Int]] = [:]
    for issue in data.loadReport.issues where issue.kind == "missingMarker" {
      #expect(issue.action == .setMissing)
      notes[issue.variable ?? ""] = [issue.count, issue.firstLine]
    }
    return notes
  }

  @Test func aFileWrittenByRsWriteCSVReadsNAAsMissingInItsNumericColumns() throws {
    // Written by scripts/reference/make_r_write_csv_fixture.R.
    let data = try Dataset.load(
      contentsOf: fixture("Fixtures/r_write_csv.csv"), codebook: .canonical)
    #expect(data.rowCount == 8)
    #expect(data.loadReport.delimiter == ",")
    #expect(data.loadReport.rowsExcluded == 0)
    #expect(try data.factor("kon").codes == [0, 1, Factor.missing, 0, 1, 1, 0, Factor.missing])
    let nan = Double.nan
    func same(_ a: [Double], _ b: [Double]) -> Bool {
      a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
    #expect(same(try data.numeric("alder"), [34, nan, 51, 19, nan, 66, 27, 45]))
    #expect(data.kind(of: "misstankt") == .integer)
    #expect(same(try data.numeric("misstankt"), [0, 1, nan, 0, 0, 1, nan, 0]))
    #expect(data.kind(of: "vikt") == .decimal)
    #expect(same(try data.numeric("vikt"), [1.5, 0.25, nan, 2, 1, nan, 3.75, 1]))
    // Whole numbers and `NA` until `5e+09`: the column turns to text while read, then decimal.
    #expect(data.kind(of: "belopp") == .decimal)
    #expect(same(try data.numeric("belopp"), [nan, nan, 3, 1, 2, 5e9, 1, nan]))
    // A text column keeps `NA` as text (R quotes a string "NA" and writes a missing one bare).
    #expect(data.kind(of: "namn") == .text)
    #expect(try data.strings("namn") == ["Anna", "NA", "NA", "Bo", "Eva", "Åsa", "Per", "Lo"])
    #expect(
      Self.notes(data) == [
        "kon": [2, 4], "alder": [2, 3], "misstankt": [2, 4], "vikt": [2, 4], "belopp": [3, 2],
      ])
    let first = try #require(data.loadReport.issues.first { $0.variable == "alder" })
    #expect(first.first.description.contains("r_write_csv.csv"))
    #expect(first.first.description.contains("line 3"))
    #expect(first.first.description.contains("`NA` in `alder`"))
  }

  /// A file parsed in parallel parts: `NA` in every part, in a column that stays whole numbers,
  /// one that widens to 64 bits, one that turns decimal late and one that turns text late.
  static func csv(rows: Int) -> String {
    var lines = ["lopnr;alder;a;b;c;d"]
    for i in 0..<rows {
      let na = i % 1_000 == 7
      let a = na ? "NA" : String(i % 5)
      let b = na ? "NA" : i == rows - 3 ? "3000000000" : String(i % 9 - 4)
      let c = na ? "NA" : i == rows / 2 + 11 ? "2,5" : String(i % 3)
      let d = na ? "NA" : i == rows - 5 ? "x" : String(i % 4)
      lines.append("\(1_000_001 + i);\(na ? "NA" : String(20 + i % 50));\(a);\(b);\(c);\(d)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func inParallelPartsAndInChunksTheNotesAddUp() throws {
    let rows = 100_000
    let text = Self.csv(rows: rows)
    #expect(text.utf8.count > LoadOptions().minimumParallelBytes)
    let parallel = try Dataset(csv: text, options: LoadOptions(parallel: true))
    let sequential = try Dataset(csv: text, options: LoadOptions(parallel: false))
    #expect(parallel == sequential)
    #expect(parallel.loadReport.issues == sequential.loadReport.issues)
    let expected = rows / 1_000
    #expect(
      Self.notes(parallel) == [
        "alder": [expected, 9], "a": [expected, 9], "b": [expected, 9], "c": [expected, 9],
      ])
    #expect(parallel.kind(of: "a") == .integer && parallel.kind(of: "b") == .integer)
    #expect(parallel.kind(of: "c") == .decimal && parallel.kind(of: "d") == .text)
    let a = try parallel.numeric("a")
    let b = try parallel.numeric("b")
    let c = try parallel.numeric("c")
    let d = try parallel.strings("d")
    for i in [7, 1_007, rows / 2 + 7, rows - 993] {
      #expect(a[i].isNaN && b[i].isNaN && c[i].isNaN && d[i] == "NA", "\(i)")
    }
    #expect(a[8] == 3 && b[rows - 3] == 3_000_000_000 && c[rows / 2 + 11] == 2.5)
    #expect(d[rows - 5] == "x" && d[8] == "0")

    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("missing-marker-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    var naRows = 0
    let report = try DatasetReader(contentsOf: url, codebook: .canonical)
      .forEachChunk(rowsPerChunk: 30_000) { chunk in
        naRows += try chunk.numeric("alder").filter(\.isNaN).count
      }
    #expect(naRows == expected)
    let streamed = report.issues.filter { $0.kind == "missingMarker" && $0.variable == "alder" }
    #expect(streamed.map(\.count) == [expected] && streamed.map(\.firstLine) == [9])
  }

  @Test func aRowExcludedForAnotherProblemIsNotCounted() throws {
    let text = "alder;x\nNA;1\nNA;2;3\n5;NA\n"
    let data = try Dataset(csv: text, options: LoadOptions(errorPolicy: .skip))
    #expect(data.rowCount == 2)
    #expect(Self.notes(data) == ["alder": [1, 2], "x": [1, 4]])
    #expect(data.loadReport.excludedRows(kind: "wrongColumnCount") == 1)
  }

  @Test func naIsAnUnknownCodeOfATextCodedVariableAndMissingOfARequiredOneIsAnError() throws {
    // `brottstyp`'s codes are text: `NA` could be one, so it is reported, not guessed at.
    #expect(throws: MicrodataError.self) {
      try Dataset(csv: "brottstyp;alder\nvbek;30\nNA;31\n")
    }
    let codebook = Codebook(
      defaultMissingCodes: [""],
      variables: [Variable(name: "alder", columns: ["alder"], kind: .integer, required: true)])
    #expect {
      try Dataset(csv: "alder\n30\nNA\n", codebook: codebook)
    } throws: { ($0 as? MicrodataError)?.kind == "missingRequiredValue" }
  }
}
