import Foundation
import StatsTestSupport
import Testing

@testable import Microdata

/// Parallel parsing and chunked reading give exactly what one sequential pass gives.
@Suite struct ParallelAndChunkTests {
  /// A deterministic persons-like file with quoted fields, embedded line breaks and delimiters,
  /// doubled quotes, blank lines, CRLF and missing codes, large enough to be parsed in parts.
  static func generatedCSV(rows: Int, seed: UInt64) -> String {
    var rng = SplitMix64(seed: seed)
    var lines = ["lopnr;ar;kon;alder;utbildning;fodelseland;kommun;kommentar;vikt"]
    let kommuner = ["0114", "0180", "0192", "0127"]
    for i in 0..<rows {
      var comment: String
      switch rng.next(10) {
      case 0: comment = "\"rad ett\nrad två; \"\"citat\"\"\""
      case 1: comment = "\"åäö;ÅÄÖ\""
      case 2: comment = ""
      default: comment = "k\(rng.next(1000))"
      }
      let education = rng.next(9)
      let line = [
        String(1_000_001 + i), "2017", String(1 + rng.next(2)), String(rng.next(100)),
        education == 7 ? "US" : (education == 8 ? "" : String(education + 1)),
        String(1 + rng.next(9)),
        kommuner[rng.next(4)], comment, "\(rng.next(100)),\(rng.next(10))",
      ].joined(separator: ";")
      lines.append(line)
      if rng.next(200) == 0 { lines.append("") }
    }
    return lines.joined(separator: rng.next(2) == 0 ? "\n" : "\r\n") + "\n"
  }

  @Test(arguments: [1 as UInt64, 2, 3])
  func parallelParseEqualsSequentialParse(seed: UInt64) throws {
    let csv = Self.generatedCSV(rows: 30_000, seed: seed)
    #expect(csv.utf8.count > LoadOptions().minimumParallelBytes)
    let parallel = try Dataset(csv: csv, options: LoadOptions(parallel: true))
    let sequential = try Dataset(csv: csv, options: LoadOptions(parallel: false))
    #expect(parallel.rowCount == 30_000)
    #expect(parallel == sequential)
    #expect(try parallel.strings("kommentar").filter { $0?.contains("\n") == true }.count > 2_000)
    // The split really happened: the body is cut into as many parts as there are cores.
    let bytes = Array(csv.utf8)
    let cuts = bytes.withUnsafeBufferPointer {
      RecordBoundaries.split(
        $0.baseAddress!, from: 0, to: $0.count, parts: 2, delimiter: UInt8(ascii: ";"))
    }
    #expect(cuts.count == 3)
  }

  @Test func splitPointsNeverFallInsideQuotes() throws {
    // A quoted field full of line breaks in the middle of the buffer.
    let inner = String(repeating: "x\n", count: 5_000)
    let csv =
      "a;b\n" + String(repeating: "1;2\n", count: 2_000) + "3;\"\(inner)\"\n"
      + String(repeating: "4;5\n", count: 2_000)
    let bytes = Array(csv.utf8)
    for parts in 2...6 {
      let cuts = bytes.withUnsafeBufferPointer {
        RecordBoundaries.split(
          $0.baseAddress!, from: 4, to: $0.count, parts: parts, delimiter: UInt8(ascii: ";"))
      }
      for cut in cuts.dropFirst().dropLast() {
        let before = bytes[4..<cut].filter { $0 == UInt8(ascii: "\"") }.count
        #expect(before % 2 == 0, "cut at \(cut) inside quotes")
        #expect(bytes[cut - 1] == 0x0A)
      }
    }
  }

  @Test(arguments: [(1_000, 64), (4_096, 1_000), (7, 3_000), (100_000, 512)])
  func chunkedReadingEqualsWholeReading(rowsPerChunk: Int, blockSize: Int) throws {
    let directory = temporaryDirectory()
    let url = directory.appendingPathComponent("persons.csv")
    let csv = Self.generatedCSV(rows: 5_000, seed: 7)
    try csv.write(to: url, atomically: true, encoding: .utf8)
    let whole = try Dataset.load(contentsOf: url, codebook: .canonical)
    var chunks: [Dataset] = []
    let reader = DatasetReader(
      url: url, codebook: .canonical, options: LoadOptions(), blockSize: blockSize)
    let report = try reader.forEachChunk(rowsPerChunk: rowsPerChunk) { chunks.append($0) }
    #expect(chunks.allSatisfy { $0.rowCount <= rowsPerChunk })
    #expect(chunks.dropLast().allSatisfy { $0.rowCount == rowsPerChunk })
    #expect(chunks.reduce(0) { $0 + $1.rowCount } == whole.rowCount)
    #expect(report.rowsRead == whole.loadReport.rowsRead && report.rowsKept == whole.rowCount)
    for name in ["lopnr", "kon", "alder", "utbildning", "kommun", "kommentar"] {
      let pieces = try chunks.flatMap { try $0.strings(name) }
      #expect(try pieces == whole.strings(name), "\(name)")
    }
    let lines = chunks.flatMap { chunk in (0..<chunk.rowCount).map { chunk.sourceLine(ofRow: $0) } }
    #expect(lines == (0..<whole.rowCount).map { whole.sourceLine(ofRow: $0) })
  }

  /// A file with carriage returns only (classic Mac OS) or CRLF reads the same in chunks as
  /// whole, with the same source lines, also when a block ends between CR and LF. (Streaming
  /// once found no record end in a CR-only file and stopped at the 1 MiB record limit.)
  @Test(arguments: [("\r", 64), ("\r", 1_000), ("\r\n", 63), ("\r\n", 1_000)])
  func chunkedReadingOfCarriageReturnFiles(lineEnd: String, blockSize: Int) throws {
    let url = temporaryDirectory().appendingPathComponent("cr.csv")
    var csv = "lopnr;kon;alder;kommentar" + lineEnd
    for i in 0..<2_000 {
      let comment = i % 7 == 0 ? "\"två\(lineEnd)rader; \"\"citat\"\"\"" : "x\(i)"
      csv += "\(i);\(1 + i % 2);\(20 + i % 50);\(comment)" + lineEnd
    }
    try csv.write(to: url, atomically: true, encoding: .utf8)
    let whole = try Dataset.load(contentsOf: url, codebook: .canonical)
    #expect(whole.rowCount == 2_000)
    var chunks: [Dataset] = []
    // Records of at most 2 000 bytes: the reader must find record ends long before the file ends.
    var options = LoadOptions()
    options.maximumRecordBytes = 2_000
    try DatasetReader(url: url, codebook: .canonical, options: options, blockSize: blockSize)
      .forEachChunk(rowsPerChunk: 300) { chunks.append($0) }
    #expect(chunks.reduce(0) { $0 + $1.rowCount } == 2_000)
    for name in ["lopnr", "kon", "alder", "kommentar"] {
      #expect(try chunks.flatMap { try $0.strings(name) } == whole.strings(name), "\(name)")
    }
    let lines = chunks.flatMap { chunk in (0..<chunk.rowCount).map { chunk.sourceLine(ofRow: $0) } }
    #expect(lines == (0..<whole.rowCount).map { whole.sourceLine(ofRow: $0) })
  }

  @Test func chunkedReadingReportsErrorsWithTheirLines() throws {
    let url = temporaryDirectory().appendingPathComponent("bad.csv")
    var csv = "lopnr;kon\n"
    for i in 0..<3_000 { csv += "\(i);\(i == 2_500 ? 7 : 1)\n" }
    try csv.write(to: url, atomically: true, encoding: .utf8)
    let reader = DatasetReader(
      url: url, codebook: .canonical, options: LoadOptions(), blockSize: 256)
    var seen = 0
    #expect(
      throws: MicrodataError.unknownCode(
        DataLocation(file: "bad.csv", line: 2_502, column: "kon"), variable: "kon", value: "7",
        expected: ["1", "2"])
    ) {
      try reader.forEachChunk(rowsPerChunk: 1_000) { seen += $0.rowCount }
    }
    #expect(seen == 2_000)
    let lenient = DatasetReader(
      url: url, codebook: .canonical, options: LoadOptions(errorPolicy: .skip), blockSize: 256)
    let report = try lenient.forEachChunk(rowsPerChunk: 1_000) { _ in }
    #expect(report.rowsKept == 2_999 && report.excludedRows(kind: "unknownCode") == 1)
    #expect(report.issues.first?.firstLine == 2_502)
  }

  @Test func chunkedReadingOfALatin1FileDetectsItsEncoding() throws {
    let url = temporaryDirectory().appendingPathComponent("latin.csv")
    var text = "lopnr;ort\n"
    for i in 0..<200 { text += "\(i);Österåker\n" }
    try Data(text.data(using: .isoLatin1)!).write(to: url)
    var names: [String?] = []
    try DatasetReader(url: url, codebook: .canonical, options: LoadOptions(), blockSize: 128)
      .forEachChunk(rowsPerChunk: 50) { names += try $0.strings("ort") }
    #expect(names.count == 200 && names.allSatisfy { $0 == "Österåker" })
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014, doi:10.1145/2660193.2660195): a tiny seeded generator
/// so that generated test inputs are the same on every run and platform.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func next(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The columnar store is compact: one byte per categorical value, four per integer, eight per id.
@Suite struct StorageFootprintTests {
  @Test func personsColumnsTakeTwentyBytesPerRow() throws {
    var csv = "lopnr;ar;kon;alder;utbildning;fodelseland;kommun\n"
    for i in 0..<1_000 {
      csv += "\(1_000_001 + i);2017;\(1 + i % 2);\(i % 100);\(1 + i % 7);\(1 + i % 9);0180\n"
    }
    let data = try Dataset(csv: csv)
    // lopnr 8 + ar 4 + kon 1 + alder 4 + utbildning 1 + fodelseland 1 + kommun 1 = 20 bytes per row.
    #expect(data.storageByteCount == 20 * 1_000)
  }
}
