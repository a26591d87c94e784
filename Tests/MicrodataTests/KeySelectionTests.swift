import Foundation
import StatsTestSupport
import Testing

@testable import Microdata

/// Reading only the rows of selected keys (a register joined to the persons of another file)
/// keeps every row a join to those keys would match, exactly as a full read gives it, and
/// still reports every structural problem.
@Suite struct KeySelectionTests {
  /// Each row as its source line and values, for comparing datasets row by row.
  static func rows(_ data: Dataset) throws -> [String: String] {
    let columns = try data.variableNames.map { try data.strings($0) }
    let keys = try data.strings("lopnr")
    var rows: [String: String] = [:]
    for row in 0..<data.rowCount {
      let values = columns.map { $0[row] ?? "·" }.joined(separator: "|")
      rows[keys[row] ?? "row \(row)"] = "\(data.sourceLine(ofRow: row)): \(values)"
    }
    return rows
  }

  static func selection(_ keys: [Int64]) -> KeySelection {
    KeySelection(variable: "lopnr", keys: KeyColumn(storage: .integers(keys)))
  }

  @Test(arguments: [1 as UInt64, 2, 3])
  func selectedRowsAreTheFullReadsRowsOfThoseKeys(seed: UInt64) throws {
    // Quoted fields with line breaks, doubled quotes, blank lines, CRLF in some files.
    let csv = ParallelAndChunkTests.generatedCSV(rows: 20_000, seed: seed)
    let full = try Dataset(csv: csv)
    var rng = SplitMix64(seed: seed)
    // One key in 20 of the file, keys the file does not have, and a missing key.
    var keys = (0..<1_000).map { _ in Int64(1_000_001 + rng.next(20_000)) }
    keys += [5, 999_999_999, Int64.min]
    let wanted = Set(keys)
    let all = try Self.rows(full)
    for parallel in [false, true] {
      var options = LoadOptions(parallel: parallel)
      options.minimumParallelBytes = 4_096
      options.selection = Self.selection(keys)
      let selected = try Dataset(csv: csv, options: options)
      let rows = try Self.rows(selected)
      // Every row of a selected key, as the full read gives it (values and line).
      for (key, row) in all where wanted.contains(Int64(key)!) {
        #expect(rows[key] == row, "lopnr \(key)")
      }
      // Nothing else than rows of the full read; rows whose record holds a quote are read in full.
      for (key, row) in rows { #expect(all[key] == row, "lopnr \(key)") }
      let report = selected.loadReport
      #expect(report.rowsRead == full.loadReport.rowsRead)
      #expect(report.rowsKept + report.rowsSkipped == full.rowCount)
      #expect(report.rowsSkipped > 14_000, "most rows skipped: \(report.rowsSkipped)")
      #expect(selected.rowCount < 6_000)
    }
  }

  @Test func chunkedReadingSelectsTheSameRows() throws {
    let directory = temporaryDirectory()
    let url = directory.appendingPathComponent("persons.csv")
    try ParallelAndChunkTests.generatedCSV(rows: 5_000, seed: 11).write(
      to: url, atomically: true, encoding: .utf8)
    var options = LoadOptions()
    options.selection = Self.selection((0..<5_000).filter { $0 % 7 == 0 }.map { 1_000_001 + $0 })
    let whole = try Dataset.load(contentsOf: url, codebook: .canonical, options: options)
    var chunks: [Dataset] = []
    let report = try DatasetReader(url: url, codebook: .canonical, options: options, blockSize: 97)
      .forEachChunk(rowsPerChunk: 100) { chunks.append($0) }
    var chunked: [String: String] = [:]
    for chunk in chunks { chunked.merge(try Self.rows(chunk)) { a, _ in a } }
    #expect(chunked == (try Self.rows(whole)))
    #expect(report.rowsSkipped == whole.loadReport.rowsSkipped)
    #expect(report.rowsSkipped > 3_000)
  }

  @Test func skippedRowsAreCheckedForTheirShape() throws {
    var options = LoadOptions()
    options.selection = Self.selection([1])
    let header = "lopnr;kon;alder\n"
    // A row of another person with a field too few: still an error naming its line.
    #expect {
      try Dataset(csv: header + "1;1;40\n2;2\n3;1;50\n", options: options)
    } throws: { error in
      (error as? MicrodataError)?.kind == "wrongColumnCount"
        && (error as? MicrodataError)?.location?.line == 3
    }
    // One field too many, and a line over the record limit.
    #expect(throws: MicrodataError.self) {
      try Dataset(csv: header + "1;1;40\n2;2;30;9\n", options: options)
    }
    var short = options
    short.maximumRecordBytes = 32
    #expect(throws: MicrodataError.self) {
      try Dataset(
        csv: header + "1;1;40\n2;2;" + String(repeating: "3", count: 40) + "\n", options: short)
    }
    // An unknown code in a row no key selects is not read (counted as skipped) ...
    let data = try Dataset(csv: header + "1;1;40\n2;7;30\n", options: options)
    #expect(data.rowCount == 1 && data.loadReport.rowsSkipped == 1 && data.loadReport.rowsRead == 2)
    // ... unless the row holds a quote: then it is read, and its problem reported.
    #expect(throws: MicrodataError.self) {
      try Dataset(csv: header + "1;1;40\n2;\"7\";30\n", options: options)
    }
  }

  @Test func keysThatAreNotPlainNumbersAreReadAnyway() throws {
    var options = LoadOptions()
    options.selection = Self.selection([1])
    // A leading zero, spaces, text: read as usual (a join to key 1 could not match them, but
    // only plain numbers are decided while scanning). Trailing delimiters and CRLF line ends.
    let csv =
      "lopnr;kon;alder;\r\n1;1;40;\r\n2;2;30;\r\n012;1;20;\r\n 3;2;25;\r\nA7;1;33;\r\n4;1;50;"
    let data = try Dataset(csv: csv, options: options)
    #expect(try data.strings("lopnr") == ["1", "012", "3", "A7"])
    #expect((0..<data.rowCount).map { data.sourceLine(ofRow: $0) } == [2, 4, 5, 6])
    #expect(data.loadReport.rowsSkipped == 2)
    #expect(data.loadReport.rowsRead == 6)
  }

  @Test func textKeysThatAreNumbersSelectThoseNumbers() throws {
    var text = TextColumn()
    for key in ["12", "A7", "007", "3"] { text.append(key) }
    let selection = KeySelection(variable: "lopnr", keys: KeyColumn(storage: .text(text)))
    #expect(selection.count == 2)
    var options = LoadOptions()
    options.selection = selection
    let data = try Dataset(csv: "lopnr;kon\n3;1\n7;2\n12;1\n13;2\n", options: options)
    #expect(try data.strings("lopnr") == ["3", "12"])
  }

  @Test(arguments: [0 as Int64, 1 << 20, 1 << 50])
  func keySetAgreesWithASet(spread: Int64) {
    // A dense range (a bitmap) and wide ones (open addressing), with negative keys.
    var rng = SplitMix64(seed: UInt64(spread) &+ 5)
    let keys = (0..<5_000).map { i in
      Int64(i) * 3 - 700 + Int64(rng.next(1 << 12)) &* spread
    }
    let set = IntegerKeySet(keys + keys.prefix(100) + [Int64.min])
    let reference = Set(keys)
    #expect(set.count == reference.count)
    for key in keys { #expect(set.contains(key)) }
    for _ in 0..<20_000 {
      let probe = keys[rng.next(keys.count)] &+ Int64(rng.next(5)) - 2
      #expect(set.contains(probe) == reference.contains(probe), "key \(probe)")
    }
    #expect(!set.contains(Int64.min) && !set.contains(Int64.max))
    #expect(!IntegerKeySet([]).contains(0))
  }
}
